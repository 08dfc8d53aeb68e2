// Finds the borders of a scenario: the region cut at build time when the scenario is bundled and the
// file still fits it, else the same cut made now in a Web Worker (region-worker.ts) from the Natural
// Earth atlas, which is fetched only then. No Phaser here: the UI may call it early.
import regionUrls from 'virtual:brink-regions';
// 1:10m, as the build's cuts: borders within about a kilometre, true at the map's closest zoom (8×),
// where the 1:50m file's are off by several (docs/map-performance.md).
import atlasUrl from 'world-atlas/countries-10m.json?url';
import type { Scenario } from '../scenario/schema.ts';
import type { Region } from './region.ts';
import type { RegionSpec } from './region-cut.ts';

/** A request to the region worker. */
export interface CutRequest {
  seq: number;
  atlasUrl: string;
  spec: RegionSpec;
}

/** The region worker's answer: the cut, or why there is none. */
export type CutReply = { seq: number; region: Region } | { seq: number; error: string };

/** What a region was cut for, from a scenario's `map` section. */
function specOf(map: Scenario['map']): RegionSpec {
  return {
    bounds: map.bounds,
    countries: map.countries.map((c) => ({ iso: c.iso, name: c.name })),
    borders: map.borders.map((b) => ({ id: b.id, name: b.name, between: b.between })),
  };
}

/**
 * True when `region` is the cut of this map: the same bounds and highlighted borders, and each country
 * in it listed (under the same name) exactly when the map lists it. A listed country that is not in the
 * region lies outside the bounds either way.
 */
export function fits(region: Region, map: Scenario['map']): boolean {
  const b = region.bounds;
  const m = map.bounds;
  const names = new Map(map.countries.map((c) => [c.iso, c.name]));
  const key = (x: { id: string; name: string; between: readonly string[] }) =>
    `${x.id}|${x.name}|${x.between.join()}`;
  return (
    b.west === m.west &&
    b.south === m.south &&
    b.east === m.east &&
    b.north === m.north &&
    region.countries.every((c) => (c.focus ? names.get(c.iso) === c.name : !names.has(c.iso))) &&
    region.borders.map(key).join() === map.borders.map(key).join()
  );
}

/** The bundled region of a scenario id, or undefined when none was cut or it cannot be read. */
async function bundled(scenarioId: string): Promise<Region | undefined> {
  const url = regionUrls[scenarioId];
  if (!url) return undefined;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as Region;
  } catch (e) {
    console.warn(`map: could not load the bundled borders of "${scenarioId}" from ${url}:`, e);
    return undefined;
  }
}

let worker: Worker | undefined;
let seq = 0;
const waiting = new Map<number, (reply: CutReply) => void>();

/** Cuts a map's region in the worker (started at the first cut and kept, with the atlas it fetched). */
function cutInWorker(map: Scenario['map']): Promise<Region> {
  if (!worker) {
    const w = new Worker(new URL('./region-worker.ts', import.meta.url), { type: 'module' });
    w.onmessage = (e: MessageEvent<CutReply>) => {
      waiting.get(e.data.seq)?.(e.data);
      waiting.delete(e.data.seq);
    };
    w.onerror = (e) => {
      e.preventDefault();
      worker = undefined;
      for (const done of waiting.values())
        done({ seq: -1, error: `the region worker failed (${e.message})` });
      waiting.clear();
    };
    worker = w;
  }
  const id = ++seq;
  const request: CutRequest = { seq: id, atlasUrl: new URL(atlasUrl, location.href).href, spec: specOf(map) };
  const w = worker;
  return new Promise((resolve, reject) => {
    waiting.set(id, (reply) => ('region' in reply ? resolve(reply.region) : reject(new Error(reply.error))));
    w.postMessage(request);
  });
}

/**
 * The borders of `scenario`: bundled when they fit its map, else cut now; undefined, with a console
 * warning saying why, when neither can be had (the map then draws a graticule).
 */
export async function loadRegion(scenario: Scenario): Promise<Region | undefined> {
  const ready = await bundled(scenario.meta.id);
  if (ready && fits(ready, scenario.map)) return ready;
  // A file of its own, or a designer's copy of a bundled scenario whose map has changed.
  try {
    return await cutInWorker(scenario.map);
  } catch (e) {
    console.warn(`map: could not cut the borders of "${scenario.meta.id}" from the world atlas:`, e);
    return undefined;
  }
}

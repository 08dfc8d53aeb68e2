// Vite plugin (Node side): cuts each bundled scenario's region from Natural Earth at build time
// and ships it as a small JSON asset, so the browser never downloads the whole 10m atlas.
// The game finds the files through the virtual module `virtual:brink-regions`.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, join } from 'node:path';
import type { Topology } from 'topojson-specification';
import type { Plugin } from 'vite';
import { type CutOptions, cutRegion, type RegionSpec } from '../map/region-cut.ts';
import { scenarioFiles } from '../scenario/bundled-plugin.ts';
import { hashedAsset, type JsonAsset, jsonAssetsPlugin } from './json-assets.ts';

const ID_PATTERN = /^[a-z][a-z0-9-]*$/;

/** Options of the plugin. */
export interface RegionPluginOptions extends CutOptions {
  /** The folder of scenario files; `scenarios` under the project root by default. */
  dir?: string;
  /** Where warnings go; `console.warn` by default. */
  warn?: (message: string) => void;
}

/** One scenario's cut, serialised. */
export interface CutFile extends JsonAsset {
  scenarioId: string;
}

/** Reads the built-in Natural Earth 1:10m countries from world-atlas. */
export function loadCountries10m(): Topology {
  const path = createRequire(import.meta.url).resolve('world-atlas/countries-10m.json');
  return JSON.parse(readFileSync(path, 'utf8')) as Topology;
}

/** True when `map` has the shape the cut needs; the full schema is the validator's job. */
export function looksLikeMap(map: unknown): map is RegionSpec {
  if (typeof map !== 'object' || map === null) return false;
  const m = map as Record<string, unknown>;
  const b = m.bounds as Record<string, unknown> | undefined;
  const num = (v: unknown) => typeof v === 'number' && Number.isFinite(v);
  if (!b || !num(b.west) || !num(b.south) || !num(b.east) || !num(b.north)) return false;
  if ((b.west as number) >= (b.east as number) || (b.south as number) >= (b.north as number)) return false;
  const iso = (v: unknown) => typeof v === 'string' && /^\d{3}$/.test(v);
  if (!Array.isArray(m.countries) || m.countries.length === 0) return false;
  if (!m.countries.every((c) => typeof c === 'object' && c !== null && iso((c as { iso?: unknown }).iso)))
    return false;
  if (m.borders === undefined) return true;
  return (
    Array.isArray(m.borders) &&
    m.borders.every((x) => {
      const between = (x as { between?: unknown })?.between;
      return Array.isArray(between) && between.length === 2 && between.every(iso);
    })
  );
}

/** Cuts the region of every scenario file in `dir` (the JSON Schema excepted); skips bad files with a warning. */
export function cutScenarioRegions(
  dir: string,
  topology: () => Topology,
  options: RegionPluginOptions = {},
  assetsDir = 'assets',
): CutFile[] {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  if (!existsSync(dir)) {
    warn(`brink-regions: no scenario folder at ${dir}; no borders are bundled`);
    return [];
  }
  const files = scenarioFiles(dir);
  const cuts: CutFile[] = [];
  const seen = new Set<string>();
  for (const file of files) {
    let data: { meta?: { id?: unknown }; map?: unknown };
    try {
      data = JSON.parse(readFileSync(join(dir, file), 'utf8')) as typeof data;
    } catch (e) {
      warn(`brink-regions: skipped ${file}: not valid JSON (${(e as Error).message})`);
      continue;
    }
    const metaId = data?.meta?.id;
    const scenarioId =
      typeof metaId === 'string' && ID_PATTERN.test(metaId) ? metaId : basename(file, '.json');
    if (!looksLikeMap(data?.map)) {
      warn(`brink-regions: skipped ${file}: no valid "map" section (bounds, countries, borders)`);
      continue;
    }
    if (seen.has(scenarioId)) {
      warn(`brink-regions: skipped ${file}: scenario id "${scenarioId}" is already taken`);
      continue;
    }
    seen.add(scenarioId);
    const json = JSON.stringify(cutRegion(topology(), data.map, options));
    cuts.push({ scenarioId, ...hashedAsset(assetsDir, 'regions', scenarioId, json) });
  }
  return cuts;
}

/** The Vite plugin: `virtual:brink-regions` exports `{ [scenarioId]: url }` of the cut regions. */
export function brinkRegions(options: RegionPluginOptions = {}): Plugin {
  let atlas: Topology | undefined;
  // The atlas is read once and only when some scenario needs it (it is 3.6 MB of JSON).
  const topology = () => {
    atlas ??= loadCountries10m();
    return atlas;
  };
  return jsonAssetsPlugin<CutFile>({
    name: 'brink-regions',
    virtualId: 'virtual:brink-regions',
    dir: options.dir ?? 'scenarios',
    make: (dir, assetsDir) => cutScenarioRegions(dir, topology, options, assetsDir),
    exports: (cuts, url) => Object.fromEntries(cuts.map((c) => [c.scenarioId, url(c)])),
  });
}

// The region's countries and borders in world pixels, and where each country's name goes: everything of
// the base map that needs no Phaser, so that it can be tested in Node.
import type { Point } from './camera.ts';
import { distinctFill, palette } from './colour.ts';
import { clipRing, ringArea, ringCentroid } from './geometry.ts';
import type { MapModel } from './model.ts';
import type { Region, RegionBounds } from './region.ts';

/** A country of the region, in world pixels. */
export interface CountryShape {
  iso: string;
  name: string;
  focus: boolean;
  /** Its fill: its actor's colour, pale yet apart from the neighbours (distinctFill), or the neighbours' grey. */
  fill: number;
  /** Outer rings in world pixels, flat. */
  rings: number[][];
  /** Outline runs in world pixels (clip-edge segments left out). */
  outline: number[][];
}

/** A country name to draw, at the centre of its largest visible part. */
export interface CountryLabel {
  name: string;
  focus: boolean;
  world: Point;
}

/** The base map's shapes in world pixels; all empty without a region. */
export interface MapShapes {
  countries: CountryShape[];
  /** The highlighted borders' lines. */
  borders: number[][];
  /** Country names, for the countries with a part inside the world. */
  labels: CountryLabel[];
}

/** Projects a region's countries and borders into the model's world pixels and places the countries' names. */
export function mapShapes(model: MapModel, region: Region | undefined): MapShapes {
  if (!region) return { countries: [], borders: [], labels: [] };
  const { project } = model.projection;
  const toWorld = (flat: number[]) => {
    const out: number[] = [];
    for (let i = 0; i + 1 < flat.length; i += 2) {
      const p = project(flat[i] ?? 0, flat[i + 1] ?? 0);
      out.push(p.x, p.y);
    }
    return out;
  };
  const countries = region.countries.map((c): CountryShape => {
    const rings = c.polygons.flatMap((poly) => (poly[0] ? [poly[0]] : []));
    const world = rings.map(toWorld);
    const actorColour = model.countryColour.get(c.iso);
    // Listed countries without an actor keep their scenario name but are drawn like neighbours; governed
    // ones in their actor's colour, as pale as keeps them apart from the neighbours' grey.
    return {
      iso: c.iso,
      name: c.name,
      focus: c.focus && actorColour !== undefined,
      fill:
        actorColour !== undefined && c.focus
          ? distinctFill(actorColour, palette.neighbour)
          : palette.neighbour,
      rings: world,
      // Each ring is projected once: its outline runs take their points from the projected ring.
      outline: rings.flatMap((r, k) => outlineRuns(r, region.clip, world[k])),
    };
  });
  const labels = countries.flatMap((s) => {
    const ring = labelRing(s.rings, model.width, model.height);
    return ring ? [{ name: s.name, focus: s.focus, world: ringCentroid(ring) }] : [];
  });
  const borders = region.borders.flatMap((b) => b.lines.map(toWorld));
  return { countries, borders, labels };
}

/**
 * Splits a ring (lon/lat, flat) into runs that leave out segments lying on the clip rectangle. The runs'
 * points are taken from `points`, the same ring in other coordinates (projected, say), or from the ring.
 */
export function outlineRuns(ring: number[], clip: RegionBounds, points: number[] = ring): number[][] {
  const n = ring.length / 2;
  const onEdge = (i: number, j: number) => {
    const ax = ring[i * 2];
    const ay = ring[i * 2 + 1];
    const bx = ring[j * 2];
    const by = ring[j * 2 + 1];
    return (
      (ax === bx && (ax === clip.west || ax === clip.east)) ||
      (ay === by && (ay === clip.south || ay === clip.north))
    );
  };
  const runs: number[][] = [];
  let run: number[] = [];
  for (let k = 0; k <= n; k++) {
    const i = k % n;
    const j = (k + 1) % n;
    if (run.length === 0) run.push(points[i * 2] ?? 0, points[i * 2 + 1] ?? 0);
    if (k === n || onEdge(i, j)) {
      if (run.length >= 4) runs.push(run);
      run = [];
      continue;
    }
    run.push(points[j * 2] ?? 0, points[j * 2 + 1] ?? 0);
  }
  return runs;
}

/** The largest part of a country inside the visible world, where its name goes. */
function labelRing(rings: number[][], width: number, height: number): number[] | undefined {
  let best: number[] | undefined;
  let bestArea = 0;
  for (const ring of rings) {
    const inside = clipRing(ring, { west: 0, south: 0, east: width, north: height });
    const a = inside.length >= 6 ? Math.abs(ringArea(inside)) : 0;
    if (a > bestArea) {
      bestArea = a;
      best = inside;
    }
  }
  return best;
}

/** Cuts a flat polyline into dashes of `on` length separated by `off` gaps. */
export function dashes(line: number[], on: number, off: number): number[][] {
  const out: number[][] = [];
  let drawing = true;
  let left = on;
  let current: number[] = [line[0] ?? 0, line[1] ?? 0];
  for (let i = 0; i + 3 < line.length; i += 2) {
    let ax = line[i] ?? 0;
    let ay = line[i + 1] ?? 0;
    const bx = line[i + 2] ?? 0;
    const by = line[i + 3] ?? 0;
    let len = Math.hypot(bx - ax, by - ay);
    while (len > left) {
      const t = left / len;
      ax += (bx - ax) * t;
      ay += (by - ay) * t;
      len -= left;
      if (drawing) {
        current.push(ax, ay);
        out.push(current);
      } else current = [ax, ay];
      drawing = !drawing;
      left = drawing ? on : off;
    }
    left -= len;
    if (drawing) current.push(bx, by);
  }
  if (drawing && current.length >= 4) out.push(current);
  return out;
}

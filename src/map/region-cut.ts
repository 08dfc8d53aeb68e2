// The cut of Natural Earth borders for one scenario. Pure: TopoJSON and a map section in, a small
// plain-array region out (region.ts). The one cut of the game: the Vite plugin runs it at build time for
// the bundled scenarios (src/build/region-plugin.ts), and a Web Worker at load time for any other file
// (region-worker.ts), so topojson-client ships only in that worker's chunk.
import type { Feature, GeoJsonProperties, Geometry, MultiLineString } from 'geojson';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, GeometryObject, Topology } from 'topojson-specification';
import { clipLine, clipRing, ringArea, simplify } from './geometry.ts';
import type { Region, RegionBounds, RegionCountry } from './region.ts';

/** The part of a scenario's `map` section the cut needs (a parsed or a raw section both fit). */
export interface RegionSpec {
  bounds: RegionBounds;
  countries: { iso: string; name?: string }[];
  borders?: { id: string; name: string; between: [string, string] }[];
}

/** Options of the cut. */
export interface CutOptions {
  /** Degrees added on every side before clipping, so a canvas of another shape shows no cut edge;
   * 20% of the larger side of the bounds by default. */
  pad?: number;
  /** Douglas–Peucker tolerance in degrees; 0 keeps every point. */
  tolerance?: number;
  /** Coordinates are rounded to this step in degrees. */
  step?: number;
}

type CountryProps = { name?: string };

/** Cuts the listed countries, their neighbours inside the bounds and the highlighted borders. */
export function cutRegion(topology: Topology, spec: RegionSpec, options: CutOptions = {}): Region {
  const b = spec.bounds;
  const pad = options.pad ?? 0.2 * Math.max(b.east - b.west, b.north - b.south);
  const tolerance = options.tolerance ?? 0.01;
  const step = options.step ?? 0.01;
  const clip = { west: b.west - pad, south: b.south - pad, east: b.east + pad, north: b.north + pad };
  const object = topology.objects.countries as GeometryCollection<CountryProps> | undefined;
  if (!object) throw new Error('the topology has no "countries" object');
  const focusNames = new Map(spec.countries.map((c) => [c.iso, c.name]));
  // Only geometries near the bounds are turned into coordinates: the atlas has 255 of them.
  const near = nearby(topology, object, clip);
  const features = feature<CountryProps>(topology, { type: 'GeometryCollection', geometries: near }).features;
  const countries: RegionCountry[] = [];
  features.forEach((f, index) => {
    const iso = f.id === undefined ? '' : String(f.id);
    const polygons = clipFeature(f, clip, tolerance, step);
    if (polygons.length === 0) return;
    const focus = focusNames.has(iso);
    const name = (focus ? focusNames.get(iso) : undefined) ?? f.properties?.name ?? `#${index}`;
    countries.push({ iso, name, focus, polygons });
  });
  // Neighbours first, so the listed countries are drawn on top.
  countries.sort((x, y) => Number(x.focus) - Number(y.focus));
  const borders = (spec.borders ?? []).map((border) => ({
    id: border.id,
    name: border.name,
    between: border.between,
    lines: sharedBorder(topology, object, border.between, clip, tolerance, step),
  }));
  return { bounds: { ...b }, clip, countries, borders };
}

/** The line strings of the border shared by two countries, clipped and rounded. */
function sharedBorder(
  topology: Topology,
  object: GeometryCollection,
  [a, b]: [string, string],
  clip: RegionBounds,
  tolerance = 0.01,
  step = 0.01,
): number[][] {
  const isPair = (x: GeometryObject, y: GeometryObject) =>
    x !== y && ((x.id === a && y.id === b) || (x.id === b && y.id === a));
  const pair = {
    type: 'GeometryCollection' as const,
    geometries: object.geometries.filter((g) => g.id === a || g.id === b),
  };
  const lines: MultiLineString = mesh(topology, pair, isPair);
  const out: number[][] = [];
  for (const line of lines.coordinates) {
    for (const piece of clipLine(flatten(line), clip)) {
      const kept = roundFlat(simplify(piece, tolerance), step);
      if (kept.length >= 4) out.push(kept);
    }
  }
  return out;
}

const arcBoxes = new WeakMap<Topology, Float64Array>();

/** The bounding box of every arc, [minX, minY, maxX, maxY] per arc, in degrees; computed once per atlas. */
function boxesOf(topology: Topology): Float64Array {
  const cached = arcBoxes.get(topology);
  if (cached) return cached;
  const [sx, sy] = topology.transform?.scale ?? [1, 1];
  const [tx, ty] = topology.transform?.translate ?? [0, 0];
  const delta = topology.transform !== undefined; // quantised arcs are delta-encoded
  const boxes = new Float64Array(topology.arcs.length * 4);
  topology.arcs.forEach((arc, i) => {
    let x = 0;
    let y = 0;
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const p of arc) {
      x = delta ? x + (p[0] ?? 0) : (p[0] ?? 0);
      y = delta ? y + (p[1] ?? 0) : (p[1] ?? 0);
      const lon = x * sx + tx;
      const lat = y * sy + ty;
      if (lon < minX) minX = lon;
      if (lon > maxX) maxX = lon;
      if (lat < minY) minY = lat;
      if (lat > maxY) maxY = lat;
    }
    boxes.set([minX, minY, maxX, maxY], i * 4);
  });
  arcBoxes.set(topology, boxes);
  return boxes;
}

/** The geometries of `object` whose bounding box meets `clip` (a country may enclose the whole clip). */
function nearby(
  topology: Topology,
  object: GeometryCollection<CountryProps>,
  clip: RegionBounds,
): GeometryObject<CountryProps>[] {
  const boxes = boxesOf(topology);
  return object.geometries.filter((g) => {
    const polys = g.type === 'Polygon' ? [g.arcs] : g.type === 'MultiPolygon' ? g.arcs : [];
    let minX = Infinity;
    let minY = Infinity;
    let maxX = -Infinity;
    let maxY = -Infinity;
    for (const poly of polys)
      for (const ring of poly)
        for (const arc of ring) {
          const i = (arc < 0 ? ~arc : arc) * 4;
          minX = Math.min(minX, boxes[i] ?? Infinity);
          minY = Math.min(minY, boxes[i + 1] ?? Infinity);
          maxX = Math.max(maxX, boxes[i + 2] ?? -Infinity);
          maxY = Math.max(maxY, boxes[i + 3] ?? -Infinity);
        }
    return !(maxX < clip.west || minX > clip.east || maxY < clip.south || minY > clip.north);
  });
}

function clipFeature(
  f: Feature<Geometry, GeoJsonProperties>,
  clip: RegionBounds,
  tolerance: number,
  step: number,
): number[][][] {
  const g = f.geometry;
  if (!g) return [];
  const polys = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
  const out: number[][][] = [];
  for (const poly of polys) {
    const rings: number[][] = [];
    for (const ring of poly) {
      const clipped = clipRing(flatten(ring), clip);
      // Simplify before rounding, so rounding is the last word and nothing drifts off the grid.
      const kept = dedupeRing(roundFlat(simplify(clipped, tolerance), step));
      if (kept.length >= 6 && Math.abs(ringArea(kept)) > 0) rings.push(kept);
      else if (rings.length === 0) break; // no outer ring: the holes mean nothing
    }
    if (rings.length > 0) out.push(rings);
  }
  return out;
}

function flatten(points: number[][]): number[] {
  const flat: number[] = [];
  for (const p of points) flat.push(p[0] ?? 0, p[1] ?? 0);
  return flat;
}

function roundFlat(line: number[], step: number): number[] {
  const out: number[] = [];
  // Rounding through the inverse step keeps decimals short in JSON (0.01 → two places).
  const inv = 1 / step;
  for (let i = 0; i + 1 < line.length; i += 2) {
    const x = Math.round((line[i] ?? 0) * inv) / inv;
    const y = Math.round((line[i + 1] ?? 0) * inv) / inv;
    if (out.length >= 2 && out[out.length - 2] === x && out[out.length - 1] === y) continue;
    out.push(x, y);
  }
  return out;
}

function dedupeRing(ring: number[]): number[] {
  // The closing point repeats the first; renderers close rings themselves.
  const n = ring.length;
  if (n >= 4 && ring[0] === ring[n - 2] && ring[1] === ring[n - 1]) return ring.slice(0, n - 2);
  return ring;
}

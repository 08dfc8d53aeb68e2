// Longitude/latitude → world pixels. The world is the canvas at zoom 1, with the scenario's
// bounds fitted inside it (Mercator keeps the shapes people know). The arithmetic is d3-geo's
// `geoMercator().fitExtent(…)` for a set of points, step for step, so that the page need not ship
// d3-geo for one projection (tests/map/projection.test.ts holds the two to the same figures).
import type { RegionBounds } from './region.ts';

/** Projects [lon, lat] to world pixels and back. */
export interface Projection {
  project(lon: number, lat: number): { x: number; y: number };
  invert(x: number, y: number): { lon: number; lat: number };
}

const RADIANS = Math.PI / 180;
const DEGREES = 180 / Math.PI;
/** d3's fit measures the points at this scale before it rescales them. */
const FIT_SCALE = 150;

/** Mercator's y of a latitude in radians; x is the longitude itself. */
const mercatorY = (phi: number) => Math.log(Math.tan((Math.PI / 2 + phi) / 2));
/** Longitude in radians, wrapped into [−π, π] as d3's rotation does. */
const wrap = (lambda: number) =>
  Math.abs(lambda) > Math.PI ? lambda - Math.round(lambda / (2 * Math.PI)) * 2 * Math.PI : lambda;

/** Scale `k` and translation (`tx`, `ty`), centred on longitude and latitude 0 as d3 centres them. */
function mercator(k: number, tx: number, ty: number): Projection {
  const dx = tx - k * 0;
  const dy = ty + k * mercatorY(0);
  return {
    project(lon, lat) {
      return { x: dx + k * wrap(lon * RADIANS), y: dy - k * mercatorY(lat * RADIANS) };
    },
    invert(x, y) {
      const lambda = wrap((x - dx) / k);
      const phi = 2 * Math.atan(Math.exp((dy - y) / k)) - Math.PI / 2;
      return { lon: lambda * DEGREES, lat: phi * DEGREES };
    },
  };
}

/** A Mercator projection that fits `bounds` inside a `width` × `height` canvas, `margin` pixels in. */
export function fitProjection(bounds: RegionBounds, width: number, height: number, margin = 12): Projection {
  const { west, south, east, north } = bounds;
  const midLon = (west + east) / 2;
  const midLat = (south + north) / 2;
  const outline = [
    [west, south],
    [west, north],
    [east, south],
    [east, north],
    [midLon, south],
    [midLon, north],
    [west, midLat],
    [east, midLat],
  ] as const;
  const m = Math.min(margin, width / 4, height / 4);
  const unit = mercator(FIT_SCALE, 0, 0);
  let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [lon, lat] of outline) {
    const { x, y } = unit.project(lon, lat);
    [x0, y0, x1, y1] = [Math.min(x0, x), Math.min(y0, y), Math.max(x1, x), Math.max(y1, y)];
  }
  const w = width - m - m;
  const h = height - m - m;
  const k = Math.min(w / (x1 - x0), h / (y1 - y0));
  return mercator(FIT_SCALE * k, m + (w - k * (x1 + x0)) / 2, m + (h - k * (y1 + y0)) / 2);
}

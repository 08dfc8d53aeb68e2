// Longitude/latitude → world pixels. The world is the canvas at zoom 1, with the scenario's
// bounds fitted inside it (Mercator keeps the shapes people know).
import { geoMercator } from 'd3-geo';
import type { RegionBounds } from './region.ts';

/** Projects [lon, lat] to world pixels and back. */
export interface Projection {
  project(lon: number, lat: number): { x: number; y: number };
  invert(x: number, y: number): { lon: number; lat: number };
}

/** A Mercator projection that fits `bounds` inside a `width` × `height` canvas, `margin` pixels in. */
export function fitProjection(bounds: RegionBounds, width: number, height: number, margin = 12): Projection {
  const { west, south, east, north } = bounds;
  const midLon = (west + east) / 2;
  const midLat = (south + north) / 2;
  const outline = {
    type: 'MultiPoint' as const,
    coordinates: [
      [west, south],
      [west, north],
      [east, south],
      [east, north],
      [midLon, south],
      [midLon, north],
      [west, midLat],
      [east, midLat],
    ],
  };
  const m = Math.min(margin, width / 4, height / 4);
  const p = geoMercator().fitExtent(
    [
      [m, m],
      [width - m, height - m],
    ],
    outline,
  );
  return {
    project(lon, lat) {
      const xy = p([lon, lat]) ?? [Number.NaN, Number.NaN];
      return { x: xy[0], y: xy[1] };
    },
    invert(x, y) {
      const ll = p.invert?.([x, y]) ?? [Number.NaN, Number.NaN];
      return { lon: ll[0], lat: ll[1] };
    },
  };
}

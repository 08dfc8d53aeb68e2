import { geoMercator } from 'd3-geo';
import { describe, expect, it } from 'vitest';
import { fitProjection } from '../../src/map/projection.ts';
import type { RegionBounds } from '../../src/map/region.ts';

/** What the map did before it had its own Mercator: d3-geo's fit of the same eight points. */
function d3Fit(b: RegionBounds, width: number, height: number, margin = 12) {
  const midLon = (b.west + b.east) / 2;
  const midLat = (b.south + b.north) / 2;
  const m = Math.min(margin, width / 4, height / 4);
  return geoMercator().fitExtent(
    [
      [m, m],
      [width - m, height - m],
    ],
    {
      type: 'MultiPoint',
      coordinates: [
        [b.west, b.south],
        [b.west, b.north],
        [b.east, b.south],
        [b.east, b.north],
        [midLon, b.south],
        [midLon, b.north],
        [b.west, midLat],
        [b.east, midLat],
      ],
    },
  );
}

const CASES: [RegionBounds, number, number][] = [
  [{ west: 60, south: 23, east: 78, north: 38 }, 1280, 900],
  [{ west: 60, south: 23, east: 78, north: 38 }, 390, 300],
  [{ west: -10, south: 35, east: 30, north: 60 }, 800, 600],
  [{ west: -80, south: -56, east: -34, north: 13 }, 600, 900],
  [{ west: 170, south: -50, east: 179, north: -33 }, 40, 30],
];

describe('fitProjection', () => {
  it('projects and inverts as d3-geo’s fitted Mercator does', () => {
    for (const [b, w, h] of CASES) {
      const ours = fitProjection(b, w, h);
      const d3 = d3Fit(b, w, h);
      for (let lon = b.west; lon <= b.east; lon += (b.east - b.west) / 7)
        for (let lat = b.south; lat <= b.north; lat += (b.north - b.south) / 5) {
          const [x, y] = d3([lon, lat]) ?? [Number.NaN, Number.NaN];
          const p = ours.project(lon, lat);
          expect(p.x).toBeCloseTo(x, 9);
          expect(p.y).toBeCloseTo(y, 9);
          const [ilon, ilat] = d3.invert?.([x, y]) ?? [Number.NaN, Number.NaN];
          const q = ours.invert(x, y);
          expect(q.lon).toBeCloseTo(ilon, 9);
          expect(q.lat).toBeCloseTo(ilat, 9);
        }
    }
  });

  it('fits the bounds inside the canvas, the margin in, and centres them', () => {
    const b = { west: 60, south: 23, east: 78, north: 38 };
    const p = fitProjection(b, 1280, 900);
    const nw = p.project(b.west, b.north);
    const se = p.project(b.east, b.south);
    expect(Math.min(nw.x, nw.y)).toBeGreaterThanOrEqual(12 - 1e-9);
    expect(se.x).toBeLessThanOrEqual(1280 - 12 + 1e-9);
    expect(se.y).toBeLessThanOrEqual(900 - 12 + 1e-9);
    // The tall region fills the height; the width is centred.
    expect(nw.y).toBeCloseTo(12, 9);
    expect(se.y).toBeCloseTo(888, 9);
    expect(nw.x + se.x).toBeCloseTo(1280, 9);
  });
});

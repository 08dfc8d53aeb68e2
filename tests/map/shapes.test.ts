import { describe, expect, it } from 'vitest';
import { contrast, distinctFill, palette } from '../../src/map/colour.ts';
import type { MapModel } from '../../src/map/model.ts';
import type { Region } from '../../src/map/region.ts';
import { mapShapes } from '../../src/map/shapes.ts';

// A 100 × 100 world over longitudes 0..10 and latitudes 0..10: ten pixels a degree, north up.
const model: MapModel = {
  width: 100,
  height: 100,
  projection: {
    project: (lon, lat) => ({ x: lon * 10, y: (10 - lat) * 10 }),
    invert: (x, y) => ({ lon: x / 10, lat: 10 - y / 10 }),
  } as MapModel['projection'],
  places: [],
  badges: [],
  actorColour: new Map([['red', 0xcc0000]]),
  countryColour: new Map([['001', 0xcc0000]]),
  humanitarianIso: undefined,
};

// Open rings, as the build-time cut writes them: the last point does not repeat the first.
const square = (w: number, s: number, e: number, n: number) => [w, s, e, s, e, n, w, n];

const region: Region = {
  bounds: { west: 0, south: 0, east: 10, north: 10 },
  clip: { west: -2, south: -2, east: 12, north: 12 },
  countries: [
    // Governed by an actor; a big part in the world and a small one outside it.
    {
      iso: '001',
      name: 'Redland',
      focus: true,
      polygons: [[square(1, 1, 5, 5)], [square(20, 20, 22, 22)]],
    },
    // Listed, but no actor governs it: drawn like a neighbour. Runs off the world to the clip's east edge.
    { iso: '002', name: 'Greyland', focus: true, polygons: [[square(6, 6, 12, 9)]] },
    // Wholly outside the world.
    { iso: '003', name: 'Farland', focus: false, polygons: [[square(30, 30, 31, 31)]] },
  ],
  borders: [{ id: 'line', name: 'Line', between: ['001', '002'], lines: [[5, 5, 6, 6]] }],
};

describe('the base map shapes', () => {
  it('projects countries and borders into world pixels', () => {
    const { countries, borders } = mapShapes(model, region);
    expect(countries.map((c) => c.iso)).toEqual(['001', '002', '003']);
    expect(countries[0]?.rings[0]).toEqual([10, 90, 50, 90, 50, 50, 10, 50]);
    expect(borders).toEqual([[50, 50, 60, 40]]);
  });

  it("fills a governed country with its actor's colour, paled as far as keeps 1.5:1 against the neighbours' grey, and every other country in that grey", () => {
    const { countries } = mapShapes(model, region);
    expect(countries.map((c) => [c.focus, c.fill])).toEqual([
      [true, distinctFill(0xcc0000, palette.neighbour)],
      [false, palette.neighbour],
      [false, palette.neighbour],
    ]);
    expect(contrast(countries[0]?.fill ?? 0, palette.neighbour)).toBeGreaterThanOrEqual(1.5);
  });

  it("leaves the clip rectangle's edges out of the outlines: they are no country's border", () => {
    const grey = mapShapes(model, region).countries[1];
    // The ring runs along longitude 12, the clip's east edge: that side is left out, the other three kept.
    expect(grey?.outline).toEqual([
      [60, 40, 120, 40],
      [120, 10, 60, 10, 60, 40],
    ]);
  });

  it('names each country at the centre of its largest part inside the world, and a country wholly outside not at all', () => {
    const { labels } = mapShapes(model, region);
    expect(labels.map((l) => l.name)).toEqual(['Redland', 'Greyland']);
    expect(labels[0]?.world).toEqual({ x: 30, y: 70 });
    // Greyland's part in the world runs from longitude 6 to 10 (the world's edge), not to 12.
    expect(labels[1]?.world.x).toBeCloseTo(80);
    expect(labels[1]?.world.y).toBeCloseTo(25);
  });

  it('has nothing to draw without a region', () => {
    expect(mapShapes(model, undefined)).toEqual({ countries: [], borders: [], labels: [] });
  });
});

import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Topology } from 'topojson-specification';
import { beforeAll, describe, expect, it } from 'vitest';
import { cutScenarioRegions, loadCountries10m, looksLikeMap } from '../../src/build/region-plugin.ts';
import { clipLine, clipRing, ringArea, simplify } from '../../src/map/geometry.ts';
import type { Region, RegionBounds } from '../../src/map/region.ts';
import { cutRegion } from '../../src/map/region-cut.ts';

const atlasPath = createRequire(import.meta.url).resolve('world-atlas/countries-10m.json');
const AFPAK: RegionBounds = { west: 60, south: 27.5, east: 75.5, north: 38.5 };
const PAD = 1;

let topology: Topology;
let region: Region;
beforeAll(() => {
  topology = loadCountries10m();
  region = cutRegion(
    topology,
    {
      bounds: AFPAK,
      countries: [
        { iso: '004', name: 'Afghanistan' },
        { iso: '586', name: 'Pakistan' },
      ],
      borders: [{ id: 'durand-line', name: 'Durand Line', between: ['004', '586'] }],
    },
    { pad: PAD },
  );
});

/** Every [lon, lat] of a flat array. */
function* pairs(flat: number[]): Generator<[number, number]> {
  for (let i = 0; i + 1 < flat.length; i += 2) yield [flat[i] ?? Number.NaN, flat[i + 1] ?? Number.NaN];
}

function inside([lon, lat]: [number, number], b: RegionBounds, slack = 1e-9): boolean {
  return lon >= b.west - slack && lon <= b.east + slack && lat >= b.south - slack && lat <= b.north + slack;
}

describe('cutRegion on the Afghanistan–Pakistan bounds', () => {
  it('keeps only coordinates inside the padded bounds', () => {
    const padded = { west: 59, south: 26.5, east: 76.5, north: 39.5 };
    expect(region.clip).toEqual(padded);
    let count = 0;
    for (const c of region.countries)
      for (const poly of c.polygons)
        for (const ring of poly)
          for (const p of pairs(ring)) {
            count++;
            expect(inside(p, padded), `${c.name} ${p}`).toBe(true);
          }
    expect(count).toBeGreaterThan(1000);
  });

  it('lists the two countries under their scenario names, and greyed neighbours that reach the bounds', () => {
    const byIso = new Map(region.countries.map((c) => [c.iso, c]));
    expect(byIso.get('004')).toMatchObject({ name: 'Afghanistan', focus: true });
    expect(byIso.get('586')).toMatchObject({ name: 'Pakistan', focus: true });
    for (const iso of ['364', '762', '795', '860', '356', '156']) expect(byIso.get(iso)?.focus).toBe(false);
    // Far away countries are not there at all.
    for (const iso of ['076', '840', '250', '036']) expect(byIso.has(iso)).toBe(false);
    // Listed countries come last so they are drawn over their neighbours.
    expect(region.countries.slice(-2).every((c) => c.focus)).toBe(true);
  });

  it('fills Afghanistan with a large area (its real area is about 62 square degrees)', () => {
    const afg = region.countries.find((c) => c.iso === '004');
    const area = (afg?.polygons ?? []).reduce((s, p) => s + Math.abs(ringArea(p[0] ?? [])), 0);
    expect(area).toBeGreaterThan(55);
    expect(area).toBeLessThan(70);
  });

  it('rounds coordinates to 0.01°', () => {
    for (const c of region.countries)
      for (const poly of c.polygons)
        for (const ring of poly)
          for (const v of ring) expect(Math.abs(v * 100 - Math.round(v * 100))).toBeLessThan(1e-6);
  });

  it('draws the Durand Line: the shared 004/586 border, non-empty, long, within the bounds', () => {
    const durand = region.borders[0];
    expect(durand).toMatchObject({ id: 'durand-line', between: ['004', '586'] });
    const lines = durand?.lines ?? [];
    expect(lines.length).toBeGreaterThan(0);
    let length = 0;
    for (const line of lines) {
      for (const p of pairs(line)) expect(inside(p, AFPAK)).toBe(true);
      for (let i = 0; i + 3 < line.length; i += 2)
        length += Math.hypot((line[i + 2] ?? 0) - (line[i] ?? 0), (line[i + 3] ?? 0) - (line[i + 1] ?? 0));
    }
    // About 2,600 km: over 20 degrees of line, whatever the simplification.
    expect(length).toBeGreaterThan(20);
    expect(length).toBeLessThan(40);
    // It runs from the Iranian tripoint (about 61°E, 29.9°N) to the Wakhan (about 74.5°E, 37°N).
    const lons = lines.flatMap((l) => [...pairs(l)].map(([lon]) => lon));
    expect(Math.min(...lons)).toBeLessThan(61.5);
    expect(Math.max(...lons)).toBeGreaterThan(74);
  });

  it('is far smaller than the 10m atlas', () => {
    const size = JSON.stringify(region).length;
    expect(size).toBeLessThan(statSync(atlasPath).size / 40);
    expect(size).toBeLessThan(80_000);
  });

  it('returns no border lines for two countries that do not touch', () => {
    const r = cutRegion(topology, {
      bounds: AFPAK,
      countries: [{ iso: '004' }],
      borders: [{ id: 'none', name: 'None', between: ['004', '356'] }],
    });
    expect(r.borders[0]?.lines).toEqual([]);
  });
});

describe('geometry', () => {
  const unit = { west: 0, south: 0, east: 1, north: 1 };

  it('clips a ring to a rectangle', () => {
    const big = [-1, -1, 2, -1, 2, 2, -1, 2];
    const clipped = clipRing(big, unit);
    expect(Math.abs(ringArea(clipped))).toBeCloseTo(1);
    for (const p of pairs(clipped)) expect(inside(p, unit)).toBe(true);
    expect(clipRing([5, 5, 6, 5, 6, 6], unit)).toEqual([]);
  });

  it('clips a line into the pieces inside', () => {
    const pieces = clipLine([-1, 0.5, 0.5, 0.5, 0.5, 2, 0.8, 2, 0.8, 0.2], unit);
    expect(pieces).toEqual([
      [0, 0.5, 0.5, 0.5, 0.5, 1],
      [0.8, 1, 0.8, 0.2],
    ]);
  });

  it('simplifies within the tolerance and keeps the end points', () => {
    const wiggly = [0, 0, 1, 0.001, 2, -0.001, 3, 0, 3, 3];
    expect(simplify(wiggly, 0.01)).toEqual([0, 0, 3, 0, 3, 3]);
    expect(simplify(wiggly, 0)).toEqual(wiggly);
  });
});

describe('the region plugin', () => {
  it('cuts each scenario with a valid map, skipping bad files and the schema with a warning', () => {
    const warnings: string[] = [];
    let loads = 0;
    const cuts = cutScenarioRegions(
      'tests/fixtures/map/scenarios',
      () => {
        loads++;
        return topology;
      },
      { warn: (m) => warnings.push(m) },
    );
    expect(cuts.map((c) => c.scenarioId)).toEqual(['fixture-small']);
    expect(cuts[0]?.fileName).toMatch(/^assets\/regions\/fixture-small-[0-9a-f]{8}\.json$/);
    const cut = JSON.parse(cuts[0]?.json ?? '{}') as Region;
    expect(cut.borders[0]?.lines.length).toBeGreaterThan(0);
    expect(cut.countries.find((c) => c.iso === '642')?.name).toBe('North');
    expect(warnings).toHaveLength(2);
    expect(warnings.join('\n')).toMatch(/broken\.json.*not valid JSON/);
    expect(warnings.join('\n')).toMatch(/no-map\.json.*no valid "map"/);
    expect(loads).toBeGreaterThan(0);
  });

  it('warns and cuts nothing when the folder is missing', () => {
    const warnings: string[] = [];
    const cuts = cutScenarioRegions('tests/fixtures/map/nowhere', () => topology, {
      warn: (m) => warnings.push(m),
    });
    expect(cuts).toEqual([]);
    expect(warnings).toHaveLength(1);
  });

  it('recognises map sections', () => {
    expect(looksLikeMap({ bounds: AFPAK, countries: [{ iso: '004' }] })).toBe(true);
    expect(looksLikeMap({ bounds: { ...AFPAK, east: 50 }, countries: [{ iso: '004' }] })).toBe(false);
    expect(looksLikeMap({ bounds: AFPAK, countries: [{ iso: 'AFG' }] })).toBe(false);
    expect(
      looksLikeMap({ bounds: AFPAK, countries: [{ iso: '004' }], borders: [{ between: ['004'] }] }),
    ).toBe(false);
    expect(looksLikeMap(null)).toBe(false);
  });

  it('reads the same atlas the tests measure against', () => {
    expect(JSON.parse(readFileSync(atlasPath, 'utf8')).arcs.length).toBe(topology.arcs.length);
  });
});

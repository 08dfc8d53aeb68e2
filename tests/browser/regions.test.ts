// Borders for a scenario from any file: its region is cut at load time, in a worker, from the Natural
// Earth atlas, and the start panel's map follows the scenario chosen.
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { loadCountries10m } from '../../src/build/region-plugin.ts';
import { contrast, distinctFill, hex, palette } from '../../src/map/colour.ts';
import type { Region } from '../../src/map/region.ts';
import { cutRegion } from '../../src/map/region-cut.ts';
import { blockServiceWorkers, launchChromium } from './chromium.ts';
import { borderNear, builtRegion, inRing, type Shot, settled, shoot } from './map-helpers.ts';

const FIXTURE = 'tests/fixtures/map/dangrek-border.json';
/** A scenario of another region (the Thailand–Cambodia border), in no bundle. */
const fixture = JSON.parse(readFileSync(FIXTURE, 'utf8')) as {
  meta: { id: string };
  map: Parameters<typeof cutRegion>[1];
  actors: { id: string; colour?: string }[];
  locations: { id: string }[];
};

type Pt = { x: number; y: number };

let browser: Browser;
beforeAll(async () => {
  browser = blockServiceWorkers(await launchChromium());
});
afterAll(async () => {
  await browser?.close();
});

/** A fresh page of the game at its start screen, with the map of the default scenario drawn. */
async function startPage(): Promise<{ page: Page; errors: string[]; atlas: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const errors: string[] = [];
  const atlas: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => {
    if (r.url().includes('countries-10m')) atlas.push(r.url());
  });
  await page.goto(inject('baseUrl'));
  await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
  await page.waitForFunction(() => window.__brinkMap !== undefined);
  return { page, errors, atlas };
}

/** Opens the fixture from the start panel's file input. */
async function openFixture(page: Page): Promise<void> {
  await page.getByLabel('Or open a scenario file (JSON)').setInputFiles(FIXTURE);
  await page.locator('.scenario-list label:has-text("From file")').waitFor();
}

/** Waits until the map shows scenario `id`, calm and at rest, and returns its picture. */
async function mapOf(page: Page, id: string): Promise<Shot> {
  await page.waitForFunction((x) => window.__brinkMap?.scenarioId === x, id, { timeout: 60_000 });
  await page.evaluate(() => window.__brinkMap?.setTone(0, 2));
  await page.mouse.move(0, 0);
  await settled(page);
  return shoot(page);
}

const project = (page: Page, pts: [number, number][]) =>
  page.evaluate(
    (list) => list.map(([lon, lat]) => window.__brinkMap?.project(lon, lat) ?? { x: -1, y: -1 }),
    pts,
  );
const near = (p: Pt, list: Pt[], r: number) => list.some((q) => Math.hypot(p.x - q.x, p.y - q.y) < r);

describe('a scenario of another region, opened from a file', () => {
  it('is drawn on its own Natural Earth borders, cut at load time, behind the start panel as soon as it is chosen', async () => {
    const { page, errors, atlas } = await startPage();
    // A bundled scenario needs no atlas: its borders were cut at build time.
    expect(atlas).toEqual([]);
    await openFixture(page);
    const shot = await mapOf(page, fixture.meta.id);
    const probe = await page.evaluate(() => ({
      borders: window.__brinkMap?.hasBorders,
      notice: window.__brinkMap?.notice,
    }));
    expect(probe).toEqual({ borders: true, notice: undefined });
    expect(atlas.length).toBe(1);
    // The border the data puts between Thailand and Cambodia, where the map draws it.
    const region = cutRegion(loadCountries10m(), fixture.map);
    const vertices = region.borders.flatMap((b) =>
      b.lines.flatMap((l) =>
        l.flatMap((v, i) => (i % 2 === 0 ? [[v, l[i + 1] ?? 0] as [number, number]] : [])),
      ),
    );
    const places: Pt[] = await page.evaluate(
      (ids) => ids.flatMap((id) => window.__brinkMap?.screenPoint(id) ?? []),
      fixture.locations.map((l) => l.id),
    );
    const on = (await project(page, vertices)).filter(
      (p) => p.x > 4 && p.y > 4 && p.x < shot.width - 4 && p.y < shot.height - 4 && !near(p, places, 18),
    );
    expect(on.length).toBeGreaterThan(30);
    expect(on.filter((p) => borderNear(shot, p)).length / on.length).toBeGreaterThan(0.85);
    // Control: across the region away from that border, its dashes are rare.
    const b = region.bounds;
    const grid: [number, number][] = [];
    for (let i = 1; i < 20; i++)
      for (let j = 1; j < 20; j++)
        grid.push([b.west + ((b.east - b.west) * i) / 20, b.south + ((b.north - b.south) * j) / 20]);
    const off = (await project(page, grid)).filter((p) => !near(p, on, 25) && !near(p, places, 40));
    expect(off.length).toBeGreaterThan(50);
    expect(off.filter((p) => borderNear(shot, p)).length / off.length).toBeLessThan(0.1);
    // Inside each country, its fill: the actor's colour kept apart from the neighbours' grey (not a grid on the sea).
    for (const [iso, actor] of [
      ['764', 'north'],
      ['116', 'south'],
    ] as const) {
      const fill = distinctFill(
        hex(fixture.actors.find((a) => a.id === actor)?.colour, 0),
        palette.neighbour,
      );
      expect(contrast(fill, palette.neighbour)).toBeGreaterThanOrEqual(1.5);
      const country = region.countries.find((c) => c.iso === iso);
      const ring = country?.polygons.map((p) => p[0] ?? []).sort((x, y) => y.length - x.length)[0] ?? [];
      const inside = grid.filter(([lon, lat]) => inRing(ring, lon, lat));
      const pts = (await project(page, inside)).filter(
        (p) => p.x > 5 && p.y > 5 && p.x < shot.width - 5 && p.y < shot.height - 5 && !near(p, places, 30),
      );
      expect(pts.length, iso).toBeGreaterThan(10);
      const filled = pts.filter((p) => {
        const [r, g, bl] = shot.rgb(p.x, p.y);
        return (
          Math.max(
            Math.abs(r - (fill >> 16)),
            Math.abs(g - ((fill >> 8) & 0xff)),
            Math.abs(bl - (fill & 0xff)),
          ) < 24
        );
      });
      expect(filled.length / pts.length, iso).toBeGreaterThan(0.7);
    }
    // Choosing the bundled scenario again brings its map back.
    await page.locator('.scenario-list input[type="radio"]').first().check();
    await page.waitForFunction(
      () => window.__brinkMap?.scenarioId === 'pakistan-afghanistan-2026',
      undefined,
      {
        timeout: 60_000,
      },
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a designer’s copy of a bundled scenario, under another id, gets the same borders as the build cut', async () => {
    const { page, errors } = await startPage();
    const bundled = await mapOf(page, 'pakistan-afghanistan-2026');
    const text = readFileSync('scenarios/pakistan-afghanistan-2026.json', 'utf8');
    const copy = JSON.parse(text);
    copy.meta.id = 'designer-copy';
    await page.getByLabel('Or open a scenario file (JSON)').setInputFiles({
      name: 'designer-copy.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(copy)),
    });
    const cut = await mapOf(page, 'designer-copy');
    expect(await page.evaluate(() => window.__brinkMap?.hasBorders)).toBe(true);
    // The worker's cut is the build's: the picture is the bundled map's, pixel for pixel, but for noise.
    let differing = 0;
    for (let y = 0; y < cut.height; y += 3)
      for (let x = 0; x < cut.width; x += 3) {
        const [a, b] = [cut.rgb(x, y), bundled.rgb(x, y)];
        if (Math.max(...a.map((v, k) => Math.abs(v - (b[k] ?? 0)))) > 8) differing++;
      }
    expect(differing / ((cut.width / 3) * (cut.height / 3))).toBeLessThan(0.002);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('falls back to a graticule, and says so, when the atlas cannot be fetched', async () => {
    const { page, errors } = await startPage();
    // The context's route sees the worker's requests too.
    await page.context().route(/countries-10m/, (route) => route.abort());
    await openFixture(page);
    await mapOf(page, fixture.meta.id);
    const probe = await page.evaluate(() => ({
      borders: window.__brinkMap?.hasBorders,
      notice: window.__brinkMap?.notice,
      labels: window.__brinkMap?.labels().length,
    }));
    expect(probe.borders).toBe(false);
    expect(probe.notice).toMatch(/borders could not be loaded/);
    expect(probe.labels).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('the build cut and the load-time cut', () => {
  it('are one function: the bundled region equals the cut of the same map section in Node', () => {
    const file = JSON.parse(readFileSync('scenarios/pakistan-afghanistan-2026.json', 'utf8'));
    const built: Region = builtRegion(file.meta.id);
    expect(cutRegion(loadCountries10m(), file.map)).toEqual(built);
  });
});

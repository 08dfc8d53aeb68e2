import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { palette } from '../../src/map/colour.ts';
import type { MapCue } from '../../src/map/cues.ts';
import type { Region } from '../../src/map/region.ts';
import { blockServiceWorkers, launchChromium } from './chromium.ts';
import {
  borderNear,
  builtRegion,
  decode,
  distance,
  holdFrames,
  inRing,
  installFrameHold,
  releaseFrames,
  type Shot,
  scenarioFile,
  settled,
  shoot,
} from './map-helpers.ts';
import { pixelDifference, pixelStats } from './pixels.ts';

type Pt = { x: number; y: number };

let browser: Browser;
let page: Page;
let scenarioId: string;
let region: Region;
let scenario: ReturnType<typeof scenarioFile>;
const errors: string[] = [];
const warnings: string[] = [];
const requests: string[] = [];

beforeAll(async () => {
  browser = blockServiceWorkers(await launchChromium());
  page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('request', (r) => requests.push(r.url()));
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  await page.goto(inject('baseUrl'));
  await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
  await page.waitForFunction(() => window.__brinkMap !== undefined);
  scenarioId = await page.evaluate(() => window.__brinkMap?.scenarioId ?? '');
  scenario = scenarioFile(scenarioId);
  region = builtRegion(scenarioId);
  // A calm, untinted map, so colours are the base map's own.
  await page.evaluate(() => {
    window.__brinkMap?.setTone(0, 2);
    window.__brinkMap?.setHumanitarian(0);
  });
  await page.waitForTimeout(1500);
});
afterAll(async () => {
  await browser?.close();
});

const project = (pts: [number, number][]) =>
  page.evaluate(
    (list) => list.map(([lon, lat]) => window.__brinkMap?.project(lon, lat) ?? { x: -1, y: -1 }),
    pts,
  );
const pointsOf = (ids: string[]) =>
  page.evaluate((list) => list.map((id) => window.__brinkMap?.screenPoint(id)), ids);
const near = (p: Pt, list: Pt[], r: number) => list.some((q) => Math.hypot(p.x - q.x, p.y - q.y) < r);

/**
 * Moves the pointer off the map, waits until no animation runs and the map has stopped drawing frames
 * (its loop sleeps once nothing changes), and returns a screenshot of the canvas.
 */
async function stillMap(timeout = 20_000): Promise<Buffer> {
  await page.mouse.move(0, 0);
  await page.waitForFunction(() => window.__brinkMap?.activeEffects() === 0, undefined, { timeout });
  await settled(page);
  return page.locator('#map canvas').screenshot();
}

/** Expects two screenshots to be the same, pixel for pixel. */
function expectSamePixels(before: Buffer, after: Buffer): void {
  const stats = pixelDifference(before, after);
  expect(stats.differing, `${stats.differing} pixels differ, by up to ${stats.max}`).toBe(0);
}

/** Screen points of every location and badge: the places icons and labels crowd. */
async function markers(): Promise<Pt[]> {
  const ids = [...scenario.locations.map((l) => l.id), ...scenario.map.badges.map((b) => b.id)];
  return (await pointsOf(ids)).filter((p): p is Pt => p !== undefined);
}

/**
 * The labels drawn are places' names in scenario order, every capital among them and most places named:
 * crowded places wait for room (zooming in) rather than have their names drawn over each other.
 */
function expectNamed(labels: string[], places: { name: string; kind: string }[]): void {
  const names = places.map((l) => l.name);
  expect(labels).toEqual(names.filter((n) => labels.includes(n)));
  expect(labels.length).toBeGreaterThanOrEqual(Math.ceil(names.length * 0.75));
  for (const l of places.filter((x) => x.kind === 'capital')) expect(labels).toContain(l.name);
}

describe('the map of the default scenario', () => {
  it('shows a bundled scenario with its real borders and no errors', async () => {
    expect(scenarioId).toBe('pakistan-afghanistan-2026');
    expect(await page.evaluate(() => window.__brinkMap?.hasBorders)).toBe(true);
    expect(errors).toEqual([]);
  });

  it('fills each governed country with its own colour, not the sea colour', async () => {
    const shot = await shoot(page);
    const avoid = await markers();
    const governed = new Set(scenario.map.countries.filter((c) => c.actor).map((c) => c.iso));
    const modes: number[] = [];
    for (const country of region.countries.filter((c) => governed.has(c.iso))) {
      const ring = country.polygons.map((p) => p[0] ?? []).sort((a, b) => b.length - a.length)[0] ?? [];
      const lons = ring.filter((_, i) => i % 2 === 0);
      const lats = ring.filter((_, i) => i % 2 === 1);
      const grid: [number, number][] = [];
      for (let i = 1; i < 16; i++)
        for (let j = 1; j < 16; j++) {
          const lon = Math.min(...lons) + ((Math.max(...lons) - Math.min(...lons)) * i) / 16;
          const lat = Math.min(...lats) + ((Math.max(...lats) - Math.min(...lats)) * j) / 16;
          if (inRing(ring, lon, lat)) grid.push([lon, lat]);
        }
      const pts = (await project(grid)).filter(
        (p) => p.x > 5 && p.y > 5 && p.x < shot.width - 5 && p.y < shot.height - 5 && !near(p, avoid, 30),
      );
      expect(pts.length, country.name).toBeGreaterThan(20);
      const colours = pts.map((p) => shot.rgb(p.x, p.y));
      const notSea = colours.filter((c) => distance(c, palette.sea) > 20).length;
      expect(notSea / colours.length, country.name).toBeGreaterThan(0.9);
      // Most samples share one fill colour: the country is filled, not merely outlined.
      const counts = new Map<number, number>();
      for (const [r, g, b] of colours) {
        const key = ((r >> 3) << 10) | ((g >> 3) << 5) | (b >> 3);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
      const [mode, n] = [...counts.entries()].sort((a, b) => b[1] - a[1])[0] ?? [0, 0];
      expect(n / colours.length, country.name).toBeGreaterThan(0.6);
      modes.push(mode);
    }
    expect(modes.length).toBeGreaterThanOrEqual(2);
    expect(new Set(modes).size).toBe(modes.length);
  });

  it("draws a capital's star centred on its place, to the pixel", async () => {
    // The star is symmetric left to right, so its fill balances on the place's x: a picture shown one
    // texel off (a texture rounded to an even width, say) moves it a whole pixel. Capitals with another
    // icon close by are left out, since that icon's outline crosses the star.
    const shot = await shoot(page);
    const all = await pointsOf(scenario.locations.map((l) => l.id));
    const clear = scenario.locations.flatMap((l, i) => {
      const p = all[i];
      if (l.kind !== 'capital' || !p) return [];
      const crowded = all.some((q, j) => j !== i && q && Math.hypot(q.x - p.x, q.y - p.y) < 24);
      return crowded ? [] : [{ name: l.name, p }];
    });
    expect(clear.length).toBeGreaterThan(0);
    for (const { name, p } of clear) {
      const fill = shot.rgb(Math.floor(p.x), Math.floor(p.y));
      const colour = (fill[0] << 16) | (fill[1] << 8) | fill[2];
      let sum = 0;
      let n = 0;
      for (let y = Math.floor(p.y) - 11; y <= p.y + 11; y++)
        for (let x = Math.floor(p.x) - 11; x <= p.x + 11; x++)
          if (distance(shot.rgb(x, y), colour) <= 24) {
            sum += x + 0.5;
            n++;
          }
      expect(n, name).toBeGreaterThan(40);
      expect(Math.abs(sum / n - p.x), name).toBeLessThan(0.35);
    }
  });

  it('draws the highlighted border along its real course, and not elsewhere', async () => {
    const shot = await shoot(page);
    const avoid = await markers();
    const vertices = region.borders.flatMap((b) =>
      b.lines.flatMap((l) =>
        l.flatMap((v, i) => (i % 2 === 0 ? [[v, l[i + 1] ?? 0] as [number, number]] : [])),
      ),
    );
    const on = (await project(vertices)).filter(
      (p) => p.x > 4 && p.y > 4 && p.x < shot.width - 4 && p.y < shot.height - 4 && !near(p, avoid, 18),
    );
    expect(on.length).toBeGreaterThan(30);
    const hits = on.filter((p) => borderNear(shot, p)).length;
    expect(hits / on.length).toBeGreaterThan(0.85);
    // Control: points inside the countries, away from the border, rarely look like it.
    const inner = region.bounds;
    const grid: [number, number][] = [];
    for (let i = 1; i < 20; i++)
      for (let j = 1; j < 20; j++)
        grid.push([
          inner.west + ((inner.east - inner.west) * i) / 20,
          inner.south + ((inner.north - inner.south) * j) / 20,
        ]);
    const off = (await project(grid)).filter((p) => !near(p, on, 25) && !near(p, avoid, 40));
    expect(off.length).toBeGreaterThan(50);
    expect(off.filter((p) => borderNear(shot, p)).length / off.length).toBeLessThan(0.1);
  });

  it('names every place it has room for, the capitals always, and the others once zoomed in', async () => {
    const labels = await page.evaluate(() => window.__brinkMap?.labels() ?? []);
    expectNamed(labels, scenario.locations);
    const points = await pointsOf(scenario.locations.map((l) => l.id));
    const box = await page.locator('#map canvas').boundingBox();
    for (const p of points) {
      expect(p).toBeDefined();
      expect(p?.x).toBeGreaterThanOrEqual(0);
      expect(p?.x).toBeLessThanOrEqual(box?.width ?? 0);
    }
    // Zooming in about a place whose name was left out makes room for it.
    const hidden = scenario.locations.filter((l) => !labels.includes(l.name));
    for (const place of hidden) {
      const [p] = await pointsOf([place.id]);
      await page.mouse.move((box?.x ?? 0) + (p?.x ?? 0), (box?.y ?? 0) + (p?.y ?? 0));
      for (let i = 0; i < 8; i++) await page.mouse.wheel(0, -200);
      await page.waitForTimeout(300);
      expect(await page.evaluate(() => window.__brinkMap?.labels() ?? [])).toContain(place.name);
      for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 400);
      await page.waitForTimeout(300);
    }
    expect(await page.evaluate(() => window.__brinkMap?.labels() ?? [])).toEqual(labels);
  });

  it('animates a strike where it hits, leaving the rest of the map alone', async () => {
    await page.waitForFunction(() => window.__brinkMap?.activeEffects() === 0, undefined, {
      timeout: 20_000,
    });
    const locations = scenario.locations;
    const fromId = locations.find((l) => l.kind === 'capital')?.id ?? locations[0]?.id ?? '';
    const pts = await pointsOf(locations.map((l) => l.id));
    const from = pts[locations.findIndex((l) => l.id === fromId)] as Pt;
    // The target: the location farthest from the launch point, so "near" and "far" are distinct.
    let atIndex = 0;
    pts.forEach((p, i) => {
      const best = pts[atIndex] as Pt;
      if (p && Math.hypot(p.x - from.x, p.y - from.y) > Math.hypot(best.x - from.x, best.y - from.y))
        atIndex = i;
    });
    const at = pts[atIndex] as Pt;
    const atId = locations[atIndex]?.id ?? '';
    const before = await shoot(page);
    await page.evaluate(({ f, a }) => window.__brinkMap?.play([{ kind: 'strike', from: f, at: a }]), {
      f: fromId,
      a: atId,
    });
    await page.waitForTimeout(1100);
    const after = await shoot(page);
    // The flight follows a raised arc (effects.ts); keep its corridor out of "far away".
    const lift = Math.hypot(at.x - from.x, at.y - from.y) * 0.25;
    const arc: Pt[] = [];
    for (let k = 0; k <= 1; k += 0.02) {
      const u = 1 - k;
      const cx = (from.x + at.x) / 2;
      const cy = (from.y + at.y) / 2 - lift;
      arc.push({
        x: u * u * from.x + 2 * u * k * cx + k * k * at.x,
        y: u * u * from.y + 2 * u * k * cy + k * k * at.y,
      });
    }
    let nearChanged = 0;
    let farChanged = 0;
    let farTotal = 0;
    for (let y = 0; y < after.height; y += 2)
      for (let x = 0; x < after.width; x += 2) {
        const changed =
          distance(
            after.rgb(x, y),
            (() => {
              const [r, g, b] = before.rgb(x, y);
              return (r << 16) | (g << 8) | b;
            })(),
          ) > 30;
        const d = Math.hypot(x - at.x, y - at.y);
        if (d < 45) {
          if (changed) nearChanged++;
        } else if (d > 90 && !near({ x, y }, arc, 40) && !near({ x, y }, [from], 60)) {
          farTotal++;
          if (changed) farChanged++;
        }
      }
    expect(nearChanged).toBeGreaterThan(60);
    expect(farTotal).toBeGreaterThan(10_000);
    expect(farChanged / farTotal).toBeLessThan(0.002);
  });

  it("keeps a place's name readable over the smoke of a strike on it", async () => {
    await page.waitForFunction(() => window.__brinkMap?.activeEffects() === 0, undefined, {
      timeout: 20_000,
    });
    const ids = scenario.locations.map((l) => l.id);
    const boxes = await page.evaluate((list) => list.map((id) => window.__brinkMap?.labelBox(id)), ids);
    const points = await pointsOf(ids);
    // A name drawn to the right of its place, where the smoke drifts.
    const at = ids.findIndex((_, i) => {
      const b = boxes[i];
      const p = points[i];
      return b && p && b.x > p.x && Math.abs(b.y + b.height / 2 - p.y) < 4;
    });
    const box = boxes[at];
    expect(box).toBeDefined();
    if (!box) return;
    const from = ids.find((_, i) => i !== at) ?? '';
    const before = await shoot(page);
    await page.evaluate(({ f, a }) => window.__brinkMap?.play([{ kind: 'strike', from: f, at: a }]), {
      f: from,
      a: ids[at] ?? '',
    });
    await page.waitForTimeout(1800);
    const after = await shoot(page);
    let halo = 0;
    let haloKept = 0;
    let ground = 0;
    let groundChanged = 0;
    // The end of the name nearest its place, which the fresh smoke covers.
    for (let y = Math.ceil(box.y); y < box.y + box.height; y++)
      for (let x = Math.ceil(box.x); x < box.x + Math.min(box.width, 14); x++) {
        const [r, g, b] = before.rgb(x, y);
        // A name is dark ink in a white outline: smoke (dark grey) drawn over it would grey the outline.
        if (distance([r, g, b], 0xffffff) < 3) {
          halo++;
          if (distance(after.rgb(x, y), 0xffffff) < 20) haloKept++;
        } else {
          ground++;
          if (distance(after.rgb(x, y), (r << 16) | (g << 8) | b) > 30) groundChanged++;
        }
      }
    // The smoke reaches the name's box (between its letters), and the name stays on top of it.
    expect(groundChanged / ground).toBeGreaterThan(0.1);
    expect(halo).toBeGreaterThan(20);
    expect(haloKept / halo).toBeGreaterThan(0.95);
  });

  it("sends an envoy from a mediator's badge without covering its name", async () => {
    await page.waitForFunction(() => window.__brinkMap?.activeEffects() === 0, undefined, {
      timeout: 20_000,
    });
    const badge = scenario.map.badges[0]?.id ?? '';
    const place = scenario.locations[0]?.id ?? '';
    const [centre] = await pointsOf([badge]);
    expect(centre).toBeDefined();
    if (!centre) return;
    const before = await shoot(page);
    await page.evaluate(({ f, a }) => window.__brinkMap?.play([{ kind: 'envoy', from: f, at: a }]), {
      f: badge,
      a: place,
    });
    const changedOnName = (shot: Shot) => {
      let n = 0;
      let total = 0;
      for (let y = centre.y - 5; y <= centre.y + 5; y++)
        for (let x = centre.x - 12; x <= centre.x + 12; x++) {
          total++;
          const [r, g, b] = before.rgb(x, y);
          if (distance(shot.rgb(x, y), (r << 16) | (g << 8) | b) > 30) n++;
        }
      return n / total;
    };
    // The dotted route is drawn over the first half second, then the envoy sets off.
    await page.waitForTimeout(550);
    expect(await page.evaluate(() => window.__brinkMap?.activeEffects())).toBeGreaterThan(0);
    expect(changedOnName(await shoot(page))).toBeLessThan(0.02);
    await page.waitForTimeout(250);
    expect(changedOnName(await shoot(page))).toBeLessThan(0.02);
  });

  it('stops drawing while nothing changes, draws a strike at every refresh and its lingering smoke 20 times a second, until it has settled', async () => {
    await page.waitForFunction(() => window.__brinkMap?.activeEffects() === 0, undefined, {
      timeout: 20_000,
    });
    const frames = () => page.evaluate(() => window.__brinkMap?.framesDrawn() ?? -1);
    await page.waitForTimeout(300);
    const rest = await frames();
    await page.waitForTimeout(500);
    expect(await frames()).toBe(rest);
    const [a, b] = scenario.locations;
    await page.evaluate(({ f, t }) => window.__brinkMap?.play([{ kind: 'strike', from: f, at: t }]), {
      f: a?.id ?? '',
      t: b?.id ?? '',
    });
    await page.waitForTimeout(500);
    const busy = await frames();
    expect(busy - rest).toBeGreaterThan(5);
    expect(await page.evaluate(() => window.__brinkMap?.activeEffects())).toBeGreaterThan(0);
    // Flight and flash are over 1.6 s after the strike; the smoke lingers, drifting a tenth of a pixel
    // a frame, and is drawn 20 times a second (effects.ts, SLOW_FRAME) rather than at every refresh.
    await page.waitForTimeout(1800);
    const smoke = await frames();
    await page.waitForTimeout(1000);
    const smokeFrames = (await frames()) - smoke;
    expect(await page.evaluate(() => window.__brinkMap?.activeEffects())).toBeGreaterThan(0);
    expect(smokeFrames).toBeGreaterThan(5);
    expect(smokeFrames).toBeLessThanOrEqual(25);
    await page.waitForFunction(() => window.__brinkMap?.activeEffects() === 0, undefined, {
      timeout: 20_000,
    });
    await page.waitForTimeout(300);
    const settled = await frames();
    await page.waitForTimeout(500);
    expect(await frames()).toBe(settled);
  });

  it('eases a change of rung in, passing between the pictures before and after on the way', async () => {
    const calm = await stillMap();
    await page.evaluate(() => window.__brinkMap?.setTone(1, 2));
    // Some way into the ease (time-based, a fifth of a second of its one), the browser's frames are held,
    // so that the frame on the canvas stays one from the middle of the ease.
    await page.waitForTimeout(200);
    await page.evaluate(installFrameHold);
    await holdFrames(page);
    const midway = await page.locator('#map canvas').screenshot();
    await releaseFrames(page);
    const grave = await stillMap();
    const { total } = pixelStats(calm);
    // Most of the map (not the names and icons, which the tone leaves alone) is between the two.
    expect(pixelDifference(midway, calm, 2).differing / total).toBeGreaterThan(0.5);
    expect(pixelDifference(midway, grave, 2).differing / total).toBeGreaterThan(0.5);
    await page.evaluate(() => window.__brinkMap?.setTone(0, 2));
    expectSamePixels(calm, await stillMap());
  });

  it('shows a change of tone, humanitarian halo or crossing on screen, and goes back when it is undone', async () => {
    await page.waitForFunction(() => window.__brinkMap?.activeEffects() === 0, undefined, {
      timeout: 20_000,
    });
    const rgb = (shot: Shot, x: number, y: number) => {
      const [r, g, b] = shot.rgb(x, y);
      return (r << 16) | (g << 8) | b;
    };
    /** The share of sampled pixels that differ between two shots, optionally only within `r` of `p`. */
    const changed = (a: Shot, b: Shot, p?: Pt, r = 0) => {
      let n = 0;
      let total = 0;
      for (let y = 0; y < a.height; y += 3)
        for (let x = 0; x < a.width; x += 3) {
          if (p && Math.hypot(x - p.x, y - p.y) > r) continue;
          total++;
          if (distance(a.rgb(x, y), rgb(b, x, y)) > 20) n++;
        }
      return n / Math.max(1, total);
    };
    const settle = () => page.waitForTimeout(1500);
    const calm = await shoot(page);
    await page.evaluate(() => window.__brinkMap?.setTone(1, 2));
    await settle();
    expect(changed(calm, await shoot(page))).toBeGreaterThan(0.8);
    await page.evaluate(() => window.__brinkMap?.setTone(0, 2));
    await settle();
    expect(changed(calm, await shoot(page))).toBeLessThan(0.001);

    await page.evaluate(() => window.__brinkMap?.setHumanitarian(1));
    await settle();
    expect(changed(calm, await shoot(page))).toBeGreaterThan(0.05);
    await page.evaluate(() => window.__brinkMap?.setHumanitarian(0));
    await settle();
    expect(changed(calm, await shoot(page))).toBeLessThan(0.001);

    const crossing = scenario.locations.find((l) => l.kind === 'crossing');
    expect(crossing).toBeDefined();
    const id = crossing?.id ?? '';
    const [at] = (await pointsOf([id])) as Pt[];
    await page.evaluate((c) => window.__brinkMap?.setCrossing(c, true), id);
    await settle();
    const open = await shoot(page);
    await page.evaluate((c) => window.__brinkMap?.setCrossing(c, false), id);
    await settle();
    const closed = await shoot(page);
    expect(changed(open, closed, at, 9)).toBeGreaterThan(0.1);
    expect(changed(open, closed)).toBeLessThan(0.01);
    await page.evaluate((c) => window.__brinkMap?.setCrossing(c, true), id);
    await settle();
    expect(changed(open, await shoot(page))).toBeLessThan(0.001);
  });

  it('shows a tooltip on hover and reports the location clicked', async () => {
    const loc = scenario.locations[0];
    const [p] = await pointsOf([loc?.id ?? '']);
    // The canvas runs below the window: a screenshot of it scrolls the page, so scroll first, or the
    // pointer, placed by the box read before, would land elsewhere on the map.
    await page.locator('#map canvas').scrollIntoViewIfNeeded();
    const box = await page.locator('#map canvas').boundingBox();
    if (!p || !box || !loc) throw new Error('no location on screen');
    await page.evaluate(() => {
      const w = window as unknown as { picked: string[] };
      w.picked = [];
      window.__brinkMap?.onSelect((id) => w.picked.push(id));
    });
    await page.mouse.move(box.x + 5, box.y + box.height - 5);
    await page.waitForTimeout(100);
    const plain = await page.locator('#map canvas').screenshot();
    const before = decode(plain);
    await page.mouse.move(box.x + p.x, box.y + p.y);
    await page.waitForTimeout(200);
    const hover = await shoot(page);
    // The tooltip sits up and to the right of the pointer.
    let changed = 0;
    for (let y = p.y - 32; y < p.y; y++)
      for (let x = p.x + 10; x < p.x + 80; x++) {
        const [r, g, b] = before.rgb(x, y);
        if (distance(hover.rgb(x, y), (r << 16) | (g << 8) | b) > 40) changed++;
      }
    expect(changed).toBeGreaterThan(100);
    await page.mouse.click(box.x + p.x, box.y + p.y);
    expect(await page.evaluate(() => (window as unknown as { picked: string[] }).picked)).toEqual([loc.id]);
    // A click far from any place selects nothing.
    await page.mouse.click(box.x + 3, box.y + 3);
    expect(await page.evaluate(() => (window as unknown as { picked: string[] }).picked)).toEqual([loc.id]);
    // The tooltip is gone without a trace: only where it was is drawn again (a frame need not be whole).
    await page.waitForTimeout(200);
    expectSamePixels(plain, await page.locator('#map canvas').screenshot());
  });

  it('pans with the arrow keys and zooms with + and −, within the bounds', async () => {
    const id = scenario.locations[0]?.id ?? '';
    const start = (await pointsOf([id]))[0] as Pt;
    await page.locator('#map canvas').focus();
    await page.keyboard.press('+');
    const zoomed = (await pointsOf([id]))[0] as Pt;
    expect(Math.hypot(zoomed.x - start.x, zoomed.y - start.y)).toBeGreaterThan(5);
    await page.keyboard.press('ArrowRight');
    const panned = (await pointsOf([id]))[0] as Pt;
    expect(panned.x).toBeLessThan(zoomed.x);
    for (let i = 0; i < 10; i++) await page.keyboard.press('-');
    // Fully zoomed out the view is the whole map again: everything is back in place.
    const back = (await pointsOf([id]))[0] as Pt;
    expect(back.x).toBeCloseTo(start.x, 3);
    expect(back.y).toBeCloseTo(start.y, 3);
  });

  it('ends a zoom or pan on the same picture, pixel for pixel, as before it', async () => {
    const before = await stillMap();
    await page.locator('#map canvas').focus();
    await page.keyboard.press('+');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    for (let i = 0; i < 10; i++) await page.keyboard.press('-');
    expectSamePixels(before, await stillMap());
  });

  it('draws the map back wherever an animation has been: no trace is left once it moves on or ends', async () => {
    const before = await stillMap();
    const ids = scenario.locations.map((l) => l.id);
    const pts = (await pointsOf(ids)) as Pt[];
    // A strike across the map: once it has landed, the frames that drew its flight must have drawn
    // the map back over it, though only its smoke is left to draw.
    let far = 1;
    pts.forEach((q, i) => {
      const p0 = pts[0] as Pt;
      const best = pts[far] as Pt;
      if (Math.hypot(q.x - p0.x, q.y - p0.y) > Math.hypot(best.x - p0.x, best.y - p0.y)) far = i;
    });
    const target = pts[far] as Pt;
    await page.evaluate(({ f, a }) => window.__brinkMap?.play([{ kind: 'strike', from: f, at: a }]), {
      f: ids[0] ?? '',
      a: ids[far] ?? '',
    });
    // Flight (0.9 s) and flash (0.7 s) are over; the smoke has drifted a few pixels from the target.
    await page.waitForTimeout(1900);
    const landed = await shoot(page);
    const old = decode(before);
    let away = 0;
    let awayChanged = 0;
    for (let y = 0; y < landed.height; y++)
      for (let x = 0; x < landed.width; x++) {
        if (Math.hypot(x - target.x, y - target.y) < 50) continue;
        away++;
        const [r, g, b] = old.rgb(x, y);
        if (distance(landed.rgb(x, y), (r << 16) | (g << 8) | b) > 0) awayChanged++;
      }
    expect(away).toBeGreaterThan(100_000);
    expect(awayChanged).toBe(0);

    // Then every kind of animation at once, from places and from a badge at the map's edge.
    const badge = scenario.map.badges[0]?.id ?? '';
    const at = (i: number) => ids[i % ids.length] ?? '';
    await page.evaluate((cues) => window.__brinkMap?.play(cues), [
      ...Array.from({ length: 6 }, (_, i) => ({ kind: 'strike' as const, from: at(i), at: at(i * 5 + 3) })),
      { kind: 'drone', from: at(1), at: at(4) },
      { kind: 'clash', at: at(2) },
      { kind: 'envoy', from: badge, at: at(0) },
      { kind: 'aid', from: badge, at: at(5) },
      { kind: 'protest', at: at(6) },
      { kind: 'statement', at: at(7) },
    ] satisfies MapCue[]);
    // A tooltip shown and taken away while they run is a whole frame among the partial ones.
    const [p] = await pointsOf([at(3)]);
    const box = await page.locator('#map canvas').boundingBox();
    await page.waitForTimeout(700);
    await page.mouse.move((box?.x ?? 0) + (p?.x ?? 0), (box?.y ?? 0) + (p?.y ?? 0));
    await page.waitForTimeout(400);
    await page.mouse.move(0, 0);
    expectSamePixels(before, await stillMap(30_000));
  });

  it('survives unknown ids: warns, plays what it can, and keeps drawing', async () => {
    warnings.length = 0;
    const known = scenario.locations[0]?.id ?? '';
    await page.evaluate((id) => {
      const m = window.__brinkMap;
      m?.play([
        { kind: 'strike', at: 'no-such-place' },
        { kind: 'envoy', from: 'no-such-badge', at: id },
        { kind: 'crossing-closed', at: 'nowhere' },
      ]);
      m?.setCrossing('nowhere', false);
      m?.play(undefined as unknown as []);
    }, known);
    expect(errors).toEqual([]);
    expect(
      warnings.filter((w) => /no-such-place|no-such-badge|nowhere/.test(w)).length,
    ).toBeGreaterThanOrEqual(4);
    expect(await page.evaluate(() => window.__brinkMap?.activeEffects() ?? 0)).toBeGreaterThan(0);
    // Still rendering: a statement pulse changes pixels at its place.
    const [p] = await pointsOf([known]);
    const before = await shoot(page);
    await page.evaluate((id) => window.__brinkMap?.play([{ kind: 'statement', at: id }]), known);
    await page.waitForTimeout(250);
    const after = await shoot(page);
    let changed = 0;
    for (let y = -30; y <= 30; y++)
      for (let x = -30; x <= 30; x++) {
        const [r, g, b] = before.rgb((p?.x ?? 0) + x, (p?.y ?? 0) + y);
        if (distance(after.rgb((p?.x ?? 0) + x, (p?.y ?? 0) + y), (r << 16) | (g << 8) | b) > 30) changed++;
      }
    expect(changed).toBeGreaterThan(20);
  });
});

describe('the production build', () => {
  it('ships the cut regions, and the Natural Earth atlas only as a file of its own that a bundled scenario never fetches', () => {
    const files = readdirSync('dist', { recursive: true, encoding: 'utf8' }).map((f) => join('dist', f));
    const atlas = readFileSync(
      createRequire(import.meta.url).resolve('world-atlas/countries-10m.json'),
      'utf8',
    );
    // The start of the atlas's coordinate arcs: in any file that embedded the atlas.
    const at = atlas.lastIndexOf('"arcs":[[');
    const marker = atlas.slice(at + 7, at + 80);
    // For a scenario from a file, cut at load time (regions.ts): fetched then, and embedded in no script.
    const isAtlas = (f: string) => /countries-10m-[\w-]+\.json$/.test(f);
    expect(files.filter(isAtlas).map((f) => readFileSync(f, 'utf8') === atlas)).toEqual([true]);
    for (const f of files.filter((x) => statSync(x).isFile() && !isAtlas(x)))
      expect(readFileSync(f, 'utf8').includes(marker), f).toBe(false);
    expect(requests.filter((u) => u.includes('countries-10m'))).toEqual([]);
    const regions = files.filter((f) => f.includes(`${join('assets', 'regions')}/`));
    expect(regions.some((f) => f.includes(scenarioId))).toBe(true);
    for (const f of regions) expect(statSync(f).size).toBeLessThan(100_000);
  });
});

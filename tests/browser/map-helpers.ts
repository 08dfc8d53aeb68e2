// Helpers of the map's browser tests: decoded screenshots, colours, the scenario and region on show.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { palette } from '../../src/map/colour.ts';
import type { Region } from '../../src/map/region.ts';

export { inRing } from '../../src/map/geometry.ts';

/** A decoded screenshot with pixel access. */
export interface Shot {
  width: number;
  height: number;
  rgb(x: number, y: number): [number, number, number];
}

/** Decodes a PNG screenshot. */
export function decode(png: Buffer): Shot {
  const img = PNG.sync.read(png);
  return {
    width: img.width,
    height: img.height,
    rgb(x, y) {
      const cx = Math.max(0, Math.min(img.width - 1, Math.round(x)));
      const cy = Math.max(0, Math.min(img.height - 1, Math.round(y)));
      const i = (cy * img.width + cx) * 4;
      return [img.data[i] ?? 0, img.data[i + 1] ?? 0, img.data[i + 2] ?? 0];
    },
  };
}

/** The largest channel difference between a pixel and a 0xrrggbb colour. */
export function distance(rgb: [number, number, number], colour: number): number {
  return Math.max(
    Math.abs(rgb[0] - ((colour >> 16) & 0xff)),
    Math.abs(rgb[1] - ((colour >> 8) & 0xff)),
    Math.abs(rgb[2] - (colour & 0xff)),
  );
}

/** True when a pixel of the highlighted border's dashes lies within 3 px of p. */
export function borderNear(shot: Shot, p: { x: number; y: number }): boolean {
  for (let dy = -3; dy <= 3; dy++)
    for (let dx = -3; dx <= 3; dx++) {
      const rgb = shot.rgb(p.x + dx, p.y + dy);
      if (distance(rgb, palette.border) <= 50) return true;
    }
  return false;
}

/** Waits until the map has stopped drawing frames (its loop sleeps once nothing changes). */
export async function settled(page: Page): Promise<void> {
  let last = -1;
  for (;;) {
    const n = await page.evaluate(() => window.__brinkMap?.framesDrawn() ?? 0);
    if (n === last) return;
    last = n;
    await page.waitForTimeout(400);
  }
}

/** Screenshot of the map canvas. */
export async function shoot(page: Page): Promise<Shot> {
  return decode(await page.locator('#map canvas').screenshot());
}

/** The bundled scenario file whose meta.id is `id`, parsed. */
export function scenarioFile(id: string): {
  locations: { id: string; name: string; kind: string; lon: number; lat: number }[];
  actors: { id: string; home: string }[];
  map: { countries: { iso: string; actor?: string }[]; badges: { id: string }[] };
} {
  for (const f of readdirSync('scenarios')) {
    if (!f.endsWith('.json') || f.endsWith('.schema.json')) continue;
    const data = JSON.parse(readFileSync(join('scenarios', f), 'utf8'));
    if (data?.meta?.id === id) return data;
  }
  throw new Error(`no scenario file with id ${id}`);
}

/** The region the production build emitted for scenario `id` (global-setup builds into dist/). */
export function builtRegion(id: string): Region {
  const dir = 'dist/assets/regions';
  const file = readdirSync(dir).find((f) => f.startsWith(`${id}-`) && f.endsWith('.json'));
  if (!file) throw new Error(`no region was emitted for ${id}`);
  return JSON.parse(readFileSync(join(dir, file), 'utf8')) as Region;
}

/** What `installFrameHold` puts on the page's window. */
interface FrameHold {
  __holdFrames(): void;
  __releaseFrames(): void;
}

/**
 * Runs in the page (pass it to `addInitScript` or `evaluate`): while frames are held (`holdFrames`), the
 * page's requestAnimationFrame callbacks wait, so the canvas keeps the frame it last drew.
 */
export function installFrameHold(): void {
  const w = window as unknown as FrameHold;
  const real = window.requestAnimationFrame.bind(window);
  const held: FrameRequestCallback[] = [];
  let hold = false;
  w.__holdFrames = () => {
    hold = true;
  };
  w.__releaseFrames = () => {
    hold = false;
    for (const f of held.splice(0)) real(f);
  };
  window.requestAnimationFrame = (f) => (hold ? held.push(f) && 0 : real(f));
}

/** Holds the page's frames (`installFrameHold` must have run in it). */
export function holdFrames(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as FrameHold).__holdFrames());
}

/** Lets the page's held frames run, and those after them. */
export function releaseFrames(page: Page): Promise<void> {
  return page.evaluate(() => (window as unknown as FrameHold).__releaseFrames());
}

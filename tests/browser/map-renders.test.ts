import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { pixelStats } from './pixels.ts';

const browser = useChromium();

/** A fresh page (a touch screen if asked) that collects its errors; `visit` runs before the game is opened. */
async function freshPage(
  visit?: (page: Page) => Promise<unknown>,
  hasTouch = false,
): Promise<{ page: Page; errors: string[] }> {
  const page = await browser().newPage({ viewport: { width: 1280, height: 800 }, hasTouch });
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await visit?.(page);
  await page.goto(inject('baseUrl'));
  return { page, errors };
}

/**
 * Holds Phaser's chunk back from a page (`on`, before it is opened) until `release`; `requested` says
 * whether the page has asked for it meanwhile.
 */
function holdPhaser(): { on: (page: Page) => Promise<void>; release: () => void; requested: () => boolean } {
  let release: () => void = () => {};
  const held = new Promise<void>((done) => {
    release = done;
  });
  let requested = false;
  return {
    on: async (page) => {
      await page.route(/\/assets\/phaser-[^/]*\.js$/, async (route) => {
        requested = true;
        await held;
        await route.continue();
      });
    },
    release: () => release(),
    requested: () => requested,
  };
}

describe('the Phaser map', () => {
  it('draws non-blank pixels on a WebGL canvas', async () => {
    const { page, errors } = await freshPage();
    await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
    const canvas = page.locator('#map canvas');
    const shot = await canvas.screenshot();
    const stats = pixelStats(shot);
    // A blank canvas has one colour everywhere; a drawn map has many.
    expect(stats.differing / stats.total).toBeGreaterThan(0.05);
    expect(stats.colours).toBeGreaterThan(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('leaves the start screen taking input while Phaser is still loading', async () => {
    // Hold Phaser's chunk back until the start screen has been used.
    const phaser = holdPhaser();
    const { page, errors } = await freshPage(phaser.on);
    const start = page.getByRole('button', { name: /^start/i }).first();
    await start.waitFor();
    await page.waitForTimeout(500);
    expect(phaser.requested()).toBe(true);
    expect(await page.evaluate(() => performance.getEntriesByName('brink:phaser-loaded').length)).toBe(0);
    await start.click();
    await page.waitForSelector('.screen-heading');
    expect(await page.locator('#map canvas:not(.map-poster)').count()).toBe(0);
    // Meanwhile the map says it is loading, and says nothing more once it is drawn.
    expect(await page.locator('#map .map-status').textContent()).toBe('Loading the map…');
    phaser.release();
    await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
    expect(await page.locator('#map .map-status').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws the map with the Canvas renderer when the browser has no WebGL', async () => {
    const { page, errors } = await freshPage((p) =>
      p.addInitScript(() => {
        const real = HTMLCanvasElement.prototype.getContext;
        // As in a browser with WebGL switched off: no WebGL context, 2D still works.
        HTMLCanvasElement.prototype.getContext = function (
          this: HTMLCanvasElement,
          id: string,
          ...rest: unknown[]
        ) {
          if (/webgl/i.test(id)) return null;
          return (real as (...a: unknown[]) => RenderingContext | null).call(this, id, ...rest);
        } as typeof real;
      }),
    );
    await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
    expect(await page.evaluate(() => window.__brinkMap?.hasBorders)).toBe(true);
    const stats = pixelStats(await page.locator('#map canvas').screenshot());
    expect(stats.differing / stats.total).toBeGreaterThan(0.05);
    expect(stats.colours).toBeGreaterThan(3);
    expect(await page.locator('#map .map-status').isVisible()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('smooths edges with multisampling on a GPU, and leaves it off in software WebGL', async () => {
    const multisampled = async (page: Page) => {
      await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
      return page.evaluate(() => window.__brinkMap?.multisampled);
    };
    // Headless Chromium draws with SwiftShader.
    const software = await freshPage();
    expect(await multisampled(software.page)).toBe(false);
    expect(software.errors).toEqual([]);
    await software.page.close();
    // As on a laptop's GPU: the same browser, with the renderer's name a hardware driver gives.
    const gpu = await freshPage((p) =>
      p.addInitScript(() => {
        const UNMASKED_RENDERER = 0x9246;
        for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
          const real = proto.getParameter;
          proto.getParameter = function (this: WebGLRenderingContext, name: number) {
            if (name === UNMASKED_RENDERER)
              return 'ANGLE (Intel, Mesa Intel(R) UHD Graphics 620, OpenGL 4.6)';
            return real.call(this, name);
          } as typeof real;
        }
      }),
    );
    expect(await multisampled(gpu.page)).toBe(true);
    expect(gpu.errors).toEqual([]);
    await gpu.page.close();
  });

  it('says why over the map when it cannot be drawn (Phaser fails to load), and the game plays on with the map as text', async () => {
    const { page, errors } = await freshPage((p) => p.route(/\/assets\/phaser-[^/]*\.js$/, (r) => r.abort()));
    await page.waitForSelector('#map[data-map-failed="true"]', { timeout: 30_000 });
    const status = page.locator('#map .map-status');
    expect(await status.isVisible()).toBe(true);
    expect(await status.textContent()).toMatch(
      /^The map could not be drawn in this browser \(.+\)\. The game plays on/,
    );
    await page
      .getByRole('button', { name: /^start/i })
      .first()
      .click();
    await page.locator('button:text-is("Begin round 1")').click();
    await page.waitForSelector('h2:has-text("Orders for")');
    await page.locator('.map-text summary').click();
    expect(await page.locator('.map-text button[data-place]').count()).toBeGreaterThan(5);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lays the map out again at its new size when the window is resized, never stretched', async () => {
    const { page, errors } = await freshPage();
    await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
    const sizes = () =>
      page.evaluate(() => {
        const host = document.querySelector<HTMLElement>('#map');
        const canvas = document.querySelector<HTMLCanvasElement>('#map canvas');
        return {
          host: [host?.clientWidth ?? 0, host?.clientHeight ?? 0],
          canvas: [canvas?.width ?? 0, canvas?.height ?? 0],
          canvases: document.querySelectorAll('#map canvas').length,
        };
      });
    const before = await sizes();
    expect(before.canvas).toEqual(before.host);
    await page.setViewportSize({ width: 1000, height: 640 });
    await page.waitForFunction(
      () => {
        const host = document.querySelector<HTMLElement>('#map');
        const canvas = document.querySelector<HTMLCanvasElement>('#map[data-map-ready="true"] canvas');
        return !!host && !!canvas && canvas.width === host.clientWidth && canvas.height === host.clientHeight;
      },
      undefined,
      { timeout: 30_000 },
    );
    const after = await sizes();
    expect(after.host).not.toEqual(before.host);
    expect(after.canvas).toEqual(after.host);
    expect(after.canvases).toBe(1);
    const stats = pixelStats(await page.locator('#map canvas').screenshot());
    expect(stats.differing / stats.total).toBeGreaterThan(0.05);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('pans with one finger and zooms with a two-finger pinch on a touch screen', async () => {
    const { page, errors } = await freshPage(undefined, true);
    await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
    const box = await page.locator('#map canvas').boundingBox();
    if (!box) throw new Error('no map canvas');
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // Two points of the map far apart on screen: a pan moves both, a pinch spreads them.
    const spread = () =>
      page.evaluate(() => {
        const m = window.__brinkMap;
        const p = m?.project(62, 30);
        const q = m?.project(72, 36);
        return p && q ? { p, q, d: Math.hypot(p.x - q.x, p.y - q.y) } : undefined;
      });
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', points: [number, number][]) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map(([x, y], id) => ({ x, y, id })),
      });
    const before = await spread();
    await touch('touchStart', [
      [cx - 40, cy],
      [cx + 40, cy],
    ]);
    for (let k = 1; k <= 5; k++)
      await touch('touchMove', [
        [cx - 40 - 16 * k, cy],
        [cx + 40 + 16 * k, cy],
      ]);
    await touch('touchEnd', []);
    const pinched = await spread();
    if (!before || !pinched) throw new Error('the map projects nothing');
    // The fingers moved from 80 to 240 px apart: the map zooms in (within its limits).
    expect(pinched.d / before.d).toBeGreaterThan(1.5);
    // Zoomed in, one finger drags the map along.
    await touch('touchStart', [[cx, cy]]);
    for (let k = 1; k <= 5; k++) await touch('touchMove', [[cx + 12 * k, cy]]);
    await touch('touchEnd', []);
    const panned = await spread();
    if (!panned) throw new Error('the map projects nothing');
    expect(panned.p.x - pinched.p.x).toBeGreaterThan(20);
    expect(panned.d).toBeCloseTo(pinched.d, 3);
    expect(errors).toEqual([]);
    await page.close();
  });
});

import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { useChromium } from './chromium.ts';
import { installFrameHold, releaseFrames } from './map-helpers.ts';
import { pixelDifference, pixelStats } from './pixels.ts';

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

/** The map's canvas once its full bake is on screen: what earlier pictures of the map are compared with. */
async function fullBake(page: Page): Promise<Buffer> {
  await page.waitForFunction(() => window.__brinkMap?.picturesBaked() === 2, undefined, { timeout: 10_000 });
  await page.waitForTimeout(500);
  return page.locator('#map canvas').screenshot();
}

/**
 * Expects `shot` to be a drawn map that differs from `full`, but in less than `share` of its pixels by
 * more than 64 in a channel.
 */
function expectNearly(shot: Buffer, full: Buffer, share: number): void {
  const { total, colours } = pixelStats(shot);
  expect(colours).toBeGreaterThan(3);
  expect(pixelDifference(shot, full).differing).toBeGreaterThan(0);
  expect(pixelDifference(shot, full, 64).differing / total).toBeLessThan(share);
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

  it('shows a draft of the whole map first, at one texel a pixel, then the full bake, nearly the same', async () => {
    const { page, errors } = await freshPage(async (p) => {
      await p.addInitScript(installFrameHold);
      // From the map's first frame on, the browser's frames are held, so that the draft stays on screen.
      await p.addInitScript(() => {
        new MutationObserver(() => {
          if (document.querySelector('#map[data-map-ready="true"]'))
            (window as unknown as { __holdFrames(): void }).__holdFrames();
        }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-map-ready'] });
      });
    });
    await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
    const canvas = page.locator('#map canvas');
    expect(await page.evaluate(() => window.__brinkMap?.picturesBaked())).toBe(1);
    const draft = await canvas.screenshot();
    await releaseFrames(page);
    // The full bake smooths the edges of lines and shapes: the two differ, but only slightly. A draft drawn
    // at the wrong scale or place would differ by far more, in far more pixels.
    expectNearly(draft, await fullBake(page), 0.01);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('draws names, tooltip and picture with shaders that only sample, never compiling Phaser’s tinting quad shader', async () => {
    // Record every shader source the page compiles.
    const { page, errors } = await freshPage((p) =>
      p.addInitScript(() => {
        const sources: string[] = [];
        (window as unknown as { __shaderSources: string[] }).__shaderSources = sources;
        for (const proto of [WebGLRenderingContext.prototype, WebGL2RenderingContext.prototype]) {
          const original = proto.shaderSource;
          proto.shaderSource = function (this: WebGLRenderingContext, shader: WebGLShader, source: string) {
            sources.push(source);
            original.call(this, shader, source);
          };
        }
      }),
    );
    await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
    // Hovering a place shows its tooltip, the last kind of name to be drawn.
    const box = await page.locator('#map canvas').boundingBox();
    const p = await page.evaluate(() => window.__brinkMap?.screenPoint('kabul'));
    await page.mouse.move((box?.x ?? 0) + (p?.x ?? 0), (box?.y ?? 0) + (p?.y ?? 0));
    await page.waitForTimeout(300);
    const sources = await page.evaluate(
      () => (window as unknown as { __shaderSources: string[] }).__shaderSources,
    );
    // The names drew: their shader was compiled.
    expect(sources.some((s) => s.includes('BrinkPlainQuads'))).toBe(true);
    // Phaser's quad shader tints by mode (`tintMode`) for every pixel; nothing on the map needs it.
    expect(sources.filter((s) => s.includes('tintMode'))).toEqual([]);
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

  it('draws the map on a plain canvas while Phaser loads, nearly as Phaser draws it, and gives way in Phaser’s first frame', async () => {
    const phaser = holdPhaser();
    const { page, errors } = await freshPage(async (p) => {
      await phaser.on(p);
      // Counts the browser's frames, and notes the frame of the map's first mark and of the poster's leaving.
      await p.addInitScript(() => {
        const w = window as unknown as { __frame: number; __readyFrame?: number; __posterGoneFrame?: number };
        w.__frame = 0;
        const tick = () => {
          w.__frame++;
          requestAnimationFrame(tick);
        };
        requestAnimationFrame(tick);
        const mark = performance.mark.bind(performance);
        performance.mark = (name: string, options?: PerformanceMarkOptions) => {
          if (name === 'brink:map-ready') w.__readyFrame = w.__frame;
          return mark(name, options);
        };
        new MutationObserver((records) => {
          for (const r of records)
            for (const n of r.removedNodes)
              if (n instanceof HTMLCanvasElement && n.classList.contains('map-poster'))
                w.__posterGoneFrame = w.__frame;
        }).observe(document, { childList: true, subtree: true });
      });
    });
    const poster = page.locator('#map canvas.map-poster');
    await poster.waitFor({ timeout: 30_000 });
    // Phaser is held back: the map on show is the poster, with the status line saying the map is loading.
    expect(await page.locator('#map canvas').count()).toBe(1);
    expect(await poster.getAttribute('aria-hidden')).toBe('true');
    expect(await page.locator('#map .map-status').textContent()).toBe('Loading the map…');
    // The screenshot is of the page: the status line over the poster is hidden for it.
    const status = page.locator('#map .map-status');
    await status.evaluate((e) => e.setAttribute('hidden', ''));
    const drawn = await poster.screenshot();
    await status.evaluate((e) => e.removeAttribute('hidden'));
    phaser.release();
    await page.waitForSelector('#map[data-map-ready="true"] canvas', { timeout: 30_000 });
    expect(await poster.count()).toBe(0);
    expect(await page.locator('#map canvas').count()).toBe(1);
    const frames = await page.evaluate(() => {
      const w = window as unknown as { __readyFrame?: number; __posterGoneFrame?: number };
      return { ready: w.__readyFrame, gone: w.__posterGoneFrame };
    });
    expect(frames.ready).toBeGreaterThan(0);
    expect(frames.gone).toBe(frames.ready);
    // Drawn from the same shapes, lines, names and layout: only the edges of lines and glyphs differ.
    // Anything misplaced or missing (a name, an icon, a badge, a country) differs in far more pixels.
    // Here 0.02 % of the pixels differ by more than 64 in a channel; without the places' icons, 0.4 %.
    expectNearly(drawn, await fullBake(page), 0.001);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says why over the map when the browser has no WebGL, and the game plays on with the map as text', async () => {
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

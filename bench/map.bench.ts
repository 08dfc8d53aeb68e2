// The map's speed in headless Chromium against production builds served by `vite preview`:
// how soon the start panel takes input, how soon the map is drawn, and frame times under load.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import type { PreviewServer } from 'vite';
import { launchChromium } from '../tests/browser/chromium.ts';
import { buildInto, close, median, serve } from './bundle.ts';
import type { BenchRow } from './types.ts';

const RUNS = 5;
const VIEWPORT = { width: 1280, height: 800 };

/**
 * A fresh page. tsx compiles with keepNames, so functions sent to the page call `__name`: define it.
 * requestAnimationFrame is wrapped to add up the main thread's work per frame (all callbacks of a frame
 * share its timestamp), which tells the page's own work apart from the rasteriser's.
 */
async function newPage(browser: Browser): Promise<Page> {
  const page = await browser.newPage({ viewport: VIEWPORT });
  await page.addInitScript(`window.__name = (f) => f;
    (() => {
      const raf = window.requestAnimationFrame.bind(window);
      const work = new Map();
      window.__frameWork = work;
      window.requestAnimationFrame = (cb) => raf((t) => {
        const s = performance.now();
        try { cb(t); } finally { work.set(t, (work.get(t) ?? 0) + performance.now() - s); }
      });
    })();`);
  return page;
}

/** The 95th percentile of a list. */
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)] ?? Number.NaN;

/** Frame intervals and main-thread work per frame, each at the 95th percentile, and the share of late frames. */
interface Frames {
  gap: number;
  work: number;
  /** Per cent of frame intervals longer than one and a half refreshes at 60 Hz: frames that missed one. */
  missed: number;
}

/** An interval this long (ms) means a refresh went by without a new frame. */
const MISSED = 1.5 * (1000 / 60);

/** One timed load of a fresh page: milliseconds from navigation to what it times. */
type Load = (browser: Browser) => Promise<number>;

/** A load of `url` on a fresh page, timed by `fn` once the navigation has committed. */
function load(url: string, fn: (page: Page) => Promise<number>): Load {
  return async (browser) => {
    const page = await newPage(browser);
    await page.goto(url, { waitUntil: 'commit' });
    const ms = await fn(page);
    await page.close();
    return ms;
  };
}

/**
 * Runs each load RUNS times, taking turns (one of each per round), and returns the median of each. Taking
 * turns matters on this machine: its speed drifts over minutes, and a figure and its baseline timed one
 * after the other differed by more than the page did.
 */
async function medians(browser: Browser, loads: Load[]): Promise<number[]> {
  const times = loads.map(() => [] as number[]);
  for (let i = 0; i < RUNS; i++) for (const [k, l] of loads.entries()) times[k]?.push(await l(browser));
  return times.map(median);
}

/**
 * Milliseconds from navigation until `#panel` holds an enabled button and the main thread is idle:
 * a requestIdleCallback fires, so a click now would be handled at once.
 */
function panelTakesInput(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((done) => {
        const check = () => {
          if (document.querySelector('#panel button:not([disabled])')) {
            requestIdleCallback(() => done(performance.now()));
          } else setTimeout(check, 5);
        };
        check();
      }),
  );
}

/** The trace event of the display compositor's swap: in headless Chromium it reads the frame back, waiting for the GPU. */
const SWAP = 'SkiaOutputSurfaceImplOnGpu::SwapBuffers';

/**
 * Milliseconds from navigation until the frame with the performance mark `mark` is on screen: the end of
 * the display compositor's first swap that starts after the mark, in a trace of the load. The mark is set
 * when the page has drawn (its draw calls issued); the GPU draws them and the compositor shows the result
 * only later.
 */
function onScreen(url: string, mark: string): Load {
  return async (browser) => {
    const page = await newPage(browser);
    let marked = 0;
    const events = await traced(browser, page, async () => {
      await page.goto(url, { waitUntil: 'commit' });
      marked = await markTime(mark)(page);
    });
    const at = events.find((e) => e.name === mark);
    const swap = swapAfter(events, at);
    if (!at || !swap)
      throw new Error(
        `${url}: the trace lacks ${at ? `a ${SWAP} after the mark` : `the mark ${mark}`}: has Chromium renamed its trace events?`,
      );
    return marked + (swap.ts + (swap.dur ?? 0) - at.ts) / 1000;
  };
}

/**
 * The trace events (categories viz and blink.user_timing) of `page` while `act` runs and until the frame
 * it led to is shown: two of the page's frames after it, the first frame after it having been shown, then
 * long enough for the swap that shows it to end, even on a machine loaded by other work. Closes the page.
 */
async function traced(browser: Browser, page: Page, act: () => Promise<void>): Promise<TraceEvent[]> {
  const path = join(tmpdir(), `brink-on-screen-${process.pid}.json`);
  await browser.startTracing(page, { path, categories: ['viz', 'blink.user_timing'] });
  await act();
  await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
  await page.waitForTimeout(1500);
  await browser.stopTracing();
  await page.close();
  const events = (JSON.parse(readFileSync(path, 'utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  rmSync(path, { force: true });
  return events;
}

/** The first display compositor swap that starts after event `at`. */
function swapAfter(events: TraceEvent[], at: TraceEvent | undefined): TraceEvent | undefined {
  return events
    .filter((e) => e.name === SWAP && e.ph === 'X' && e.ts > (at?.ts ?? Number.POSITIVE_INFINITY))
    .sort((a, b) => a.ts - b.ts)[0];
}

/**
 * Milliseconds from opening the scenario file `file` on the start screen (once the default scenario's
 * map is drawn) until the map of that scenario is on screen: from a mark set just before the file is
 * given to the file input to the end of the first compositor swap after the new map's `brink:map-ready`.
 */
function fileOnScreen(url: string, file: string): Load {
  return async (browser) => {
    const page = await newPage(browser);
    await page.goto(url);
    await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 60_000 });
    const id = (JSON.parse(readFileSync(file, 'utf8')) as { meta: { id: string } }).meta.id;
    const events = await traced(browser, page, async () => {
      await page.evaluate(() => performance.mark('bench:chosen'));
      await page.locator('#panel input[type="file"][accept*="json"]').first().setInputFiles(file);
      await page.waitForFunction((x) => window.__brinkMap?.scenarioId === x, id, { timeout: 60_000 });
    });
    const chosen = events.find((e) => e.name === 'bench:chosen');
    const ready = events.find(
      (e) => e.name === 'brink:map-ready' && e.ts > (chosen?.ts ?? Number.POSITIVE_INFINITY),
    );
    const swap = swapAfter(events, ready);
    if (!chosen || !ready || !swap)
      throw new Error(`${file}: the trace lacks the choice, the new map's mark or a swap after it`);
    return (swap.ts + (swap.dur ?? 0) - chosen.ts) / 1000;
  };
}

/** The fields of a Chromium trace event that `onScreen` reads (times in µs). */
interface TraceEvent {
  name: string;
  ph: string;
  ts: number;
  dur?: number;
}

/** Milliseconds from navigation to the performance mark `name`, once the page has set it. */
function markTime(name: string): (page: Page) => Promise<number> {
  return async (page) => {
    await page.waitForFunction((n) => performance.getEntriesByName(n).length > 0, name, { timeout: 60_000 });
    return page.evaluate((n) => performance.getEntriesByName(n)[0]?.startTime ?? Number.NaN, name);
  };
}

/**
 * requestAnimationFrame intervals and work per frame over `ms`, right after `strikes` strikes start, or
 * after the map's tone is set to the gravest rung (`grave`).
 */
async function p95Frame(
  page: Page,
  ms: number,
  strikes: number,
  ids: string[],
  grave = false,
): Promise<Frames> {
  const { gaps, work, isolated } = await page.evaluate(
    ({ ms, strikes, ids, grave }) =>
      new Promise<{ gaps: number[]; work: number[]; isolated: boolean }>((done) => {
        const frameWork = (window as unknown as { __frameWork: Map<number, number> }).__frameWork;
        frameWork.clear();
        const m = window.__brinkMap;
        if (grave) m?.setTone(1, 2);
        if (m && strikes > 0 && ids.length >= 2) {
          m.play(
            Array.from({ length: strikes }, (_, i) => ({
              kind: 'strike' as const,
              from: ids[i % ids.length] as string,
              at: ids[(i * 7 + 3) % ids.length] as string,
            })),
          );
        }
        const gaps: number[] = [];
        let last = 0;
        let start = 0;
        const tick = (t: number) => {
          gaps.push(t - last);
          last = t;
          if (t - start < ms) requestAnimationFrame(tick);
          else done({ gaps, work: [...frameWork.values()], isolated: crossOriginIsolated });
        };
        requestAnimationFrame((t) => {
          last = t;
          start = t;
          requestAnimationFrame(tick);
        });
      }),
    { ms, strikes, ids, grave },
  );
  if (!isolated)
    throw new Error(`${page.url()} is not cross-origin isolated: its clock is too coarse for frame times`);
  return {
    gap: p95(gaps),
    work: p95(work),
    missed: (100 * gaps.filter((g) => g > MISSED).length) / gaps.length,
  };
}

/** Median p95 frame time of the idle map and of the map with ten strikes in flight, and the canvas size. */
async function frameTimes(
  browser: Browser,
  url: string,
  ids: string[],
): Promise<{ idle: Frames; tone: Frames; busy: Frames; drag: Frames; width: number; height: number }> {
  const idle: Frames[] = [];
  const tone: Frames[] = [];
  const busy: Frames[] = [];
  const drag: Frames[] = [];
  let size = { width: 0, height: 0 };
  for (let i = 0; i < 3; i++) {
    const page = await newPage(browser);
    await page.goto(url);
    await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 60_000 });
    await page.waitForTimeout(1000); // let loading settle
    size = await page.evaluate(() => {
      const c = document.querySelector<HTMLCanvasElement>('#map canvas');
      return { width: c?.width ?? 0, height: c?.height ?? 0 };
    });
    idle.push(await p95Frame(page, 3000, 0, ids));
    tone.push(await p95Frame(page, 1500, 0, ids, true));
    busy.push(await p95Frame(page, 3000, 10, ids));
    drag.push(await dragFrames(page));
    await page.close();
  }
  return {
    idle: medianFrames(idle),
    tone: medianFrames(tone),
    busy: medianFrames(busy),
    drag: medianFrames(drag),
    ...size,
  };
}

/** Frame times over 3 s of dragging the map about with the mouse, zoomed in four wheel steps. */
async function dragFrames(page: Page): Promise<Frames> {
  const box = await page.locator('#map canvas').boundingBox();
  if (!box) throw new Error('no map canvas');
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.mouse.move(cx, cy);
  for (let i = 0; i < 4; i++) {
    await page.mouse.wheel(0, -300);
    await page.waitForTimeout(100);
  }
  await page.waitForTimeout(1000);
  await page.mouse.down();
  const frames = p95Frame(page, 3000, 0, []);
  let done = false;
  void frames.then(() => {
    done = true;
  });
  // A slow loop around the centre: the view moves on every step and never reaches the map's edge.
  for (let i = 0; !done; i++) await page.mouse.move(cx + 80 * Math.sin(i / 10), cy + 60 * Math.cos(i / 13));
  await page.mouse.up();
  return frames;
}

/**
 * Median p95 frame time of `url`, optionally with a bare WebGL canvas of the given size that draws one
 * full-canvas texture every frame: about the least a frame that draws the whole map can cost.
 */
async function floorFrames(
  browser: Browser,
  url: string,
  canvas?: { width: number; height: number },
): Promise<Frames> {
  const times: Frames[] = [];
  for (let i = 0; i < 3; i++) {
    const page = await newPage(browser);
    await page.goto(url);
    if (canvas) {
      await page.evaluate(({ width, height }) => {
        const c = document.createElement('canvas');
        c.width = width;
        c.height = height;
        document.body.append(c);
        const gl = c.getContext('webgl2', { antialias: false });
        if (!gl) return;
        const shader = (type: number, src: string) => {
          const s = gl.createShader(type);
          if (s) {
            gl.shaderSource(s, src);
            gl.compileShader(s);
          }
          return s;
        };
        const program = gl.createProgram();
        const vs = shader(
          gl.VERTEX_SHADER,
          '#version 300 es\nin vec2 p; out vec2 uv; void main() { uv = p * 0.5 + 0.5; gl_Position = vec4(p, 0, 1); }',
        );
        const fs = shader(
          gl.FRAGMENT_SHADER,
          '#version 300 es\nprecision mediump float; in vec2 uv; uniform sampler2D t; out vec4 o; void main() { o = texture(t, uv); }',
        );
        if (!vs || !fs) return;
        gl.attachShader(program, vs);
        gl.attachShader(program, fs);
        gl.linkProgram(program);
        gl.useProgram(program);
        gl.bindBuffer(gl.ARRAY_BUFFER, gl.createBuffer());
        gl.bufferData(gl.ARRAY_BUFFER, new Float32Array([-1, -1, 1, -1, -1, 1, 1, 1]), gl.STATIC_DRAW);
        gl.enableVertexAttribArray(0);
        gl.vertexAttribPointer(0, 2, gl.FLOAT, false, 0, 0);
        // A texture of the canvas's size sampled texel for texel.
        const pixels = new Uint8Array(width * height * 4).map((_, k) => (k * 37) & 255);
        gl.bindTexture(gl.TEXTURE_2D, gl.createTexture());
        gl.texImage2D(gl.TEXTURE_2D, 0, gl.RGBA, width, height, 0, gl.RGBA, gl.UNSIGNED_BYTE, pixels);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MIN_FILTER, gl.NEAREST);
        gl.texParameteri(gl.TEXTURE_2D, gl.TEXTURE_MAG_FILTER, gl.NEAREST);
        gl.enable(gl.BLEND);
        gl.blendFunc(gl.ONE, gl.ONE_MINUS_SRC_ALPHA);
        let n = 0;
        const frame = () => {
          n = (n + 1) % 256;
          gl.clearColor(n / 255, 0.5, 0.5, 1);
          gl.clear(gl.COLOR_BUFFER_BIT);
          gl.drawArrays(gl.TRIANGLE_STRIP, 0, 4);
          requestAnimationFrame(frame);
        };
        frame();
      }, canvas);
    }
    await page.waitForTimeout(500);
    times.push(await p95Frame(page, 3000, 0, []));
    await page.close();
  }
  return medianFrames(times);
}

/** The median of each figure over several pages. */
const medianFrames = (xs: Frames[]): Frames => ({
  gap: median(xs.map((x) => x.gap)),
  work: median(xs.map((x) => x.work)),
  missed: median(xs.map((x) => x.missed)),
});

/** The default scenario's location ids, read from the built page's map. */
async function locationIds(browser: Browser, url: string): Promise<string[]> {
  const page = await newPage(browser);
  await page.goto(url);
  await page.waitForSelector('#map[data-map-ready="true"]', { timeout: 60_000 });
  const id = await page.evaluate(() => window.__brinkMap?.scenarioId ?? '');
  await page.close();
  for (const f of readdirSync('scenarios')) {
    if (!f.endsWith('.json') || f.endsWith('.schema.json')) continue;
    const data = JSON.parse(readFileSync(join('scenarios', f), 'utf8'));
    if (data?.meta?.id === id) return (data.locations as { id: string }[]).map((l) => l.id);
  }
  return [];
}

/** The map benchmarks; see each row's method. */
export default async function mapBench(): Promise<BenchRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'brink-map-bench-'));
  const servers: PreviewServer[] = [];
  let browser: Browser | undefined;
  try {
    const appDir = await buildInto(join(tmp, 'app'));
    // The frame rows drive the map through its diagnostics, which only a test build has.
    const appTestDir = await buildInto(join(tmp, 'app-test'), { mode: 'test' });
    const helloDir = await buildInto(join(tmp, 'hello'), {
      root: resolve('bench/phaser-hello'),
      configFile: false,
      build: { chunkSizeWarningLimit: 2000 },
    });
    const blankDir = join(tmp, 'blank');
    mkdirSync(blankDir);
    writeFileSync(
      join(blankDir, 'index.html'),
      '<!doctype html><html lang="en"><head><meta charset="UTF-8"><title>blank</title></head>' +
        '<body><section id="panel"><button type="button">Start</button></section></body></html>',
    );
    const app = await serve(appDir);
    const hello = await serve(helloDir);
    const blank = await serve(blankDir);
    const appTest = await serve(appTestDir);
    const appTimed = await serve(appTestDir, true);
    const blankTimed = await serve(blankDir, true);
    servers.push(app.server, hello.server, blank.server, appTest.server, appTimed.server, blankTimed.server);
    browser = await launchChromium();
    // One throwaway load warms Chromium's caches of the GPU process and shaders, for every row alike.
    const warm = await newPage(browser);
    await warm.goto(app.url);
    await warm.waitForSelector('#map[data-map-ready="true"]', { timeout: 60_000 });
    await warm.close();

    const [panel, panelBlank, phaser, drawn, helloFrame, shown, helloShown] = (await medians(browser, [
      load(app.url, panelTakesInput),
      load(blank.url, panelTakesInput),
      load(app.url, markTime('brink:phaser-loaded')),
      load(app.url, markTime('brink:map-ready')),
      load(hello.url, markTime('hello:first-frame')),
      onScreen(app.url, 'brink:map-ready'),
      onScreen(hello.url, 'hello:first-frame'),
    ])) as [number, number, number, number, number, number, number];
    // A scenario opened from a file: one of another region, cut at load time, beside a bundled one.
    const [fromFile, fromBundled] = (await medians(browser, [
      fileOnScreen(appTest.url, 'tests/fixtures/map/dangrek-border.json'),
      fileOnScreen(appTest.url, 'scenarios/tutorial.json'),
    ])) as [number, number];
    const ids = await locationIds(browser, appTest.url);
    const frames = await frameTimes(browser, appTimed.url, ids);
    const blankFrame = await floorFrames(browser, blankTimed.url);
    const webglFrame = await floorFrames(browser, blankTimed.url, frames);
    const how = `headless Chromium (SwiftShader WebGL), ${VIEWPORT.width}×${VIEWPORT.height}, production builds served by vite preview on 127.0.0.1`;
    const timed = `${how}, cross-origin isolated for a 5 µs clock`;
    const rounds = `median of ${RUNS} fresh pages, in rounds of one load each for the start panel, map drawn and map on screen rows and their baselines (this machine's speed drifts over minutes)`;
    return [
      {
        name: 'Start panel takes input',
        figure: panel,
        baseline: panelBlank,
        unit: 'ms',
        baselineName: 'static page with one button',
        goal: `usable before Phaser loads (it loaded at ${phaser.toFixed(0)} ms)`,
        method: `${how}; from navigation until #panel holds an enabled button and a requestIdleCallback then fires (main thread free); ${rounds}`,
      },
      {
        name: 'Map drawn',
        figure: drawn,
        baseline: helloFrame,
        unit: 'ms',
        baselineName: 'Phaser hello world, its first frame drawn',
        goal: '≤ 1000 ms',
        method: `${how}; from navigation to the performance mark set at the post-render of the Phaser map's first frame (#map gets data-map-ready=true: from then on the map answers pointer and keys); baseline: bench/phaser-hello to its own mark at its first frame's post-render; ${rounds}`,
      },
      {
        name: 'Map on screen',
        figure: shown,
        baseline: helloShown,
        unit: 'ms',
        baselineName: 'Phaser hello world, first frame on screen',
        goal: '≤ 1000 ms (the goal above, read as the map seen)',
        method: `${how}; a trace of each load (categories viz and blink.user_timing): from navigation to the end of the display compositor's first swap (${SWAP}, which in headless Chromium reads the frame back and so waits for the GPU) that starts after the mark of the row above; baseline the same after bench/phaser-hello's mark at its first frame's post-render; ${rounds}`,
      },
      {
        name: 'Borders on screen, a scenario from a file (cut at load time)',
        figure: fromFile,
        baseline: fromBundled,
        unit: 'ms',
        baselineName: 'a bundled scenario (its build-time cut) opened from a file the same way',
        goal: 'no goal set: the first cut of a page includes fetching the 1:10m atlas (1 MB gzip, here from 127.0.0.1)',
        method: `${how} (test build); each on a fresh page once the default scenario's map is drawn: from a mark just before the file is given to the start screen's file input (read, validated, selected) to the end of the first compositor swap (${SWAP}) after the new map's brink:map-ready mark, in a trace; the figure opens tests/fixtures/map/dangrek-border.json (the Thailand–Cambodia border, in no bundle: the atlas is fetched and the region cut in the worker), the baseline scenarios/tutorial.json (a bundled scenario, whose build-time cut is fetched); median of ${RUNS} fresh pages each, taking turns`,
      },
      {
        name: 'p95 frame time, idle map',
        figure: frames.idle.gap,
        baseline: blankFrame.gap,
        unit: 'ms',
        baselineName: 'static page',
        goal: '≤ 16.7 ms',
        method: `${timed}; requestAnimationFrame intervals over 3 s of the map at rest (the loop sleeps until something changes), 95th percentile; baseline the same on the static page; median of 3 pages`,
      },
      {
        name: 'p95 frame time, change of rung',
        figure: frames.tone.gap,
        baseline: webglFrame.gap,
        unit: 'ms',
        baselineName: 'the bare WebGL canvas below',
        goal: `no goal set; ${frames.tone.missed.toFixed(0)}% of frames missed a refresh`,
        method: `${timed}; requestAnimationFrame intervals over the 1.5 s after setTone to the gravest rung, while the map's tint eases in (a Phaser tween of the tint over 1 s, each frame drawing the whole map), 95th percentile; median of 3 pages`,
      },
      {
        name: 'p95 frame time, ten strikes',
        figure: frames.busy.gap,
        baseline: webglFrame.gap,
        unit: 'ms',
        baselineName: `bare WebGL canvas ${frames.width}×${frames.height} drawing one texture every frame`,
        goal: '≤ 16.7 ms (one refresh at 60 Hz)',
        method: `${timed}; requestAnimationFrame intervals over 3 s right after play() of ten strikes at once (flight, flash, smoke), 95th percentile; baseline the same on a page whose only content is a WebGL canvas of the map's size that clears and draws one texture of its own size, sampled NEAREST, every frame (about the least a frame that draws the whole map can cost; the map draws all of it at every frame while something moves); median of 3 pages`,
      },
      {
        name: 'frames that missed a refresh, ten strikes',
        figure: frames.busy.missed,
        baseline: webglFrame.missed,
        unit: '%',
        baselineName: 'the bare WebGL canvas above',
        goal: 'under 5%, for the p95 above to be one refresh',
        method: `${timed}; the same 3 s as the row above; share of requestAnimationFrame intervals longer than 1.5 refreshes at 60 Hz (${MISSED.toFixed(1)} ms); median of 3 pages`,
      },
      {
        name: 'p95 frame time, dragging the zoomed-in map',
        figure: frames.drag.gap,
        baseline: webglFrame.gap,
        unit: 'ms',
        baselineName: 'the bare WebGL canvas above',
        goal: `no goal set; ${frames.drag.missed.toFixed(0)}% of frames missed a refresh`,
        method: `${timed}; zoomed in four wheel steps, then the mouse drags the map round a small loop for 3 s, one step per round trip to the page; requestAnimationFrame intervals, 95th percentile; each frame of the drag draws the whole map through the moved camera, and ten strikes' smoke still drifts; median of 3 pages`,
      },
      {
        name: 'main-thread work per frame, ten strikes',
        figure: frames.busy.work,
        baseline: webglFrame.work,
        unit: 'ms',
        baselineName: 'the bare WebGL canvas above',
        goal: 'a diagnosis: within the 16.7 ms budget, the rest of the frame is the rasteriser',
        method: `${timed}; the same 3 s as the row above; requestAnimationFrame is wrapped so that each frame's callbacks add up their run time; 95th percentile of that sum per frame; median of 3 pages`,
      },
    ];
  } finally {
    await browser?.close();
    for (const s of servers) await close(s);
    rmSync(tmp, { recursive: true, force: true });
  }
}

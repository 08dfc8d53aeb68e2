import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../tests/browser/chromium.ts';
import { buildInto, close, gzippedJs, pageJs, serve } from './bundle.ts';
import type { BenchRow } from './types.ts';

/** What the map puts on `window` for tests and benchmarks (src/map/diagnostics.ts): never in production. */
const DIAGNOSTICS = ['__brinkMap', 'framesDrawn', 'activeEffects'];

/**
 * The JavaScript a page fetches in Chromium until `ready` resolves: every script response (modules, their
 * preloads, workers), each body gzipped at level 9, by file name. Service workers are blocked, so the
 * figure is what the page itself asks for (the worker's own row counts sw.js).
 */
async function fetchedJs(
  browser: Browser,
  url: string,
  ready: (page: Page) => Promise<void>,
): Promise<Map<string, number>> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 800 },
    serviceWorkers: 'block',
  });
  const page = await context.newPage();
  const bodies: Promise<void>[] = [];
  const sizes = new Map<string, number>();
  page.on('response', (r) => {
    const path = new URL(r.url()).pathname;
    if (r.request().resourceType() !== 'script' && !path.endsWith('.js')) return;
    bodies.push(r.body().then((b) => void sizes.set(path, gzipSync(b, { level: 9 }).length)));
  });
  await page.goto(url);
  await ready(page);
  await page.waitForLoadState('networkidle');
  await Promise.all(bodies);
  await context.close();
  return sizes;
}

/** The game's first round: the start screen, Start, the briefing, round 1's orders, and the map drawn. */
async function toFirstRound(page: Page): Promise<void> {
  await page.locator('button:text-is("Start")').click();
  await page.locator('button:text-is("Begin round 1")').click();
  await page.waitForSelector('h2:has-text("Orders for")');
  await page.waitForSelector('#map canvas', { timeout: 60_000 });
}

const kib = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0) / 1024;

/** The gzipped size (bytes) of the Phaser chunk among the files a page fetched (vite.config.ts names it). */
function phaserChunk(fetched: Map<string, number>): number {
  const [only, ...more] = [...fetched].filter(([path]) => /\/phaser-[\w-]+\.js$/.test(path));
  if (!only || more.length > 0)
    throw new Error(
      `expected one phaser-*.js chunk among the fetched files, found ${more.length + (only ? 1 : 0)}`,
    );
  return only[1];
}

/** Gzipped JavaScript of the production build against a Phaser-only hello world built in the same run. */
export default async function bundleSize(): Promise<BenchRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'brink-bench-'));
  try {
    const appDir = await buildInto(join(tmp, 'app'));
    const helloDir = await buildInto(join(tmp, 'hello'), {
      root: resolve('bench/phaser-hello'),
      configFile: false,
      build: { chunkSizeWarningLimit: 2000 },
    });
    const game = await serve(appDir);
    const hello = await serve(helloDir);
    const browser = await launchChromium();
    let played: Map<string, number>;
    let floorFetched: Map<string, number>;
    try {
      played = await fetchedJs(browser, game.url, toFirstRound);
      floorFetched = await fetchedJs(browser, hello.url, (page) =>
        page.waitForSelector('canvas').then(() => undefined),
      );
    } finally {
      await browser.close();
      await close(game.server);
      await close(hello.server);
    }
    if (process.env.BENCH_LIST)
      for (const [f, n] of [...played].sort((a, b) => b[1] - a[1]))
        process.stderr.write(`  ${(n / 1024).toFixed(1)} KiB ${f}\n`);
    const app = gzippedJs(appDir);
    for (const f of readdirSync(appDir, { recursive: true, encoding: 'utf8' }).filter((x) =>
      x.endsWith('.js'),
    )) {
      const code = readFileSync(join(appDir, f), 'utf8');
      const name = DIAGNOSTICS.find((n) => code.includes(n));
      if (name) throw new Error(`the production build ships the map's diagnostics: ${name} in ${f}`);
    }
    const start = [...pageJs(appDir).values()].reduce((a, b) => a + b, 0);
    const worker = serviceWorkerJs(appDir);
    const floor = gzippedJs(helloDir);
    const phaser = phaserChunk(played) / 1024;
    return [
      {
        name: 'JavaScript the game fetches up to round 1 (gzip)',
        figure: kib(played),
        baseline: kib(floorFetched),
        unit: 'KiB',
        baselineName: 'Phaser-only hello world, fetched the same way',
        goal: `≤ floor + 60 KiB (now ${signed(kib(played) - kib(floorFetched))} KiB, the game on a custom Phaser build; what each KiB is: docs/javascript-shipped.md)`,
        method:
          "both production builds served by vite preview and opened in headless Chromium with service workers blocked; every script response (the page's modules, preloads and workers) gzipped at level 9 and summed: the game from its start screen through Start and \"Begin round 1\" to round 1's orders with the map drawn, the hello world until its canvas. The game ships a custom Phaser build (src/map/phaser.ts: only the parts the map uses, sound left out); the hello world imports the stock phaser package, whole. BENCH_LIST=1 lists the game's files",
      },
      {
        name: "The game's own JavaScript fetched up to round 1, beside its Phaser (gzip)",
        figure: kib(played) - phaser,
        baseline: phaser,
        unit: 'KiB',
        baselineName: "the game's Phaser chunk, a custom build",
        goal: `where the first row's KiB are: the game's code and libraries, and its Phaser (the floor's stock Phaser is ${kib(floorFetched).toFixed(1)} KiB)`,
        method:
          "the first row's files split in two: the phaser-*.js chunk (src/map/phaser.ts built from Phaser's sources) as the baseline, every other script the page fetched as the figure",
      },
      {
        name: 'JavaScript the build emits (gzip, the old measure)',
        figure: app / 1024,
        baseline: floor / 1024,
        unit: 'KiB',
        baselineName: 'Phaser-only hello world',
        goal: `the figure the goal was once read against (${signed((app - floor) / 1024)} KiB): it counts the editor, the room client and every lazy chunk the game never fetches`,
        method:
          "vite build of index.html (on the map's custom Phaser build) and of bench/phaser-hello (on the stock phaser package); every emitted .js gzipped at level 9 and summed. The build fails the bench if it ships the map's test hooks",
      },
      {
        name: 'Service worker and its registration (gzip)',
        figure: worker / 1024,
        baseline: app / 1024,
        unit: 'KiB',
        baselineName: 'every .js the build emits',
        goal: 'counted in "the build emits"; loaded after the page, never before the start screen',
        method:
          'sw.js (Workbox generateSW, with its precache list), the workbox-*.js runtime it imports and registerSW.js, gzipped at level 9 (vite-plugin-pwa)',
      },
      {
        name: 'JavaScript the start screen loads (gzip)',
        figure: start / 1024,
        baseline: app / 1024,
        unit: 'KiB',
        baselineName: 'every .js the build emits',
        goal: 'the editor (?view=editor) adds nothing to it',
        method:
          'the entry and modulepreload scripts of the built index.html and every file they import statically (pageJs in bench/bundle.ts), gzipped at level 9; chunks reached only through import() (map, validator, editor, workers) are not counted',
      },
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

/** A difference in KiB with its sign, to one decimal. */
const signed = (n: number) => `${n < 0 ? '−' : '+'}${Math.abs(n).toFixed(1)}`;

/** The gzipped size (level 9) of the service worker, its Workbox runtime and its registration script. */
function serviceWorkerJs(dir: string): number {
  const files = readdirSync(dir).filter((f) => /^(sw|registerSW|workbox-[\w-]+)\.js$/.test(f));
  if (!files.includes('sw.js')) throw new Error('the build has no service worker (sw.js)');
  return files.reduce((t, f) => t + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

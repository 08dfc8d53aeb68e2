import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { buildInto, gzippedJs, pageJs } from './bundle.ts';
import type { BenchRow } from './types.ts';

/** What the map puts on `window` for tests and benchmarks (src/map/diagnostics.ts): never in production. */
const DIAGNOSTICS = ['__brinkMap', 'framesDrawn', 'activeEffects'];

/** Gzipped JavaScript of the production build against a Phaser-only hello world built in the same run. */
export default async function bundleSize(): Promise<BenchRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'brink-bench-'));
  try {
    const appDir = await buildInto(join(tmp, 'app'));
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
    const floor = gzippedJs(
      await buildInto(join(tmp, 'hello'), {
        root: resolve('bench/phaser-hello'),
        configFile: false,
        build: { chunkSizeWarningLimit: 2000 },
      }),
    );
    return [
      {
        name: 'JavaScript shipped (gzip)',
        figure: app / 1024,
        baseline: floor / 1024,
        unit: 'KiB',
        baselineName: 'Phaser-only hello world',
        goal: `≤ floor + 60 KiB (now +${((app - floor) / 1024).toFixed(1)} KiB)`,
        method:
          "vite build of index.html and of bench/phaser-hello, both on the stock phaser package; every emitted .js gzipped at level 9 and summed. The build fails the bench if it ships the map's test hooks",
      },
      {
        name: 'Service worker and its registration (gzip)',
        figure: worker / 1024,
        baseline: app / 1024,
        unit: 'KiB',
        baselineName: 'every .js the build emits',
        goal: 'counted in "JavaScript shipped"; loaded after the page, never before the start screen',
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

/** The gzipped size (level 9) of the service worker, its Workbox runtime and its registration script. */
function serviceWorkerJs(dir: string): number {
  const files = readdirSync(dir).filter((f) => /^(sw|registerSW|workbox-[\w-]+)\.js$/.test(f));
  if (!files.includes('sw.js')) throw new Error('the build has no service worker (sw.js)');
  return files.reduce((t, f) => t + gzipSync(readFileSync(join(dir, f)), { level: 9 }).length, 0);
}

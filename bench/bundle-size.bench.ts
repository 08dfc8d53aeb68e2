import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { phaserAliases, phaserSwitches, phaserTrim } from '../vite.config.ts';
import { buildInto, gzippedJs, pageJs } from './bundle.ts';
import type { BenchRow } from './types.ts';

/** Gzipped JavaScript of the production build against a Phaser-only hello world built in the same run. */
export default async function bundleSize(): Promise<BenchRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'brink-bench-'));
  try {
    const appDir = await buildInto(join(tmp, 'app'));
    const app = gzippedJs(appDir);
    const start = [...pageJs(appDir).values()].reduce((a, b) => a + b, 0);
    const floor = gzippedJs(
      await buildInto(join(tmp, 'hello'), {
        root: resolve('bench/phaser-hello'),
        configFile: false,
        build: { chunkSizeWarningLimit: 2000 },
      }),
    );
    // The same hello world on the trimmed Phaser the game ships (vite.config.ts): what the game's own code adds.
    const trimmedFloor = gzippedJs(
      await buildInto(join(tmp, 'hello-trimmed'), {
        root: resolve('bench/phaser-hello'),
        configFile: false,
        plugins: [phaserTrim()],
        resolve: { alias: phaserAliases },
        define: phaserSwitches,
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
          'vite build of index.html and of bench/phaser-hello (the standard phaser package); every emitted .js gzipped at level 9 and summed',
      },
      {
        name: 'JavaScript shipped (gzip), like for like',
        figure: app / 1024,
        baseline: trimmedFloor / 1024,
        unit: 'KiB',
        baselineName: 'the same hello world on the trimmed Phaser the game ships',
        goal: `≤ floor + 60 KiB (now +${((app - trimmedFloor) / 1024).toFixed(1)} KiB)`,
        method:
          'as above, with bench/phaser-hello built on the same trimmed Phaser (src/map/phaser-entry.cjs and phaserTrim, through vite.config.ts), so the difference is the game’s own code and libraries',
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

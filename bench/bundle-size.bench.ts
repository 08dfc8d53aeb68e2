import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { buildInto, gzippedJs } from './bundle.ts';
import type { BenchRow } from './types.ts';

/** Gzipped JavaScript of the production build against a Phaser-only hello world built in the same run. */
export default async function bundleSize(): Promise<BenchRow[]> {
  const tmp = mkdtempSync(join(tmpdir(), 'brink-bench-'));
  try {
    const app = gzippedJs(await buildInto(join(tmp, 'app')));
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
          'vite build of index.html and of bench/phaser-hello; every emitted .js gzipped at level 9 and summed',
      },
    ];
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}

// Time to apply a snapshot to the orders screen, in headless Chromium: today's lit-html panels (patched in
// place) beside the full rebuild of the commit before them (e76620f), measured in the same page on the same
// snapshots of one game. The old panels are the old commit's own code, unpacked from git into
// node_modules/.cache and built into the bench page; nothing of them is kept in the project.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/browser/chromium.ts';
import { buildInto, close, median, serve } from './bundle.ts';
import type { BenchRow } from './types.ts';

/** The last commit with the hand-built panels. */
const OLD = 'e76620f';
const root = resolve(import.meta.dirname, '..');
const oldDir = join(root, 'node_modules', '.cache', 'brink-bench-old');

export default async function panelsBench(): Promise<BenchRow[]> {
  rmSync(oldDir, { recursive: true, force: true });
  mkdirSync(oldDir, { recursive: true });
  const tar = execFileSync('git', ['archive', OLD, 'src'], { cwd: root, maxBuffer: 1 << 28 });
  execFileSync('tar', ['-x', '-C', oldDir], { input: tar });
  const tmp = mkdtempSync(join(tmpdir(), 'brink-panels-bench-'));
  const page = join(tmp, 'page');
  mkdirSync(page);
  writeFileSync(
    join(page, 'index.html'),
    `<!doctype html><html><body><script type="module" src="${join(root, 'bench/panels/entry.ts')}"></script></body></html>`,
  );
  const dist = await buildInto(join(tmp, 'dist'), {
    configFile: false,
    root: page,
    resolve: { alias: { 'brink-old-orders': join(oldDir, 'src/ui/orders.ts') } },
  });
  const { url, server } = await serve(dist);
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(url);
    const figures = (
      await tab.waitForFunction('window.__panels', undefined, { timeout: 120_000 })
    ).jsonValue();
    const { lit, rebuild } = (await figures) as { lit: number[]; rebuild: number[] };
    return [
      {
        name: 'snapshot applied to the orders screen (median over a game)',
        figure: median(lit),
        baseline: median(rebuild),
        unit: 'ms',
        baselineName: `full rebuild, ${OLD}`,
        goal: '≤ the full rebuild',
        method: `one game of the seed scenario (seed 4242), each round's orders screen and the pause, resume and inject snapshots sent while it is up (${lit.length} snapshots); each applied by the lit-html panels (render() into the same container) and by ${OLD}'s panels (built anew and swapped in), in one headless Chromium page; median of each`,
      },
    ];
  } finally {
    await browser.close();
    await close(server);
    rmSync(tmp, { recursive: true, force: true });
    rmSync(oldDir, { recursive: true, force: true });
  }
}

// A planner decision in Chromium's Web Worker at the default level (issue 24), as the game page makes it
// (request, plan, parsed reply), beside the same decisions planned on the page's main thread in the same
// page: median and 95th percentile over the decisions of a game, with the continuations each decision played.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchChromium } from '../tests/browser/chromium.ts';
import { buildInto, close, median, serve } from './bundle.ts';
import type { BenchRow } from './types.ts';

const root = resolve(import.meta.dirname, '..');

/** The 95th percentile of some figures. */
const p95 = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil(s.length * 0.95) - 1)] ?? Number.NaN;
};

interface Figures {
  worker: number[];
  main: number[];
  continuations: number[];
  games: number;
  error?: string;
}

export default async function plannerBrowserBench(): Promise<BenchRow[]> {
  const loadAtStart = loadavg()[0]?.toFixed(1);
  const tmp = mkdtempSync(join(tmpdir(), 'brink-planner-bench-'));
  const page = join(tmp, 'page');
  mkdirSync(page);
  writeFileSync(
    join(page, 'index.html'),
    `<!doctype html><html><body><script type="module" src="${join(root, 'bench/planner-browser/entry.ts')}"></script></body></html>`,
  );
  const dist = await buildInto(join(tmp, 'dist'), { configFile: false, root: page });
  const { url, server } = await serve(dist);
  const browser = await launchChromium();
  try {
    const tab = await browser.newPage();
    await tab.goto(url);
    const f = (await (
      await tab.waitForFunction('window.__planner', undefined, { timeout: 600_000 })
    ).jsonValue()) as Figures;
    if (f.error) throw new Error(`the planner bench page failed: ${f.error}`);
    // The continuations each decision played, which the goal counts.
    const fewest = Math.min(...f.continuations);
    const most = Math.max(...f.continuations);
    const method = `${f.worker.length} decisions of the seed scenario's planner seats (pakistan, taliban, qatar, us at the standard level; china a person holding) in ${f.games} game(s) from seed 1, each planned in the page's Web Worker (planner-worker.ts: request, plan, zod-parsed reply) and then the same input planned on the page's main thread; ${fewest}-${most} continuations per decision (median ${median(f.continuations)}); headless Chromium, one page; the machine's load average ${loadAtStart} at the start, ${loadavg()[0]?.toFixed(1)} at the end`;
    return [
      {
        name: 'planner decision in the Web Worker, standard level (median)',
        figure: median(f.worker),
        baseline: median(f.main),
        unit: 'ms',
        baselineName: 'the same decisions on the main thread',
        goal: '≤ 300 ms with ≥ 500 continuations',
        method,
      },
      {
        name: 'planner decision in the Web Worker, standard level (p95)',
        figure: p95(f.worker),
        baseline: p95(f.main),
        unit: 'ms',
        baselineName: 'the same decisions on the main thread',
        method,
      },
    ];
  } finally {
    await browser.close();
    await close(server);
    rmSync(tmp, { recursive: true, force: true });
  }
}

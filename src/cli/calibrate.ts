// `npm run calibrate -- [FILE] [--games N] [--seed S] [--workers K] [--json]`
// Runs the calibration experiments and prints each figure beside its published anchor and its band;
// exits 1 when a figure leaves its band.
import { reason } from '../errors.ts';
import { calibrate, type Figure } from '../sim/calibration.ts';
import { readBatch, simulate } from './simulate.ts';

const USAGE = 'usage: npm run calibrate -- [FILE] [--games N] [--seed S] [--workers K] [--json]';
const DEFAULT_FILE = 'scenarios/pakistan-afghanistan-2026.json';

/** The report as a table: figure, value, band, anchor, and a mark for each figure out of its band. */
export function formatFigures(figures: readonly Figure[]): string {
  const rows = figures.map((f) => [
    f.ok ? 'ok ' : 'OUT',
    f.label,
    String(f.value),
    `[${f.band[0]}, ${f.band[1]}]`,
    f.anchor,
  ]);
  const widths = [3, 0, 0, 0].map((_, i) => Math.max(...rows.map((r) => (r[i] ?? '').length)));
  const out = rows.map((r) => r.map((x, i) => (i < 4 ? x.padEnd(widths[i] ?? 0) : x)).join('  '));
  const bad = figures.filter((f) => !f.ok).length;
  return `${out.join('\n')}\n\n${bad === 0 ? 'every figure is inside its band' : `${bad} figure(s) outside their band`}`;
}

async function main(): Promise<number> {
  const read = readBatch(USAGE, {}, DEFAULT_FILE);
  if (typeof read === 'number') return read;
  const { games, seed, workers } = read.counts;
  const figures = await calibrate(read.scenario, {
    games,
    seed,
    play: (sc, policy, n) => simulate(sc, { games: n, seed, policy, workers }),
  });
  if (read.values.json) console.log(JSON.stringify({ figures }, null, 2));
  else
    console.log(
      `Calibration of "${read.scenario.meta.title}", ${games} games an experiment\n\n${formatFigures(figures)}`,
    );
  return figures.every((f) => f.ok) ? 0 : 1;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main().then(
    // exitCode, not exit(): exit() would cut a piped report at the pipe's buffer (64 KiB).
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`calibrate failed: ${reason(e)}`);
      process.exitCode = 1;
    },
  );
}

// Runs every bench/*.bench.ts, prints one table and writes it to bench/results/latest.json.
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { BenchRow } from './types.ts';

const here = dirname(fileURLToPath(import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .filter((f) => only.length === 0 || only.some((o) => f.includes(o)))
  .sort();

const rows: BenchRow[] = [];
for (const file of files) {
  process.stderr.write(`bench: ${file}\n`);
  const mod = (await import(pathToFileURL(join(here, file)).href)) as { default: () => Promise<BenchRow[]> };
  for (const row of await mod.default()) rows.push({ ...row, ratio: row.ratio ?? row.figure / row.baseline });
}

const fmt = (n: number) => (Math.abs(n) >= 100 ? n.toFixed(0) : n.toPrecision(3));
const table = rows.map((r) => ({
  name: r.name,
  figure: `${fmt(r.figure)} ${r.unit}`,
  baseline: `${fmt(r.baseline)} ${r.unit} (${r.baselineName})`,
  // A ratio over a baseline of zero (no late frames, say) has no meaning.
  ratio: Number.isFinite(r.ratio) ? (r.ratio ?? 0).toFixed(2) : '—',
  goal: r.goal ?? '',
}));
const cols = ['name', 'figure', 'baseline', 'ratio', 'goal'] as const;
const widths = cols.map((c) => Math.max(c.length, ...table.map((t) => t[c].length)));
const line = (vals: readonly string[]) => vals.map((v, i) => v.padEnd(widths[i] ?? 0)).join(' | ');
console.log(line(cols));
console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
for (const t of table) console.log(line(cols.map((c) => t[c])));
console.log('\nMethods:');
for (const r of rows) console.log(`- ${r.name}: ${r.method}`);

mkdirSync(join(here, 'results'), { recursive: true });
const out = join(here, 'results', 'latest.json');
writeFileSync(
  out,
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, rows }, null, 2)}\n`,
);
console.log(`\nwritten to ${out}`);

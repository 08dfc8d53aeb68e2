// The tuning part of `npm run simulate`'s report: each metric's spread round by round and the endings
// under each role's policy, as text (the figures themselves come from src/sim/distribution.ts).
import type { Scenario } from '../scenario/schema.ts';
import { type GameSummary, POLICIES } from '../sim/batch.ts';
import { endingsByPolicy, metricSpreads, type RoundSpread } from '../sim/distribution.ts';
import type { PolicyName } from '../sim/types.ts';

/** The distributions `--json` carries: per metric and round, and per role and policy. */
export function distributions(games: readonly GameSummary[]): {
  metricsByRound: ReturnType<typeof metricSpreads>;
  endingsByPolicy: ReturnType<typeof endingsByPolicy>;
} {
  return { metricsByRound: metricSpreads(games), endingsByPolicy: endingsByPolicy(games) };
}

/** A figure short enough for a table column: whole above 100, three significant digits below. */
function figure(v: number): string {
  if (!Number.isFinite(v)) return '–';
  return Math.abs(v) >= 100 ? String(Math.round(v)) : String(Number(v.toPrecision(3)));
}

/** One metric's table: a column per round, rows for the games in play, p90, median and p10. */
function spreadTable(spreads: readonly RoundSpread[]): string[] {
  const rows: [string, (s: RoundSpread) => string][] = [
    ['round', (s) => String(s.round)],
    ['games', (s) => String(s.games)],
    ['p90', (s) => figure(s.p90)],
    ['median', (s) => figure(s.median)],
    ['p10', (s) => figure(s.p10)],
  ];
  const cells = rows.map(([, f]) => spreads.map(f));
  const width = Math.max(...cells.flat().map((c) => c.length)) + 1;
  return rows.map(
    ([label], k) => `    ${label.padEnd(7)}${(cells[k] ?? []).map((c) => c.padStart(width)).join('')}`,
  );
}

/** The distributions as text, for the report's end. */
export function distributionLines(games: readonly GameSummary[], scenario: Scenario): string[] {
  const { metricsByRound, endingsByPolicy: byPolicy } = distributions(games);
  const lines = [
    'Metrics round by round (value at the end of each round over the games still in play: median and p10–p90; round 0 is the opening):',
  ];
  for (const m of scenario.metrics) {
    const spreads = metricsByRound[m.id];
    if (spreads) lines.push(`  ${m.name} (${m.id})`, ...spreadTable(spreads));
  }
  const title = (id: string) => scenario.endings.find((e) => e.id === id)?.title ?? id;
  lines.push('', 'Endings by policy (the games in which a role played a policy, and how they ended):');
  for (const [role, policies] of Object.entries(byPolicy))
    for (const [policy, cell] of Object.entries(policies).sort(
      (a, b) => POLICIES.indexOf(a[0] as PolicyName) - POLICIES.indexOf(b[0] as PolicyName),
    )) {
      const shares = Object.entries(cell.endings)
        .sort((a, b) => b[1] - a[1])
        .map(([id, k]) => `${title(id)} ${((100 * k) / cell.games).toFixed(1)}%`);
      lines.push(`  ${role} as ${policy} (${cell.games} games): ${shares.join(', ')}`);
    }
  return lines;
}

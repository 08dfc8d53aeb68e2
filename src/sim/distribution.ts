// Distributions over a batch of games, for tuning a scenario: each metric's spread round by round, and
// how the games ended under each role's policy. Pure; `npm run simulate` prints them.
import type { GameSummary } from './batch.ts';

/** A metric's values at the end of one round, over the games still in play then. */
export interface RoundSpread {
  round: number;
  /** Games that reached this round (round 0 is the opening: every game). */
  games: number;
  p10: number;
  median: number;
  p90: number;
}

/** The games in which a role played a policy, and how they ended. */
export interface PolicyEndings {
  games: number;
  endings: Record<string, number>;
}

/** The `q` quantile (0..1) of ascending `sorted`, interpolated between ranks; NaN when empty. */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  const at = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const lo = Math.floor(at);
  const a = sorted[lo] ?? Number.NaN;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] ?? a;
  return a + (b - a) * (at - lo);
}

/**
 * Each metric's median and 10th–90th percentiles at the end of every round, in the scenario's order
 * (design choice: p10–p90, the spread of the middle four games in five).
 */
export function metricSpreads(games: readonly GameSummary[]): Record<string, RoundSpread[]> {
  const out: Record<string, RoundSpread[]> = {};
  for (const id of Object.keys(games[0]?.metrics ?? {})) {
    const byRound: number[][] = [];
    for (const g of games)
      (g.metrics[id] ?? []).forEach((v, r) => {
        const values = byRound[r] ?? [];
        values.push(v);
        byRound[r] = values;
      });
    out[id] = byRound.map((values, round) => {
      values.sort((a, b) => a - b);
      return {
        round,
        games: values.length,
        p10: quantile(values, 0.1),
        median: quantile(values, 0.5),
        p90: quantile(values, 0.9),
      };
    });
  }
  return out;
}

/** For each role, for each policy it played: the games, and the endings they reached. */
export function endingsByPolicy(
  games: readonly GameSummary[],
): Record<string, Record<string, PolicyEndings>> {
  const out: Record<string, Record<string, PolicyEndings>> = {};
  for (const g of games)
    for (const [role, policy] of Object.entries(g.policies)) {
      const row = out[role] ?? {};
      const cell = row[policy] ?? { games: 0, endings: {} };
      row[policy] = cell;
      out[role] = row;
      cell.games++;
      cell.endings[g.ending] = (cell.endings[g.ending] ?? 0) + 1;
    }
  return out;
}

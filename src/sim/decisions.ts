// The decision points that moved the outcome most: each choice made in play, scored by what the
// engine recorded it changed, directly and through the reactions it set off. Pure.
import type { Compiled } from './compile.ts';
import type { Change, GameState, Taken } from './types.ts';

/** One choice and how much it moved the game. */
export interface DecisionPoint {
  taken: Taken;
  /** The impact score (see `changeWeight`); larger moved the game more. */
  impact: number;
  /** The changes it caused directly, then through reactions that followed it. */
  changes: Change[];
}

/** Design choice: how much one change counts, on a common scale. */
export function changeWeight(c: Compiled, ch: Change): number {
  if (ch.subject.startsWith('metric:')) {
    const m = c.metrics.get(ch.subject.slice(7));
    if (!m || typeof ch.from !== 'number' || typeof ch.to !== 'number') return 0;
    // A move across a tenth of a metric's range counts 1.
    return (Math.abs(ch.to - ch.from) / Math.max(1, m.max - m.min)) * 10;
  }
  if (ch.subject === 'rung') {
    const from = c.rungIndex.get(String(ch.from)) ?? 0;
    const to = c.rungIndex.get(String(ch.to)) ?? 0;
    return 3 * Math.abs(to - from);
  }
  if (ch.subject === 'mediation' || ch.subject === 'ceasefire') return 2;
  return 1;
}

/**
 * Every choice of rounds ≥ 1 ranked by impact: its own changes, a share of the changes of each
 * reaction it preceded (split among the round's actions), and its Goldstein weight / 10 (design choice;
 * the debrief lists the first five, rounded to hundredths).
 */
export function decisionPoints(c: Compiled, s: GameState, limit = 5): DecisionPoint[] {
  const byCause = new Map<number, Change[]>();
  for (const ch of s.changes) {
    const list = byCause.get(ch.cause) ?? [];
    list.push(ch);
    byCause.set(ch.cause, list);
  }
  const reactions = s.causes.filter((x) => x.kind === 'reaction' && (x.after?.length ?? 0) > 0);
  return s.taken
    .filter((t) => t.round >= 1)
    .map((taken) => {
      const own = byCause.get(taken.cause) ?? [];
      let impact = own.reduce((sum, ch) => sum + changeWeight(c, ch), 0) + Math.abs(taken.goldstein) / 10;
      const changes = [...own];
      for (const r of reactions) {
        if (!r.after?.includes(taken.cause)) continue;
        const rc = byCause.get(r.id) ?? [];
        impact += rc.reduce((sum, ch) => sum + changeWeight(c, ch), 0) / (r.after.length || 1);
        changes.push(...rc);
      }
      return { taken, impact: Math.round(impact * 100) / 100, changes };
    })
    .sort((a, b) => b.impact - a.impact || a.taken.round - b.taken.round)
    .slice(0, limit);
}

// Per-round series for the debrief's charts, read from the engine's records: the Goldstein sum per
// actor per round, each metric at the end of every round, and the moments worth marking. Pure.
import type { Compiled } from './compile.ts';
import type { GameState } from './types.ts';

/** A named series of values, one per round (index = round, 0 = the opening). */
export interface Series {
  id: string;
  name: string;
  values: number[];
}

/** A moment marked on the charts: a rung crossed or a mediation milestone. */
export interface Marker {
  round: number;
  kind: 'rung-up' | 'rung-down' | 'offered' | 'accepted' | 'talks' | 'agreement' | 'collapsed';
  label: string;
}

/** The rounds played, 0 (the opening) to the current one. */
export function roundsOf(s: GameState): number[] {
  return Array.from({ length: s.round + 1 }, (_, r) => r);
}

/** The summed Goldstein weight of each actor's actions, per round (0 when it did nothing). */
export function escalationSeries(c: Compiled, s: GameState): Series[] {
  return c.scenario.actors
    .filter((a) => s.goldstein[a.id] !== undefined)
    .map((a) => ({
      id: a.id,
      name: a.name,
      values: roundsOf(s).map((r) => s.goldstein[a.id]?.[r] ?? 0),
    }));
}

/** A metric's value at the end of every round, from its start and its recorded changes. */
export function metricSeries(c: Compiled, s: GameState, metric: string): Series {
  const subject = `metric:${metric}`;
  return seriesOf(
    c,
    s,
    metric,
    s.changes.filter((ch) => ch.subject === subject),
  );
}

/** A metric's series from its own changes, in the order they were recorded. */
function seriesOf(
  c: Compiled,
  s: GameState,
  metric: string,
  changes: readonly GameState['changes'][number][],
): Series {
  const m = c.metrics.get(metric);
  const values: number[] = [];
  let value = m?.start ?? 0;
  let i = 0;
  for (const r of roundsOf(s)) {
    for (; i < changes.length && (changes[i]?.round ?? Infinity) <= r; i++) {
      const to = changes[i]?.to;
      if (typeof to === 'number') value = to;
    }
    values.push(value);
  }
  return { id: metric, name: m?.name ?? metric, values };
}

/** Every metric's series, in the scenario's order (hidden ones included: this is the debrief). */
export function allMetricSeries(c: Compiled, s: GameState): Series[] {
  // One pass over the log for all metrics: a batch of games asks this of every game.
  const bySubject = new Map<string, GameState['changes'][number][]>();
  for (const ch of s.changes) {
    const list = bySubject.get(ch.subject);
    if (list) list.push(ch);
    else bySubject.set(ch.subject, [ch]);
  }
  return c.scenario.metrics.map((m) => seriesOf(c, s, m.id, bySubject.get(`metric:${m.id}`) ?? []));
}

const MEDIATION_MARKS = new Set(['offered', 'accepted', 'talks', 'agreement', 'collapsed']);

/** The rungs crossed and the mediation milestones, in the order they happened. */
export function markers(c: Compiled, s: GameState): Marker[] {
  const out: Marker[] = [];
  for (const ch of s.changes) {
    if (ch.subject === 'rung') {
      const from = c.rungIndex.get(String(ch.from)) ?? 0;
      const to = c.rungIndex.get(String(ch.to)) ?? 0;
      const name = c.scenario.ladder[to]?.name ?? String(ch.to);
      out.push({
        round: ch.round,
        kind: to > from ? 'rung-up' : 'rung-down',
        label: `${to > from ? 'Up to' : 'Down to'} ${name}`,
      });
    } else if (ch.subject === 'mediation' && MEDIATION_MARKS.has(String(ch.to))) {
      const phase = String(ch.to) as Marker['kind'];
      out.push({ round: ch.round, kind: phase, label: `Mediation ${phase}` });
    }
  }
  return out;
}

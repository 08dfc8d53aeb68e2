// Evaluates the scenario's condition language against the state.
import type { Condition } from '../scenario/schema.ts';
import { type Compiled, sustainedKey } from './compile.ts';
import type { Rng } from './rng.ts';
import type { GameState } from './types.ts';

/** What a condition is evaluated against. Without an rng, `chance` counts as possible (true). */
export interface View {
  c: Compiled;
  s: GameState;
  rng?: Rng;
}

const compare = (a: number, op: string, b: number): boolean => {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    default:
      return a !== b;
  }
};

/** Whether a condition holds now. */
export function holds(cond: Condition, v: View): boolean {
  const { c, s } = v;
  if ('all' in cond) return cond.all.every((x) => holds(x, v));
  if ('any' in cond) return cond.any.some((x) => holds(x, v));
  if ('not' in cond) return !holds(cond.not, v);
  if ('metric' in cond) return compare(s.metrics[cond.metric] ?? 0, cond.op, cond.value);
  if ('rung' in cond) {
    const r = cond.rung;
    const idx = (id: string | undefined) => (id === undefined ? undefined : c.rungIndex.get(id));
    const least = idx(r.atLeast);
    const most = idx(r.atMost);
    const is = idx(r.is);
    return (
      (least === undefined || s.rung >= least) &&
      (most === undefined || s.rung <= most) &&
      (is === undefined || s.rung === is)
    );
  }
  if ('mediation' in cond) return s.mediation.phase === cond.mediation;
  if ('ceasefire' in cond) return s.ceasefire.status === cond.ceasefire;
  if ('round' in cond) return compare(s.round, cond.round.op, cond.round.value);
  if ('timeUp' in cond) return s.round >= c.scenario.meta.maxRounds;
  if ('flag' in cond) return (s.flags[cond.flag] ?? false) === (cond.is ?? true);
  if ('crossing' in cond) return (s.crossings[cond.crossing] ?? true) === (cond.status === 'open');
  if ('taken' in cond) {
    const t = cond.taken;
    const since = t.withinRounds === undefined ? -Infinity : s.round - t.withinRounds + 1;
    for (let i = s.taken.length - 1; i >= 0; i--) {
      const x = s.taken[i];
      if (!x || x.round < since) break;
      if (x.action === t.action && (t.by === undefined || x.actor === t.by)) return true;
    }
    return false;
  }
  if ('targetKind' in cond) return s.struckKinds.includes(cond.targetKind);
  if ('playedBy' in cond) return s.seats[cond.playedBy.actor]?.by === cond.playedBy.is;
  if ('sustained' in cond) return (s.sustained[sustainedKey(cond.sustained)] ?? 0) >= cond.rounds;
  return v.rng ? v.rng.next() < cond.chance : true;
}

/** A short, readable account of why a condition does not hold (for "why is this unavailable?"). */
export function explainUnmet(cond: Condition, v: View): string | null {
  if (holds(cond, v)) return null;
  const { c } = v;
  if ('all' in cond) {
    const first = cond.all.find((x) => !holds(x, v));
    return first ? explainUnmet(first, v) : null;
  }
  if ('any' in cond) return cond.any.map((x) => explainUnmet(x, v)).join(', or ');
  if ('not' in cond) return `not allowed while: ${describe(cond.not, c)}`;
  return `needs ${describe(cond, c)}`;
}

/** Describes a condition in words, using the scenario's names. */
export function describe(cond: Condition, c: Compiled): string {
  const name = (id: string) => c.actors.get(id)?.name ?? c.locations.get(id)?.name ?? id;
  if ('all' in cond) return cond.all.map((x) => describe(x, c)).join(' and ');
  if ('any' in cond) return cond.any.map((x) => describe(x, c)).join(' or ');
  if ('not' in cond) return `not (${describe(cond.not, c)})`;
  if ('metric' in cond) return `${c.metrics.get(cond.metric)?.name ?? cond.metric} ${cond.op} ${cond.value}`;
  if ('rung' in cond) {
    const rn = (id: string) => c.scenario.ladder[c.rungIndex.get(id) ?? 0]?.name ?? id;
    const r = cond.rung;
    return [
      r.atLeast && `escalation at least "${rn(r.atLeast)}"`,
      r.atMost && `escalation at most "${rn(r.atMost)}"`,
      r.is && `escalation at "${rn(r.is)}"`,
    ]
      .filter(Boolean)
      .join(' and ');
  }
  if ('mediation' in cond) return `mediation ${cond.mediation}`;
  if ('ceasefire' in cond) return `ceasefire ${cond.ceasefire}`;
  if ('round' in cond) return `round ${cond.round.op} ${cond.round.value}`;
  if ('timeUp' in cond) return 'time has run out';
  if ('flag' in cond) {
    const f = c.scenario.flags.find((x) => x.id === cond.flag);
    return `${cond.is === false ? 'not: ' : ''}${f?.description ?? cond.flag}`;
  }
  if ('crossing' in cond) return `${name(cond.crossing)} ${cond.status}`;
  if ('taken' in cond) {
    const a = c.actions.get(cond.taken.action)?.name ?? cond.taken.action;
    const by = cond.taken.by ? ` by ${name(cond.taken.by)}` : '';
    const when = cond.taken.withinRounds ? ` in the last ${cond.taken.withinRounds} round(s)` : '';
    return `"${a}"${by}${when}`;
  }
  if ('targetKind' in cond) return `a strike on a ${cond.targetKind} this round`;
  if ('playedBy' in cond) return `${name(cond.playedBy.actor)} played by a ${cond.playedBy.is}`;
  if ('sustained' in cond) return `${describe(cond.sustained, c)} for ${cond.rounds} rounds in a row`;
  return `luck (${Math.round(cond.chance * 100)}%)`;
}

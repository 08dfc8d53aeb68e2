// A step is one mutable working copy of the state for one transition. Rules change the copy
// through it, so every change is clamped and recorded with its cause in one place.
import type { Compiled } from './compile.ts';
import { openRng, type Rng } from './rng.ts';
import type { Cause, Change, GameState } from './types.ts';

export interface Step {
  c: Compiled;
  s: GameState;
  rng: Rng;
  /** Records a cause and returns its id. */
  cause(c: Omit<Cause, 'id' | 'round'>): number;
  /** Sets a metric (clamped to its range) and records the change. */
  setMetric(id: string, value: number, cause: number): void;
  addMetric(id: string, delta: number, cause: number): void;
  /** Records a change of a non-metric subject (rung, mediation, ceasefire, crossing, flag). */
  record(subject: string, from: Change['from'], to: Change['to'], cause: number): void;
  /** The finished state, with the generator's state written back. */
  done(): GameState;
}

/** Opens a step on a state; the given state is never mutated. */
export function openStep(c: Compiled, prev: GameState): Step {
  const s: GameState = {
    ...prev,
    metrics: { ...prev.metrics },
    flags: { ...prev.flags },
    crossings: { ...prev.crossings },
    mediation: { ...prev.mediation },
    ceasefire: { ...prev.ceasefire },
    orders: { ...prev.orders },
    reactions: { ...prev.reactions },
    sustained: { ...prev.sustained },
    milestones: { ...prev.milestones },
    goldstein: { ...prev.goldstein },
    // Logs grow by appending to fresh arrays, so earlier snapshots keep their own.
    taken: prev.taken.slice(),
    pending: prev.pending.slice(),
    causes: prev.causes.slice(),
    changes: prev.changes.slice(),
    news: prev.news.slice(),
    cues: prev.cues.slice(),
  };
  const rng = openRng(prev.rng);
  const record: Step['record'] = (subject, from, to, cause) => {
    if (from !== to) s.changes.push({ round: s.round, cause, subject, from, to });
  };
  const setMetric: Step['setMetric'] = (id, value, cause) => {
    const m = c.metrics.get(id);
    if (!m) return;
    const from = s.metrics[id] ?? m.start;
    const to = Math.min(m.max, Math.max(m.min, value));
    if (to === from) return;
    s.metrics[id] = to;
    record(`metric:${id}`, from, to, cause);
  };
  return {
    c,
    s,
    rng,
    cause(x) {
      const id = s.causes.length;
      s.causes.push({ id, round: s.round, ...x });
      return id;
    },
    setMetric,
    addMetric: (id, delta, cause) => setMetric(id, (s.metrics[id] ?? 0) + delta, cause),
    record,
    done() {
      s.rng = rng.state();
      return s;
    },
  };
}

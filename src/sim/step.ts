// A step is one mutable working copy of the state for one transition. Rules change the copy
// through it, so every change is clamped and recorded with its cause in one place.
import type { Compiled } from './compile.ts';
import { openRng, type Rng } from './rng.ts';
import type { Cause, Change, GameState } from './types.ts';

/** The append-only logs of the state. */
export type LogKey = 'taken' | 'pending' | 'causes' | 'changes' | 'news' | 'cues';

export interface Step {
  c: Compiled;
  s: GameState;
  rng: Rng;
  /** A log of this step's own, to append to: copied from the previous state on first use only. */
  log<K extends LogKey>(key: K): GameState[K];
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
  return new WorkingCopy(c, prev);
}

/** math: one bit per log, for the set of logs a step owns (a number, not a Set: steps are opened several times a round). */
const LOG_BITS: Record<LogKey, number> = { taken: 1, pending: 2, causes: 4, changes: 8, news: 16, cues: 32 };

// A class rather than closures: steps are opened several times a round, in every game.
class WorkingCopy implements Step {
  readonly s: GameState;
  readonly rng: Rng;
  // Logs are shared with the previous state until this step appends to one; then it gets its own
  // copy, so earlier snapshots never change and steps that log little copy little.
  private owned = 0;

  constructor(
    readonly c: Compiled,
    prev: GameState,
  ) {
    this.s = {
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
    };
    this.rng = openRng(prev.rng);
  }

  log<K extends LogKey>(key: K): GameState[K] {
    const s = this.s;
    const bit = LOG_BITS[key];
    if ((this.owned & bit) === 0) {
      this.owned |= bit;
      s[key] = s[key].slice() as GameState[K];
    }
    return s[key];
  }

  cause(x: Omit<Cause, 'id' | 'round'>): number {
    const id = this.s.causes.length;
    this.log('causes').push({ id, round: this.s.round, ...x });
    return id;
  }

  setMetric(id: string, value: number, cause: number): void {
    const m = this.c.metrics.get(id);
    if (!m) return;
    const from = this.s.metrics[id] ?? m.start;
    const to = Math.min(m.max, Math.max(m.min, value));
    if (to === from) return;
    this.s.metrics[id] = to;
    this.record(`metric:${id}`, from, to, cause);
  }

  addMetric(id: string, delta: number, cause: number): void {
    this.setMetric(id, (this.s.metrics[id] ?? 0) + delta, cause);
  }

  record(subject: string, from: Change['from'], to: Change['to'], cause: number): void {
    if (from !== to) this.log('changes').push({ round: this.s.round, cause, subject, from, to });
  }

  done(): GameState {
    this.s.rng = this.rng.state();
    return this.s;
  }
}

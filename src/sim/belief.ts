// What a seat believes about what it cannot see: the hidden state a planner's continuation plays from is
// sampled from the seat's own view (its projection), never read from the true state.
import type { Compiled } from './compile.ts';
import { POLICIES } from './policies.ts';
import { openRng, type Rng, seedRng } from './rng.ts';
import type { GameState, Seat } from './types.ts';

/**
 * What a planner may read: the seat's own projection (projectFor). The generator's state, the seed and the
 * unverified tolls are not in the type, so the planner cannot read them even by mistake.
 */
export type SeatView = Omit<GameState, 'rng' | 'seed' | 'pending'>;

/** A seen state as a state the rules can read, knowing nothing of what was left out. */
export const asState = (view: SeatView): GameState => ({ ...view, rng: [], seed: 0, pending: [] });

/**
 * Design choice: a hidden metric is believed to lie within this share of its range around its start (the
 * seat saw none of its changes).
 */
export const HIDDEN_SPREAD = 0.1;

/** Design choice: in its own continuations after this round, a planner is modelled as tit-for-tat. */
export const OWN_CONTINUATION: Seat = { by: 'computer', policy: 'tit-for-tat' };

/**
 * One world the seat's view is consistent with: hidden metrics drawn around their start, the other parties'
 * resolve from the prior every game draws it from (uniform), their doubt up to where it started, a fresh
 * generator, and every other seat a computer player (a person or a planner as a fixed policy drawn at random).
 */
export function sampleWorld(c: Compiled, view: SeatView, actor: string, seed: number): GameState {
  const rng = openRng(seedRng(seed));
  const metrics = { ...view.metrics };
  for (const m of c.scenario.metrics) {
    if (m.id in metrics) continue;
    const spread = (m.max - m.min) * HIDDEN_SPREAD;
    metrics[m.id] = Math.min(m.max, Math.max(m.min, m.start + rng.between(-spread, spread)));
  }
  const resolve: Record<string, number> = {};
  const doubt: Record<string, number> = {};
  const initialDoubt = c.scenario.dynamics.initialDoubt;
  for (const p of c.parties) {
    resolve[p] = p === actor && view.resolve[p] !== undefined ? view.resolve[p] : rng.next();
    doubt[p] = p === actor && view.doubt[p] !== undefined ? view.doubt[p] : rng.between(0, initialDoubt);
  }
  const seats: Record<string, Seat> = {};
  for (const [id, seat] of Object.entries(view.seats))
    seats[id] = id === actor ? OWN_CONTINUATION : modelled(seat, rng);
  const { planned: _, ...rest } = view;
  const world: GameState = {
    ...rest,
    metrics,
    resolve,
    doubt,
    seats,
    orders: {},
    pending: [],
    seed,
    rng: [],
  };
  return { ...world, rng: rng.state() };
}

/** Another seat as the planner models it: a fixed policy stays itself, a person or a planner is drawn. */
function modelled(seat: Seat, rng: Rng): Seat {
  if (seat.by === 'computer' && seat.policy !== 'planner') return { by: 'computer', policy: seat.policy };
  return { by: 'computer', policy: POLICIES[Math.floor(rng.next() * POLICIES.length)] ?? 'tit-for-tat' };
}

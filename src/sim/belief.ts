// What a seat believes about what it cannot see: the hidden state a planner's continuation plays from is
// sampled from the seat's own view (its projection), never read from the true state.

import type { Effect } from '../scenario/schema.ts';
import type { Compiled } from './compile.ts';
import { POLICIES } from './policies.ts';
import { openRng, type Rng, seedRng } from './rng.ts';
import type { Cause, GameState, PendingVerification, Seat } from './types.ts';

/**
 * What a planner may read: the seat's own projection (projectFor). The generator's state, the seed and the
 * unverified tolls are not in the type, so the planner cannot read them even by mistake.
 */
export type SeatView = Omit<GameState, 'rng' | 'seed' | 'pending'>;

/** A seen state as a state the rules can read, knowing nothing of what was left out. */
export const asState = (view: SeatView): GameState => ({ ...view, rng: [], seed: 0, pending: [] });

/**
 * Design choice: a hidden metric that is not a true toll is believed to lie within this share of its range
 * around its start (the seat saw none of its changes).
 */
export const HIDDEN_SPREAD = 0.1;

/** Design choice: in its own continuations after this round, a planner is modelled as tit-for-tat. */
export const OWN_CONTINUATION: Seat = { by: 'computer', policy: 'tit-for-tat' };

/**
 * One strike's true toll on one side as the seat can bound it from what it saw: the range the scenario's
 * effect draws it from, narrowed by each side's public claim (a claim is the toll times a factor in the
 * claimant's range) and by the independent count once verified (the toll within ± verificationNoise).
 */
interface Toll {
  cause: Cause;
  side: string;
  lo: number;
  hi: number;
  verified: boolean;
}

/** The effects a cause applied: its action's outcome, or its reaction's or inject's effects. */
function effectsOf(c: Compiled, x: Cause): readonly Effect[] {
  if (x.kind === 'action')
    return c.actions.get(x.ref)?.outcomes.find((o) => o.id === x.outcome)?.effects ?? [];
  if (x.kind === 'reaction') return c.scenario.reactions.find((r) => r.id === x.ref)?.effects ?? [];
  if (x.kind === 'inject') return c.scenario.injects.find((r) => r.id === x.ref)?.effects ?? [];
  return [];
}

const tollCache = new WeakMap<SeatView, Toll[]>();

/** math: a figure rounded to a whole number lies within half of one either way of what it rounds. */
const ROUNDED = 0.5;

/** Every toll of the game so far (the opening has none), bounded from the seat's view alone. */
function tolls(c: Compiled, view: SeatView): Toll[] {
  const known = tollCache.get(view);
  if (known) return known;
  const claimOf = new Map<string, string>(); // claim metric -> "claimant>side"
  for (const [key, id] of c.claims) claimOf.set(`metric:${id}`, key);
  const verifiedOf = new Map<string, string>(); // verified metric -> side
  for (const [side, id] of c.casualtiesVerified) verifiedOf.set(`metric:${id}`, side);
  const claimed = new Map<string, number>(); // "cause>claimant>side" -> claim
  const verified = new Map<string, number>(); // "cause>side" -> verified count
  for (const ch of view.changes) {
    const delta = Number(ch.to) - Number(ch.from);
    const claim = claimOf.get(ch.subject);
    if (claim) claimed.set(`${ch.cause}>${claim}`, (claimed.get(`${ch.cause}>${claim}`) ?? 0) + delta);
    const side = verifiedOf.get(ch.subject);
    const of = view.causes[ch.cause]?.after?.[0];
    if (side && of !== undefined) verified.set(`${of}>${side}`, delta);
  }
  const noise = c.scenario.dynamics.verificationNoise;
  const out: Toll[] = [];
  for (const x of view.causes) {
    if (x.round < 1) continue;
    const bySide = new Map<string, Toll>();
    for (const e of effectsOf(c, x)) {
      if (!('casualties' in e)) continue;
      const { side, killed, claims } = e.casualties;
      const t = bySide.get(side) ?? { cause: x, side, lo: 0, hi: 0, verified: false };
      t.lo += killed[0];
      t.hi += Math.max(killed[0], killed[1]);
      bySide.set(side, t);
      for (const [claimant, [flo, fhi]] of Object.entries(claims)) {
        const f = claimed.get(`${x.id}>${claimant}>${side}`);
        if (f === undefined || fhi <= 0) continue;
        t.lo = Math.max(t.lo, (f - ROUNDED) / fhi);
        t.hi = Math.min(t.hi, (f + ROUNDED) / Math.max(flo, Number.EPSILON));
      }
    }
    for (const t of bySide.values()) {
      const v = verified.get(`${x.id}>${t.side}`);
      if (v !== undefined) {
        t.verified = true;
        t.lo = Math.max(t.lo, (v - ROUNDED) / (1 + noise));
        t.hi = Math.min(t.hi, (v + ROUNDED) / Math.max(1 - noise, Number.EPSILON));
      }
      // Bounds from several effects on one side, summed, may not meet: the toll is believed between them.
      if (t.lo > t.hi) [t.lo, t.hi] = [t.hi, t.lo];
      out.push(t);
    }
  }
  tollCache.set(view, out);
  return out;
}

/**
 * One world the seat's view is consistent with: each true toll drawn within what the claims and the
 * independent counts it saw allow (tolls), those not yet verified awaiting verification as in the game;
 * other hidden metrics drawn around their start; the other parties' resolve from the prior every game draws
 * it from (uniform), their doubt up to where it started, a fresh generator, and every other seat a computer
 * player (a person or a planner as a fixed policy drawn at random).
 */
export function sampleWorld(c: Compiled, view: SeatView, actor: string, seed: number): GameState {
  const rng = openRng(seedRng(seed));
  const metrics = { ...view.metrics };
  const pending: PendingVerification[] = [];
  for (const side of c.casualtiesTrue.keys()) {
    const id = c.casualtiesTrue.get(side);
    if (id !== undefined && !(id in metrics)) metrics[id] = c.metrics.get(id)?.start ?? 0;
  }
  const delay = c.scenario.dynamics.verificationDelay;
  for (const t of tolls(c, view)) {
    const killed = Math.round(rng.between(t.lo, t.hi));
    const id = c.casualtiesTrue.get(t.side);
    if (id !== undefined && !(id in view.metrics)) metrics[id] = (metrics[id] ?? 0) + killed;
    if (!t.verified && killed > 0)
      pending.push({
        due: t.cause.round + delay,
        side: t.side,
        attacker: t.cause.actor,
        killed,
        cause: t.cause.id,
      });
  }
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
    pending,
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

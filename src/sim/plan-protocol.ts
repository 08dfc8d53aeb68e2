// Planning off the game's own thread, shared by the page's Web Worker (src/ui/planner-worker.ts) and the
// room server's worker threads (src/server/planner-pool.ts). What travels to and from a planning thread, as
// schemas: each side parses what it receives, so a worker from another build, or a damaged message, is
// refused with a reason instead of being acted on (the thread's side is plan-answer.ts); and what the side
// that holds the game needs to hand the plans in before the round resolves (seatInput; resolving.ts says
// which event resolves it). Two kinds of request: a seat's orders planned from its own view (`plan`), and
// the round's negotiation pre-played from the true state (`talks`, preplay.ts): only ever sent to the page's
// own worker or a room server's own thread, where the true state already is.
import * as z from 'zod';
import type { Compiled } from './compile.ts';
import { type GameEvent, Id, Order, PlannerLevel, Reason, TalkRecord } from './events.ts';
import { digest } from './log.ts';
import type { Phase } from './phase.ts';
import { type PlanOptions, planInput } from './planner.ts';
import { inputKey } from './planner-talks.ts';
import { resolvingState } from './resolving.ts';
import { scenarioHash } from './save.ts';
import type { GameState } from './types.ts';

/** Design choice: the continuations of a plan made on the game's own thread when its planning thread failed (tens of ms). */
export const FALLBACK_BUDGET = 48;

/** The most talk records one pre-play gives back: at most one a seat, far fewer in any scenario. */
const MAX_RECORDS = 100;

/** The most a page may ask of one decision: far beyond the deep level's own budget. */
const MAX_BUDGET = 1_000_000;

/**
 * One decision for one seat: the scenario (sent with the first request for its key, then kept by the
 * worker), the seat's own projection (`projectFor(…, { seat }, …).state`: never the true state), the seat,
 * its level and the planner's own seed; `budget` lowers the level's when the page has found the machine slow.
 */
export const PlanRequest = z.strictObject({
  kind: z.literal('plan'),
  seq: z.number().int().min(0),
  key: z.string().min(1).max(200),
  scenario: z.unknown().optional(),
  view: z.unknown(),
  actor: Id,
  level: PlannerLevel,
  seed: z.number().int().min(0).max(0xffff_ffff),
  budget: z.number().int().min(1).max(MAX_BUDGET).optional(),
});
export type PlanRequest = z.output<typeof PlanRequest>;

/**
 * The round's negotiation pre-played: the scenario as for a plan, and the TRUE state the round will resolve
 * from (the talks of planner seats depend on the moves before them, made from every seat's view of it).
 */
export const TalksRequest = z.strictObject({
  kind: z.literal('talks'),
  seq: z.number().int().min(0),
  key: z.string().min(1).max(200),
  scenario: z.unknown().optional(),
  state: z.unknown(),
});
export type TalksRequest = z.output<typeof TalksRequest>;

/** Whatever a planning thread is asked. */
export const PlannerRequest = z.discriminatedUnion('kind', [PlanRequest, TalksRequest]);
export type PlannerRequest = z.output<typeof PlannerRequest>;

/** The work a request asks for: a seat's decision from its view, or the round's talks from the true state. */
export type PlannerWork =
  | { kind: 'plan'; view: GameState; actor: string; level: PlannerLevel; seed: number }
  | { kind: 'talks'; state: GameState };

/** A request for some work, after its head (its number, the scenario's key, the scenario when not yet sent). */
export function plannerRequest(
  head: { seq: number; key: string; scenario?: unknown },
  work: PlannerWork,
  budget: number | undefined,
): PlannerRequest {
  if (work.kind === 'talks') return { kind: 'talks', ...head, state: work.state };
  const { view, actor, level, seed } = work;
  return { kind: 'plan', ...head, view, actor, level, seed, ...(budget !== undefined ? { budget } : {}) };
}

/** The part of a `Plan` the page uses: the orders and reason, the ranking the advisor shows, and the work done. */
export const PlanShape = z.object({
  orders: z.array(Order).max(50),
  reason: Reason,
  ranking: z
    .array(
      z.object({
        label: z.string().max(1000),
        expected: z.number(),
        warRisk: z.number().min(0).max(1),
        orders: z.array(Order).max(50),
      }),
    )
    .max(500),
  continuations: z.number().int().min(0),
});
export type PlanShape = z.output<typeof PlanShape>;

/** The worker's answer to one request: the plan or the talks and how long they took inside it, or why it failed. */
export const PlanReply = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('plan'), seq: z.number().int(), plan: PlanShape, ms: z.number().min(0) }),
  z.strictObject({
    kind: z.literal('talks'),
    seq: z.number().int(),
    talks: z.array(TalkRecord).max(MAX_RECORDS),
    ms: z.number().min(0),
  }),
  z.strictObject({ kind: z.literal('error'), seq: z.number().int(), message: z.string().max(2000) }),
]);
export type PlanReply = z.output<typeof PlanReply>;

/** What the advisor has for a seat this round. */
export const Advice = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('thinking') }),
  z.strictObject({ status: z.literal('ready'), plan: PlanShape }),
  z.strictObject({ status: z.literal('failed'), message: z.string().max(10_000) }),
]);
export type Advice = z.output<typeof Advice>;

/** A seat's decision as the planner takes it (planInput), and the fingerprint of what the seat knows. */
export interface SeatInput {
  view: GameState;
  opts: PlanOptions;
  key: string;
}
const inputs = new WeakMap<GameState, Map<string, SeatInput>>();

/**
 * A seat's planner input in this state, once per state and seat, with its fingerprint (inputKey: the
 * level and seed the plan is made with, and the view without what no plan reads).
 */
export function seatInput(c: Compiled, s: GameState, actor: string): SeatInput {
  const seen = inputs.get(s) ?? new Map<string, SeatInput>();
  inputs.set(s, seen);
  let v = seen.get(actor);
  if (!v) {
    const { view, opts } = planInput(c, s, actor);
    v = { view, opts, key: inputKey(view, opts) };
    seen.set(actor, v);
  }
  return v;
}

/** Planner seats (computer, policy planner) and advised seats (person, advisor on) in a state. */
export const plannedSeats = (c: Compiled, s: GameState) => ({
  planners: c.seated.filter((a) => s.seats[a]?.by === 'computer' && s.seats[a]?.policy === 'planner'),
  advised: c.playable.filter((a) => s.seats[a]?.by === 'person' && s.seats[a]?.advisor === true),
});

const scenarioKeys = new WeakMap<Compiled, string>();
/** A scenario's key for a planning thread's cache of compiled scenarios: its id, version and content hash. */
export function scenarioKey(c: Compiled): string {
  let k = scenarioKeys.get(c);
  if (!k) {
    k = `${c.scenario.meta.id}@${c.scenario.meta.version}#${scenarioHash(c.scenario)}`;
    scenarioKeys.set(c, k);
  }
  return k;
}

/**
 * The state the round will resolve from, as far as can be told now: the held event's, else in the orders
 * phase the state itself (the last orders and the tick change nothing a plan or the talks read), and in the
 * report or briefing phase the round NEXT or BEGIN opens, when it resolves as it opens (no person seated).
 * Null when no resolution is in view.
 */
export function planTarget(c: Compiled, phase: Phase, s: GameState, held?: GameEvent): GameState | null {
  const by = (e: GameEvent) => resolvingState(c, phase, s, e);
  if (held) {
    const t = by(held);
    if (t) return t;
  }
  if (phase === 'orders') return s;
  if (phase === 'report') return by({ type: 'NEXT' });
  if (phase === 'briefing') return by({ type: 'BEGIN' });
  return null;
}

const talkKeys = new WeakMap<GameState, string>();
/** A fingerprint of what the talks pre-play of a state reads: all of it but the round's orders, plans and pacing. */
export function talksKey(s: GameState): string {
  let k = talkKeys.get(s);
  if (k === undefined) {
    const { orders: _o, planned: _p, plannedTalks: _t, deadline: _d, paused: _x, pausedAt: _a, ...read } = s;
    k = digest(read);
    talkKeys.set(s, k);
  }
  return k;
}

/** What a side that holds a game has made ready for a round's resolution, from its planning threads. */
export interface Prepared {
  /** Each planner seat's orders and the key of the input they were planned from (null: none could be made). */
  plans: Map<string, { key: string; plan: PlanShape | null }>;
  /** The round's talks pre-played and the talksKey of the state (null records: the pre-play failed). */
  talks: { key: string; records: TalkRecord[] | null } | null;
}

/**
 * Planner seats of the target that have not handed in their orders and can: a planner's seat already in the
 * state the game is in (`now`), since a seat the resolving event itself gives to a planner (SET_SEAT) can
 * hand in nothing before it (it plans at resolution).
 */
const dueSeats = (c: Compiled, target: GameState, now: GameState): string[] =>
  plannedSeats(c, target).planners.filter(
    (a) =>
      target.planned?.[a] === undefined &&
      now.seats[a]?.by === 'computer' &&
      now.seats[a]?.policy === 'planner',
  );

/** Whether the target's negotiation has planner moves to pre-play: a planner seat, and clauses to talk about. */
const talksWanted = (c: Compiled, target: GameState): boolean =>
  c.scenario.clauses.length > 0 && plannedSeats(c, target).planners.length > 0;

/**
 * What the target still lacks, the game being at `now`: the planner seats whose orders are not in for their
 * input, and the talks.
 */
export function lacking(
  c: Compiled,
  target: GameState,
  ready: Prepared,
  now: GameState,
): { seats: string[]; talks: boolean } {
  const seats = dueSeats(c, target, now);
  return {
    seats: seats.filter((a) => ready.plans.get(a)?.key !== seatInput(c, target, a).key),
    talks: seats.length > 0 && talksWanted(c, target) && ready.talks?.key !== talksKey(target),
  };
}

/** The PLANNED events that hand the target's ready plans in (the game at `now`), each seat's talk records with its orders. */
export function plannedEvents(c: Compiled, target: GameState, ready: Prepared, now: GameState): GameEvent[] {
  const records = ready.talks?.key === talksKey(target) ? (ready.talks.records ?? []) : [];
  return dueSeats(c, target, now).flatMap((actor): GameEvent[] => {
    const made = ready.plans.get(actor);
    if (!made?.plan || made.key !== seatInput(c, target, actor).key) return [];
    const talks = records.filter((r) => r.actor === actor);
    const { orders, reason } = made.plan;
    return [
      { type: 'PLANNED', actor, round: target.round, orders, reason, ...(talks.length ? { talks } : {}) },
    ];
  });
}

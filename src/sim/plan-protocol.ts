// Planning off the game's own thread, shared by the page's Web Worker (src/ui/planner-worker.ts) and the
// room server's worker threads (src/server/planner-pool.ts). What travels to and from a planning thread, as
// schemas: each side parses what it receives, so a worker from another build, or a damaged message, is
// refused with a reason instead of being acted on; the thread's answer; and what the side that holds the
// game needs to hand the plans in before the round resolves (resolves, seatInput).
import * as z from 'zod';
import { reason } from '../errors.ts';
import { Scenario } from '../scenario/schema.ts';
import { type Compiled, compile } from './compile.ts';
import { type GameEvent, Id, issueText, Order, PlannerLevel, Reason } from './events.ts';
import { digest } from './log.ts';
import { type PlanOptions, plan, planInput } from './planner.ts';
import { scenarioHash } from './save.ts';
import { ProjectedStateSchema } from './state-schema.ts';
import type { GameState } from './types.ts';

/** Design choice: the continuations of a plan made on the game's own thread when its planning thread failed (tens of ms). */
export const FALLBACK_BUDGET = 48;

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

/** The worker's answer to one request: the plan and how long it took inside the worker, or why it failed. */
export const PlanReply = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('plan'), seq: z.number().int(), plan: PlanShape, ms: z.number().min(0) }),
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

/** Scenarios a planning thread keeps: a new game's scenario replaces the oldest. */
const KEEP = 4;

/**
 * A planning thread's answer to one request, a refused one with the reason. `scenarios` is the thread's
 * own cache of compiled scenarios by key (each is sent once, with the first request for its key).
 */
export function answerPlan(scenarios: Map<string, Compiled>, data: unknown): PlanReply {
  const seq = (data as { seq?: unknown } | null)?.seq;
  const refused = (message: string): PlanReply => ({
    kind: 'error',
    seq: typeof seq === 'number' && Number.isInteger(seq) ? seq : -1,
    message,
  });
  const r = PlanRequest.safeParse(data);
  if (!r.success) return refused(`the request is malformed (${issueText(r.error.issues[0])})`);
  const q = r.data;
  if (q.scenario !== undefined) {
    const sc = Scenario.safeParse(q.scenario);
    if (!sc.success) return refused(`the scenario is malformed (${issueText(sc.error.issues[0])})`);
    scenarios.delete(q.key);
    scenarios.set(q.key, compile(sc.data));
    for (const old of scenarios.keys()) if (scenarios.size > KEEP) scenarios.delete(old);
  }
  const c = scenarios.get(q.key);
  if (!c) return refused(`no scenario was sent for ${q.key}`);
  const view = ProjectedStateSchema.safeParse(q.view);
  if (!view.success) return refused(`the seat's view is malformed (${issueText(view.error.issues[0])})`);
  const t = performance.now();
  try {
    const p = plan(c, view.data, q.actor, {
      level: q.level,
      seed: q.seed,
      ...(q.budget !== undefined ? { budget: q.budget } : {}),
    });
    return { kind: 'plan', seq: q.seq, plan: p, ms: performance.now() - t };
  } catch (e) {
    return refused(`the planner failed (${reason(e)})`);
  }
}

/** Would this event resolve the round (the machine's `allIn` after the last orders, or its deadline passing)? */
export function resolves(c: Compiled, s: GameState, e: GameEvent): boolean {
  if (s.paused) return false;
  if (e.type === 'TICK') return s.deadline !== null && e.now >= s.deadline;
  if (e.type !== 'ORDERS') return false;
  return c.playable.every((a) => s.seats[a]?.by !== 'person' || s.orders[a] !== undefined || a === e.actor);
}

/** A seat's decision as the planner takes it (planInput), and the fingerprint of what the seat knows. */
export interface SeatInput {
  view: GameState;
  opts: PlanOptions;
  key: string;
}
const inputs = new WeakMap<GameState, Map<string, SeatInput>>();

/**
 * A seat's planner input in this state, once per state and seat. The fingerprint leaves out the round's
 * orders, plans and pacing, which no plan reads; it keeps the level and seed the plan is made with.
 */
export function seatInput(c: Compiled, s: GameState, actor: string): SeatInput {
  const seen = inputs.get(s) ?? new Map<string, SeatInput>();
  inputs.set(s, seen);
  let v = seen.get(actor);
  if (!v) {
    const { view, opts } = planInput(c, s, actor);
    const { orders: _o, planned: _p, deadline: _d, paused: _x, pausedAt: _a, ...known } = view;
    v = { view, opts, key: digest({ known, opts }) };
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

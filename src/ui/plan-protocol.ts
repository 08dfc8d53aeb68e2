// What travels between the page and the planner's Web Worker (planner-worker.ts), as schemas: each side
// parses what it receives, so a worker from another build, or a damaged message, is refused with a reason
// instead of being acted on.
import * as z from 'zod';
import { Id, Order, PlannerLevel, Reason } from '../sim/events.ts';

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

// The planning computer player: for one seat's decision it tries each sensible order against continuations
// of the game played with the engine's own round functions, from worlds sampled from what the seat has
// seen (belief.ts), and picks by the role's own score. Pure and deterministic for a seed; its result is
// plain data, so it crosses a worker boundary.
import { asState, type SeatView, sampleWorld } from './belief.ts';
import type { Compiled } from './compile.ts';
import { scoreNow } from './endings.ts';
import { openOptions } from './orders.ts';
import { type Choice, orderLabel } from './policies.ts';
import { projectFor } from './projection.ts';
import { rollout } from './rollout.ts';
import { mix32, planSeed } from './seeds.ts';
import type { GameState, Order, PlannerLevel, Seat } from './types.ts';

/** What a planner is asked for: its level, its own stream's seed, and optionally its budget. */
export interface PlanOptions {
  level: PlannerLevel;
  /** The seed of the planner's own random stream (planSeed in seeds.ts). */
  seed: number;
  /** The most simulated continuations, overriding the level's. */
  budget?: number;
}

/** One candidate as the planner judged it: the mean score over its continuations and their share reaching war. */
export interface Ranked {
  label: string;
  expected: number;
  warRisk: number;
  orders: Order[];
}

/** A planner's choice with its numbers: every candidate best first, and how many continuations it played. */
export type Plan = Choice & { ranking: Ranked[]; continuations: number };

export type { SeatView };

/** A level's search budget: continuations per decision and the rounds each continuation plays. */
export interface Budget {
  continuations: number;
  horizon: number;
}

/**
 * Design choice: the three strengths; standard meets the 500 continuations per decision. One round
 * and the horizon's estimate (scoreNow) played as well as two rounds with half the continuations in 40 games
 * a pairing (docs/planner.md), at half the cost; deep looks two rounds ahead.
 */
export const LEVELS: Record<PlannerLevel, Budget> = {
  quick: { continuations: 150, horizon: 1 },
  standard: { continuations: 500, horizon: 1 },
  deep: { continuations: 1500, horizon: 2 },
};

/** The level of a seat (standard when the seat does not say). */
export const levelOf = (seat: Pick<Seat, 'level'>): PlannerLevel => seat.level ?? 'standard';

/**
 * Everything a planner needs for a seat's decision this round, from the true state: the seat's view, and
 * the seed of its own stream. The page's worker and synchronous planning both start here, so they agree.
 */
export function planInput(
  c: Compiled,
  s: GameState,
  actor: string,
): { view: GameState; actor: string; opts: PlanOptions } {
  const seat = s.seats[actor];
  return {
    view: projectFor(c.scenario, { seat: actor }, s).state,
    actor,
    opts: { level: levelOf(seat ?? {}), seed: planSeed(s, actor) },
  };
}

/** Plans a planner seat's orders synchronously from the true state (what resolution does without PLANNED). */
export function planNow(c: Compiled, s: GameState, actor: string): Plan {
  const { view, opts } = planInput(c, s, actor);
  return plan(c, view, actor, opts);
}

/** Design choice: a location kind's first target stands for the others of its kind (they differ little in the rules). */
function targetsToTry(c: Compiled, targets: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const t of targets) {
    const kind = c.locations.get(t)?.kind ?? `actor:${t}`;
    if (seen.has(kind)) continue;
    seen.add(kind);
    out.push(t);
  }
  return out;
}

/**
 * The orders the planner considers: each open action with a target of each kind, and doing nothing. An
 * action aimed at the actor itself (an accusation of its own side) is left out: it spends a round on nothing.
 */
export function candidates(c: Compiled, view: SeatView, actor: string): Order[][] {
  const out: Order[][] = [[]];
  for (const o of openOptions(c, asState(view), actor)) {
    if (o.action.targets.type === 'none') out.push([{ action: o.action.id }]);
    else
      for (const t of targetsToTry(
        c,
        o.targets.filter((x) => x !== actor),
      ))
        out.push([{ action: o.action.id, target: t }]);
  }
  return out;
}

interface Tally {
  orders: Order[];
  sum: number;
  war: number;
  n: number;
}

const mean = (t: Tally) => (t.n > 0 ? t.sum / t.n : Number.NEGATIVE_INFINITY);

/**
 * Plans a seat's orders for this round. Continuation j plays the same sampled world and draws for every
 * candidate (common random numbers: candidates are compared on the same luck); the budget is spent by
 * successive halving, so the better half of the candidates gets more continuations each pass.
 */
export function plan(c: Compiled, view: SeatView, actor: string, opts: PlanOptions): Plan {
  const level = LEVELS[opts.level];
  const budget = Math.max(1, Math.floor(opts.budget ?? level.continuations));
  const cands = candidates(c, view, actor);
  const tallies: Tally[] = cands.map((orders) => ({ orders, sum: 0, war: 0, n: 0 }));
  const top = c.scenario.ladder.length - 1;
  let used = 0;
  const play = (t: Tally) => {
    const j = t.n;
    const world = sampleWorld(c, view, actor, mix32(opts.seed ^ mix32(j)));
    const end = rollout(c, world, actor, t.orders, level.horizon);
    t.sum += scoreNow(c, end.state, actor);
    if (end.peak >= top) t.war++;
    t.n++;
    used++;
  };
  let alive = tallies.slice();
  const passes = Math.max(1, Math.ceil(Math.log2(alive.length)));
  for (let p = 0; p < passes && alive.length > 0; p++) {
    const left = budget - used;
    const per = Math.max(1, Math.floor(left / (alive.length * (passes - p))));
    for (const t of alive) for (let k = 0; k < per && used < budget; k++) play(t);
    alive = alive
      .slice()
      .sort((a, b) => mean(b) - mean(a))
      .slice(0, Math.ceil(alive.length / 2)); // math: halving
  }
  // Whatever the halving left unspent goes to the last one standing.
  const best = alive[0];
  while (best && used < budget) play(best);
  const ranking: Ranked[] = tallies
    .filter((t) => t.n > 0)
    .sort((a, b) => mean(b) - mean(a) || b.n - a.n)
    .map((t) => ({
      label: t.orders.length ? t.orders.map((o) => orderLabel(c, o)).join(', ') : 'Hold: no action',
      expected: mean(t),
      warRisk: t.war / t.n,
      orders: t.orders,
    }));
  return { orders: ranking[0]?.orders ?? [], reason: reasonOf(ranking), ranking, continuations: used };
}

/** The plain-words reason, from the planner's own numbers. */
export function reasonOf(ranking: readonly Ranked[]): string {
  const [first, second] = ranking;
  if (!first) return 'No action is open this round.';
  const head = `${first.label}: expected score ${Math.round(first.expected)}, war risk ${Math.round(100 * first.warRisk)}%`;
  return second
    ? `${head}; ${second.label} came second at ${Math.round(second.expected)}.`
    : `${head}; nothing else was open.`;
}

// The round's phases as pure functions of the state: resolution, reactions, report.
import type { Inject, Reaction } from '../scenario/schema.ts';
import { verifyDue } from './casualties.ts';
import { breakCeasefire, checkCeasefire, lapseCover } from './ceasefire.ts';
import { clausesRound, spoilerFactor } from './clauses.ts';
import { actorName, CATEGORY_ORDER, type Compiled } from './compile.ts';
import { checkCompliance } from './compliance.ts';
import { holds } from './conditions.ts';
import {
  updateEscalation,
  updateHostility,
  updateHumanitarian,
  updateRipeness,
  updateTrade,
} from './dynamics.ts';
import { applyEffects, cue, type EffectContext, report } from './effects.ts';
import { roleScores } from './endings.ts';
import { moveRung, settleLadder } from './ladder.ts';
import { collapse, talksRound } from './mediation.ts';
import { negotiateRound } from './negotiator.ts';
import { planNow } from './planner.ts';
import { choose } from './policies.ts';
import { weightedIndex } from './rng.ts';
import { openStep, type Step } from './step.ts';
import type { GameState, Order, Taken } from './types.ts';

/** Categories whose hostile actions cost the actor something, and so signal resolve (Fearon); the rest is cheap talk. */
const COSTLY = new Set(['military', 'economic']);

/** math: orders sort by category, then by the actor's place (a scenario has far fewer actors than this). */
const RANK_STRIDE = 1000;

const categoryRank = new Map<string, number>(CATEGORY_ORDER.map((c, i) => [c, i]));

/** An order's place in the round: by its action's category, then by its actor's place. */
function rank(c: Compiled, actor: string, o: Order): number {
  return (
    (categoryRank.get(c.actions.get(o.action)?.category ?? '') ?? CATEGORY_ORDER.length) * RANK_STRIDE +
    (c.actorOrder.get(actor) ?? 0)
  );
}

/** Resolves one order: cost, outcome, effects, news, cues, and the strike rules. */
function resolveOrder(
  st: Step,
  actor: string,
  o: Order,
  forcedOutcome?: string,
  reason?: string,
): Taken | null {
  const { s, c } = st;
  const action = c.actions.get(o.action);
  if (!action) return null;
  let outcome = forcedOutcome === undefined ? undefined : action.outcomes.find((x) => x.id === forcedOutcome);
  outcome ??= action.outcomes[weightedIndex(st.rng.next(), c.outcomeWeights.get(action.id) ?? [])];
  if (!outcome) return null;
  const cause = st.cause({
    kind: s.round === 0 ? 'opening' : 'action',
    ref: action.id,
    actor,
    target: o.target,
    outcome: outcome.id,
    reason,
  });
  const ctx: EffectContext = { cause, actor, target: o.target };
  for (const cost of action.cost) st.addMetric(cost.metric, cost.add, cause);
  applyEffects(st, outcome.effects, ctx);
  const strike = action.tags.includes('strike');
  // An act aimed inside the actor's own borders is no act against anyone: no weight between the parties.
  const weight = action.tags.includes('internal') ? 0 : action.goldstein;
  const target = o.target ? c.locations.get(o.target) : undefined;
  if (strike && target && !s.struckKinds.includes(target.kind)) s.struckKinds.push(target.kind);
  // Kahn: a strike on a capital is a threshold crossing (../shared/escalation-model.md).
  if (action.tags.includes('capital-threshold') && target?.kind === 'capital')
    moveRung(st, s.rung + 1, cause);
  if (strike && s.mediation.phase === 'talks' && st.rng.next() < c.scenario.dynamics.strikeCollapsesTalks)
    collapse(st, cause);
  // A strike by a party is a breach: the ceasefire is over (Fortna's unit of account).
  // A ceasefire binds from the round after it is declared: orders are simultaneous, so a strike in
  // the same round was given before the other side could know.
  if (
    (strike || action.tags.includes('ceasefire-violation')) &&
    c.parties.includes(actor) &&
    s.ceasefire.since < s.round
  )
    breakCeasefire(st, cause);
  if (weight < 0 && COSTLY.has(action.category)) signal(st, actor);
  report(st, outcome.news, ctx, s.round > 0);
  cue(st, outcome.map, ctx);
  checkCompliance(st, actor, { kind: 'action', action, outcome }, cause);
  const taken: Taken = {
    round: s.round,
    actor,
    action: action.id,
    target: o.target,
    outcome: outcome.id,
    goldstein: weight,
    cause,
  };
  st.log('taken').push(taken);
  addWeight(st, actor, weight);
  return taken;
}

/** Adds to an actor's summed Goldstein weight of this round (what tit-for-tat answers). */
function addWeight(st: Step, actor: string, weight: number): void {
  const g = (st.s.goldstein[actor] ?? []).slice();
  g[st.s.round] = (g[st.s.round] ?? 0) + weight;
  st.s.goldstein[actor] = g;
}

/** Fearon: a costly act shows the actor's resolve, so the doubt of each party it is against falls by `signalReveal`. */
function signal(st: Step, actor: string): void {
  const { c, s } = st;
  const keep = 1 - c.scenario.dynamics.signalReveal;
  for (const x of c.against.get(actor) ?? [])
    if (x in s.doubt) s.doubt = { ...s.doubt, [x]: (s.doubt[x] ?? 0) * keep };
}

/** The per-round rules, after the orders: the dynamics, the ladder, talks, the ceasefire, verification. */
function runRules(st: Step, acts: Taken[]): void {
  const { s } = st;
  const rule = st.cause({ kind: 'rule', ref: 'dynamics', after: acts.map((a) => a.cause) });
  lapseCover(st, st.cause({ kind: 'rule', ref: 'ceasefire-cover' }));
  // The opening's days of history are one step here: the per-round rules would count them all at once,
  // so the scenario's starting values and the scripted threshold events and outcomes stand for them.
  if (s.round > 0) {
    updateEscalation(st, acts, rule);
    updateHostility(st, acts, rule);
  }
  settleLadder(st, rule);
  updateRipeness(st);
  talksRound(st, st.cause({ kind: 'rule', ref: 'talks' }));
  if (s.ceasefire.status === 'holding' && s.ceasefire.since < s.round)
    checkCeasefire(st, 1, st.cause({ kind: 'rule', ref: 'ceasefire-hazard' }));
  verifyDue(st);
  clausesRound(st, st.cause({ kind: 'rule', ref: 'clauses' }));
  updateHumanitarian(st, rule);
  updateTrade(st, rule);
}

/** The working copy a round's resolution starts from (what the talks pre-play opens too: preplay.ts). */
export function openResolution(c: Compiled, prev: GameState): Step {
  const st = openStep(c, prev);
  st.s.struckKinds = [];
  return st;
}

/** Resolution: computer players choose, then every order resolves in the documented order. */
export function resolveRound(c: Compiled, prev: GameState): GameState {
  const st = openResolution(c, prev);
  resolveIn(st, prev);
  return st.done();
}

/**
 * One whole round after the orders phase in one step: resolution, reactions, report, as the machine plays
 * them in three (the same functions; a step's end only writes the generator's state back, so one step
 * gives the same state as three, with a third of the copying).
 */
export function playRound(c: Compiled, prev: GameState): GameState {
  const st = openResolution(c, prev);
  resolveIn(st, prev);
  reactIn(st);
  closeIn(st);
  return st.done();
}

/** Resolution on a step opened on `prev`, the state of the orders phase (openResolution). */
function resolveIn(st: Step, prev: GameState): void {
  const { s, c } = st;
  negotiateRound(st);
  const queue: { actor: string; order: Order; reason?: string; rank: number }[] = [];
  for (const actor of c.seated) {
    const seat = s.seats[actor];
    if (seat?.by === 'computer') {
      // A planner seat plays the orders the page planned for it (PLANNED) or plans now, from the round's state
      // as it was before resolution: the same input either way, and never a draw from the game's generator.
      const choice =
        seat.policy === 'planner'
          ? (prev.planned?.[actor] ?? planNow(c, prev, actor))
          : choose(c, s, actor, seat.policy, st.rng);
      for (const o of choice.orders)
        queue.push({ actor, order: o, reason: choice.reason, rank: rank(c, actor, o) });
    } else for (const o of s.orders[actor] ?? []) queue.push({ actor, order: o, rank: rank(c, actor, o) });
  }
  // Played: the plans leave the state, which is then the same whether they came by PLANNED or not.
  s.planned = undefined;
  s.plannedTalks = undefined;
  queue.sort((a, b) => a.rank - b.rank);
  const acts: Taken[] = [];
  for (const q of queue) {
    const t = resolveOrder(st, q.actor, q.order, undefined, q.reason);
    if (t) acts.push(t);
  }
  runRules(st, acts);
}

/** Fires one reaction, recorded as caused by the round's actions. */
function fire(st: Step, r: Reaction, simulated: boolean): void {
  const { s } = st;
  const after = s.taken.filter((t) => t.round === s.round).map((t) => t.cause);
  const cause = st.cause({ kind: 'reaction', ref: r.id, actor: r.actor, after });
  const ctx: EffectContext = { cause, actor: r.actor };
  applyEffects(st, r.effects, ctx);
  report(st, r.news, ctx, simulated);
  cue(st, r.map, ctx);
  checkCompliance(st, r.actor, { kind: 'reaction', reaction: r }, cause);
  if (simulated) misattribute(st, r, cause);
  const prev = s.reactions[r.id];
  s.reactions[r.id] = { fired: (prev?.fired ?? 0) + 1, last: s.round };
}

/**
 * A spoiler's attack on a ceasefire (an armed group's reaction that strains it) is blamed, with chance
 * `misattribution`, on the party the group is linked to: a party at war with the group's own victim.
 * The blamed party's round then counts the attack's weight, and the victim's hostility rises as if the
 * party had struck (Richardson): noise that tit-for-tat answers in kind.
 */
function misattribute(st: Step, r: Reaction, cause: number): void {
  const { c } = st;
  const group = c.actors.get(r.actor);
  const victim = group?.against[0];
  if (group?.kind !== 'armed-group' || victim === undefined) return;
  if (!r.effects.some((e) => 'ceasefire' in e && e.ceasefire === 'strain')) return;
  const blamed = c.parties.find((x) => x !== victim && c.against.get(x)?.includes(victim));
  if (!blamed) return;
  const d = c.scenario.dynamics;
  if (st.rng.next() >= d.misattribution) return;
  const blame = st.cause({
    kind: 'rule',
    ref: 'misattribution',
    actor: blamed,
    after: [cause],
    reason: `${actorName(c, victim)} blames ${actorName(c, blamed)} for an attack by ${group.name}.`,
  });
  addWeight(st, blamed, d.spoilerWeight);
  const hostility = c.hostility.get(victim);
  if (hostility) st.addMetric(hostility, -d.spoilerWeight * d.fear, blame);
}

/**
 * Whether a reaction may fire with its actor's seat as it is: a person playing the actor takes the place of
 * its scripted reactions, unless the designer wrote the rule to bind people too (`bindsPeople`).
 */
export function bindsSeat(s: GameState, r: Reaction): boolean {
  return r.bindsPeople || s.seats[r.actor]?.by !== 'person';
}

/** Reactions: each rule whose condition holds fires with its probability, in file order. */
export function runReactions(c: Compiled, prev: GameState): GameState {
  const st = openStep(c, prev);
  reactIn(st);
  return st.done();
}

function reactIn(st: Step): void {
  const { s, c } = st;
  for (const r of c.scenario.reactions) {
    const seen = s.reactions[r.id];
    if (seen && (r.once || s.round - seen.last <= r.cooldown)) continue;
    if (!bindsSeat(s, r)) continue;
    // A step is a view of its own state and generator: no object per check.
    if (!holds(r.when, st)) continue;
    // A signed `spoilers` clause makes armed groups' reactions rarer (clauses.ts).
    const p =
      c.actors.get(r.actor)?.kind === 'armed-group' ? r.probability * spoilerFactor(c, s) : r.probability;
    if (p < 1 && st.rng.next() >= p) continue;
    fire(st, r, true);
  }
}

/** Report: counts sustained conditions, then ends the game if an ending holds. */
export function closeRound(c: Compiled, prev: GameState): GameState {
  const st = openStep(c, prev);
  closeIn(st);
  return st.done();
}

function closeIn(st: Step): void {
  const { s, c } = st;
  for (const [key, { cond }] of c.sustained)
    s.sustained[key] = holds(cond, st) ? (s.sustained[key] ?? 0) + 1 : 0;
  let best: (typeof c.scenario.endings)[number] | undefined;
  for (const e of c.scenario.endings) {
    if ((!best || e.priority > best.priority) && holds(e.when, st)) best = e;
  }
  if (best) s.ending = { id: best.id, round: s.round, scores: roleScores(c, s, best.scores, st.rng) };
  // The validator requires a time-up ending; this guard keeps a game finite even without one.
  else if (s.round >= c.scenario.meta.maxRounds)
    s.ending = { id: 'time-up', round: s.round, scores: roleScores(c, s, {}, st.rng) };
}

/** Starts the next round: a new round number, empty orders and no planned orders. */
export function startRound(prev: GameState): GameState {
  // `planned` is cleared as undefined, not deleted: the machine merges what its actions return.
  return { ...prev, round: prev.round + 1, orders: {}, planned: undefined, deadline: null };
}

/** A trainer's inject: scenario-defined (by id) or written on the spot. */
export function applyInject(
  c: Compiled,
  prev: GameState,
  inject: Pick<Inject, 'effects' | 'news' | 'map'> & { id: string },
): GameState {
  const st = openStep(c, prev);
  const cause = st.cause({ kind: 'inject', ref: inject.id });
  const ctx: EffectContext = { cause };
  applyEffects(st, inject.effects, ctx);
  report(st, inject.news, ctx, true);
  cue(st, inject.map, ctx);
  return st.done();
}

/** Replays the historical opening as round 0: the scripted actions with their known outcomes, then its reactions. */
export function playOpening(c: Compiled, prev: GameState): GameState {
  const st = openStep(c, { ...prev, round: 0 });
  const acts: Taken[] = [];
  for (const step of c.scenario.opening.script) {
    const t = resolveOrder(st, step.actor, { action: step.action, target: step.target }, step.outcome);
    if (t) acts.push(t);
  }
  runRules(st, acts);
  for (const id of c.scenario.opening.reactions) {
    const r = c.scenario.reactions.find((x) => x.id === id);
    if (r) fire(st, r, false);
  }
  return st.done();
}

// The mediation track: offers, acceptance by each party, talks, agreement or collapse; and each party's
// trust in a mediator, which every party holds separately when the scenario gives it a metric of its own.
import type { MediationPhase } from '../scenario/schema.ts';
import { declareCeasefire } from './ceasefire.ts';
import type { Compiled } from './compile.ts';
import { isRipe } from './dynamics.ts';
import { bridge } from './negotiation.ts';
import type { Step } from './step.ts';
import type { GameState } from './types.ts';

/** Design choice: trust gained or lost by each mediator when its talks succeed or fail. */
export const TRUST_STEP = 10;
/** Design choice: ripeness multiplies the chance of agreement by this (Zartman, ../shared/escalation-model.md). */
export const RIPE_FACTOR = 2;
/** Design choice: each mediator beyond the first adds this share to the chance (ICB: several help in the short run). */
export const EXTRA_MEDIATOR = 0.25;
/** Design choice: a round of talks never makes agreement certain. */
export const MAX_AGREEMENT_CHANCE = 0.95;
/** Design choice: the chance's leverage term is (LEVERAGE_BASE + mean leverage), so a mediator without leverage still counts. */
export const LEVERAGE_BASE = 0.5;
/** Design choice: trust scales the chance as trust / TRUST_PAR (a mediator trusted at 50 of 100 neither helps nor hurts). */
export const TRUST_PAR = 50;

/**
 * A party's trust in a mediator: its own metric (`about` the party) when the scenario has one, otherwise
 * the mean of the mediator's trust metrics (a shared one, or every party's when no party is named).
 */
export function trustIn(c: Compiled, s: GameState, mediator: string, party?: string): number {
  const ms = c.trust.get(mediator) ?? [];
  const own = party === undefined ? undefined : ms.find((m) => m.about === party);
  if (own) return s.metrics[own.metric] ?? TRUST_PAR;
  const shared = ms.filter((m) => m.about === undefined);
  const pool = shared.length > 0 ? shared : ms;
  if (pool.length === 0) return TRUST_PAR;
  return pool.reduce((a, m) => a + (s.metrics[m.metric] ?? TRUST_PAR), 0) / pool.length;
}

/** Every party's trust in a mediator moves by `delta` (talks that end, a text signed or broken). */
export function addTrust(st: Step, mediator: string, delta: number, cause: number): void {
  for (const m of st.c.trust.get(mediator) ?? []) st.addMetric(m.metric, delta, cause);
}

function setPhase(st: Step, phase: MediationPhase, cause: number): void {
  const { s } = st;
  if (s.mediation.phase === phase) return;
  st.record('mediation', s.mediation.phase, phase, cause);
  s.mediation.phase = phase;
  const key = phase === 'none' ? null : phase;
  if (key && s.milestones[key] < 0) s.milestones[key] = s.round;
}

/** A mediator offers its good offices, or joins the mediators already at work. */
export function offer(st: Step, mediator: string, cause: number): void {
  const m = st.s.mediation;
  if (m.phase === 'agreement') return;
  if (m.phase === 'none' || m.phase === 'collapsed') {
    st.s.mediation = { phase: m.phase, mediators: [mediator], accepted: [] };
    setPhase(st, 'offered', cause);
  } else if (!m.mediators.includes(mediator)) {
    st.s.mediation = { ...m, mediators: [...m.mediators, mediator] };
    st.record('mediators', m.mediators.join(','), st.s.mediation.mediators.join(','), cause);
  }
}

/** A party accepts; when every party has accepted, talks begin. */
export function accept(st: Step, side: string, cause: number): void {
  const m = st.s.mediation;
  if ((m.phase !== 'offered' && m.phase !== 'accepted') || m.accepted.includes(side)) return;
  const accepted = [...m.accepted, side];
  st.s.mediation = { ...m, accepted };
  const all = st.c.parties.every((x) => accepted.includes(x));
  setPhase(st, all ? 'talks' : 'accepted', cause);
}

/** A party turns the offer down: the offer collapses. */
export function reject(st: Step, cause: number): void {
  const p = st.s.mediation.phase;
  if (p === 'offered' || p === 'accepted') collapse(st, cause);
}

/** Talks or an offer collapse; each mediator involved loses trust. */
export function collapse(st: Step, cause: number): void {
  const { s } = st;
  const p = s.mediation.phase;
  if (p === 'none' || p === 'collapsed' || p === 'agreement') return;
  for (const m of s.mediation.mediators) addTrust(st, m, -TRUST_STEP, cause);
  setPhase(st, 'collapsed', cause);
}

/**
 * The chance that a round of talks reaches agreement. Ripeness doubles it (Zartman); leverage and
 * trust raise it, and several mediators help in the short run (ICB findings in
 * ../shared/escalation-model.md); the multipliers' sizes are design choices.
 */
export function agreementChance(st: Pick<Step, 'c' | 's'>): number {
  const { s, c } = st;
  const ms = s.mediation.mediators.filter((id) => c.actors.get(id)?.mediator);
  if (ms.length === 0) return 0;
  const trust = ms.reduce((a, m) => a + trustIn(c, s, m), 0) / ms.length;
  // Fearon: what the parties still cannot read about each other stands between them and a deal.
  const doubt = c.parties.reduce((a, x) => a + (s.doubt[x] ?? 0), 0) / Math.max(1, c.parties.length);
  const p =
    c.scenario.dynamics.mediationBase *
    (isRipe(st) ? RIPE_FACTOR : 1) *
    (LEVERAGE_BASE + leverageOf(st)) *
    (trust / TRUST_PAR) *
    (1 + EXTRA_MEDIATOR * (ms.length - 1)) *
    (1 - doubt);
  return Math.min(MAX_AGREEMENT_CHANCE, Math.max(0, p));
}

/** The mean leverage of the mediators at work (0 when none). */
function leverageOf(st: Pick<Step, 'c' | 's'>): number {
  const ms = st.s.mediation.mediators
    .map((id) => st.c.actors.get(id)?.mediator)
    .filter((m) => m !== undefined);
  return ms.length === 0 ? 0 : ms.reduce((a, m) => a + m.leverage, 0) / ms.length;
}

/**
 * Fearon: a mediator who hears every party reveals to each what the others will and will not accept. Each
 * party's doubt falls by `mediatorReveal` × (LEVERAGE_BASE + the mediator's leverage).
 */
export function reveal(st: Step, mediators: readonly string[]): void {
  const { c, s } = st;
  const ms = mediators.map((id) => c.actors.get(id)?.mediator).filter((m) => m !== undefined);
  if (ms.length === 0) return;
  const leverage = ms.reduce((a, m) => a + m.leverage, 0) / ms.length;
  const keep = 1 - Math.min(1, c.scenario.dynamics.mediatorReveal * (LEVERAGE_BASE + leverage));
  s.doubt = Object.fromEntries(c.parties.map((x) => [x, (s.doubt[x] ?? 0) * keep]));
}

/** One round of talks: the mediators reveal information, then agreement on a bridging text (and a ceasefire) with the chance above. */
export function talksRound(st: Step, cause: number): void {
  const { s } = st;
  if (s.mediation.phase !== 'talks') return;
  reveal(st, s.mediation.mediators);
  if (st.rng.next() >= agreementChance(st)) return;
  // The mediators gain trust as the bridging text's guarantors, when it is signed.
  setPhase(st, 'agreement', cause);
  declareCeasefire(st, cause);
  bridge(st, s.mediation.mediators, cause);
}

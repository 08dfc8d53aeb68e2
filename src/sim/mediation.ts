// The mediation track: offers, acceptance by each side, talks, agreement or collapse.
import type { MediationPhase } from '../scenario/schema.ts';
import { declareCeasefire } from './ceasefire.ts';
import { isRipe } from './dynamics.ts';
import type { Step } from './step.ts';

/** Design choice: trust gained or lost by each mediator when its talks succeed or fail. */
const TRUST_STEP = 10;

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

/** A side accepts; when every side has accepted, talks begin. */
export function accept(st: Step, side: string, cause: number): void {
  const m = st.s.mediation;
  if ((m.phase !== 'offered' && m.phase !== 'accepted') || m.accepted.includes(side)) return;
  const accepted = [...m.accepted, side];
  st.s.mediation = { ...m, accepted };
  const all = st.c.sides.every((x) => accepted.includes(x));
  setPhase(st, all ? 'talks' : 'accepted', cause);
}

/** A side turns the offer down: the offer collapses. */
export function reject(st: Step, cause: number): void {
  const p = st.s.mediation.phase;
  if (p === 'offered' || p === 'accepted') collapse(st, cause);
}

/** Talks or an offer collapse; each mediator involved loses trust. */
export function collapse(st: Step, cause: number): void {
  const { s, c } = st;
  const p = s.mediation.phase;
  if (p === 'none' || p === 'collapsed' || p === 'agreement') return;
  for (const m of s.mediation.mediators) {
    const trust = c.actors.get(m)?.mediator?.trust;
    if (trust) st.addMetric(trust, -TRUST_STEP, cause);
  }
  setPhase(st, 'collapsed', cause);
}

/**
 * The chance that a round of talks reaches agreement. Ripeness doubles it (Zartman); leverage and
 * trust raise it, and several mediators help in the short run (ICB findings in
 * ../shared/escalation-model.md); the multipliers' sizes are design choices.
 */
export function agreementChance(st: Pick<Step, 'c' | 's'>): number {
  const { s, c } = st;
  const ms = s.mediation.mediators.map((id) => c.actors.get(id)?.mediator).filter((m) => m !== undefined);
  if (ms.length === 0) return 0;
  const leverage = ms.reduce((a, m) => a + m.leverage, 0) / ms.length;
  const trust = ms.reduce((a, m) => a + (s.metrics[m.trust] ?? 50), 0) / ms.length;
  const p =
    c.scenario.dynamics.mediationBase *
    (isRipe(st) ? 2 : 1) *
    (0.5 + leverage) *
    (trust / 50) *
    (1 + 0.25 * (ms.length - 1));
  return Math.min(0.95, Math.max(0, p));
}

/** One round of talks: agreement (and a ceasefire) with the chance above. */
export function talksRound(st: Step, cause: number): void {
  const { s, c } = st;
  if (s.mediation.phase !== 'talks') return;
  if (st.rng.next() >= agreementChance(st)) return;
  for (const m of s.mediation.mediators) {
    const trust = c.actors.get(m)?.mediator?.trust;
    if (trust) st.addMetric(trust, TRUST_STEP, cause);
  }
  setPhase(st, 'agreement', cause);
  declareCeasefire(st, cause);
}

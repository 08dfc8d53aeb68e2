// Per-round rules on metrics: escalation from Goldstein weights, Richardson hostility,
// ripeness, the humanitarian clock and trade. Numbers come from the scenario's `dynamics`.
import { humanitarianFactor } from './clauses.ts';
import type { Step } from './step.ts';
import type { Taken } from './types.ts';

/**
 * Escalation: + Σ(−goldstein × escalationPerWeight) over the round's actions, then a fixed share fades.
 * The Goldstein scale is the model's event weight (../shared/escalation-model.md); gain and decay are design choices.
 */
export function updateEscalation(st: Step, acts: readonly Taken[], cause: number): void {
  const { s, c } = st;
  const d = c.scenario.dynamics;
  const id = c.escalation.id;
  // Richardson's spiral: hostile acts escalate more between hostile parties (hostilityGain).
  const spiral = Math.max(0, 1 + (d.hostilityGain * (meanHostility(st) - MIDPOINT)) / MIDPOINT);
  let e = s.metrics[id] ?? 0;
  for (const a of acts) e += -a.goldstein * d.escalationPerWeight * (a.goldstein < 0 ? spiral : 1);
  e -= d.escalationDecay * (e - c.escalation.min);
  st.setMetric(id, e, cause);
}

/** Design choice: the midpoint of the hostility scale (0–100), where hostility neither speeds nor slows escalation. */
export const MIDPOINT = 50;

/** The parties' mean hostility (the midpoint when the scenario has no hostility metrics). */
export function meanHostility(st: Pick<Step, 'c' | 's'>): number {
  const { s, c } = st;
  const hs = c.parties.map((x) => c.hostility.get(x)).filter((m) => m !== undefined);
  if (hs.length === 0) return MIDPOINT;
  return hs.reduce((a, m) => a + (s.metrics[m] ?? MIDPOINT), 0) / hs.length;
}

/**
 * Richardson's action–reaction (../shared/escalation-model.md): dx = a·y − m·x + r, where y is the
 * hostile weight this round of those it is against (their summed −goldstein), a = fear, m = restraint,
 * r = grievance. Any number of actors: each with a hostility metric answers its own adversaries.
 */
export function updateHostility(st: Step, acts: readonly Taken[], cause: number): void {
  const { s, c } = st;
  const d = c.scenario.dynamics;
  for (const [actor, metric] of c.hostility) {
    const against = c.against.get(actor) ?? [];
    if (against.length === 0) continue;
    let y = 0;
    for (const a of acts) if (against.includes(a.actor)) y += -a.goldstein;
    const x = s.metrics[metric] ?? 0;
    st.setMetric(metric, x + d.fear * y - d.restraint * x + d.grievance, cause);
  }
}

/** Whether the conflict is ripe: every party has hurt for `ripeRounds` rounds in a row (Zartman). */
export function isRipe(st: Pick<Step, 'c' | 's'>): boolean {
  return st.s.hurtStreak >= st.c.scenario.dynamics.ripeRounds;
}

/** Counts the rounds in which every party's pain is at or above the threshold. */
export function updateRipeness(st: Step): void {
  const { s, c } = st;
  const t = c.scenario.dynamics.painThreshold;
  const parties = c.parties.filter((x) => c.pain.has(x));
  const hurting = parties.length > 0 && parties.every((x) => (s.metrics[c.pain.get(x) ?? ''] ?? 0) >= t);
  s.hurtStreak = hurting ? s.hurtStreak + 1 : 0;
}

/**
 * The humanitarian clock: need grows with the rung (design choice: linear in the rung's index), slower
 * under a signed humanitarian-access clause (clauses.ts).
 */
export function updateHumanitarian(st: Step, cause: number): void {
  const { s, c } = st;
  const add = c.scenario.dynamics.humanitarianPerRound * s.rung * humanitarianFactor(c, s);
  if (add !== 0) for (const id of c.humanitarian) st.addMetric(id, add, cause);
}

/** Trade falls for every closed crossing and recovers when all are open (design choice). */
export function updateTrade(st: Step, cause: number): void {
  const { s, c } = st;
  const per = c.scenario.dynamics.tradePerClosedCrossing;
  const closed = c.crossings.filter((x) => s.crossings[x] === false).length;
  const delta = closed > 0 ? -per * closed : per;
  for (const id of c.trade) st.addMetric(id, delta, cause);
}

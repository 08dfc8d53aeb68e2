// The ceasefire: declared, then each round a breakdown hazard that monitoring and guarantees lower,
// for as long as they last (Fortna, in ../shared/escalation-model.md). A strike by a side is a breach.
import type { Step } from './step.ts';

/** A ceasefire starts (or restarts). */
export function declareCeasefire(st: Step, cause: number): void {
  const cf = st.s.ceasefire;
  if (cf.status === 'holding' || brokeThisRound(st)) return;
  st.record('ceasefire', cf.status, 'holding', cause);
  st.s.ceasefire = { ...cf, status: 'holding', since: st.s.round };
}

/** Whether the ceasefire broke this round: the guns need a round to fall silent again, so none is declared. */
function brokeThisRound(st: Step): boolean {
  const { s } = st;
  for (let i = s.changes.length - 1; i >= 0; i--) {
    const ch = s.changes[i];
    if (!ch || ch.round < s.round) return false;
    if (ch.subject === 'ceasefire' && ch.to === 'broken') return true;
  }
  return false;
}

/** The ceasefire breaks; what monitored or guaranteed it ends with it. */
export function breakCeasefire(st: Step, cause: number): void {
  const cf = st.s.ceasefire;
  if (cf.status !== 'holding') return;
  st.record('ceasefire', 'holding', 'broken', cause);
  st.s.ceasefire = { ...cf, status: 'broken' };
  lapse(st, 'monitored', cause);
  lapse(st, 'guaranteed', cause);
}

function lapse(st: Step, what: 'monitored' | 'guaranteed', cause: number): void {
  if (!st.s.ceasefire[what]) return;
  st.record(`ceasefire.${what}`, true, false, cause);
  st.s.ceasefire = { ...st.s.ceasefire, [what]: false };
}

/** Each round: monitoring and a guarantee whose time is up lapse. */
export function lapseCover(st: Step, cause: number): void {
  const cf = st.s.ceasefire;
  if (cf.monitored && st.s.round >= cf.monitoredUntil) lapse(st, 'monitored', cause);
  if (cf.guaranteed && st.s.round >= cf.guaranteedUntil) lapse(st, 'guaranteed', cause);
}

/**
 * The per-round breakdown hazard. Monitoring and guarantees lengthen ceasefires
 * (../shared/escalation-model.md: "ceasefires last longer with monitoring, third-party guarantees");
 * the base hazard and factors are the scenario's `dynamics`.
 */
export function hazard(st: Pick<Step, 'c' | 's'>): number {
  const d = st.c.scenario.dynamics;
  const cf = st.s.ceasefire;
  return (
    d.ceasefireHazard * (cf.monitored ? d.monitoringFactor : 1) * (cf.guaranteed ? d.guaranteeFactor : 1)
  );
}

/** A breakdown check at `multiplier` × the hazard; returns whether it broke. */
export function checkCeasefire(st: Step, multiplier: number, cause: number): boolean {
  if (st.s.ceasefire.status !== 'holding') return false;
  if (st.rng.next() < Math.min(1, hazard(st) * multiplier)) {
    breakCeasefire(st, cause);
    return true;
  }
  return false;
}

/**
 * Monitoring or a guarantee put in place for `rounds` rounds (an effect's come from `dynamics`, a signed
 * clause's from its duration); renewing one extends it.
 */
export function cover(st: Step, what: 'monitored' | 'guaranteed', rounds: number, cause: number): void {
  const cf = st.s.ceasefire;
  if (!cf[what]) st.record(`ceasefire.${what}`, false, true, cause);
  const key = what === 'monitored' ? 'monitoredUntil' : 'guaranteedUntil';
  st.s.ceasefire = { ...cf, [what]: true, [key]: Math.max(cf[what] ? cf[key] : -1, st.s.round + rounds) };
}

/** Design choice: a spoiler's attack (a `strain` effect) is an extra breakdown check at twice the hazard. */
export const SPOILER_STRAIN = 2;

/** Applies a `ceasefire` effect. */
export function ceasefireEffect(
  st: Step,
  what: 'declare' | 'break' | 'strain' | 'monitor' | 'guarantee',
  cause: number,
): void {
  const d = st.c.scenario.dynamics;
  switch (what) {
    case 'declare':
      declareCeasefire(st, cause);
      return;
    case 'break':
      breakCeasefire(st, cause);
      return;
    case 'strain':
      // An extra hazard check, so it too waits until the ceasefire binds (see since in round.ts).
      if (st.s.ceasefire.since < st.s.round) checkCeasefire(st, SPOILER_STRAIN, cause);
      return;
    case 'monitor':
      cover(st, 'monitored', d.monitoringRounds, cause);
      return;
    case 'guarantee':
      cover(st, 'guaranteed', d.guaranteeRounds, cause);
  }
}

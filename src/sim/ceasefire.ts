// The ceasefire: declared, then each round a breakdown hazard that monitoring and guarantees lower.
import type { Step } from './step.ts';

/** A ceasefire starts (or restarts). */
export function declareCeasefire(st: Step, cause: number): void {
  const cf = st.s.ceasefire;
  if (cf.status === 'holding') return;
  st.record('ceasefire', cf.status, 'holding', cause);
  st.s.ceasefire = { ...cf, status: 'holding', since: st.s.round };
}

/** The ceasefire breaks. */
export function breakCeasefire(st: Step, cause: number): void {
  const cf = st.s.ceasefire;
  if (cf.status !== 'holding') return;
  st.record('ceasefire', 'holding', 'broken', cause);
  st.s.ceasefire = { ...cf, status: 'broken' };
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

/** Applies a `ceasefire` effect. */
export function ceasefireEffect(
  st: Step,
  what: 'declare' | 'break' | 'strain' | 'monitor' | 'guarantee',
  cause: number,
): void {
  const cf = st.s.ceasefire;
  switch (what) {
    case 'declare':
      declareCeasefire(st, cause);
      return;
    case 'break':
      breakCeasefire(st, cause);
      return;
    case 'strain':
      checkCeasefire(st, 2, cause);
      return;
    case 'monitor':
      if (!cf.monitored) st.record('ceasefire.monitored', false, true, cause);
      st.s.ceasefire = { ...cf, monitored: true };
      return;
    case 'guarantee':
      if (!cf.guaranteed) st.record('ceasefire.guaranteed', false, true, cause);
      st.s.ceasefire = { ...cf, guaranteed: true };
  }
}

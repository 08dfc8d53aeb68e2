// The escalation ladder (Kahn 1965, ../shared/escalation-model.md): rungs entered and left on
// thresholds of the escalation metric, with hysteresis, and threshold events that force a move.
import type { Step } from './step.ts';

/** The rung the ladder settles on from `current` for escalation `e`: climb to the highest rung entered, or step down while below the current rung's exit threshold. */
export function settleRung(
  ladder: readonly { enterAt: number; leaveBelow: number }[],
  current: number,
  e: number,
): number {
  let r = current;
  while (r + 1 < ladder.length && e >= (ladder[r + 1]?.enterAt ?? Infinity)) r++;
  if (r !== current) return r;
  while (r > 0 && e < (ladder[r]?.leaveBelow ?? -Infinity)) r--;
  return r;
}

/** Moves the ladder to `rung` and keeps escalation inside the new rung's band, so thresholds do not undo the move. */
export function moveRung(st: Step, rung: number, cause: number): void {
  const { s, c } = st;
  const ladder = c.scenario.ladder;
  const to = Math.max(0, Math.min(ladder.length - 1, rung));
  if (to === s.rung) return;
  st.record('rung', ladder[s.rung]?.id ?? '', ladder[to]?.id ?? '', cause);
  s.rung = to;
  s.peakRung = Math.max(s.peakRung, to);
  const e = s.metrics[c.escalation.id] ?? 0;
  const here = ladder[to];
  const above = ladder[to + 1];
  if (here && e < here.enterAt) st.setMetric(c.escalation.id, here.enterAt, cause);
  else if (above && e >= above.enterAt) st.setMetric(c.escalation.id, above.enterAt - 1e-6, cause);
}

/** Applies a `rung` effect: one up, one down, or at least the named rung. */
export function rungEffect(st: Step, target: string, cause: number): void {
  const { s, c } = st;
  if (target === 'up') moveRung(st, s.rung + 1, cause);
  else if (target === 'down') moveRung(st, s.rung - 1, cause);
  else {
    const idx = c.rungIndex.get(target);
    if (idx !== undefined && idx > s.rung) moveRung(st, idx, cause);
  }
}

/** The per-round ladder rule: settle on the rung the escalation metric calls for. */
export function settleLadder(st: Step, cause: number): void {
  const { s, c } = st;
  const next = settleRung(c.scenario.ladder, s.rung, s.metrics[c.escalation.id] ?? 0);
  if (next === s.rung) return;
  st.record('rung', c.scenario.ladder[s.rung]?.id ?? '', c.scenario.ladder[next]?.id ?? '', cause);
  s.rung = next;
  s.peakRung = Math.max(s.peakRung, next);
}

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

/**
 * The rungs the ladder may be on for the rest of this round: within `rungsPerRound` of where the round
 * began (read from the log of changes), so the crisis has an arc; the historical opening is not bound.
 */
export function rungBounds(st: Pick<Step, 'c' | 's'>): [number, number] {
  const { s, c } = st;
  const top = c.scenario.ladder.length - 1;
  if (s.round === 0) return [0, top];
  let start = s.rung;
  for (let i = s.changes.length - 1; i >= 0; i--) {
    const ch = s.changes[i];
    if (!ch || ch.round < s.round) break;
    if (ch.subject === 'rung') start = c.rungIndex.get(String(ch.from)) ?? start;
  }
  const k = c.scenario.dynamics.rungsPerRound;
  return [Math.max(0, start - k), Math.min(top, start + k)];
}

/**
 * Moves the ladder towards `rung`, one rung at most after the opening (a threshold event crosses one
 * threshold) and within the round's bounds, and keeps escalation inside the new rung's band, so thresholds do not undo the move.
 */
export function moveRung(st: Step, rung: number, cause: number): void {
  const { s, c } = st;
  const ladder = c.scenario.ladder;
  const [lo, hi] = rungBounds(st);
  // History (the opening) moves as reported: "open war" declared is open war.
  const step = s.round === 0 ? rung : s.rung + Math.sign(rung - s.rung);
  const to = Math.max(lo, Math.min(hi, step));
  if (to === s.rung) return;
  st.record('rung', ladder[s.rung]?.id ?? '', ladder[to]?.id ?? '', cause);
  s.rung = to;
  s.peakRung = Math.max(s.peakRung, to);
  const e = s.metrics[c.escalation.id] ?? 0;
  const here = ladder[to];
  const above = ladder[to + 1];
  if (here && e < here.enterAt) st.setMetric(c.escalation.id, here.enterAt, cause);
  else if (above && e >= above.enterAt) st.setMetric(c.escalation.id, above.enterAt - 1e-6, cause); // math: just below
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
  const [lo, hi] = rungBounds(st);
  const next = Math.max(
    lo,
    Math.min(hi, settleRung(c.scenario.ladder, s.rung, s.metrics[c.escalation.id] ?? 0)),
  );
  if (next === s.rung) return;
  st.record('rung', c.scenario.ladder[s.rung]?.id ?? '', c.scenario.ladder[next]?.id ?? '', cause);
  s.rung = next;
  s.peakRung = Math.max(s.peakRung, next);
}

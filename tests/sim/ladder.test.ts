import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { rungEffect, settleRung } from '../../src/sim/ladder.ts';
import { resolveRound } from '../../src/sim/round.ts';
import { initialState } from '../../src/sim/state.ts';
import { duel, stepOn } from './helpers.ts';

const ladder = [
  { enterAt: 0, leaveBelow: 0 },
  { enterAt: 20, leaveBelow: 15 },
  { enterAt: 45, leaveBelow: 38 },
  { enterAt: 70, leaveBelow: 60 },
];

describe('the escalation ladder', () => {
  it('climbs to the highest rung whose threshold is reached, skipping rungs in one round', () => {
    expect(settleRung(ladder, 0, 50)).toBe(2);
    expect(settleRung(ladder, 0, 90)).toBe(3);
  });

  it('steps down only below the current rung’s exit threshold (hysteresis)', () => {
    expect(settleRung(ladder, 2, 40)).toBe(2);
    expect(settleRung(ladder, 2, 37)).toBe(1);
    expect(settleRung(ladder, 3, 10)).toBe(0);
  });

  it('a strike on a capital is a threshold event that moves the ladder up a rung', () => {
    const sc = duel();
    const c = compile(sc);
    const s0 = {
      ...initialState(c, { seed: 3 }),
      round: 1,
      seats: {
        north: { by: 'person' as const, policy: 'hawk' as const },
        south: { by: 'person' as const, policy: 'dove' as const },
      },
    };
    const before = s0.rung;
    const after = resolveRound(c, {
      ...s0,
      orders: { north: [{ action: 'north-strike', target: 's-cap' }], south: [] },
    });
    expect(after.rung).toBeGreaterThanOrEqual(before + 1);
    const rungChange = after.changes.find((ch) => ch.subject === 'rung' && ch.round === 1);
    expect(rungChange && after.causes[rungChange.cause]?.ref).toBe('north-strike');
  });

  it('a rung effect keeps escalation inside the new rung’s band so thresholds do not undo it', () => {
    const st = stepOn(duel(), { rung: 0, metrics: { ...stepOn(duel()).s.metrics, escalation: 5 } });
    const cause = st.cause({ kind: 'inject', ref: 'test' });
    rungEffect(st, 'strikes', cause);
    expect(st.s.rung).toBe(2);
    expect(st.s.metrics.escalation).toBeGreaterThanOrEqual(45);
    expect(settleRung(ladder, st.s.rung, st.s.metrics.escalation ?? 0)).toBe(2);
  });
});

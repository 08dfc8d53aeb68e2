import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { rungEffect, settleLadder, settleRung } from '../../src/sim/ladder.ts';
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
    const st = stepOn(duel(), { round: 1, rung: 0, metrics: { ...stepOn(duel()).s.metrics, escalation: 5 } });
    const cause = st.cause({ kind: 'inject', ref: 'test' });
    rungEffect(st, 'strikes', cause);
    // A threshold event crosses one threshold: towards "strikes", one rung.
    expect(st.s.rung).toBe(1);
    expect(st.s.metrics.escalation).toBeGreaterThanOrEqual(20);
    expect(settleRung(ladder, st.s.rung, st.s.metrics.escalation ?? 0)).toBe(1);
  });

  it('moves at most one rung a round after the opening, whatever the actions and the escalation', () => {
    const st = stepOn(duel(), { round: 3, rung: 1 });
    const cause = st.cause({ kind: 'inject', ref: 'test' });
    rungEffect(st, 'up', cause);
    expect(st.s.rung).toBe(2);
    rungEffect(st, 'up', cause);
    expect(st.s.rung).toBe(2);
    st.s.metrics.escalation = 99;
    settleLadder(st, cause);
    expect(st.s.rung).toBe(2);
    // Next round the ladder may climb again.
    st.s.round = 4;
    settleLadder(st, cause);
    expect(st.s.rung).toBe(3);
  });
});

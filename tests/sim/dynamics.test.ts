import { describe, expect, it } from 'vitest';
import {
  isRipe,
  updateEscalation,
  updateHostility,
  updateHumanitarian,
  updateRipeness,
  updateTrade,
} from '../../src/sim/dynamics.ts';
import type { Taken } from '../../src/sim/types.ts';
import { duel, stepOn } from './helpers.ts';

const act = (actor: string, goldstein: number): Taken => ({
  round: 1,
  actor,
  action: 'x',
  outcome: 'y',
  goldstein,
  cause: 0,
});

describe('escalation from Goldstein weights', () => {
  it('adds the negated weights of the round’s actions, then a share fades', () => {
    const st = stepOn(duel());
    st.s.metrics.escalation = 20;
    // At the midpoint of hostility the spiral neither speeds nor slows escalation.
    st.s.metrics['hostility-north'] = 50;
    st.s.metrics['hostility-south'] = 50;
    updateEscalation(st, [act('north', -10), act('south', 4)], 0);
    // (20 + 10 − 4) × (1 − 0.08)
    expect(st.s.metrics.escalation).toBeCloseTo(26 * 0.92, 9);
  });

  it('hostile acts escalate more between hostile sides (Richardson’s spiral feeds the ladder)', () => {
    const escalated = (hostility: number) => {
      const st = stepOn(duel());
      st.s.metrics.escalation = 20;
      st.s.metrics['hostility-north'] = hostility;
      st.s.metrics['hostility-south'] = hostility;
      updateEscalation(st, [act('north', -10)], 0);
      return st.s.metrics.escalation ?? 0;
    };
    const gain = duel().dynamics.hostilityGain;
    // (20 + 10 × (1 + gain × (h − 50) / 50)) × 0.92
    expect(escalated(100)).toBeCloseTo((20 + 10 * (1 + gain)) * 0.92, 9);
    expect(escalated(0)).toBeCloseTo((20 + 10 * (1 - gain)) * 0.92, 9);
    expect(escalated(100)).toBeGreaterThan(escalated(50));
  });

  it('cooperation alone lowers escalation, never below the metric’s minimum', () => {
    const st = stepOn(duel());
    st.s.metrics.escalation = 5;
    updateEscalation(st, [act('north', 9), act('south', 9)], 0);
    expect(st.s.metrics.escalation).toBe(0);
  });
});

describe('Richardson hostility', () => {
  it('each side’s hostility responds to the other’s hostile acts, fades by restraint, and grows by grievance', () => {
    const st = stepOn(duel());
    st.s.metrics['hostility-north'] = 40;
    st.s.metrics['hostility-south'] = 40;
    updateHostility(st, [act('south', -10)], 0);
    // north: 40 + 0.6×10 − 0.15×40 + 1 = 41; south: 40 − 6 + 1 = 35
    expect(st.s.metrics['hostility-north']).toBeCloseTo(41, 9);
    expect(st.s.metrics['hostility-south']).toBeCloseTo(35, 9);
  });

  it('decays towards grievance/restraint when nobody acts', () => {
    const st = stepOn(duel());
    st.s.metrics['hostility-north'] = 90;
    for (let i = 0; i < 200; i++) updateHostility(st, [], 0);
    expect(st.s.metrics['hostility-north']).toBeCloseTo(1 / 0.15, 3);
  });
});

describe('ripeness', () => {
  it('is reached only after both sides hurt for ripeRounds rounds in a row', () => {
    const st = stepOn(duel());
    st.s.metrics['pain-north'] = 60;
    st.s.metrics['pain-south'] = 60;
    updateRipeness(st);
    expect(isRipe(st)).toBe(false);
    updateRipeness(st);
    expect(isRipe(st)).toBe(true);
    st.s.metrics['pain-south'] = 10;
    updateRipeness(st);
    expect(isRipe(st)).toBe(false);
  });
});

describe('the humanitarian clock and trade', () => {
  it('need grows with the rung and not at the bottom rung', () => {
    const st = stepOn(duel());
    st.s.rung = 0;
    const need0 = st.s.metrics.need ?? 0;
    updateHumanitarian(st, 0);
    expect(st.s.metrics.need).toBe(need0);
    st.s.rung = 3;
    updateHumanitarian(st, 0);
    expect(st.s.metrics.need).toBeCloseTo(need0 + 0.9, 9);
  });

  it('trade falls while a crossing is closed and recovers once all are open', () => {
    const st = stepOn(duel());
    st.s.metrics.trade = 50;
    st.s.crossings.gate = false;
    updateTrade(st, 0);
    expect(st.s.metrics.trade).toBe(40);
    st.s.crossings.gate = true;
    updateTrade(st, 0);
    expect(st.s.metrics.trade).toBe(50);
  });
});

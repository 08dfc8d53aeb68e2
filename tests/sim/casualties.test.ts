import { describe, expect, it } from 'vitest';
import { casualties, verifyDue } from '../../src/sim/casualties.ts';
import { duel, stepOn } from './helpers.ts';

describe('contested casualty figures', () => {
  it('each claimant’s figure is the true toll times its factor; the true toll is kept apart', () => {
    const st = stepOn(duel());
    st.s.round = 1;
    const before = { ...st.s.metrics };
    const r = casualties(
      st,
      { side: 'south', killed: [10, 10], claims: { north: [3, 3], south: [0.5, 0.5] } },
      'north',
      0,
    );
    expect(r.killed).toBe(10);
    expect(r.claims).toEqual({ north: 30, south: 5 });
    expect(st.s.metrics['dead-south']).toBe((before['dead-south'] ?? 0) + 10);
    expect(st.s.metrics['claim-north-south']).toBe((before['claim-north-south'] ?? 0) + 30);
    expect(st.s.metrics['claim-south-south']).toBe((before['claim-south-south'] ?? 0) + 5);
  });

  it('in the historical opening, draws no true toll and schedules no verification: only the claims the scenario starts with exist', () => {
    const st = stepOn(duel());
    expect(st.s.round).toBe(0);
    const before = { ...st.s.metrics };
    const r = casualties(st, { side: 'south', killed: [10, 10], claims: { north: [3, 3] } }, 'north', 0);
    expect(r).toEqual({ killed: 0, claims: {} });
    expect(st.s.metrics).toEqual(before);
    expect(st.s.pending).toEqual([]);
  });

  it('is verified after the delay, near the truth, and only then costs the attacker standing', () => {
    const st = stepOn(duel());
    st.s.round = 3;
    st.s.pending = [];
    const verified0 = st.s.metrics['verified-south'] ?? 0;
    const standing0 = st.s.metrics['standing-north'] ?? 0;
    casualties(st, { side: 'south', killed: [100, 100], claims: { north: [5, 5] } }, 'north', 0);
    st.s.round = 4;
    verifyDue(st);
    expect(st.s.metrics['verified-south']).toBe(verified0);
    expect(st.s.metrics['standing-north']).toBe(standing0);
    st.s.round = 5;
    verifyDue(st);
    const verified = (st.s.metrics['verified-south'] ?? 0) - verified0;
    expect(verified).toBeGreaterThanOrEqual(85);
    expect(verified).toBeLessThanOrEqual(115);
    expect(st.s.metrics['standing-north']).toBeCloseTo(standing0 - verified * 0.05, 9);
    expect(st.s.pending).toEqual([]);
    expect(st.s.news.at(-1)?.headline).toContain(String(verified));
  });
});

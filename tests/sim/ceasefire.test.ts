import { describe, expect, it } from 'vitest';
import { ceasefireEffect, checkCeasefire, hazard, lapseCover } from '../../src/sim/ceasefire.ts';
import { duel, stepOn } from './helpers.ts';

describe('the ceasefire', () => {
  it('monitoring and a guarantee each lower the per-round breakdown hazard', () => {
    const st = stepOn(duel());
    ceasefireEffect(st, 'declare', 0);
    expect(st.s.ceasefire.status).toBe('holding');
    const bare = hazard(st);
    ceasefireEffect(st, 'monitor', 0);
    expect(hazard(st)).toBeCloseTo(bare * 0.5, 9);
    ceasefireEffect(st, 'guarantee', 0);
    expect(hazard(st)).toBeCloseTo(bare * 0.5 * 0.6, 9);
  });

  it('breaks at about the hazard rate, and more often under strain', () => {
    const sc = { ...duel(), dynamics: { ...duel().dynamics, ceasefireHazard: 0.2 } };
    const rate = (multiplier: number) => {
      let broke = 0;
      for (let seed = 0; seed < 2000; seed++) {
        const st = stepOn(sc, {}, seed);
        ceasefireEffect(st, 'declare', 0);
        if (checkCeasefire(st, multiplier, 0)) broke++;
      }
      return broke / 2000;
    };
    expect(rate(1)).toBeGreaterThan(0.16);
    expect(rate(1)).toBeLessThan(0.24);
    expect(rate(2)).toBeGreaterThan(0.35);
  });

  it('a broken ceasefire can be declared again, but not in the round it broke', () => {
    const st = stepOn(duel());
    ceasefireEffect(st, 'declare', 0);
    ceasefireEffect(st, 'break', 0);
    expect(st.s.ceasefire.status).toBe('broken');
    ceasefireEffect(st, 'declare', 0);
    expect(st.s.ceasefire.status).toBe('broken');
    st.s.round += 1;
    ceasefireEffect(st, 'declare', 0);
    expect(st.s.ceasefire.status).toBe('holding');
  });

  it('monitoring lapses when its time is up, and both monitoring and a guarantee end when the ceasefire breaks', () => {
    const st = stepOn(duel(), { round: 1 });
    ceasefireEffect(st, 'declare', 0);
    ceasefireEffect(st, 'monitor', 0);
    ceasefireEffect(st, 'guarantee', 0);
    const d = duel().dynamics;
    expect(st.s.ceasefire.monitoredUntil).toBe(1 + d.monitoringRounds);
    st.s.round = d.monitoringRounds; // one round before the monitors leave
    lapseCover(st, 0);
    expect(st.s.ceasefire.monitored).toBe(true);
    st.s.round = 1 + d.monitoringRounds;
    lapseCover(st, 0);
    expect(st.s.ceasefire.monitored).toBe(false);
    expect(st.s.ceasefire.guaranteed).toBe(d.guaranteeRounds > d.monitoringRounds);
    const bare = hazard(st);
    expect(bare).toBeGreaterThan(0);
    ceasefireEffect(st, 'break', 0);
    expect(st.s.ceasefire).toMatchObject({ status: 'broken', monitored: false, guaranteed: false });
    expect(st.s.changes.filter((ch) => ch.subject === 'ceasefire.monitored').map((ch) => ch.to)).toEqual([
      true,
      false,
    ]);
  });
});

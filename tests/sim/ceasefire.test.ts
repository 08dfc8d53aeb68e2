import { describe, expect, it } from 'vitest';
import { ceasefireEffect, checkCeasefire, hazard } from '../../src/sim/ceasefire.ts';
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
    const rate = (multiplier: number) => {
      let broke = 0;
      for (let seed = 0; seed < 2000; seed++) {
        const st = stepOn(duel(), {}, seed);
        ceasefireEffect(st, 'declare', 0);
        if (checkCeasefire(st, multiplier, 0)) broke++;
      }
      return broke / 2000;
    };
    expect(rate(1)).toBeGreaterThan(0.16);
    expect(rate(1)).toBeLessThan(0.24);
    expect(rate(2)).toBeGreaterThan(0.35);
  });

  it('a broken ceasefire can be declared again', () => {
    const st = stepOn(duel());
    ceasefireEffect(st, 'declare', 0);
    ceasefireEffect(st, 'break', 0);
    expect(st.s.ceasefire.status).toBe('broken');
    ceasefireEffect(st, 'declare', 0);
    expect(st.s.ceasefire.status).toBe('holding');
  });
});

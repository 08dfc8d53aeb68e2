import { describe, expect, it } from 'vitest';
import { accept, agreementChance, collapse, offer, reject, talksRound } from '../../src/sim/mediation.ts';
import { duel, stepOn } from './helpers.ts';

describe('the mediation track', () => {
  it('goes from an offer to talks once every side has accepted', () => {
    const st = stepOn(duel());
    offer(st, 'broker', 0);
    expect(st.s.mediation.phase).toBe('offered');
    accept(st, 'north', 0);
    expect(st.s.mediation.phase).toBe('accepted');
    accept(st, 'north', 0);
    expect(st.s.mediation.phase).toBe('accepted');
    accept(st, 'south', 0);
    expect(st.s.mediation.phase).toBe('talks');
    expect(st.s.milestones).toMatchObject({ offered: 0, accepted: 0, talks: 0 });
  });

  it('a rejection collapses the offer and costs the mediator trust', () => {
    const st = stepOn(duel());
    const trust = st.s.metrics['trust-broker'] ?? 0;
    offer(st, 'broker', 0);
    reject(st, 0);
    expect(st.s.mediation.phase).toBe('collapsed');
    expect(st.s.metrics['trust-broker']).toBe(trust - 10);
    offer(st, 'broker', 0);
    expect(st.s.mediation.phase).toBe('offered');
  });

  it('agreement is likelier when the conflict is ripe, the mediator trusted and several mediators join', () => {
    const st = stepOn(duel());
    offer(st, 'broker', 0);
    accept(st, 'north', 0);
    accept(st, 'south', 0);
    const base = agreementChance(st);
    st.s.hurtStreak = 5;
    const ripe = agreementChance(st);
    expect(ripe).toBeCloseTo(2 * base, 9);
    st.s.metrics['trust-broker'] = 90;
    expect(agreementChance(st)).toBeGreaterThan(ripe);
    st.s.metrics['trust-broker'] = 10;
    expect(agreementChance(st)).toBeLessThan(ripe);
    expect(agreementChance(st)).toBeLessThanOrEqual(0.95);
  });

  it('an agreement declares a ceasefire and raises trust in the mediator', () => {
    let agreed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const st = stepOn(duel(), {}, seed);
      st.s.hurtStreak = 5;
      offer(st, 'broker', 0);
      accept(st, 'north', 0);
      accept(st, 'south', 0);
      const trust = st.s.metrics['trust-broker'] ?? 0;
      talksRound(st, 0);
      if (st.s.mediation.phase === 'agreement') {
        agreed++;
        expect(st.s.ceasefire.status).toBe('holding');
        expect(st.s.metrics['trust-broker']).toBe(trust + 10);
      } else expect(st.s.mediation.phase).toBe('talks');
    }
    expect(agreed).toBeGreaterThan(5);
    expect(agreed).toBeLessThan(40);
  });

  it('collapse from talks ends them; nothing collapses after an agreement', () => {
    const st = stepOn(duel());
    offer(st, 'broker', 0);
    accept(st, 'north', 0);
    accept(st, 'south', 0);
    collapse(st, 0);
    expect(st.s.mediation.phase).toBe('collapsed');
    st.s.mediation = { phase: 'agreement', mediators: ['broker'], accepted: ['north', 'south'] };
    collapse(st, 0);
    expect(st.s.mediation.phase).toBe('agreement');
  });
});

import { describe, expect, it } from 'vitest';
import { playAuto } from '../../src/sim/game.ts';
import { duel } from './helpers.ts';

describe('cause and effect', () => {
  it('every change of a metric, rung, mediation or ceasefire names an existing cause from its round', () => {
    for (let seed = 0; seed < 20; seed++) {
      const { state } = playAuto(duel(), {
        seed,
        seats: { north: { policy: 'hawk' }, south: { policy: 'tit-for-tat' } },
      });
      expect(state.changes.length).toBeGreaterThan(0);
      for (const ch of state.changes) {
        const cause = state.causes[ch.cause];
        expect(cause, `change ${ch.subject} in round ${ch.round}`).toBeDefined();
        expect(cause?.round).toBe(ch.round);
      }
      for (const n of state.news) expect(state.causes[n.cause]).toBeDefined();
    }
  });

  it('a reaction records the round’s actions that preceded it, and computer choices carry their reason', () => {
    const { state } = playAuto(duel(), {
      seed: 3,
      seats: { north: { policy: 'hawk' }, south: { policy: 'hawk' } },
    });
    const reaction = state.causes.find((c) => c.kind === 'reaction' && c.round > 0);
    expect(reaction?.after?.length).toBeGreaterThan(0);
    for (const id of reaction?.after ?? []) expect(state.causes[id]?.kind).toBe('action');
    const action = state.causes.find((c) => c.kind === 'action');
    expect(action?.reason).toMatch(/^Hawk: /);
  });
});

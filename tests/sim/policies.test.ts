import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { choose } from '../../src/sim/policies.ts';
import { openRng, seedRng } from '../../src/sim/rng.ts';
import { initialState } from '../../src/sim/state.ts';
import { duel } from './helpers.ts';

const c = compile(duel());
const weight = (id: string) => c.actions.get(id)?.goldstein ?? 0;

describe('computer players', () => {
  it('a hawk picks among the most hostile open actions and aims at the most valuable target', () => {
    const s = { ...initialState(c, { seed: 1 }), round: 1 };
    for (let seed = 0; seed < 30; seed++) {
      const ch = choose(c, s, 'north', 'hawk', openRng(seedRng(seed)));
      expect(ch.orders).toHaveLength(1);
      const o = ch.orders[0];
      expect(weight(o?.action ?? '')).toBeLessThanOrEqual(-2);
      if (o?.action === 'north-strike') expect(o.target).toBe('s-cap');
      expect(ch.reason).toMatch(/^Hawk: /);
    }
  });

  it('a dove picks among the most cooperative open actions', () => {
    const s = { ...initialState(c, { seed: 1 }), round: 1 };
    for (let seed = 0; seed < 30; seed++) {
      const ch = choose(c, s, 'south', 'dove', openRng(seedRng(seed)));
      expect(weight(ch.orders[0]?.action ?? '')).toBeGreaterThanOrEqual(2);
      expect(ch.reason).toMatch(/^Dove: /);
    }
  });

  it('tit-for-tat mostly answers hostility in kind, sometimes forgives, and returns cooperation', () => {
    const base = { ...initialState(c, { seed: 1 }), round: 2 };
    const hostile = { ...base, goldstein: { north: [0, -10] } };
    let mirrored = 0;
    let forgave = 0;
    for (let seed = 0; seed < 400; seed++) {
      const ch = choose(c, hostile, 'south', 'tit-for-tat', openRng(seedRng(seed)));
      if (ch.reason.includes('in kind')) {
        mirrored++;
        expect(weight(ch.orders[0]?.action ?? '')).toBe(-10);
      } else if (ch.reason.includes('forgives')) forgave++;
    }
    expect(mirrored / 400).toBeGreaterThan(0.75);
    expect(forgave).toBeGreaterThan(10);
    const friendly = { ...base, goldstein: { north: [0, 9] } };
    const ch = choose(c, friendly, 'south', 'tit-for-tat', openRng(seedRng(99)));
    expect(ch.reason).toMatch(/returns cooperation|misjudged/);
  });

  it('every choice is an open action with a valid target, and comes with a readable reason', () => {
    const s = { ...initialState(c, { seed: 4 }), round: 1 };
    for (const policy of ['hawk', 'dove', 'tit-for-tat'] as const) {
      for (let seed = 0; seed < 20; seed++) {
        const ch = choose(c, s, 'north', policy, openRng(seedRng(seed)));
        for (const o of ch.orders) {
          const targets = c.targets.get(o.action) ?? [];
          if (targets.length) expect(targets).toContain(o.target);
        }
        expect(ch.reason.length).toBeGreaterThan(10);
      }
    }
  });
});

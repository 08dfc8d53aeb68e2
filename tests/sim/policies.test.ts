import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { options } from '../../src/sim/orders.ts';
import { choose, MIRROR_TOLERANCE } from '../../src/sim/policies.ts';
import { openRng, seedRng } from '../../src/sim/rng.ts';
import { initialState } from '../../src/sim/state.ts';
import { duel } from './helpers.ts';

const c = compile(duel());
const weight = (id: string) => c.actions.get(id)?.goldstein ?? 0;

describe('computer players', () => {
  it('a hawk draws among the hostile open actions, more often the more hostile, and aims at the most valuable target', () => {
    const s = { ...initialState(c, { seed: 1 }), round: 1 };
    const taken = new Map<string, number>();
    for (let seed = 0; seed < 400; seed++) {
      const ch = choose(c, s, 'north', 'hawk', openRng(seedRng(seed)));
      expect(ch.orders).toHaveLength(1);
      const o = ch.orders[0];
      expect(weight(o?.action ?? '')).toBeLessThan(0);
      if (o?.action === 'north-strike') expect(o.target).toBe('s-cap');
      expect(ch.reason).toMatch(/^Hawk: /);
      taken.set(o?.action ?? '', (taken.get(o?.action ?? '') ?? 0) + 1);
    }
    // Every hostile action open to the north comes up, the strike (−10) far more often than an accusation (−2).
    const hostile = options(c, s, 'north').filter((o) => !o.unavailable && o.action.goldstein < 0);
    expect([...taken.keys()].sort()).toEqual(hostile.map((o) => o.action.id).sort());
    expect(taken.get('north-strike') ?? 0).toBeGreaterThan(5 * (taken.get('accuse') ?? 0));
    expect(taken.get('accuse') ?? 0).toBeGreaterThan(0);
  });

  it('a dove draws among the cooperative open actions, more often the more cooperative', () => {
    const s = { ...initialState(c, { seed: 1 }), round: 1 };
    const taken = new Map<string, number>();
    for (let seed = 0; seed < 400; seed++) {
      const ch = choose(c, s, 'south', 'dove', openRng(seedRng(seed)));
      const id = ch.orders[0]?.action ?? '';
      expect(weight(id)).toBeGreaterThan(0);
      expect(ch.reason).toMatch(/^Dove: /);
      taken.set(id, (taken.get(id) ?? 0) + 1);
    }
    // Sending aid (+9) against curbing a cell (+2): chances 81 to 4.
    expect(taken.get('send-aid') ?? 0).toBeGreaterThan(5 * (taken.get('curb-cell') ?? 0));
    expect(taken.get('curb-cell') ?? 0).toBeGreaterThan(0);
  });

  it('falls back on the whole repertoire when nothing open is on its side of the scale', () => {
    // Only hostile actions open: a dove still acts, with one of them.
    const hostileOnly = compile({
      ...duel(),
      actions: duel().actions.filter((a) => a.goldstein < 0),
    });
    const s = { ...initialState(hostileOnly, { seed: 1 }), round: 1 };
    const ch = choose(hostileOnly, s, 'south', 'dove', openRng(seedRng(3)));
    expect(ch.orders).toHaveLength(1);
    expect(hostileOnly.actions.get(ch.orders[0]?.action ?? '')?.goldstein).toBeLessThan(0);
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
        // In kind: an open action within the tolerance of the opponent's −10.
        expect(Math.abs(weight(ch.orders[0]?.action ?? '') + 10)).toBeLessThanOrEqual(MIRROR_TOLERANCE);
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

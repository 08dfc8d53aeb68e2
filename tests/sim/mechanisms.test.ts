// The model's mechanisms one at a time (docs/engine-rules.md): deterrence by a guarantee, a spoiler's
// attack blamed on the wrong side, acts aimed at home, tit-for-tat's first move, the spiral in choices.
import { describe, expect, it } from 'vitest';
import type { Scenario } from '../../src/scenario/schema.ts';
import { ceasefireEffect } from '../../src/sim/ceasefire.ts';
import { compile } from '../../src/sim/compile.ts';
import { pressure } from '../../src/sim/conditions.ts';
import { choose, hostilityPull } from '../../src/sim/policies.ts';
import { openRng, seedRng } from '../../src/sim/rng.ts';
import { resolveRound, runReactions, startRound } from '../../src/sim/round.ts';
import { initialState } from '../../src/sim/state.ts';
import type { GameState } from '../../src/sim/types.ts';
import { duel, stepOn } from './helpers.ts';

const withDynamics = (patch: Partial<Scenario['dynamics']>, sc = duel()): Scenario => ({
  ...sc,
  dynamics: { ...sc.dynamics, ...patch },
});

/** A state with a ceasefire holding since round 1, at round 3. */
function underCeasefire(sc: Scenario, cover: 'none' | 'guarantee' | 'monitor'): GameState {
  const st = stepOn(sc, { round: 1 });
  ceasefireEffect(st, 'declare', 0);
  if (cover !== 'none') ceasefireEffect(st, cover, 0);
  return { ...st.done(), round: 3 };
}

const strikes = (sc: Scenario, s: GameState, seeds: number) => {
  const c = compile(sc);
  let n = 0;
  for (let seed = 0; seed < seeds; seed++) {
    const choice = choose(c, s, 'north', 'hawk', openRng(seedRng(seed)));
    if (choice.orders.some((o) => c.actions.get(o.action)?.tags.includes('strike'))) n++;
  }
  return n / seeds;
};

describe('mechanisms', () => {
  it('a guarantee deters a defection: a hawk strikes a guaranteed ceasefire less often, monitoring alone in between', () => {
    const sc = withDynamics({ ceasefireRestraint: 0, deterrence: 0.8 });
    const bare = strikes(sc, underCeasefire(sc, 'none'), 400);
    const monitored = strikes(sc, underCeasefire(sc, 'monitor'), 400);
    const guaranteed = strikes(sc, underCeasefire(sc, 'guarantee'), 400);
    expect(guaranteed).toBeLessThan(monitored);
    expect(monitored).toBeLessThan(bare);
    // Deterrence 0.8 leaves a fifth of the strikes.
    expect(guaranteed).toBeCloseTo(bare * 0.2, 1);
    const c = compile(sc);
    const why = choose(c, underCeasefire(sc, 'guarantee'), 'north', 'hawk', openRng(seedRng(1)));
    expect(why.reason).toMatch(/holds back from a strike/);
  });

  it('a strike by a side breaches a ceasefire that binds, but not in the round it was declared', () => {
    const c = compile(duel());
    const s0 = initialState(c, { seed: 1, seats: { north: { by: 'person' }, south: { by: 'person' } } });
    const st = stepOn(duel(), { ...startRound(s0) });
    ceasefireEffect(st, 'declare', 0);
    const declared = st.done();
    const strike = { north: [{ action: 'north-strike', target: c.targets.get('north-strike')?.[0] ?? '' }] };
    expect(resolveRound(c, { ...declared, orders: strike }).ceasefire.status).toBe('holding');
    const next = resolveRound(c, { ...startRound(declared), orders: strike });
    expect(next.ceasefire.status).toBe('broken');
    const cause = next.changes.find((ch) => ch.subject === 'ceasefire' && ch.to === 'broken')?.cause;
    expect(next.causes[cause ?? -1]?.ref).toBe('north-strike');
  });

  it('a spoiler’s attack during a ceasefire is sometimes blamed on the side it is linked to: noise for tit-for-tat', () => {
    const base = duel();
    // The cell fights north; south is the party also against north.
    const linked: Scenario = {
      ...withDynamics({ misattribution: 1, ceasefireHazard: 0 }, base),
      actors: base.actors.map((a) => (a.id === 'cell' ? { ...a, against: ['north'] } : a)),
      reactions: base.reactions.map((r) => (r.id === 'cell-attack' ? { ...r, probability: 1 } : r)),
    };
    const run = (sc: Scenario) => {
      const c = compile(sc);
      return runReactions(c, underCeasefire(sc, 'none'));
    };
    const blamed = run(linked);
    const blame = blamed.causes.find((x) => x.ref === 'misattribution');
    expect(blame?.actor).toBe('south');
    expect(blame?.reason).toMatch(/blames South/i);
    expect(blamed.goldstein.south?.[3]).toBe(linked.dynamics.spoilerWeight);
    // What tit-for-tat answers next round: the blamed side's weight.
    const honest = run({ ...linked, dynamics: { ...linked.dynamics, misattribution: 0 } });
    expect(honest.causes.some((x) => x.ref === 'misattribution')).toBe(false);
    expect(honest.goldstein.south?.[3] ?? 0).toBe(0);
  });

  it('an act aimed at home (tag internal) is no act against the opponent: no weight, no pressure, no signal', () => {
    const base = duel();
    const sc: Scenario = {
      ...base,
      actions: base.actions.map((a) => (a.id === 'accuse' ? { ...a, tags: ['internal' as const] } : a)),
    };
    const c = compile(sc);
    const s0 = initialState(c, { seed: 1, seats: { north: { by: 'person' }, south: { by: 'person' } } });
    const s1 = resolveRound(c, { ...startRound(s0), orders: { north: [{ action: 'accuse' }] } });
    expect(s1.taken.at(-1)?.goldstein).toBe(0);
    expect(s1.goldstein.north?.[1] ?? 0).toBe(0);
    expect(pressure(c, s1, 'north', 3)).toBe(0);
  });

  it('tit-for-tat opens by cooperating, whatever the opening did; later it answers hostility in kind', () => {
    const c = compile(duel());
    const s0 = startRound(initialState(c, { seed: 1 }));
    const opened: GameState = { ...s0, goldstein: { ...s0.goldstein, south: [-30] } };
    for (let seed = 0; seed < 40; seed++) {
      const choice = choose(c, opened, 'north', 'tit-for-tat', openRng(seedRng(seed)));
      if (/misjudged|hostility at home/.test(choice.reason)) continue;
      expect(choice.reason).toMatch(/returns cooperation/);
    }
    const later: GameState = { ...opened, round: 2, goldstein: { south: [0, -10] } };
    const answers = Array.from({ length: 40 }, (_, seed) =>
      choose(c, later, 'north', 'tit-for-tat', openRng(seedRng(seed))),
    );
    expect(answers.some((x) => /in kind/.test(x.reason))).toBe(true);
  });

  it('the spiral drives choices: a hostile dove sometimes hits back; a calm one never does', () => {
    const c = compile(duel());
    const s = startRound(initialState(c, { seed: 1 }));
    const hot: GameState = { ...s, metrics: { ...s.metrics, 'hostility-north': 100 } };
    const calm: GameState = { ...s, metrics: { ...s.metrics, 'hostility-north': 40 } };
    expect(hostilityPull(c, calm, 'north')).toBe(0);
    expect(hostilityPull(c, hot, 'north')).toBe(duel().dynamics.hostilityPull);
    const hits = (state: GameState) =>
      Array.from({ length: 200 }, (_, seed) =>
        choose(c, state, 'north', 'dove', openRng(seedRng(seed))),
      ).filter((x) => /hostility at home/.test(x.reason)).length;
    expect(hits(calm)).toBe(0);
    expect(hits(hot)).toBeGreaterThan(60);
  });
});

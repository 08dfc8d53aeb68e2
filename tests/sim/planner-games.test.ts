// Games with planning computer players: deterministic for a seed with planners in every seat, and a
// planner for every kind of role gives orders the machine would take from a person, with its reason.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { playRounds } from '../../src/sim/game.ts';
import { checkOrders } from '../../src/sim/orders.ts';
import { plan, planInput } from '../../src/sim/planner.ts';
import { startRound } from '../../src/sim/round.ts';
import { initialState } from '../../src/sim/state.ts';
import type { Seat } from '../../src/sim/types.ts';
import { duel, loadFile } from './helpers.ts';

const REASON = /^.+: expected score -?\d+, war risk \d+%; (.+ came second at -?\d+|nothing else was open)\.$/;

describe('games with planners', () => {
  it('the same seed gives the same game with planners in every seat; another seed another game', () => {
    const c = compile(duel());
    const seats = Object.fromEntries(
      c.seated.map((id) => [id, { by: 'computer', policy: 'planner', level: 'quick' } satisfies Seat]),
    );
    const game = (seed: number) => playRounds(c, { seed, seats }).state;
    const a = game(21);
    expect(a.ending).not.toBeNull();
    expect(game(21)).toEqual(a);
    expect(game(22).taken).not.toEqual(a.taken);
    const acts = a.causes.filter((x) => x.kind === 'action' && x.round > 0);
    expect(acts.length).toBeGreaterThan(0);
    for (const x of acts) expect(x.reason).toMatch(REASON);
  });

  it('plans for every kind of role of the seed scenario: orders a person could give, and the reason', () => {
    const seed = loadFile('scenarios/pakistan-afghanistan-2026.json');
    // The TTP acts only through reactions there; given one of the Taliban's actions, the spoiler has a seat too.
    const lent = seed.actions.find((a) => a.actors.includes('taliban') && a.goldstein < 0);
    if (!lent) throw new Error('the seed scenario has no hostile Taliban action');
    const sc = { ...seed, actions: [...seed.actions, { ...lent, id: 'ttp-lent', actors: ['ttp'] }] };
    const c = compile(sc);
    const s = startRound(initialState(c, { seed: 3 }));
    const roles = new Set<string>();
    for (const actor of c.seated) {
      const role = c.actors.get(actor)?.role ?? '';
      if (roles.has(role)) continue;
      roles.add(role);
      const { view, opts } = planInput(c, s, actor);
      const p = plan(c, view, actor, { ...opts, budget: 24 });
      expect(p.continuations).toBe(24);
      expect(checkOrders(c, s, actor, p.orders), `${actor} (${role})`).toBeNull();
      expect(p.reason).toMatch(REASON);
      expect(p.ranking[0]?.orders).toEqual(p.orders);
      // The ranking is best first, with war risks as shares.
      const expected = p.ranking.map((r) => r.expected);
      expect(expected).toEqual([...expected].sort((x, y) => y - x));
      expect(p.ranking.every((r) => r.warRisk >= 0 && r.warRisk <= 1)).toBe(true);
    }
    expect([...roles].sort()).toEqual(['belligerent', 'great-power', 'mediator', 'organisation', 'spoiler']);
  });
});

// The planner plays from what its seat may know: two true states that differ only in what the seat
// cannot see (hidden metrics and the true tolls, the other party's resolve and doubt, the generator, other
// seats' orders and plans) give the same plan; and its input type has no generator, seed or tolls.
import { describe, expect, expectTypeOf, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { startGame } from '../../src/sim/game.ts';
import { plan, type SeatView } from '../../src/sim/planner.ts';
import { projectFor } from '../../src/sim/projection.ts';
import { seedRng } from '../../src/sim/rng.ts';
import type { GameState } from '../../src/sim/types.ts';
import { duel } from './helpers.ts';

const sc = duel();
const c = compile(sc);
const hidden = sc.metrics.filter((m) => !m.public).map((m) => m.id);

/** North's round 2 after a strike by each side: South has given orders, North has not. */
function midRound(): GameState {
  const a = startGame(sc, { seed: 4, seats: { north: { by: 'person' }, south: { by: 'person' } } });
  a.send({ type: 'BEGIN' });
  a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'north-strike', target: 's-cap' }] });
  a.send({ type: 'ORDERS', actor: 'south', orders: [] });
  a.send({ type: 'NEXT' });
  a.send({ type: 'ORDERS', actor: 'south', orders: [{ action: 'south-strike', target: 'n-cap' }] });
  const s = a.getSnapshot().context;
  a.stop();
  return s;
}

/** The same moment with everything North cannot know changed. */
function otherTruth(s: GameState): GameState {
  const metrics = { ...s.metrics };
  for (const id of hidden) metrics[id] = (metrics[id] ?? 0) + 37;
  return {
    ...s,
    seed: s.seed + 1,
    rng: seedRng(987_654),
    metrics,
    resolve: { ...s.resolve, south: 1 - (s.resolve.south ?? 0) },
    doubt: { ...s.doubt, south: 0 },
    orders: { south: [] },
    planned: { south: { orders: [], reason: 'elsewhere' } },
    news: s.news.map((n) => (n.killed === undefined ? n : { ...n, killed: n.killed + 5 })),
    pending: [],
  };
}

describe('the planner never reads hidden state', () => {
  const s = midRound();
  const t = otherTruth(s);
  const view = (x: GameState) => projectFor(sc, { seat: 'north' }, x).state;

  it('two truths that differ only in what North cannot know give North the same plans, seed for seed', () => {
    // The truths differ where it matters to the rules…
    expect(t.resolve.south).not.toBe(s.resolve.south);
    expect(hidden.every((id) => t.metrics[id] !== s.metrics[id])).toBe(true);
    expect(t.rng).not.toEqual(s.rng);
    // …and the plans are the same for every seed of the planner's own stream: the same choice distribution.
    const picks: string[] = [];
    for (const seed of [1, 2, 3, 4, 5]) {
      const opts = { level: 'quick' as const, seed, budget: 40 };
      const a = plan(c, view(s), 'north', opts);
      expect(plan(c, view(t), 'north', opts)).toEqual(a);
      picks.push(a.ranking.map((r) => r.label).join('|'));
    }
    // The seeds do matter: the planner's own draws change its estimates.
    expect(new Set(picks).size).toBeGreaterThan(1);
  });

  it('its input type has no generator, seed or unverified tolls to read', () => {
    expectTypeOf<SeatView>().not.toHaveProperty('rng');
    expectTypeOf<SeatView>().not.toHaveProperty('seed');
    expectTypeOf<SeatView>().not.toHaveProperty('pending');
    expectTypeOf<GameState>().toExtend<SeatView>();
  });
});

// What makes the planner play well from its own seat: it believes the true tolls within what the claims
// and independent counts it saw allow, it judges a continuation's end by how nearly each objective holds,
// and it does not waste a candidate on aiming at itself.
import { describe, expect, it } from 'vitest';
import type { Condition } from '../../src/scenario/schema.ts';
import { seatsFor } from '../../src/sim/batch.ts';
import { sampleWorld } from '../../src/sim/belief.ts';
import { compile } from '../../src/sim/compile.ts';
import { nearness } from '../../src/sim/endings.ts';
import { playRounds } from '../../src/sim/game.ts';
import { candidates, planInput } from '../../src/sim/planner.ts';
import { startRound } from '../../src/sim/round.ts';
import { initialState } from '../../src/sim/state.ts';
import type { GameState } from '../../src/sim/types.ts';
import { loadFile } from './helpers.ts';

const seed = loadFile('scenarios/pakistan-afghanistan-2026.json');
const c = compile(seed);

/** The true state at the start of a round of a game between hawks (many strikes, many tolls). */
function atRound(game: number, round: number): GameState {
  let at: GameState | null = null;
  playRounds(c, { seed: game, seats: seatsFor(seed, game, 'hawk') }, (before) => {
    const s = startRound(before);
    if (s.round === round) at = s;
  });
  if (!at) throw new Error(`game ${game} ended before round ${round}`);
  return at;
}

describe("the planner's belief about the true tolls", () => {
  it('is drawn from the claims and counts the seat saw: close to the truth it never read, with the unverified ones pending', () => {
    for (const game of [3, 7]) {
      const s = atRound(game, 6);
      const { view } = planInput(c, s, 'pakistan');
      expect(view.metrics['dead-pakistan-true']).toBeUndefined();
      const worlds = Array.from({ length: 200 }, (_, j) => sampleWorld(c, view, 'pakistan', j + 1));
      for (const id of ['dead-pakistan-true', 'dead-afghan-true']) {
        const truth = s.metrics[id] ?? 0;
        expect(truth).toBeGreaterThan(0);
        const believed = worlds.map((w) => w.metrics[id] ?? 0);
        const mean = believed.reduce((a, x) => a + x, 0) / believed.length;
        expect(Math.abs(mean - truth), `${id} in game ${game}`).toBeLessThan(0.2 * truth);
        expect(Math.min(...believed)).toBeLessThanOrEqual(truth);
        expect(Math.max(...believed)).toBeGreaterThanOrEqual(truth);
      }
      // The tolls still awaiting verification are the game's own: same strikes, sides and due rounds.
      const key = (p: GameState['pending'][number]) => `${p.cause}>${p.side}>${p.due}`;
      expect(s.pending.length).toBeGreaterThan(0);
      for (const w of worlds.slice(0, 5))
        expect(w.pending.map(key).sort()).toEqual(s.pending.map(key).sort());
    }
  });
});

describe('how nearly an objective holds at the horizon', () => {
  const s = initialState(c, { seed: 1 });
  const at = (metrics: Record<string, number>): GameState => ({
    ...s,
    metrics: { ...s.metrics, ...metrics },
  });
  const standing: Condition = { metric: 'standing-taliban', op: '>=', value: 30 };
  const losses: Condition = { metric: 'dead-pakistan-true', op: '<', value: 100 };

  it('counts a met threshold whole, one short by part of its span in proportion, one far off not at all', () => {
    expect(nearness(c, standing, at({ 'standing-taliban': 31 }))).toBe(1);
    expect(nearness(c, standing, at({ 'standing-taliban': 30 }))).toBe(1);
    // The span is a tenth of the metric's range of 100: 5 short counts half.
    expect(nearness(c, standing, at({ 'standing-taliban': 25 }))).toBeCloseTo(0.5);
    expect(nearness(c, standing, at({ 'standing-taliban': 15 }))).toBe(0);
    // A toll under 100 is judged on the scale of 100 (half of it), not the metric's range of 100,000.
    expect(nearness(c, losses, at({ 'dead-pakistan-true': 125 }))).toBeCloseTo(0.5);
    expect(nearness(c, losses, at({ 'dead-pakistan-true': 5_000 }))).toBe(0);
  });

  it('takes the weakest part of `all`, the strongest of `any`, the complement under `not`, and others as they hold', () => {
    const x = at({ 'standing-taliban': 25, 'dead-pakistan-true': 0 });
    expect(nearness(c, { all: [standing, losses] }, x)).toBeCloseTo(0.5);
    expect(nearness(c, { any: [standing, losses] }, x)).toBe(1);
    expect(nearness(c, { not: standing }, x)).toBeCloseTo(0.5);
    expect(nearness(c, { flag: 'ttp-curbed' }, x)).toBe(0);
    expect(nearness(c, { flag: 'ttp-curbed', is: false }, x)).toBe(1);
  });
});

describe("the planner's candidates", () => {
  it('never aim an action at the actor itself', () => {
    const lent = seed.actions.find((a) => a.id === 'tal-blame-pakistan');
    if (!lent) throw new Error('the seed scenario has no tal-blame-pakistan');
    const accuse = {
      ...lent,
      id: 'tal-accuse',
      targets: { type: 'actor' as const, ids: ['pakistan', 'taliban'] },
    };
    const sc = { ...seed, actions: [...seed.actions, accuse] };
    const cc = compile(sc);
    const s = startRound(initialState(cc, { seed: 2 }));
    const { view } = planInput(cc, s, 'taliban');
    const aimed = candidates(cc, view, 'taliban')
      .flat()
      .filter((o) => o.action === 'tal-accuse');
    expect(aimed).toEqual([{ action: 'tal-accuse', target: 'pakistan' }]);
  });
});

// `npm run simulate` splits a run's games over worker threads: each game keeps its seed (gameSeed), so the
// games' summaries are the same, in the same order, as one thread playing them all.
import { describe, expect, it } from 'vitest';
import { simulate } from '../../src/cli/simulate.ts';
import { runGames } from '../../src/sim/batch.ts';
import { loadFile } from '../sim/helpers.ts';

describe('simulate on worker threads', () => {
  it('plays the seed scenario’s games exactly as one thread does', { timeout: 120_000 }, async () => {
    const sc = loadFile('scenarios/pakistan-afghanistan-2026.json');
    const games = 15;
    const one = runGames(sc, 1, 0, games, 'mix');
    const two = await simulate(sc, { games, seed: 1, policy: 'mix', workers: 2 });
    expect(two.map((g) => g.seed)).toEqual(one.map((g) => g.seed));
    expect(two).toEqual(one);
    // The games differ among themselves: the comparison is not of one game repeated.
    expect(new Set(one.map((g) => g.path)).size).toBeGreaterThan(1);
  });
});

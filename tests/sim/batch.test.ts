import { describe, expect, it } from 'vitest';
import { runGames, seatsFor, summarise } from '../../src/sim/batch.ts';
import { duel } from './helpers.ts';

describe('batches of computer-only games', () => {
  it('are reproducible from the seed, and summarise endings, length, peaks, mediation and paths', () => {
    const a = runGames(duel(), 5, 0, 60, 'mix');
    expect(runGames(duel(), 5, 0, 60, 'mix')).toEqual(a);
    const r = summarise(duel(), a);
    expect(r.games).toBe(60);
    expect(Object.values(r.endings).reduce((x, y) => x + y, 0)).toBe(60);
    expect(r.meanRounds).toBeGreaterThan(0);
    expect(r.meanRounds).toBeLessThanOrEqual(duel().meta.maxRounds);
    expect(r.mediation.offered).toBeGreaterThanOrEqual(r.mediation.accepted);
    expect(r.mediation.accepted).toBeGreaterThanOrEqual(r.mediation.succeeded);
    expect(r.paths[0]?.games).toBeGreaterThan(0);
    expect(r.paths[0]?.path).toContain('⇒');
  });

  it('a fixed policy seats every playable role with it; mix draws per seat from the seed', () => {
    expect(
      Object.values(seatsFor(duel(), 1, 'dove')).every((s) => s.policy === 'dove' && s.by === 'computer'),
    ).toBe(true);
    const drawn = new Set(Array.from({ length: 30 }, (_, i) => seatsFor(duel(), i, 'mix').north?.policy));
    expect(drawn.size).toBe(3);
  });
});

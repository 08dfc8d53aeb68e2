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

  it('count the games in which each action was open and taken and each reaction fired, and the endings never reached', () => {
    const sc = duel();
    const games = runGames(sc, 2, 0, 80, 'mix');
    const { content } = summarise(sc, games);
    // Every action of a playable role is listed, and none is taken in more games than it was open in.
    expect(Object.keys(content.actions).sort()).toEqual(sc.actions.map((a) => a.id).sort());
    for (const [id, a] of Object.entries(content.actions)) {
      expect(a.taken, id).toBeLessThanOrEqual(a.open);
      expect(a.open).toBeLessThanOrEqual(80);
    }
    // The counts are the games' own records, summed.
    const strikes = games.filter((g) => g.chosen.includes('north-strike')).length;
    expect(content.actions['north-strike']?.taken).toBe(strikes);
    expect(strikes).toBeGreaterThan(0);
    expect(Object.keys(content.reactions).sort()).toEqual(sc.reactions.map((r) => r.id).sort());
    const reached = new Set(games.map((g) => g.ending));
    expect(content.unreachedEndings).toEqual(sc.endings.map((e) => e.id).filter((id) => !reached.has(id)));
    // An action whose condition can never hold (the gate both open and closed) is never open, so never taken.
    const dead = {
      ...sc,
      actions: sc.actions.map((a) =>
        a.id === 'send-aid'
          ? {
              ...a,
              requires: {
                all: [
                  { crossing: 'gate', status: 'open' as const },
                  { crossing: 'gate', status: 'closed' as const },
                ],
              },
            }
          : a,
      ),
    };
    expect(summarise(dead, runGames(dead, 2, 0, 40, 'mix')).content.actions['send-aid']).toEqual({
      open: 0,
      taken: 0,
    });
    expect(content.actions['send-aid']?.taken).toBeGreaterThan(0);
  });
});

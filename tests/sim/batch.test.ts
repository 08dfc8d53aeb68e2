import { describe, expect, it } from 'vitest';
import { runGames, seatsFor, summarise } from '../../src/sim/batch.ts';
import { endingsByPolicy, metricSpreads, quantile } from '../../src/sim/distribution.ts';
import { blockStart, gameSeed, mix32 } from '../../src/sim/seeds.ts';
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

  it('give runs of distinct seeds disjoint games: seeds 1 and 2 share no game seed, and no run repeats one', () => {
    const a = runGames(duel(), 1, 0, 300, 'mix');
    const b = runGames(duel(), 2, 0, 300, 'mix');
    const seedsA = new Set(a.map((g) => g.seed));
    expect(seedsA.size).toBe(300);
    expect(b.filter((g) => seedsA.has(g.seed))).toEqual([]);
    // Each game's seed comes from (run seed, game index) alone, whatever slice of the run plays it.
    expect(runGames(duel(), 1, 120, 125, 'mix').map((g) => g.seed)).toEqual(
      a.slice(120, 125).map((g) => g.seed),
    );
    expect(a[7]?.seed).toBe(gameSeed(1, 7));
    // Runs 0 to 99 of 10,000 games each share no game (before: run s + 1 replayed all but one of run s's games).
    const starts = Array.from({ length: 100 }, (_, s) => blockStart(s)).sort((x, y) => x - y);
    const gaps = starts.map((x, i) => ((starts[(i + 1) % starts.length] ?? 0) - x + 2 ** 32) % 2 ** 32);
    expect(Math.min(...gaps)).toBeGreaterThan(10_000);
    // The hash is a bijection (distinct inputs never meet), and the high bits of a large run seed count.
    expect(new Set(Array.from({ length: 5000 }, (_, i) => mix32(i))).size).toBe(5000);
    expect(blockStart(2 ** 32 + 1)).not.toBe(blockStart(1));
    expect(gameSeed(1, 2 ** 32)).toBe(gameSeed(1, 0));
  });

  it('give each metric’s median and p10–p90 per round over the games still in play, and the endings per role and policy', () => {
    const sc = duel();
    const games = runGames(sc, 4, 0, 120, 'mix');
    const spreads = metricSpreads(games);
    expect(Object.keys(spreads)).toEqual(sc.metrics.map((m) => m.id));
    for (const m of sc.metrics) {
      const rows = spreads[m.id] ?? [];
      expect(rows[0]?.games).toBe(120);
      rows.forEach((row, r) => {
        // The games in play at round r are those that lasted that long, and the figures are theirs.
        const values = games.filter((g) => g.rounds >= r).map((g) => g.metrics[m.id]?.[r] ?? Number.NaN);
        expect(row.games).toBe(values.length);
        values.sort((x, y) => x - y);
        expect(row.median).toBe(quantile(values, 0.5));
        expect(row.p10).toBeLessThanOrEqual(row.median);
        expect(row.median).toBeLessThanOrEqual(row.p90);
        expect(row.p10).toBeGreaterThanOrEqual(values[0] ?? Number.NaN);
        expect(row.p90).toBeLessThanOrEqual(values.at(-1) ?? Number.NaN);
      });
      expect(rows.length).toBe(Math.max(...games.map((g) => g.rounds)) + 1);
    }
    // A metric that moves in play has a spread somewhere: the figures are not the start repeated.
    expect(Object.values(spreads).some((rows) => rows.some((r) => r.p90 > r.p10))).toBe(true);
    const byPolicy = endingsByPolicy(games);
    for (const role of ['north', 'south']) {
      const cells = Object.values(byPolicy[role] ?? {});
      expect(cells.reduce((n, c) => n + c.games, 0)).toBe(120);
      for (const c of cells) expect(Object.values(c.endings).reduce((n, k) => n + k, 0)).toBe(c.games);
    }
    const hawks = games.filter((g) => g.policies.north === 'hawk');
    expect(byPolicy.north?.hawk?.games).toBe(hawks.length);
    expect(byPolicy.north?.hawk?.endings.war ?? 0).toBe(hawks.filter((g) => g.ending === 'war').length);
  });

  it('interpolate quantiles between ranks', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.5)).toBe(3);
    expect(quantile([1, 2, 3, 4], 0.5)).toBe(2.5);
    expect(quantile([0, 10], 0.1)).toBe(1);
    expect(quantile([7], 0.9)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });
});

import { describe, expect, it } from 'vitest';
import { openRng, seedRng, weightedIndex } from '../../src/sim/rng.ts';

describe('the seeded generator', () => {
  it('gives the same draws for the same seed and state, and resumes from a stored state', () => {
    const a = openRng(seedRng(7));
    const first = [a.next(), a.next(), a.next()];
    const b = openRng(seedRng(7));
    expect([b.next(), b.next(), b.next()]).toEqual(first);
    const mid = openRng(seedRng(7));
    mid.next();
    const resumed = openRng(mid.state());
    expect([resumed.next(), resumed.next()]).toEqual(first.slice(1));
  });

  it('spreads the first draw of consecutive seeds evenly (no correlation between nearby seeds)', () => {
    const buckets = new Array(10).fill(0);
    for (let s = 0; s < 2000; s++) buckets[Math.floor(openRng(seedRng(s)).next() * 10)]++;
    for (const b of buckets) expect(Math.abs(b - 200)).toBeLessThan(50);
  });

  it('draws integers within inclusive bounds', () => {
    const r = openRng(seedRng(1));
    const seen = new Set<number>();
    for (let i = 0; i < 500; i++) seen.add(r.int(3, 6));
    expect([...seen].sort()).toEqual([3, 4, 5, 6]);
  });

  it('draws an index with a chance proportional to its weight, at the boundaries too', () => {
    // Weights 1, 0, 3: index 0 below a quarter, never index 1, index 2 from a quarter up.
    expect(weightedIndex(0, [1, 0, 3])).toBe(0);
    expect(weightedIndex(0.2499, [1, 0, 3])).toBe(0);
    expect(weightedIndex(0.25, [1, 0, 3])).toBe(2);
    expect(weightedIndex(0.9999999, [1, 0, 3])).toBe(2);
    // Probabilities that sum to just under 1 by rounding still land on the last outcome.
    expect(weightedIndex(0.99999999, [0.1, 0.2, 0.7 - 1e-12])).toBe(2);
    // All weights 0: equal chances.
    expect([0, 0.34, 0.67].map((r) => weightedIndex(r, [0, 0, 0]))).toEqual([0, 1, 2]);
    const rng = openRng(seedRng(5));
    let second = 0;
    for (let i = 0; i < 4000; i++) if (weightedIndex(rng.next(), [1, 3]) === 1) second++;
    expect(second / 4000).toBeCloseTo(0.75, 1);
  });
});

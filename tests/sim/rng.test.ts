import { describe, expect, it } from 'vitest';
import { openRng, seedRng } from '../../src/sim/rng.ts';

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
});

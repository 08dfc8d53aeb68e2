import { describe, expect, it } from 'vitest';
import { sides } from '../../src/map/effects.ts';

/** How far inside the true circle the middle of an edge of a regular n-gon of radius r falls. */
const stray = (r: number, n: number) => r * (1 - Math.cos(Math.PI / n));

describe('circles of the animations', () => {
  it('are drawn with the fewest sides that keep every edge within a fifth of a pixel of the circle', () => {
    for (const r of [2, 4.5, 6.5, 10, 18, 26, 38, 60, 120]) {
      const n = sides(r);
      expect(stray(r, n), `r=${r}`).toBeLessThanOrEqual(0.2);
      if (n > 8) expect(stray(r, n - 1), `r=${r}`).toBeGreaterThan(0.2);
    }
  });

  it('have far fewer sides than the hundred Phaser draws any circle with, and never fewer than eight', () => {
    expect(sides(1.8)).toBe(8);
    expect(sides(0)).toBe(8);
    expect(sides(38)).toBeLessThan(40);
  });
});

import { describe, expect, it } from 'vitest';
import { edge } from '../../src/map/effects.ts';

describe('edge', () => {
  const badge = { x: 100, y: 100, halfW: 40, halfH: 11 };

  it('finds where a route leaves a badge towards its target', () => {
    expect(edge(badge, { x: 300, y: 100 })).toBeCloseTo(40);
    expect(edge(badge, { x: 100, y: -50 })).toBeCloseTo(11);
    // Steeply down and to the left: out through the bottom, beyond the half height.
    const d = edge(badge, { x: 80, y: 200 });
    expect(d).toBeGreaterThan(11);
    expect(d).toBeLessThan(40);
    expect(d).toBeCloseTo(11 * (Math.hypot(20, 100) / 100));
  });

  it('starts at the point itself for a place without a box, or a target on top of it', () => {
    expect(edge({ x: 5, y: 5 }, { x: 50, y: 50 })).toBe(0);
    expect(edge(badge, { x: 100, y: 100 })).toBe(0);
  });
});

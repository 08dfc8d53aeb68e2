import { describe, expect, it } from 'vitest';
import { fadeLevel } from '../../src/map/cross-fade.ts';

describe('the cross-fade of a change of tone', () => {
  it('eases in quickly, then slows, and ends at 1 within a second and a half', () => {
    expect(fadeLevel(0)).toBe(0);
    expect(fadeLevel(-50)).toBe(0);
    // A quarter of a second closes about 63% of the way.
    expect(fadeLevel(250)).toBeCloseTo(1 - Math.exp(-1), 6);
    const steps = Array.from({ length: 31 }, (_, i) => fadeLevel(i * 50));
    for (let i = 1; i < steps.length; i++) expect(steps[i]).toBeGreaterThanOrEqual(steps[i - 1] ?? 0);
    // Slowing: each 50 ms adds less than the one before, until the end.
    expect((steps[2] ?? 0) - (steps[1] ?? 0)).toBeLessThan((steps[1] ?? 0) - (steps[0] ?? 0));
    expect(fadeLevel(1400)).toBeLessThan(1);
    expect(fadeLevel(1500)).toBe(1);
  });
});

import { describe, expect, it } from 'vitest';
import { bakeScale, SUPERSAMPLE } from '../../src/map/picture.ts';

describe('bakeScale', () => {
  it('bakes at twice the canvas size when the GPU allows it', () => {
    expect(bakeScale(760, 750, 8192)).toBe(SUPERSAMPLE);
    expect(bakeScale(2048, 1200, 4096)).toBe(SUPERSAMPLE);
  });

  it('bakes as finely as fits when twice the canvas would pass the largest texture', () => {
    const scale = bakeScale(2300, 1300, 4096);
    expect(scale).toBeLessThan(SUPERSAMPLE);
    expect(Math.ceil(2300 * scale)).toBeLessThanOrEqual(4096);
    expect(scale).toBeGreaterThan(1.7);
    // A canvas wider than the largest texture still gets a picture, at less than one texel a pixel.
    expect(Math.ceil(9000 * bakeScale(9000, 100, 4096))).toBeLessThanOrEqual(4096);
  });
});

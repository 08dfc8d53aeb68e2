import { describe, expect, it } from 'vitest';
import { contrast, distinctFill, luminance, MIN_FILL_CONTRAST, mix, palette } from '../../src/map/colour.ts';

describe('contrast of the map’s fills (WCAG 2 relative luminance)', () => {
  it('gives the luminance and contrast ratios WCAG defines', () => {
    expect(luminance(0xffffff)).toBeCloseTo(1, 10);
    expect(luminance(0x000000)).toBe(0);
    // Pure green weighs most, blue least: the standard's coefficients.
    expect(luminance(0x00ff00)).toBeCloseTo(0.7152, 4);
    expect(luminance(0x0000ff)).toBeCloseTo(0.0722, 4);
    // sRGB 0x80 is 21.6% linear light, not half.
    expect(luminance(0x808080)).toBeCloseTo(0.2159, 3);
    expect(contrast(0xffffff, 0x000000)).toBeCloseTo(21, 10);
    expect(contrast(0x000000, 0xffffff)).toBeCloseTo(21, 10);
    expect(contrast(0x777777, 0x777777)).toBe(1);
    // WebAIM's checker gives 4.48:1 for #777777 on white.
    expect(contrast(0x777777, 0xffffff)).toBeCloseTo(4.48, 2);
  });

  it('keeps every actor colour’s fill at 1.5:1 or more against the neighbours’ grey, as pale as that allows', () => {
    // The seed scenario's actor colours, and colours that pale to near the grey: yellow, grey, white, black.
    const colours = [
      0x1e8449, 0x8d6e4c, 0x4a4a4a, 0x4b92db, 0x3c3b6e, 0xe6b800, 0x8a1538, 0xd8d5cd, 0xffffff, 0x000000,
    ];
    for (const c of colours) {
      const fill = distinctFill(c, palette.neighbour);
      expect(contrast(fill, palette.neighbour), c.toString(16)).toBeGreaterThanOrEqual(MIN_FILL_CONTRAST);
      // Before: the colour at 20% on white, which stood out by less.
      expect(contrast(mix(0xffffff, c, 0.2), palette.neighbour), c.toString(16)).toBeLessThan(
        MIN_FILL_CONTRAST,
      );
    }
    // The palest that passes: one step paler on the way from white to the colour does not.
    const green = distinctFill(0x1e8449, palette.neighbour);
    const t = [...Array(101).keys()]
      .map((i) => 0.2 + (0.8 * i) / 100)
      .find((x) => mix(0xffffff, 0x1e8449, x) === green);
    expect(t).toBeDefined();
    expect(contrast(mix(0xffffff, 0x1e8449, (t ?? 0) - 0.016), palette.neighbour)).toBeLessThan(
      MIN_FILL_CONTRAST,
    );
  });

  it('leaves a fill that already stands out at 20% of its colour', () => {
    expect(distinctFill(0x1e8449, 0x202020)).toBe(mix(0xffffff, 0x1e8449, 0.2));
    expect(distinctFill(0x1e8449, 0x202020, 21)).toBe(0x000000);
  });
});

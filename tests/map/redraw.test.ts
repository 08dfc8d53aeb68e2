import { describe, expect, it } from 'vitest';
import { damage } from '../../src/map/redraw.ts';

describe('the box a frame of animations redraws', () => {
  it('is one box around everything drawn, grown by two pixels and snapped out to whole pixels', () => {
    const box = damage(
      [
        { x: 10.4, y: 20.6, width: 5, height: 5 },
        { x: 100, y: 50, width: 10.2, height: 3 },
      ],
      800,
      600,
    );
    expect(box).toEqual({ x: 8, y: 18, width: 105, height: 37 });
  });

  it('is clipped to the canvas', () => {
    expect(damage([{ x: -30, y: 590, width: 50, height: 40 }], 800, 600)).toEqual({
      x: 0,
      y: 588,
      width: 22,
      height: 12,
    });
  });

  it('is nothing when nothing was drawn, or only off the canvas', () => {
    expect(damage([], 800, 600)).toBeUndefined();
    expect(damage([{ x: 900, y: 10, width: 20, height: 20 }], 800, 600)).toBeUndefined();
  });
});

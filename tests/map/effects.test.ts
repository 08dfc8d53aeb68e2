import { describe, expect, it } from 'vitest';
import { Effects, SLOW_FRAME, sides } from '../../src/map/effects.ts';

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

  it('have far fewer sides than the hundred of Phaser’s fillCircle, and never fewer than eight', () => {
    expect(sides(1.8)).toBe(8);
    expect(sides(0)).toBe(8);
    expect(sides(38)).toBeLessThan(40);
  });
});

describe('the pace of the animations', () => {
  // The brush they draw with is not touched by play() or nextFrame().
  const effects = () => new Effects({} as ConstructorParameters<typeof Effects>[0]);
  const strike = { kind: 'strike', from: 'kabul', at: 'torkham' } as const;

  it('asks for no frame when nothing runs', () => {
    expect(effects().nextFrame(0)).toBe(Number.POSITIVE_INFINITY);
  });

  it('draws a strike at every refresh while it flies and flashes, then its smoke alone 20 times a second', () => {
    const e = effects();
    e.play(strike, 0xff0000, 1000);
    // Flight (900 ms), then the flash (700 ms) under the first smoke.
    for (const now of [1000, 1500, 1899, 1900, 2400, 2599]) expect(e.nextFrame(now), `at ${now}`).toBe(now);
    // The flash is over at 2600: only smoke is left, for twelve seconds.
    for (const now of [2600, 5000, 12_000]) expect(e.nextFrame(now), `at ${now}`).toBe(now + SLOW_FRAME);
    expect(SLOW_FRAME).toBe(50);
  });

  it('goes back to every refresh as soon as something fast starts among the smoke', () => {
    const e = effects();
    e.play(strike, 0xff0000, 0);
    expect(e.nextFrame(3000)).toBe(3000 + SLOW_FRAME);
    e.play({ kind: 'clash', at: 'torkham' }, 0xff0000, 3000);
    expect(e.nextFrame(3000)).toBe(3000);
  });
});

import { describe, expect, it } from 'vitest';
import { View } from '../../src/map/camera.ts';
import { pinBadges, placeLabels } from '../../src/map/layout.ts';

describe('pinBadges', () => {
  it('pins badges to the edge facing their real place and stacks crowded ones apart', () => {
    const far = [
      { target: { x: -5000, y: 300 }, halfW: 40, halfH: 11 },
      { target: { x: -5000, y: 310 }, halfW: 40, halfH: 11 },
      { target: { x: -5000, y: 305 }, halfW: 40, halfH: 11 },
      { target: { x: 400, y: 9000 }, halfW: 30, halfH: 11 },
    ];
    const [a, b, c, d] = pinBadges(far, 800, 600, 10);
    for (const p of [a, b, c]) expect(p?.x).toBeCloseTo(50); // left edge: margin + half width
    expect(d?.y).toBeCloseTo(579); // bottom edge
    const ys = [a, b, c].map((p) => p?.y ?? 0).sort((x, y) => x - y);
    expect((ys[1] ?? 0) - (ys[0] ?? 0)).toBeGreaterThanOrEqual(28);
    expect((ys[2] ?? 0) - (ys[1] ?? 0)).toBeGreaterThanOrEqual(28);
  });

  it('leaves a badge whose place is in view where it is', () => {
    const [p] = pinBadges([{ target: { x: 300, y: 200 }, halfW: 20, halfH: 10 }], 800, 600);
    expect(p).toEqual({ x: 300, y: 200 });
  });
});

describe('placeLabels', () => {
  it('moves a label off a neighbour it would cover', () => {
    const item = (x: number, rank: number) => ({ at: { x, y: 100 }, w: 60, h: 14, rank, gap: 9 });
    const [first, second] = placeLabels([item(100, 0), item(130, 1)], 800, 600);
    // Right of 100 would cover the icon at 130, so the first label goes left; the second goes right.
    expect(first).toEqual({ x: 31, y: 93 });
    expect(second).toEqual({ x: 139, y: 93 });
    const crowded = placeLabels([item(100, 0), item(100, 1)], 800, 600);
    expect(crowded[1]).not.toEqual(crowded[0]);
  });
});

describe('View', () => {
  it('zooms about a point and never leaves the world', () => {
    const v = new View(800, 600);
    v.zoomBy(2, { x: 200, y: 150 });
    expect(v.zoom).toBe(2);
    expect(v.toScreen(v.toWorld({ x: 200, y: 150 }))).toEqual({ x: 200, y: 150 });
    expect(v.toWorld({ x: 200, y: 150 })).toEqual({ x: 200, y: 150 });
    v.panBy(10_000, 10_000);
    expect([v.x, v.y]).toEqual([0, 0]);
    v.panBy(-10_000, -10_000);
    expect([v.x, v.y]).toEqual([400, 300]);
    v.zoomBy(0.01);
    expect(v.zoom).toBe(1);
    expect([v.x, v.y]).toEqual([0, 0]);
  });
});

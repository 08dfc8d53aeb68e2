import { describe, expect, it } from 'vitest';
import { View } from '../../src/map/camera.ts';
import { edge, layoutOverlay, pinBadges, placeLabels } from '../../src/map/layout.ts';

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

  it('moves a label off a badge it would cover, and leaves it out when the badge blocks every spot', () => {
    const item = { at: { x: 100, y: 100 }, w: 60, h: 14, rank: 0, gap: 9 };
    const [free] = placeLabels([item], 800, 600);
    expect(free).toEqual({ x: 109, y: 93 });
    // A badge over the spot to the right pushes the name to the left.
    const badge = { x: 105, y: 85, w: 80, h: 30 };
    const [moved] = placeLabels([item], 800, 600, [badge]);
    expect(moved).toEqual({ x: 31, y: 93 });
    // A badge around the whole place leaves no spot for the name at all.
    const [none] = placeLabels([item], 800, 600, [{ x: 0, y: 0, w: 300, h: 300 }]);
    expect(none).toBeUndefined();
  });

  it('leaves out a label that has no free spot, keeping the more important ones', () => {
    // Nine places on one spot: there is room around it for some names, not for nine.
    const items = Array.from({ length: 9 }, (_, rank) => ({
      at: { x: 400, y: 300 },
      w: 60,
      h: 14,
      rank,
      gap: 9,
    }));
    const shown = (placed: unknown[]) => placed.map((p) => p !== undefined);
    const placed = shown(placeLabels(items, 800, 600));
    const count = placed.filter(Boolean).length;
    expect(count).toBeGreaterThanOrEqual(4);
    expect(count).toBeLessThan(9);
    // The ones shown are the most important, whatever order they are listed in.
    expect(placed).toEqual(items.map((_, i) => i < count));
    expect(shown(placeLabels([...items].reverse(), 800, 600))).toEqual(placed.toReversed());
  });

  it('never draws two labels over each other, nor over another place, nor off the view', () => {
    const rnd = (() => {
      let s = 7;
      return () => {
        s = (s * 48271) % 2147483647;
        return s / 2147483647;
      };
    })();
    for (let round = 0; round < 50; round++) {
      const items = Array.from({ length: 25 }, (_, rank) => ({
        at: { x: rnd() * 400, y: rnd() * 300 },
        w: 30 + rnd() * 90,
        h: 14,
        rank,
        gap: 9,
      }));
      const placed = placeLabels(items, 400, 300);
      const boxes = placed.flatMap((p, i) => (p ? [{ ...p, w: items[i]?.w ?? 0, h: 14 }] : []));
      const icons = items.map((it) => ({ x: it.at.x - 7, y: it.at.y - 7, w: 14, h: 14 }));
      const overlaps = (a: { x: number; y: number; w: number; h: number }, b: typeof a) =>
        Math.min(a.x + a.w, b.x + b.w) > Math.max(a.x, b.x) &&
        Math.min(a.y + a.h, b.y + b.h) > Math.max(a.y, b.y);
      for (const [i, a] of boxes.entries()) {
        expect(a.x >= 0 && a.y >= 0 && a.x + a.w <= 400 && a.y + a.h <= 300).toBe(true);
        for (const b of boxes.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      }
      placed.forEach((p, i) => {
        if (!p) return;
        const box = { ...p, w: items[i]?.w ?? 0, h: 14 };
        icons.forEach((icon, j) => {
          if (j !== i) expect(overlaps(box, icon)).toBe(false);
        });
      });
      expect(boxes.length).toBeGreaterThan(5);
    }
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

describe('edge', () => {
  // A badge 80 × 22 centred on (100, 100); the route or arrow heads for a target.
  const from = (x: number, y: number) => edge(40, 11, x - 100, y - 100);

  it('finds where a route leaves a badge towards its target', () => {
    expect(from(300, 100)).toBeCloseTo(40);
    expect(from(100, -50)).toBeCloseTo(11);
    // Steeply down and to the left: out through the bottom, beyond the half height.
    const d = from(80, 200);
    expect(d).toBeGreaterThan(11);
    expect(d).toBeLessThan(40);
    expect(d).toBeCloseTo(11 * (Math.hypot(20, 100) / 100));
  });

  it('starts at the point itself for a target on top of it', () => {
    expect(from(100, 100)).toBe(0);
  });
});

describe('layoutOverlay', () => {
  const items = {
    width: 800,
    height: 600,
    places: [
      { world: { x: 100, y: 300 }, kind: 'city' },
      { world: { x: 60, y: 300 }, kind: 'capital' },
    ],
    placeNames: [
      { w: 50, h: 14 },
      { w: 40, h: 14 },
    ],
    badges: [{ world: { x: -4000, y: 300 } }, { world: { x: 400, y: 100 } }],
    badgeBoxes: [
      { w: 60, h: 20 },
      { w: 60, h: 20 },
    ],
    countries: [{ world: { x: 500, y: 450 } }],
  };

  it('keeps the place names clear of the badges, in whole pixels, and points each badge at its place', () => {
    const view = new View(800, 600);
    const laid = layoutOverlay(items, (p) => view.toScreen(p));
    expect(laid.icons).toEqual([
      { x: 100, y: 300 },
      { x: 60, y: 300 },
    ]);
    expect(laid.countries).toEqual([{ x: 500, y: 450 }]);
    // A badge of a place far to the left is pinned to the left edge, its arrow pointing left from its box.
    const [left, inView] = laid.badges;
    expect(left?.centre.x).toBeCloseTo(12 + 30);
    expect(left?.arrow?.angle).toBeCloseTo(Math.PI);
    expect(left?.arrow?.x).toBeCloseTo((left?.centre.x ?? 0) - 30);
    // A badge on its own place needs no arrow.
    expect(inView?.centre).toEqual({ x: 400, y: 100 });
    expect(inView?.arrow).toBeUndefined();
    const boxes = laid.badges.map((b) => ({
      x: b.centre.x - b.halfW,
      y: b.centre.y - b.halfH,
      w: 2 * b.halfW,
      h: 2 * b.halfH,
    }));
    laid.placeNames.forEach((at, i) => {
      if (!at) return;
      // Whole pixels, and over no badge.
      expect(Number.isInteger(at.x) && Number.isInteger(at.y)).toBe(true);
      const size = items.placeNames[i] ?? { w: 0, h: 0 };
      for (const b of boxes) {
        const apart = at.x + size.w <= b.x || b.x + b.w <= at.x || at.y + size.h <= b.y || b.y + b.h <= at.y;
        expect(apart).toBe(true);
      }
    });
    // The city's name fits to the right of its icon; the capital's icon sits under the pinned badge.
    expect(laid.placeNames[0]).toEqual({ x: 109, y: 293 });
  });

  it('follows the view: zoomed in twice about the origin, everything but the pinned badges moves out', () => {
    const view = new View(800, 600);
    view.zoomBy(2, { x: 0, y: 0 });
    const laid = layoutOverlay(items, (p) => view.toScreen(p));
    expect(laid.icons[0]).toEqual({ x: 200, y: 600 });
    expect(laid.countries[0]).toEqual({ x: 1000, y: 900 });
  });
});

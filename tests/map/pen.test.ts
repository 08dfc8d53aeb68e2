import type * as Phaser from 'phaser';
import { describe, expect, it } from 'vitest';
import { Effects } from '../../src/map/effects.ts';
import { Pen, sides } from '../../src/map/pen.ts';

/**
 * A stand-in for Phaser's Graphics that works out how far each call really reaches on the canvas, the
 * way Phaser draws it: ellipses about their centre, lines widened by the line width, rectangles as given.
 */
class Reach {
  x0 = Number.POSITIVE_INFINITY;
  y0 = Number.POSITIVE_INFINITY;
  x1 = Number.NEGATIVE_INFINITY;
  y1 = Number.NEGATIVE_INFINITY;
  private width = 0;
  private path: [number, number][] = [];
  private see(x0: number, y0: number, x1: number, y1: number) {
    this.x0 = Math.min(this.x0, x0);
    this.y0 = Math.min(this.y0, y0);
    this.x1 = Math.max(this.x1, x1);
    this.y1 = Math.max(this.y1, y1);
  }
  reset() {
    this.x0 = this.y0 = Number.POSITIVE_INFINITY;
    this.x1 = this.y1 = Number.NEGATIVE_INFINITY;
  }
  clear() {
    this.reset();
    return this;
  }
  fillStyle() {
    return this;
  }
  lineStyle(width: number) {
    this.width = width;
    return this;
  }
  fillEllipse(x: number, y: number, w: number, h: number) {
    this.see(x - w / 2, y - h / 2, x + w / 2, y + h / 2);
    return this;
  }
  strokeEllipse(x: number, y: number, w: number, h: number) {
    const e = this.width / 2;
    this.see(x - w / 2 - e, y - h / 2 - e, x + w / 2 + e, y + h / 2 + e);
    return this;
  }
  fillRect(x: number, y: number, w: number, h: number) {
    this.see(x, y, x + w, y + h);
    return this;
  }
  beginPath() {
    this.path = [];
    return this;
  }
  moveTo(x: number, y: number) {
    this.path.push([x, y]);
    return this;
  }
  lineTo(x: number, y: number) {
    this.path.push([x, y]);
    return this;
  }
  strokePath() {
    // Each segment a quad half the width either side, joined by quads between their corners.
    const e = this.width / 2;
    for (const [x, y] of this.path) this.see(x - e, y - e, x + e, y + e);
    return this;
  }
}

const asGraphics = (r: Reach) => r as unknown as Phaser.GameObjects.Graphics;

describe('the pen the animations draw with', () => {
  it('boxes a disc, a ring with half its line outside, a rectangle and a stroke with its width', () => {
    const pen = new Pen(asGraphics(new Reach()));
    pen.fill(0).disc(10, 20, 5);
    expect(pen.take()).toEqual({ x: 5, y: 15, width: 10, height: 10 });
    pen.line(4, 0).ring(10, 20, 5);
    expect(pen.take()).toEqual({ x: 3, y: 13, width: 14, height: 14 });
    pen.fill(0).rect(1, 2, 3, 4);
    expect(pen.take()).toEqual({ x: 1, y: 2, width: 3, height: 4 });
    pen.line(2, 0).stroke([
      { x: 0, y: 0 },
      { x: 10, y: 5 },
    ]);
    expect(pen.take()).toEqual({ x: -1, y: -1, width: 12, height: 7 });
  });

  it('starts a new box after each take, and has none when nothing was drawn', () => {
    const pen = new Pen(asGraphics(new Reach()));
    expect(pen.take()).toBeUndefined();
    pen.disc(0, 0, 1);
    pen.take();
    pen.disc(100, 100, 1);
    expect(pen.take()).toEqual({ x: 99, y: 99, width: 2, height: 2 });
  });

  it('draws circles with as few sides as keep them round (sides)', () => {
    const calls: number[] = [];
    const g = { fillEllipse: (_x: number, _y: number, _w: number, _h: number, n: number) => calls.push(n) };
    new Pen(g as unknown as Phaser.GameObjects.Graphics).disc(0, 0, 26);
    expect(calls).toEqual([sides(26)]);
  });
});

describe('the boxes the animations report', () => {
  const places: Record<string, { x: number; y: number; halfW?: number; halfH?: number }> = {
    a: { x: 100, y: 400 },
    b: { x: 600, y: 150 },
    badge: { x: 20, y: 300, halfW: 30, halfH: 10 },
  };
  const kinds = [
    { kind: 'strike', from: 'a', at: 'b' },
    { kind: 'drone', from: 'b', at: 'a' },
    { kind: 'strike', at: 'b' },
    { kind: 'clash', at: 'a' },
    { kind: 'crossing-closed', at: 'a' },
    { kind: 'crossing-opened', at: 'b' },
    { kind: 'envoy', from: 'badge', at: 'b' },
    { kind: 'aid', from: 'badge', at: 'a' },
    { kind: 'envoy', at: 'b' },
    { kind: 'protest', at: 'a' },
    { kind: 'statement', at: 'b' },
  ] as const;

  it.each(kinds)('cover everything a $kind draws, at every moment of it', (cue) => {
    const reach = new Reach();
    const effects = new Effects(new Pen(asGraphics(reach)));
    effects.play(cue, 0xff0000, 0);
    for (let t = 0; effects.active > 0; t += 37) {
      reach.reset();
      const boxes = effects.update(t, (id) => places[id]);
      if (reach.x1 < reach.x0) continue;
      const x0 = Math.min(...boxes.map((b) => b.x));
      const y0 = Math.min(...boxes.map((b) => b.y));
      const x1 = Math.max(...boxes.map((b) => b.x + b.width));
      const y1 = Math.max(...boxes.map((b) => b.y + b.height));
      // Up to rounding: the two add the same numbers in different orders.
      const eps = 1e-9;
      expect(x0, `${cue.kind} at ${t} ms`).toBeLessThanOrEqual(reach.x0 + eps);
      expect(y0, `${cue.kind} at ${t} ms`).toBeLessThanOrEqual(reach.y0 + eps);
      expect(x1, `${cue.kind} at ${t} ms`).toBeGreaterThanOrEqual(reach.x1 - eps);
      expect(y1, `${cue.kind} at ${t} ms`).toBeGreaterThanOrEqual(reach.y1 - eps);
    }
  });
});

// What the animations draw with: a Graphics, plus the box each drawing covered. The map redraws only
// those boxes between frames (damage.ts), so every shape an animation draws must pass through here.
import type * as Phaser from 'phaser';
import type { Point, Rect } from './camera.ts';
import { Bounds } from './redraw.ts';

type G = Phaser.GameObjects.Graphics;

/** How far, in pixels, a circle's drawn edge may stray inside the true circle. */
const STRAY = 0.2;

/**
 * How many sides a circle of radius `r` is drawn with: the fewest whose edges stray at most STRAY pixels
 * (a chord of angle 2π/n falls r·(1 − cos(π/n)) ≈ r·π²/2n² short of the arc), and at least eight. Phaser's
 * own circles have a hundred sides whatever their size, so ten strikes' flashes and smoke made some ten
 * thousand triangles a frame, which a software rasteriser pays for one by one.
 */
export function sides(r: number): number {
  return Math.max(8, Math.ceil(Math.PI * Math.sqrt(Math.max(0, r) / (2 * STRAY))));
}

/**
 * Draws shapes into a Graphics and keeps the box around what it drew since the last `take()`. Its only
 * filled paths are discs: the map fills them as fans (fan-fill.ts), which is right for convex shapes only.
 */
export class Pen {
  private readonly bounds = new Bounds();
  /** Half the current line width: how far a stroke reaches past its path. */
  private reach = 0;

  constructor(private readonly g: G) {}

  /** Sets the fill of the shapes that follow. */
  fill(colour: number, alpha = 1): this {
    this.g.fillStyle(colour, alpha);
    return this;
  }

  /** Sets the line of the strokes that follow. */
  line(width: number, colour: number, alpha = 1): this {
    this.g.lineStyle(width, colour, alpha);
    this.reach = width / 2;
    return this;
  }

  /** A filled circle. */
  disc(x: number, y: number, r: number): this {
    this.g.fillEllipse(x, y, 2 * r, 2 * r, sides(r));
    return this.cover(x - r, y - r, x + r, y + r);
  }

  /** A circle outlined with the current line. */
  ring(x: number, y: number, r: number): this {
    this.g.strokeEllipse(x, y, 2 * r, 2 * r, sides(r));
    const e = r + this.reach;
    return this.cover(x - e, y - e, x + e, y + e);
  }

  /** A filled rectangle. */
  rect(x: number, y: number, width: number, height: number): this {
    this.g.fillRect(x, y, width, height);
    return this.cover(x, y, x + width, y + height);
  }

  /** A stroke through `points` with the current line. */
  stroke(points: readonly Point[]): this {
    const [first, ...rest] = points;
    if (!first) return this;
    this.g.beginPath();
    this.g.moveTo(first.x, first.y);
    for (const p of rest) this.g.lineTo(p.x, p.y);
    this.g.strokePath();
    // Phaser strokes each segment as a quad half the width either side and joins segments by a quad
    // between their corners (no mitres), so nothing reaches farther than that from a point.
    const e = this.reach;
    for (const p of points) this.cover(p.x - e, p.y - e, p.x + e, p.y + e);
    return this;
  }

  /** Forgets everything drawn: the Graphics and the box. */
  clear(): this {
    this.g.clear();
    this.take();
    return this;
  }

  /** The box around what was drawn since the last call (undefined if nothing), and starts a new one. */
  take(): Rect | undefined {
    return this.bounds.take();
  }

  private cover(x0: number, y0: number, x1: number, y1: number): this {
    this.bounds.cover(x0, y0, x1, y1);
    return this;
  }
}

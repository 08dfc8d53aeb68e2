// What a frame draws: all of the canvas, or only the box where animations were and are. While only
// animations move, everything else on the canvas is as the frame before left it; in software WebGL each
// pixel drawn is paid for on the CPU, and the map's picture alone, drawn over the whole canvas, took
// about a third of a frame's budget. The box is drawn by the main camera with its viewport shrunk to the
// box and its scroll moved by as much, so the scene stays where it was and the camera's scissor clips
// the drawing to the box. Needs a drawing buffer kept between frames (the game's `preserveDrawingBuffer`).
import type * as Phaser from 'phaser';
import type { Rect } from './camera.ts';

/** Pixels added around the box: for antialiased edges and sub-pixel rounding. */
const MARGIN = 2;

/** The box around everything added to it since it was last taken. */
export class Bounds {
  private x0 = Number.POSITIVE_INFINITY;
  private y0 = Number.POSITIVE_INFINITY;
  private x1 = Number.NEGATIVE_INFINITY;
  private y1 = Number.NEGATIVE_INFINITY;

  /** Grows the box to cover the corners (x0, y0) and (x1, y1); an inverted or NaN span adds nothing. */
  cover(x0: number, y0: number, x1: number, y1: number): this {
    if (!(x0 <= x1 && y0 <= y1)) return this;
    this.x0 = Math.min(this.x0, x0);
    this.y0 = Math.min(this.y0, y0);
    this.x1 = Math.max(this.x1, x1);
    this.y1 = Math.max(this.y1, y1);
    return this;
  }

  /** The box (undefined if nothing was covered), and starts an empty one. */
  take(): Rect | undefined {
    const box =
      this.x1 >= this.x0 && this.y1 >= this.y0
        ? { x: this.x0, y: this.y0, width: this.x1 - this.x0, height: this.y1 - this.y0 }
        : undefined;
    this.x0 = this.y0 = Number.POSITIVE_INFINITY;
    this.x1 = this.y1 = Number.NEGATIVE_INFINITY;
    return box;
  }
}

/**
 * One box around all of `boxes`, grown by a margin, snapped out to whole pixels and clipped to the canvas
 * of `width` × `height`; undefined when that leaves nothing. One box, not one per animation: in
 * SwiftShader here, drawing the scene once per box cost more than the pixels the boxes saved.
 */
export function damage(boxes: readonly Rect[], width: number, height: number): Rect | undefined {
  const bounds = new Bounds();
  for (const b of boxes)
    bounds.cover(
      Math.max(0, Math.floor(b.x - MARGIN)),
      Math.max(0, Math.floor(b.y - MARGIN)),
      Math.min(width, Math.ceil(b.x + b.width + MARGIN)),
      Math.min(height, Math.ceil(b.y + b.height + MARGIN)),
    );
  const box = bounds.take();
  return box && box.width > 0 && box.height > 0 ? box : undefined;
}

/** Sets up the scene's main camera to draw the next frame whole or in a box. */
export class Redraw {
  private readonly camera: Phaser.Cameras.Scene2D.Camera;
  private readonly config: { clearBeforeRender: boolean };

  constructor(
    scene: Phaser.Scene,
    private readonly width: number,
    private readonly height: number,
  ) {
    this.camera = scene.cameras.main;
    // Read by the renderer at the start of every frame.
    this.config = (scene.sys.renderer as unknown as { config: { clearBeforeRender: boolean } }).config;
  }

  /** The next frame clears the canvas and draws all of it. */
  whole(): void {
    this.config.clearBeforeRender = true;
    this.camera.setVisible(true).setViewport(0, 0, this.width, this.height).setScroll(0, 0);
  }

  /** The next frame draws only inside `box` (whole canvas pixels), and nothing at all without one. */
  only(box: Rect | undefined): void {
    this.config.clearBeforeRender = false;
    this.camera.setVisible(box !== undefined);
    if (box) this.camera.setViewport(box.x, box.y, box.width, box.height).setScroll(box.x, box.y);
  }
}

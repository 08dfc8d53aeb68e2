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

/**
 * One box around all of `boxes`, grown by a margin, snapped out to whole pixels and clipped to the canvas
 * of `width` × `height`; undefined when that leaves nothing. One box, not one per animation: in
 * SwiftShader here, drawing the scene once per box cost more than the pixels the boxes saved.
 */
export function damage(boxes: readonly Rect[], width: number, height: number): Rect | undefined {
  let x0 = Number.POSITIVE_INFINITY;
  let y0 = Number.POSITIVE_INFINITY;
  let x1 = Number.NEGATIVE_INFINITY;
  let y1 = Number.NEGATIVE_INFINITY;
  for (const b of boxes) {
    x0 = Math.min(x0, b.x);
    y0 = Math.min(y0, b.y);
    x1 = Math.max(x1, b.x + b.width);
    y1 = Math.max(y1, b.y + b.height);
  }
  x0 = Math.max(0, Math.floor(x0 - MARGIN));
  y0 = Math.max(0, Math.floor(y0 - MARGIN));
  x1 = Math.min(width, Math.ceil(x1 + MARGIN));
  y1 = Math.min(height, Math.ceil(y1 + MARGIN));
  return x1 > x0 && y1 > y0 ? { x: x0, y: y0, width: x1 - x0, height: y1 - y0 } : undefined;
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

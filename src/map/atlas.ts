// Every name and icon the map draws, rasterised once into one canvas that becomes one texture, with a
// frame for each. A Phaser Text object is a texture of its own: the map's three dozen names made as many
// textures, uploaded one by one at start-up, and batches of up to sixteen textures, each size of batch
// compiling its own variant of Phaser's quad shader (four variants, 20-30 ms of linking each in software
// WebGL) and choosing among its textures for every pixel. From one texture, every name is drawn by one
// variant.
import type * as Phaser from 'phaser';
import { drawPlain } from './plain-quads.ts';

/** How a text is drawn: a CSS font, a fill colour, and optionally an outline and a box behind it. */
export interface AtlasStyle {
  /** A CSS font without the family, e.g. `bold 13px` or `italic 12px`. */
  font: string;
  colour: string;
  stroke?: { colour: string; width: number };
  /** A box behind the text, `pad` pixels round it; rounded by `radius`, edged by `border` inside it. */
  background?: {
    colour: string;
    padX: number;
    padY: number;
    radius?: number;
    border?: { colour: string; width: number };
  };
}

/** One text to rasterise, under a frame name unique in the atlas. */
export interface TextEntry {
  frame: string;
  text: string;
  style: AtlasStyle;
  /** Texels per pixel: 2 for what is baked into the supersampled picture, 1 for what is drawn live. */
  scale: number;
}

/** One drawing to rasterise: `draw` paints a `w` × `h` pixel frame whose top-left corner is at (0, 0). */
export interface DrawnEntry {
  frame: string;
  w: number;
  h: number;
  draw: (ctx: CanvasRenderingContext2D) => void;
  /** Texels per pixel, as for a text. */
  scale: number;
}

/** What the atlas holds: texts, and drawings such as the places' icons (icons.ts). */
export type AtlasEntry = TextEntry | DrawnEntry;

/** The family of every name on the map. */
export const FONT_FAMILY = 'system-ui, "Segoe UI", Roboto, sans-serif';

/** Empty texels around each frame, so that filtering never reaches a neighbour's glyphs. */
const GAP = 2;
/** The atlas's width in texels; it grows downwards as far as it needs. */
const WIDTH = 1024;

/** An entry's place in the atlas. */
export interface Placed {
  x: number;
  y: number;
  /** Size in pixels, as laid out on the map. */
  w: number;
  h: number;
  entry: AtlasEntry;
  /** A text's CSS font, with its family. */
  font: string;
  /** Where a text's baseline starts, in pixels from the frame's corner. */
  tx: number;
  ty: number;
}

/**
 * Every text and drawing of the map measured, packed and drawn into one canvas: no Phaser needed, so that
 * it is done while Phaser loads (prepare.ts).
 */
export interface NameRaster {
  canvas: HTMLCanvasElement;
  /** Where each frame is in the canvas, by frame name. */
  placed: ReadonlyMap<string, Placed>;
}

/** Measures, packs and draws `entries` into a canvas. */
export function rasteriseNames(entries: readonly AtlasEntry[]): NameRaster {
  const placed = new Map<string, Placed>();
  const canvas = document.createElement('canvas');
  // A canvas kept in memory, not on the GPU: it is drawn once and uploaded once, and a GPU canvas would
  // be read back for the upload (the names took 110-165 ms to make in software WebGL here, now 50-90).
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) throw new Error('map: no 2D canvas to draw the place names with');
  // Measure and pack in rows, left to right.
  let x = GAP;
  let y = GAP;
  let rowH = 0;
  for (const entry of entries) {
    if (placed.has(entry.frame)) throw new Error(`map: two names share the frame "${entry.frame}"`);
    const { w, h, font, tx, ty } =
      'draw' in entry ? { w: entry.w, h: entry.h, font: '', tx: 0, ty: 0 } : measure(ctx, entry);
    const scale = entry.scale;
    const tw = w * scale;
    const th = h * scale;
    if (x + tw + GAP > WIDTH) {
      x = GAP;
      y += rowH + GAP;
      rowH = 0;
    }
    placed.set(entry.frame, { x, y, w, h, entry, font, tx, ty });
    x += tw + GAP;
    rowH = Math.max(rowH, th);
  }
  canvas.width = WIDTH;
  canvas.height = Math.max(1, y + rowH + GAP);
  // Resizing reset the context: set the drawing state only now.
  ctx.lineJoin = 'round';
  ctx.textBaseline = 'alphabetic';
  for (const p of placed.values()) {
    ctx.save();
    ctx.translate(p.x, p.y);
    ctx.scale(p.entry.scale, p.entry.scale);
    if ('draw' in p.entry) p.entry.draw(ctx);
    else drawText(ctx, p, p.entry);
    ctx.restore();
  }
  return { canvas, placed };
}

/** A text's frame size in pixels, and where its baseline starts in it. */
function measure(
  ctx: CanvasRenderingContext2D,
  entry: TextEntry,
): { w: number; h: number; font: string; tx: number; ty: number } {
  const { style } = entry;
  const font = `${style.font} ${FONT_FAMILY}`;
  ctx.font = font;
  const m = ctx.measureText(entry.text);
  const stroke = style.stroke?.width ?? 0;
  const padX = style.background?.padX ?? 0;
  const padY = style.background?.padY ?? 0;
  return {
    w: Math.ceil(m.width + stroke + 2 * padX),
    h: Math.ceil(m.fontBoundingBoxAscent + m.fontBoundingBoxDescent + stroke + 2 * padY),
    font,
    tx: padX + stroke / 2,
    ty: padY + stroke / 2 + m.fontBoundingBoxAscent,
  };
}

/** Draws a text entry, and its box, into its frame (the context is at the frame's corner and scale). */
function drawText(ctx: CanvasRenderingContext2D, p: Placed, { style, text }: TextEntry): void {
  const box = style.background;
  if (box) {
    ctx.fillStyle = box.colour;
    // The border lies inside the frame: stroked on a path inset by half its width.
    const inset = (box.border?.width ?? 0) / 2;
    ctx.beginPath();
    ctx.roundRect(inset, inset, p.w - 2 * inset, p.h - 2 * inset, box.radius ?? 0);
    ctx.fill();
    if (box.border) {
      ctx.strokeStyle = box.border.colour;
      ctx.lineWidth = box.border.width;
      ctx.stroke();
    }
  }
  ctx.font = p.font;
  if (style.stroke) {
    ctx.strokeStyle = style.stroke.colour;
    ctx.lineWidth = style.stroke.width;
    ctx.strokeText(text, p.tx, p.ty);
  }
  ctx.fillStyle = style.colour;
  ctx.fillText(text, p.tx, p.ty);
}

/** One texture holding every text and drawing of the map. */
export class TextAtlas {
  private readonly placed: ReadonlyMap<string, Placed>;

  /** Adds the atlas's canvas to the scene's textures under `key`, with a frame per entry. */
  constructor(
    scene: Phaser.Scene,
    readonly key: string,
    raster: NameRaster,
  ) {
    this.placed = raster.placed;
    const texture = scene.textures.addCanvas(key, raster.canvas);
    if (!texture) throw new Error(`map: could not make the texture "${key}"`);
    for (const [frame, p] of this.placed)
      texture.add(frame, 0, p.x, p.y, p.w * p.entry.scale, p.h * p.entry.scale);
  }

  /**
   * An image of a frame's text, shown at one pixel per pixel of layout whatever its texels; without a
   * frame, an image to give one later (`setFrame`) among the frames made at one texel a pixel.
   */
  image(scene: Phaser.Scene, frame?: string): Phaser.GameObjects.Image {
    const scale = (frame && this.placed.get(frame)?.entry.scale) || 1;
    return drawPlain(scene.add.image(0, 0, this.key, frame).setScale(1 / scale));
  }
}

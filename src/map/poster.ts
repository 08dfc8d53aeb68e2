// The map's opening view drawn on a plain 2D canvas from what was prepared while Phaser loads
// (prepare.ts), shown at once until Phaser's first frame takes its place. Phaser is most of the game's
// code: in software WebGL here its first frame was on screen some 300 ms after the map was prepared.
// The poster shows the same map meanwhile, drawn from the same shapes, line styles, atlas and layout as
// the Phaser map, so that the change goes unseen but for the edges of lines and glyphs. It answers no
// pointer or key: the map takes them once Phaser has started.
import { css, palette } from './colour.ts';
import { arrowFrame, iconFrame } from './icons.ts';
import { layoutOverlay } from './layout.ts';
import { countryNameAlpha, frame, overlayItems } from './names.ts';
import type { PreparedMap } from './prepare.ts';
import { dashes, LINE_STYLE } from './stroke-mesh.ts';

/**
 * Draws the opening view (zoom 1, unmoved, calm) of a prepared map on a new canvas of the map's size:
 * the base map as baked into the picture (base-map.ts), then the overlay (overlay.ts). Undefined for a
 * map without real borders (its graticule and notice wait for Phaser) or where a 2D canvas is refused.
 */
export function drawPoster(prepared: PreparedMap): HTMLCanvasElement | undefined {
  const { model, shapes, names } = prepared;
  if (!prepared.hasBorders) return undefined;
  const canvas = document.createElement('canvas');
  canvas.width = model.width;
  canvas.height = model.height;
  // Drawn on the CPU: drawn on the GPU, the same fills kept software WebGL busy ~250 ms longer here, and
  // Phaser's first frame waited behind them.
  const ctx = canvas.getContext('2d', { willReadFrequently: true });
  if (!ctx) return undefined;
  ctx.fillStyle = css(palette.sea);
  ctx.fillRect(0, 0, model.width, model.height);
  // At zoom 1 a world pixel is a canvas pixel. A ring filled whole covers what its triangles cover.
  for (const c of shapes.countries) fill(ctx, c.rings, c.fill);
  // The lines at zoom 1, as the Phaser map draws them (stroke-mesh.ts), stroked whole.
  const { focusOutline, outline, glow, dashes: dash } = LINE_STYLE;
  for (const c of shapes.countries) stroke(ctx, c.outline, c.focus ? focusOutline : outline);
  stroke(ctx, shapes.borders, glow);
  stroke(
    ctx,
    shapes.borders.flatMap((line) => dashes(line, dash.on, dash.off)),
    dash,
  );

  const laid = layoutOverlay(overlayItems(model, shapes.labels, names.raster), (p) => p);
  const draw = (name: string, x: number, y: number, originX = 0.5, originY = 0.5, alpha = 1) => {
    const p = names.raster.placed.get(name);
    if (!p) return;
    const k = p.entry.scale;
    ctx.globalAlpha = alpha;
    ctx.drawImage(
      names.raster.canvas,
      p.x,
      p.y,
      p.w * k,
      p.h * k,
      x - originX * p.w,
      y - originY * p.h,
      p.w,
      p.h,
    );
    ctx.globalAlpha = 1;
  };
  // Bottom to top, as in the overlay: country names, icons, badges, then the place names drawn live.
  shapes.labels.forEach((label, i) => {
    const c = laid.countries[i];
    if (c) draw(frame.country(i), c.x, c.y, 0.5, 0.5, countryNameAlpha(label));
  });
  model.places.forEach((place, i) => {
    const at = laid.icons[i];
    if (at) draw(iconFrame(place), at.x, at.y);
  });
  model.badges.forEach((badge, i) => {
    const spot = laid.badges[i];
    if (!spot) return;
    if (spot.arrow) {
      ctx.save();
      ctx.translate(spot.arrow.x, spot.arrow.y);
      ctx.rotate(spot.arrow.angle);
      draw(arrowFrame(badge.colour), 0, 0, 0, 0.5);
      ctx.restore();
    }
    draw(frame.badge(badge.id), spot.centre.x, spot.centre.y);
  });
  model.places.forEach((place, i) => {
    const at = laid.placeNames[i];
    if (at) draw(frame.place(place.id), at.x, at.y, 0, 0);
  });
  return canvas;
}

/** Fills closed rings (flat x, y) in one path. */
function fill(ctx: CanvasRenderingContext2D, rings: readonly number[][], colour: number): void {
  ctx.beginPath();
  for (const ring of rings) {
    ctx.moveTo(ring[0] ?? 0, ring[1] ?? 0);
    for (let i = 2; i + 1 < ring.length; i += 2) ctx.lineTo(ring[i] ?? 0, ring[i + 1] ?? 0);
    ctx.closePath();
  }
  ctx.fillStyle = css(colour);
  ctx.fill();
}

/** Strokes open lines (flat x, y) in one path, in a style of LINE_STYLE. */
function stroke(
  ctx: CanvasRenderingContext2D,
  lines: readonly number[][],
  { width, colour, alpha }: { width: number; colour: number; alpha: number },
): void {
  ctx.beginPath();
  for (const line of lines) {
    ctx.moveTo(line[0] ?? 0, line[1] ?? 0);
    for (let i = 2; i + 1 < line.length; i += 2) ctx.lineTo(line[i] ?? 0, line[i + 1] ?? 0);
  }
  ctx.globalAlpha = alpha;
  ctx.lineWidth = width;
  ctx.strokeStyle = css(colour);
  ctx.stroke();
  ctx.globalAlpha = 1;
}

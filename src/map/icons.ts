// One icon per kind of location, and the arrow of a badge, drawn once into the names' atlas (atlas.ts)
// at the bake's resolution. The map then shows each as an image: drawing them with Phaser's Graphics at
// every bake cost the first bake ~45 ms of its ~125 here, most of it compiling Graphics' code the first
// time it ran. Needs no Phaser: drawn while Phaser loads (prepare.ts).
import type { DrawnEntry } from './atlas.ts';
import { css, palette } from './colour.ts';
import type { Place } from './model.ts';

/** An icon's frame is ICON × ICON pixels with the icon centred in it: room for the largest, the gate. */
const ICON = 26;

/** The frame of a place's icon as it is now: one per kind, colour and (for crossings) state. */
export function iconFrame(place: Pick<Place, 'kind' | 'colour' | 'open'>): string {
  const open = place.kind === 'crossing' ? `:${(place.open ?? true) ? 'open' : 'closed'}` : '';
  return `icon:${place.kind}:${place.colour}${open}`;
}

/** The frame of a badge's arrow in `colour`. */
export function arrowFrame(colour: number): string {
  return `arrow:${colour}`;
}

/** The arrow's frame: a triangle 7 pixels long and 10 wide, pointing right from the middle of its left edge. */
const ARROW = { w: 8, h: 12 } as const;

/**
 * The atlas entries for the icons of `places` (both states of a crossing, which can change) and the
 * arrows of badges in `badgeColours`, drawn at `scale` texels a pixel.
 */
export function iconEntries(
  places: readonly Place[],
  badgeColours: readonly number[],
  scale: number,
): DrawnEntry[] {
  const entries = new Map<string, DrawnEntry>();
  for (const place of places)
    for (const open of place.kind === 'crossing' ? [true, false] : [undefined]) {
      const variant = { kind: place.kind, colour: place.colour, open };
      const frame = iconFrame(variant);
      entries.set(frame, {
        frame,
        w: ICON,
        h: ICON,
        scale,
        draw: (ctx) => drawIcon(ctx, variant, ICON / 2, ICON / 2),
      });
    }
  for (const colour of badgeColours)
    entries.set(arrowFrame(colour), {
      frame: arrowFrame(colour),
      ...ARROW,
      scale,
      draw: (ctx) => {
        ctx.fillStyle = css(colour);
        fillPath(ctx, [0, ARROW.h / 2 - 5, 7, ARROW.h / 2, 0, ARROW.h / 2 + 5]);
      },
    });
  return [...entries.values()];
}

/** Draws the icon of a place's kind, colour and state centred on (x, y). */
function drawIcon(
  ctx: CanvasRenderingContext2D,
  place: Pick<Place, 'kind' | 'colour' | 'open'>,
  x: number,
  y: number,
): void {
  const c = place.colour;
  const edge = palette.ink;
  switch (place.kind) {
    case 'capital':
      star(ctx, x, y, 9, 4, c, edge);
      break;
    case 'city':
      circle(ctx, x, y, 4.5, c, 1.5, palette.halo);
      break;
    case 'province':
      poly(ctx, [x, y - 7, x + 7, y, x, y + 7, x - 7, y], c, 0.55, edge);
      break;
    case 'military-post':
      poly(ctx, [x, y - 8, x + 7, y + 5, x - 7, y + 5], c, 1, edge);
      break;
    case 'crossing':
      gate(ctx, x, y, place.open ?? true);
      break;
    case 'airbase':
      circle(ctx, x, y, 7, palette.halo, 1.5, c);
      line(ctx, 2.5, c, [x - 5, y, x + 5, y], [x, y - 5, x, y + 5]);
      break;
    case 'camp':
      poly(ctx, [x, y - 7, x + 8, y + 6, x - 8, y + 6], palette.halo, 1, c);
      line(ctx, 1.5, c, [x, y - 7, x, y + 6]);
      break;
    default:
      circle(ctx, x, y, 4, palette.halo, 2, c);
  }
}

/** A border gate: two posts and a bar, green and raised when open, red and crossed when closed. */
function gate(ctx: CanvasRenderingContext2D, x: number, y: number, open: boolean): void {
  const colour = open ? palette.open : palette.closed;
  ctx.beginPath();
  ctx.roundRect(x - 10, y - 7, 20, 14, 3);
  ctx.fillStyle = css(palette.halo);
  ctx.fill();
  ctx.lineWidth = 1;
  ctx.strokeStyle = css(palette.ink);
  ctx.stroke();
  ctx.fillStyle = css(palette.ink);
  ctx.fillRect(x - 8, y - 5, 2, 10);
  ctx.fillRect(x + 6, y - 5, 2, 10);
  if (open) {
    line(ctx, 3, colour, [x - 6, y + 1, x + 4, y - 5]);
  } else {
    ctx.fillStyle = css(colour);
    ctx.fillRect(x - 7, y - 2, 14, 4);
    line(ctx, 2, colour, [x - 4, y - 6, x + 4, y + 6], [x + 4, y - 6, x - 4, y + 6]);
  }
}

function star(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  outer: number,
  inner: number,
  fill: number,
  edge: number,
): void {
  const pts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  poly(ctx, pts, fill, 1, edge);
}

/** A filled polygon with a 1.5-pixel edge; `alpha` applies to the fill only. */
function poly(ctx: CanvasRenderingContext2D, pts: number[], fill: number, alpha: number, edge: number): void {
  ctx.fillStyle = css(fill);
  ctx.globalAlpha = alpha;
  fillPath(ctx, pts);
  ctx.globalAlpha = 1;
  ctx.lineWidth = 1.5;
  ctx.strokeStyle = css(edge);
  ctx.stroke();
}

/** Fills the closed path through the flat points `pts`, leaving it as the current path. */
function fillPath(ctx: CanvasRenderingContext2D, pts: number[]): void {
  ctx.beginPath();
  ctx.moveTo(pts[0] ?? 0, pts[1] ?? 0);
  for (let i = 2; i + 1 < pts.length; i += 2) ctx.lineTo(pts[i] ?? 0, pts[i + 1] ?? 0);
  ctx.closePath();
  ctx.fill();
}

/** A filled circle with an edge `width` wide. */
function circle(
  ctx: CanvasRenderingContext2D,
  x: number,
  y: number,
  r: number,
  fill: number,
  width: number,
  edge: number,
): void {
  ctx.beginPath();
  ctx.arc(x, y, r, 0, 2 * Math.PI);
  ctx.fillStyle = css(fill);
  ctx.fill();
  ctx.lineWidth = width;
  ctx.strokeStyle = css(edge);
  ctx.stroke();
}

/** Straight segments `width` wide, each given as [x0, y0, x1, y1]. */
function line(ctx: CanvasRenderingContext2D, width: number, colour: number, ...segments: number[][]): void {
  ctx.lineWidth = width;
  ctx.strokeStyle = css(colour);
  ctx.beginPath();
  for (const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] of segments) {
    ctx.moveTo(x0, y0);
    ctx.lineTo(x1, y1);
  }
  ctx.stroke();
}

// One icon per kind of location, drawn with Graphics at a screen point.
import type * as Phaser from 'phaser';
import { palette } from './colour.ts';
import type { Place } from './model.ts';

type G = Phaser.GameObjects.Graphics;

/** Draws the icon of `place` centred on (x, y) in screen pixels. */
export function drawIcon(g: G, place: Place, x: number, y: number): void {
  const c = place.colour;
  const edge = palette.ink;
  switch (place.kind) {
    case 'capital':
      star(g, x, y, 9, 4, c, edge);
      break;
    case 'city':
      g.fillStyle(c, 1).fillCircle(x, y, 4.5);
      g.lineStyle(1.5, palette.halo, 1).strokeCircle(x, y, 4.5);
      break;
    case 'province':
      poly(g, [x, y - 7, x + 7, y, x, y + 7, x - 7, y], c, 0.55, edge);
      break;
    case 'military-post':
      poly(g, [x, y - 8, x + 7, y + 5, x - 7, y + 5], c, 1, edge);
      break;
    case 'crossing':
      gate(g, x, y, place.open ?? true);
      break;
    case 'airbase':
      g.fillStyle(palette.halo, 1).fillCircle(x, y, 7);
      g.lineStyle(1.5, c, 1).strokeCircle(x, y, 7);
      g.lineStyle(2.5, c, 1)
        .lineBetween(x - 5, y, x + 5, y)
        .lineBetween(x, y - 5, x, y + 5);
      break;
    case 'camp':
      poly(g, [x, y - 7, x + 8, y + 6, x - 8, y + 6], palette.halo, 1, c);
      g.lineStyle(1.5, c, 1).lineBetween(x, y - 7, x, y + 6);
      break;
    default:
      g.fillStyle(palette.halo, 1).fillCircle(x, y, 4);
      g.lineStyle(2, c, 1).strokeCircle(x, y, 4);
  }
}

/** A border gate: two posts and a bar, green and raised when open, red and crossed when closed. */
function gate(g: G, x: number, y: number, open: boolean): void {
  const colour = open ? palette.open : palette.closed;
  g.fillStyle(palette.halo, 1).fillRoundedRect(x - 10, y - 7, 20, 14, 3);
  g.lineStyle(1, palette.ink, 1).strokeRoundedRect(x - 10, y - 7, 20, 14, 3);
  g.fillStyle(palette.ink, 1)
    .fillRect(x - 8, y - 5, 2, 10)
    .fillRect(x + 6, y - 5, 2, 10);
  if (open) {
    g.lineStyle(3, colour, 1).lineBetween(x - 6, y + 1, x + 4, y - 5);
  } else {
    g.fillStyle(colour, 1).fillRect(x - 7, y - 2, 14, 4);
    g.lineStyle(2, colour, 1)
      .lineBetween(x - 4, y - 6, x + 4, y + 6)
      .lineBetween(x + 4, y - 6, x - 4, y + 6);
  }
}

function star(g: G, x: number, y: number, outer: number, inner: number, fill: number, edge: number): void {
  const pts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(x + r * Math.cos(a), y + r * Math.sin(a));
  }
  poly(g, pts, fill, 1, edge);
}

function poly(g: G, pts: number[], fill: number, alpha: number, edge: number): void {
  g.fillStyle(fill, alpha);
  g.beginPath();
  g.moveTo(pts[0] ?? 0, pts[1] ?? 0);
  for (let i = 2; i + 1 < pts.length; i += 2) g.lineTo(pts[i] ?? 0, pts[i + 1] ?? 0);
  g.closePath();
  g.fillPath();
  g.lineStyle(1.5, edge, 1);
  g.strokePath();
}

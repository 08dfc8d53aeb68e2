// One icon per kind of location, drawn with Phaser's Graphics centred on (0, 0): the overlay gives each
// place a Graphics of its own and moves it to the place (overlay.ts), and draws a crossing's again when
// it opens or closes.
import type * as Phaser from 'phaser';
import { palette } from './colour.ts';
import type { Place } from './model.ts';

type G = Phaser.GameObjects.Graphics;

/** Draws the icon of a place's kind, colour and state, centred on (0, 0). */
export function drawIcon(g: G, place: Pick<Place, 'kind' | 'colour' | 'open'>): G {
  const c = place.colour;
  const edge = palette.ink;
  g.clear();
  switch (place.kind) {
    case 'capital':
      return poly(g, star(9, 4), c, 1, edge);
    case 'city':
      return circle(g, 4.5, c, 1.5, palette.halo);
    case 'province':
      return poly(g, [0, -7, 7, 0, 0, 7, -7, 0], c, 0.55, edge);
    case 'military-post':
      return poly(g, [0, -8, 7, 5, -7, 5], c, 1, edge);
    case 'crossing':
      return gate(g, place.open ?? true);
    case 'airbase':
      circle(g, 7, palette.halo, 1.5, c);
      return g.lineStyle(2.5, c).lineBetween(-5, 0, 5, 0).lineBetween(0, -5, 0, 5);
    case 'camp':
      poly(g, [0, -7, 8, 6, -8, 6], palette.halo, 1, c);
      return g.lineStyle(1.5, c).lineBetween(0, -7, 0, 6);
    default:
      return circle(g, 4, palette.halo, 2, c);
  }
}

/** A border gate: two posts and a bar, green and raised when open, red and crossed when closed. */
function gate(g: G, open: boolean): G {
  const colour = open ? palette.open : palette.closed;
  g.fillStyle(palette.halo).fillRoundedRect(-10, -7, 20, 14, 3);
  g.lineStyle(1, palette.ink).strokeRoundedRect(-10, -7, 20, 14, 3);
  g.fillStyle(palette.ink).fillRect(-8, -5, 2, 10).fillRect(6, -5, 2, 10);
  if (open) return g.lineStyle(3, colour).lineBetween(-6, 1, 4, -5);
  g.fillStyle(colour).fillRect(-7, -2, 14, 4);
  return g.lineStyle(2, colour).lineBetween(-4, -6, 4, 6).lineBetween(4, -6, -4, 6);
}

/** The points of a five-pointed star, flat, point up (the map's capitals and the legend's). */
export function star(outer: number, inner: number): number[] {
  const pts: number[] = [];
  for (let i = 0; i < 10; i++) {
    const r = i % 2 === 0 ? outer : inner;
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    pts.push(r * Math.cos(a), r * Math.sin(a));
  }
  return pts;
}

/** A filled polygon (flat points) with a 1.5-pixel edge; `alpha` applies to the fill only. */
function poly(g: G, flat: number[], fill: number, alpha: number, edge: number): G {
  g.beginPath().moveTo(flat[0] ?? 0, flat[1] ?? 0);
  for (let i = 2; i + 1 < flat.length; i += 2) g.lineTo(flat[i] ?? 0, flat[i + 1] ?? 0);
  return g.closePath().fillStyle(fill, alpha).fillPath().lineStyle(1.5, edge).strokePath();
}

/** A filled circle with an edge `width` wide. */
function circle(g: G, r: number, fill: number, width: number, edge: number): G {
  return g.fillStyle(fill).fillCircle(0, 0, r).lineStyle(width, edge).strokeCircle(0, 0, r);
}

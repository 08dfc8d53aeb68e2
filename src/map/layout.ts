// Where screen-space things go: labels beside their icons without overlapping, and badges
// pinned to the edge of the view in the direction of their real place, stacked apart; and the
// whole overlay laid out for a view.
import type { Point } from './camera.ts';

/** An axis-aligned box in screen pixels (top-left corner and size). */
export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The box of half sizes `halfW` × `halfH` centred on `c`. */
export function boxAround(c: Point, halfW: number, halfH = halfW): Box {
  return { x: c.x - halfW, y: c.y - halfH, w: 2 * halfW, h: 2 * halfH };
}

/** A label to place beside an icon at `at`; lower `rank` is placed first. */
export interface LabelItem {
  at: Point;
  w: number;
  h: number;
  rank: number;
  /** Half the icon's size: the gap between icon centre and label. */
  gap: number;
}

/** Half the box an icon keeps clear of labels. */
const ICON = 7;

/**
 * Top-left corners for the labels inside a `width` × `height` view, most important first (greedy):
 * the first free spot of right, left, above, below and the four corners, clear of every icon, of the
 * labels placed before and of `obstacles` (the mediators' badges). A label with no free spot is left out
 * (undefined) rather than drawn over another: its place keeps its icon and tooltip, and zooming in makes
 * room for it.
 */
export function placeLabels(
  items: readonly LabelItem[],
  width = Infinity,
  height = Infinity,
  obstacles: readonly Box[] = [],
): (Point | undefined)[] {
  const taken: Box[] = [...items.map((i) => boxAround(i.at, ICON)), ...obstacles];
  const out: (Point | undefined)[] = items.map(() => undefined);
  const view = { x: 0, y: 0, w: width, h: height };
  const order = items.map((_, i) => i).sort((a, b) => (items[a]?.rank ?? 0) - (items[b]?.rank ?? 0));
  for (const i of order) {
    const it = items[i];
    if (!it) continue;
    const { at, w, h, gap } = it;
    // Corners sit a little closer in than the sides, so a corner label still reads as its place's.
    const d = Math.max(ICON, gap * 0.7);
    const candidates: Box[] = [
      { x: at.x + gap, y: at.y - h / 2, w, h },
      { x: at.x - gap - w, y: at.y - h / 2, w, h },
      { x: at.x - w / 2, y: at.y - gap - h, w, h },
      { x: at.x - w / 2, y: at.y + gap, w, h },
      { x: at.x + d, y: at.y - d - h, w, h },
      { x: at.x + d, y: at.y + d, w, h },
      { x: at.x - d - w, y: at.y - d - h, w, h },
      { x: at.x - d - w, y: at.y + d, w, h },
    ];
    const own = taken[i];
    const free = candidates.find(
      (c) => overlapArea(c, view) === c.w * c.h && taken.every((t) => t === own || overlapArea(c, t) === 0),
    );
    if (!free) continue;
    taken.push(free);
    out[i] = { x: free.x, y: free.y };
  }
  return out;
}

/**
 * How far from the centre of a box (half sizes `halfW` × `halfH`) a ray in direction (dx, dy) leaves
 * it: where a route from a badge starts, and where the badge's arrow sits. 0 for no direction.
 */
export function edge(halfW: number, halfH: number, dx: number, dy: number): number {
  const len = Math.hypot(dx, dy);
  if (len === 0) return 0;
  // The ray leaves through whichever side it reaches first.
  const ax = Math.abs(dx);
  const ay = Math.abs(dy);
  return Math.min(ax > 0 ? (halfW * len) / ax : Infinity, ay > 0 ? (halfH * len) / ay : Infinity);
}

function overlapArea(a: Box, b: Box): number {
  const w = Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x);
  const h = Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y);
  return w > 0 && h > 0 ? w * h : 0;
}

/** A badge: where its real place is on screen (usually far outside) and its half size. */
export interface BadgeItem {
  target: Point;
  halfW: number;
  halfH: number;
}

/** Centres of the badges, pinned inside a `width` × `height` view `margin` pixels from the edge. */
export function pinBadges(items: readonly BadgeItem[], width: number, height: number, margin = 12): Point[] {
  const cx = width / 2;
  const cy = height / 2;
  const pinned = items.map((b) => {
    const dx = b.target.x - cx;
    const dy = b.target.y - cy;
    const limX = cx - margin - b.halfW;
    const limY = cy - margin - b.halfH;
    const tx = Math.abs(dx) > 0 ? limX / Math.abs(dx) : Infinity;
    const ty = Math.abs(dy) > 0 ? limY / Math.abs(dy) : Infinity;
    const t = Math.min(1, tx, ty);
    // Which edge it sits on decides the axis along which crowded badges slide apart.
    const edge = t === 1 ? 'inside' : tx <= ty ? (dx < 0 ? 'left' : 'right') : dy < 0 ? 'top' : 'bottom';
    return { x: cx + dx * t, y: cy + dy * t, edge, ...b };
  });
  for (const edge of ['left', 'right', 'top', 'bottom'] as const) {
    const vertical = edge === 'left' || edge === 'right';
    const group = pinned.filter((p) => p.edge === edge).sort((a, b) => (vertical ? a.y - b.y : a.x - b.x));
    const size = (p: (typeof group)[number]) => (vertical ? p.halfH : p.halfW) + 3;
    const lo = margin;
    const hi = vertical ? height - margin : width - margin;
    const get = (p: (typeof group)[number]) => (vertical ? p.y : p.x);
    const set = (p: (typeof group)[number], v: number) => {
      if (vertical) p.y = v;
      else p.x = v;
    };
    // Push apart forwards, then back from the far end, so the stack stays inside the edge.
    let prev = -Infinity;
    for (const p of group) {
      const v = Math.max(get(p), prev + size(p), lo + size(p));
      set(p, v);
      prev = v + size(p);
    }
    let next = Infinity;
    for (const p of [...group].reverse()) {
      const v = Math.min(get(p), next - size(p), hi - size(p));
      set(p, v);
      next = v - size(p);
    }
  }
  return pinned.map((p) => ({ x: p.x, y: p.y }));
}

/** A width and height in screen pixels. */
export interface Size {
  w: number;
  h: number;
}

/** What the overlay lays out (overlay.ts): the places, badges and country names, and their frames' sizes. */
export interface OverlayItems {
  width: number;
  height: number;
  places: readonly { world: Point; kind: string }[];
  /** The size of each place's name, in the places' order. */
  placeNames: readonly Size[];
  badges: readonly { world: Point }[];
  /** The size of each badge's box, in the badges' order. */
  badgeBoxes: readonly Size[];
  countries: readonly { world: Point }[];
}

/** Where a badge goes: its box's centre and half size, and its arrow unless the box sits on its place. */
export interface BadgeSpot {
  centre: Point;
  halfW: number;
  halfH: number;
  /** Where the arrow's base sits on the box's edge, and its angle (radians) towards the real place. */
  arrow: { x: number; y: number; angle: number } | undefined;
}

/** The overlay laid out for one view, in screen pixels; each list in the order of its items. */
export interface OverlayLayout {
  /** Each place's icon centre. */
  icons: Point[];
  /** Each place name's top-left corner, in whole pixels; undefined when it has no free spot. */
  placeNames: (Point | undefined)[];
  badges: BadgeSpot[];
  /** Each country name's centre. */
  countries: Point[];
}

// Labels of the more important kinds are placed first and get the best spot.
const RANK = ['capital', 'crossing', 'military-post', 'airbase', 'city', 'camp', 'province', 'other'];

/**
 * Lays the overlay out for a view (`toScreen`: world to screen pixels): the badges first, pinned at the
 * edge towards their places, then the place names around their icons, clear of the badges.
 */
export function layoutOverlay(items: OverlayItems, toScreen: (p: Point) => Point): OverlayLayout {
  const icons = items.places.map((p) => toScreen(p.world));
  const badges = items.badges.map((b, i): BadgeItem => {
    const size = items.badgeBoxes[i] ?? { w: 0, h: 0 };
    return { target: toScreen(b.world), halfW: size.w / 2, halfH: size.h / 2 };
  });
  const centres = pinBadges(badges, items.width, items.height);
  const spots = badges.map((b, i): BadgeSpot => {
    const centre = centres[i] ?? b.target;
    const dx = b.target.x - centre.x;
    const dy = b.target.y - centre.y;
    const len = Math.hypot(dx, dy);
    // The arrow points from the box's edge towards the real place, unless the box is on it.
    const reach = edge(b.halfW, b.halfH, dx, dy);
    const arrow =
      len >= b.halfW
        ? { x: centre.x + (dx / len) * reach, y: centre.y + (dy / len) * reach, angle: Math.atan2(dy, dx) }
        : undefined;
    return { centre, halfW: b.halfW, halfH: b.halfH, arrow };
  });
  const labels: LabelItem[] = items.places.map((place, i) => ({
    at: icons[i] ?? { x: 0, y: 0 },
    w: items.placeNames[i]?.w ?? 0,
    h: items.placeNames[i]?.h ?? 0,
    rank: RANK.indexOf(place.kind),
    gap: place.kind === 'crossing' ? 12 : 9,
  }));
  const obstacles = spots.map((s) => boxAround(s.centre, s.halfW, s.halfH));
  // Whole pixels: drawn at one texel a pixel, a name between pixels would be filtered soft.
  const placeNames = placeLabels(labels, items.width, items.height, obstacles).map((p) =>
    p ? { x: Math.round(p.x), y: Math.round(p.y) } : undefined,
  );
  return { icons, placeNames, badges: spots, countries: items.countries.map((c) => toScreen(c.world)) };
}

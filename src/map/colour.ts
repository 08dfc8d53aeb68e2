// Colour helpers shared by the map's drawing modules.

/** Parses "#rrggbb" to 0xrrggbb; `fallback` when malformed. */
export function hex(colour: string | undefined, fallback: number): number {
  return colour && /^#[0-9a-fA-F]{6}$/.test(colour) ? Number.parseInt(colour.slice(1), 16) : fallback;
}

/** Mixes two 0xrrggbb colours: t = 0 gives `a`, t = 1 gives `b`. */
export function mix(a: number, b: number, t: number): number {
  const k = Math.max(0, Math.min(1, t));
  const ch = (shift: number) => {
    const x = (a >> shift) & 0xff;
    const y = (b >> shift) & 0xff;
    return Math.round(x + (y - x) * k) << shift;
  };
  return ch(16) | ch(8) | ch(0);
}

/** Formats 0xrrggbb as "#rrggbb" (for Text styles). */
export function css(colour: number): string {
  return `#${colour.toString(16).padStart(6, '0')}`;
}

/** WCAG 2 relative luminance of a 0xrrggbb colour: 0 for black, 1 for white. */
export function luminance(colour: number): number {
  const linear = (shift: number) => {
    const c = ((colour >> shift) & 0xff) / 255;
    return c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(16) + 0.7152 * linear(8) + 0.0722 * linear(0);
}

/** WCAG 2 contrast ratio of two colours, from 1 (the same) to 21 (black on white). */
export function contrast(a: number, b: number): number {
  const [x, y] = [luminance(a), luminance(b)];
  return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
}

/** The least contrast a governed country's fill keeps against the neighbours' grey, so it never reads as one of them. */
export const MIN_FILL_CONTRAST = 1.5;

/** How pale a governed country's fill starts: its actor's colour at this strength on white. */
const PALE = 0.2;

/**
 * The fill of a country governed by an actor of colour `colour`: that colour paled on white when it
 * stands out from `against` by `min`, else the palest colour on the way from there to the actor's colour
 * and on to black that does (black stands out by 1.5 from all but the darkest grounds, where the pale
 * start already does).
 */
export function distinctFill(colour: number, against: number, min = MIN_FILL_CONTRAST): number {
  const steps = 100;
  for (let i = 0; i <= steps; i++) {
    const t = PALE + ((2 - PALE) * i) / steps; // up to 1: towards the colour; beyond: towards black
    const fill = t <= 1 ? mix(0xffffff, colour, t) : mix(colour, 0x000000, t - 1);
    if (contrast(fill, against) >= min) return fill;
  }
  return 0x000000;
}

/** The map's fixed palette; scenario colours (actors') are mixed into it. */
export const palette = {
  sea: 0xb7d0da,
  land: 0xefe7d4,
  neighbour: 0xd8d5cd,
  neighbourEdge: 0xa9a59b,
  countryEdge: 0x6d6657,
  graticule: 0x9db7c2,
  ink: 0x1b1f24,
  /** A place whose country no actor governs. */
  neutral: 0x5b6470,
  halo: 0xffffff,
  borderGlow: 0xfff4c2,
  border: 0xc8102e,
  open: 0x1e8c3a,
  closed: 0xd0021b,
  drone: 0x7b2fd1,
  aid: 0x1e8c3a,
  flash: 0xffd23f,
  smoke: 0x55514c,
  /** Drafted orders, dashed and hollow (pending.ts). */
  draft: 0x1f4fd6,
  /** What a drafted order could touch, ringed. */
  reach: 0x0f8a8a,
} as const;

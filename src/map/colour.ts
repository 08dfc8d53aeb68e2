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

/** The map's fixed palette; scenario colours (actors') are mixed into it. */
export const palette = {
  sea: 0xb7d0da,
  land: 0xefe7d4,
  neighbour: 0xd8d5cd,
  neighbourEdge: 0xa9a59b,
  countryEdge: 0x6d6657,
  graticule: 0x9db7c2,
  ink: 0x1b1f24,
  halo: 0xffffff,
  borderGlow: 0xfff4c2,
  border: 0xc8102e,
  open: 0x1e8c3a,
  closed: 0xd0021b,
  drone: 0x7b2fd1,
  aid: 0x1e8c3a,
  flash: 0xffd23f,
  smoke: 0x55514c,
} as const;

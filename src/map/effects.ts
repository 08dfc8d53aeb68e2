// Animations of consequences. Each running effect redraws itself every frame into one shared
// screen-space Graphics, reading its end points by id, so it follows the view while it pans.
// Pure: it draws through the few Graphics calls named in `Brush`. Over 300 lines because it is the
// catalogue of every kind of animation, each a short builder, beside the pacing they share (nextFrame).
import type { Anchor, Point } from './camera.ts';
import { palette } from './colour.ts';
import type { MapCue } from './cues.ts';
import { edge } from './layout.ts';

/** What the animations draw with: the calls of Phaser's Graphics they use. */
export interface Brush {
  clear(): Brush;
  fillStyle(colour: number, alpha?: number): Brush;
  lineStyle(width: number, colour: number, alpha?: number): Brush;
  fillEllipse(x: number, y: number, width: number, height: number, smoothness?: number): Brush;
  strokeEllipse(x: number, y: number, width: number, height: number, smoothness?: number): Brush;
  fillRect(x: number, y: number, width: number, height: number): Brush;
  strokePoints(points: Point[]): Brush;
}

/** Where a location or badge is on screen now. */
export type Locate = (id: string) => Anchor | undefined;

interface Running {
  start: number;
  end: number;
  /** Moves so little a frame (a fraction of a pixel) that drawing it SLOW_FRAME apart looks the same. */
  slow?: true;
  draw(brush: Brush, t: number, locate: Locate): void;
}

const FLIGHT = 900;
const SMOKE = 12_000;
/**
 * How long (ms) a frame of slow animations alone stays on screen: 20 frames a second. Smoke drifts
 * about 2 pixels a second and fades over twelve, so each of these frames moves it a tenth of a pixel:
 * drawing it at every refresh would keep a laptop's GPU and battery busy for nothing.
 */
export const SLOW_FRAME = 50;

/** How far, in pixels, a circle's drawn edge may stray inside the true circle. */
const STRAY = 0.2;

/**
 * How many sides a circle of radius `r` is drawn with: the fewest whose edges stray at most STRAY pixels
 * (a chord of angle 2π/n falls r·(1 − cos(π/n)) ≈ r·π²/2n² short of the arc), and at least eight.
 * Phaser's fillCircle gives every circle a hundred sides and triangulates them at each frame: ten
 * strikes' flashes and smoke are some seventy discs a frame.
 */
export function sides(r: number): number {
  return Math.max(8, Math.ceil(Math.PI * Math.sqrt(Math.max(0, r) / (2 * STRAY))));
}

/** Runs the animations; `update` draws them, `play` starts one. */
export class Effects {
  private readonly running: Running[] = [];

  constructor(private readonly brush: Brush) {}

  /** How many animations are still running. */
  get active(): number {
    return this.running.length;
  }

  /** Starts the animation of a cue whose ids are known to exist; `colour` is the acting actor's. */
  play(cue: MapCue, colour: number, now: number): void {
    const make = builders[cue.kind];
    for (const part of make(cue, colour))
      this.running.push({ ...part, start: now + part.start, end: now + part.end });
  }

  /**
   * When the next frame must be drawn, given one drawn at `now`: `now` itself (every refresh) while
   * anything fast is running, SLOW_FRAME later while only slow ones are, the start of the next animation
   * if that is sooner, and Infinity once nothing is left.
   */
  nextFrame(now: number): number {
    let due = Number.POSITIVE_INFINITY;
    for (const r of this.running) {
      if (now >= r.end) continue;
      const at = r.start > now ? r.start : r.slow ? now + SLOW_FRAME : now;
      if (at < due) due = at;
    }
    return due;
  }

  /** Draws every running animation at time `now` (ms) and drops finished ones. */
  update(now: number, locate: Locate): void {
    const brush = this.brush;
    brush.clear();
    for (let i = this.running.length - 1; i >= 0; i--) {
      const r = this.running[i];
      if (!r) continue;
      if (now >= r.end) {
        this.running.splice(i, 1);
        continue;
      }
      if (now < r.start) continue;
      r.draw(brush, now - r.start, locate);
    }
  }

  /** Stops everything. */
  clear(): void {
    this.running.length = 0;
    this.brush.clear();
  }
}

type Part = Running;
type Builder = (cue: MapCue, colour: number) => Part[];

const builders: Record<MapCue['kind'], Builder> = {
  strike: (cue, colour) =>
    projectile(cue, colour, { flight: FLIGHT, flash: 34, puffs: 7, smoke: SMOKE, width: 2.5 }),
  drone: (cue) =>
    projectile(cue, palette.drone, { flight: 1400, flash: 16, puffs: 3, smoke: 5000, width: 1.5 }),
  clash: (cue, colour) => [sparks(cue.at, colour)],
  'crossing-closed': (cue) => [pulse(cue.at, palette.closed, 0, 1200, 30)],
  'crossing-opened': (cue) => [pulse(cue.at, palette.open, 0, 1200, 30)],
  envoy: (cue, colour) => route(cue, colour, 'envoy'),
  aid: (cue) => route(cue, palette.aid, 'aid'),
  protest: (cue, colour) => [crowd(cue.at, colour)],
  statement: (cue, colour) => [pulse(cue.at, colour, 0, 900, 26), pulse(cue.at, colour, 300, 1200, 26)],
};

interface ProjectileStyle {
  flight: number;
  flash: number;
  puffs: number;
  smoke: number;
  width: number;
}

/** A strike or drone: a flight along an arc, an impact flash, then smoke that lingers. */
function projectile(cue: MapCue, colour: number, s: ProjectileStyle): Part[] {
  const parts: Part[] = [];
  const flight = cue.from ? s.flight : 0;
  if (cue.from) {
    const from = cue.from;
    parts.push({
      start: 0,
      end: flight,
      draw(brush, t, locate) {
        const a = locate(from);
        const b = locate(cue.at);
        if (!a || !b) return;
        const k = t / flight;
        const tail = Math.max(0, k - 0.3);
        const trail = Array.from({ length: 13 }, (_, i) => arc(a, b, tail + ((k - tail) * i) / 12));
        brush.lineStyle(s.width, colour, 0.9).strokePoints(trail);
        const head = arc(a, b, k);
        brush.fillStyle(0xffffff).fillEllipse(head.x, head.y, ...circle(s.width + 1.5));
        brush.fillStyle(colour).fillEllipse(head.x, head.y, ...circle(s.width));
      },
    });
  }
  parts.push({
    start: flight,
    end: flight + 700,
    draw(brush, t, locate) {
      const b = locate(cue.at);
      if (!b) return;
      const k = t / 700;
      const r = 4 + s.flash * easeOut(k);
      brush.fillStyle(palette.flash, 0.85 * (1 - k)).fillEllipse(b.x, b.y, ...circle(r));
      brush.fillStyle(0xffffff, 1 - k).fillEllipse(b.x, b.y, ...circle(r * 0.45));
      brush.lineStyle(2, 0xff5a1f, 1 - k).strokeEllipse(b.x, b.y, ...circle(r * 1.15));
    },
  });
  const puffs = Array.from({ length: s.puffs }, (_, i) => ({
    angle: (i / s.puffs) * Math.PI * 2 + Math.random() * 0.6,
    spread: 3 + Math.random() * 8,
    delay: i * 90,
  }));
  parts.push({
    start: flight + 150,
    end: flight + 150 + s.smoke,
    slow: true,
    draw(brush, t, locate) {
      const b = locate(cue.at);
      if (!b) return;
      for (const p of puffs) {
        const age = t - p.delay;
        if (age <= 0) continue;
        const k = age / (s.smoke - p.delay);
        const r = (s.flash / 5) * (1 + 1.6 * easeOut(Math.min(1, k * 3)));
        const x = b.x + Math.cos(p.angle) * p.spread * (1 + k) + k * 10;
        const y = b.y + Math.sin(p.angle) * p.spread * 0.6 - k * 26;
        brush.fillStyle(palette.smoke, 0.55 * (1 - k)).fillEllipse(x, y, ...circle(r));
      }
    },
  });
  return parts;
}

/** An envoy or an aid convoy: a dotted route from `from`, a marker travelling along it, an arrival pulse. */
function route(cue: MapCue, colour: number, kind: 'envoy' | 'aid'): Part[] {
  const travel = 2500;
  const linger = 7000;
  if (!cue.from) return [pulse(cue.at, colour, 0, 1400, 26), marker(cue.at, colour, kind, 1800)];
  const from = cue.from;
  return [
    {
      start: 0,
      end: linger,
      draw(brush, t, locate) {
        const a = locate(from);
        const b = locate(cue.at);
        if (!a || !b) return;
        const drawn = Math.min(1, t / 500);
        const fade = t > linger - 1000 ? (linger - t) / 1000 : 1;
        const len = Math.hypot(b.x - a.x, b.y - a.y) || 1;
        // From a badge, the route starts at its edge: the dots and the traveller never cover its name.
        const start =
          a.halfW && a.halfH ? Math.min(len, edge(a.halfW, a.halfH, b.x - a.x, b.y - a.y) + 4) : 0;
        const at = (d: number) => ({ x: a.x + ((b.x - a.x) * d) / len, y: a.y + ((b.y - a.y) * d) / len });
        brush.fillStyle(colour, 0.9 * fade);
        for (let d = start; d <= start + (len - start) * drawn; d += 8) {
          const p = at(d);
          brush.fillEllipse(p.x, p.y, ...circle(1.8));
        }
        if (t < 500 || t > 500 + travel) return;
        drawMarker(brush, at(start + (len - start) * easeInOut((t - 500) / travel)), colour, kind);
      },
    },
    pulse(cue.at, colour, 500 + travel, 500 + travel + 900, 24),
  ];
}

function marker(at: string, colour: number, kind: 'envoy' | 'aid', duration: number): Part {
  return {
    start: 0,
    end: duration,
    draw(brush, _t, locate) {
      const b = locate(at);
      if (b) drawMarker(brush, { x: b.x, y: b.y - 14 }, colour, kind);
    },
  };
}

function drawMarker(brush: Brush, p: Point, colour: number, kind: 'envoy' | 'aid'): void {
  if (kind === 'aid') {
    brush.fillStyle(0xffffff).fillRect(p.x - 6, p.y - 6, 12, 12);
    brush
      .fillStyle(colour)
      .fillRect(p.x - 1.5, p.y - 5, 3, 10)
      .fillRect(p.x - 5, p.y - 1.5, 10, 3);
    return;
  }
  brush.fillStyle(0xffffff).fillEllipse(p.x, p.y, ...circle(6.5));
  brush.fillStyle(colour).fillEllipse(p.x, p.y, ...circle(4.5));
}

/** A ring growing from a place and fading. */
function pulse(at: string, colour: number, start: number, end: number, radius: number): Part {
  return {
    start,
    end,
    draw(brush, t, locate) {
      const b = locate(at);
      if (!b) return;
      const k = t / (end - start);
      brush.lineStyle(3, colour, 1 - k).strokeEllipse(b.x, b.y, ...circle(6 + radius * easeOut(k)));
    },
  };
}

/** Crossed sparks flickering over a post: a clash of arms. */
function sparks(at: string, colour: number): Part {
  const rays = Array.from({ length: 10 }, () => ({
    angle: Math.random() * Math.PI * 2,
    speed: 10 + Math.random() * 10,
  }));
  return {
    start: 0,
    end: 2400,
    draw(brush, t, locate) {
      const b = locate(at);
      if (!b) return;
      const burst = (t % 600) / 600;
      const flicker = 0.55 + 0.45 * Math.sin(t / 35);
      brush.lineStyle(3, 0xff7a00, flicker).strokePoints([
        { x: b.x - 9, y: b.y - 9 },
        { x: b.x + 9, y: b.y + 9 },
      ]);
      brush.lineStyle(3, colour, flicker).strokePoints([
        { x: b.x + 9, y: b.y - 9 },
        { x: b.x - 9, y: b.y + 9 },
      ]);
      brush.fillStyle(palette.flash, 1 - burst);
      for (const r of rays) {
        const d = 6 + r.speed * burst;
        brush.fillEllipse(b.x + Math.cos(r.angle) * d, b.y + Math.sin(r.angle) * d, ...circle(1.8));
      }
    },
  };
}

/** A crowd gathering: dots milling around a place, with a slow ring. */
function crowd(at: string, colour: number): Part {
  const people = Array.from({ length: 12 }, (_, i) => ({
    angle: (i / 12) * Math.PI * 2,
    r: 9 + Math.random() * 8,
  }));
  return {
    start: 0,
    end: 3500,
    draw(brush, t, locate) {
      const b = locate(at);
      if (!b) return;
      const fade = t > 2800 ? (3500 - t) / 700 : Math.min(1, t / 300);
      brush.fillStyle(colour, fade);
      for (const p of people) {
        const wobble = Math.sin(t / 180 + p.angle * 3) * 2.5;
        brush.fillEllipse(
          b.x + Math.cos(p.angle) * (p.r + wobble),
          b.y + Math.sin(p.angle) * (p.r + wobble),
          ...circle(2.2),
        );
      }
      brush.lineStyle(1.5, colour, 0.6 * fade).strokeEllipse(b.x, b.y, ...circle(20 + 4 * Math.sin(t / 300)));
    },
  };
}

/** A point on a raised arc from `a` to `b`, so flights read as flights rather than lines. */
function arc(a: Point, b: Point, k: number): Point {
  const lift = Math.hypot(b.x - a.x, b.y - a.y) * 0.25;
  const cx = (a.x + b.x) / 2;
  const cy = (a.y + b.y) / 2 - lift;
  const u = 1 - k;
  return { x: u * u * a.x + 2 * u * k * cx + k * k * b.x, y: u * u * a.y + 2 * u * k * cy + k * k * b.y };
}

/** The width, height and sides of the ellipse that draws a circle of radius `r`. */
function circle(r: number): [number, number, number] {
  return [2 * r, 2 * r, sides(r)];
}

function easeOut(k: number): number {
  return 1 - (1 - k) * (1 - k);
}

function easeInOut(k: number): number {
  return k < 0.5 ? 2 * k * k : 1 - (-2 * k + 2) ** 2 / 2;
}

// Drafted orders on the map: dashed, hollow marks in the drafts' colour (a ring at the place, a dashed
// route from where it sets out), kept apart from the filled, animated marks of what has happened; and a
// soft ring around each place a drafted order could touch. Drawn in screen space at every layout.
import type * as Phaser from 'phaser';
import type { Anchor, Point } from './camera.ts';
import { palette } from './colour.ts';
import type { PendingMark } from './state.ts';

const RING = 13;
const DASH = 6;
const GAP = 4;

/** What was drawn for a mark, as the tests read it back (diagnostics.ts). */
export interface DrawnMark {
  kind: PendingMark['kind'];
  at: string;
  from?: string;
}

/** The marks of drafted orders and the rings of what one could touch, in one Graphics. */
export class PendingLayer {
  private marks: readonly PendingMark[] = [];
  private touched: readonly string[] = [];
  private shown: DrawnMark[] = [];
  private ringed: string[] = [];

  constructor(private readonly g: Phaser.GameObjects.Graphics) {}

  /** Sets what to draw at the next `draw`; whether it differs from what is drawn. */
  set(marks: readonly PendingMark[], touched: readonly string[]): boolean {
    const same = JSON.stringify([marks, touched]) === JSON.stringify([this.marks, this.touched]);
    this.marks = marks;
    this.touched = touched;
    return !same;
  }

  /** The mark at a place, for the tooltip: the first drafted order that lands or sets out there. */
  at(id: string): PendingMark | undefined {
    return this.marks.find((m) => m.at === id) ?? this.marks.find((m) => m.from === id);
  }

  /** Draws the marks whose places are on the map; marks at unknown places are left out. */
  draw(pointOf: (id: string) => Anchor | undefined): void {
    const g = this.g.clear();
    this.shown = [];
    this.ringed = [];
    for (const id of this.touched) {
      const p = pointOf(id);
      if (!p) continue;
      g.lineStyle(6, palette.reach, 0.45).strokeCircle(p.x, p.y, RING + 5);
      this.ringed.push(id);
    }
    for (const m of this.marks) {
      const at = pointOf(m.at);
      if (!at) continue;
      const from = m.from ? pointOf(m.from) : undefined;
      const colour =
        m.kind === 'crossing-closed'
          ? palette.closed
          : m.kind === 'crossing-opened'
            ? palette.open
            : palette.draft;
      g.lineStyle(2.5, colour, 1);
      if (from) dashedLine(g, edgeOf(from, at), at, RING);
      dashedCircle(g, at, RING);
      this.shown.push({ kind: m.kind, at: m.at, ...(from && m.from ? { from: m.from } : {}) });
    }
  }

  /** The marks drawn at the last layout. */
  drawn(): DrawnMark[] {
    return this.shown;
  }

  /** The places ringed at the last layout. */
  rings(): string[] {
    return this.ringed;
  }
}

/** Where a route leaves a badge's box (or a place's centre) on its way to `to`. */
function edgeOf(from: Anchor, to: Point): Point {
  const { halfW, halfH } = from;
  if (!halfW || !halfH) return from;
  const dx = to.x - from.x;
  const dy = to.y - from.y;
  const k = Math.min(halfW / Math.abs(dx || 1e-9), halfH / Math.abs(dy || 1e-9), 1);
  return { x: from.x + dx * k, y: from.y + dy * k };
}

/** A dashed line from `a` to `b`, stopping `short` pixels before `b`. */
function dashedLine(g: Phaser.GameObjects.Graphics, a: Point, b: Point, short: number): void {
  const len = Math.hypot(b.x - a.x, b.y - a.y) - short;
  if (len <= 0) return;
  const ux = (b.x - a.x) / (len + short);
  const uy = (b.y - a.y) / (len + short);
  for (let d = 0; d < len; d += DASH + GAP) {
    const e = Math.min(len, d + DASH);
    g.lineBetween(a.x + ux * d, a.y + uy * d, a.x + ux * e, a.y + uy * e);
  }
}

/** A dashed, hollow circle. */
function dashedCircle(g: Phaser.GameObjects.Graphics, c: Point, r: number): void {
  const step = (DASH + GAP) / r;
  const dash = DASH / r;
  for (let a = 0; a < Math.PI * 2 - 1e-6; a += step) {
    g.beginPath()
      .arc(c.x, c.y, r, a, Math.min(a + dash, Math.PI * 2))
      .strokePath();
  }
}

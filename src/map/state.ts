// What the map is asked to show for one snapshot of the game. The UI describes it afresh for every
// snapshot (src/ui/mapview.ts); the map compares it with what it shows and changes only what differs.
import type { MapCue } from './cues.ts';

/** A cue with a key that no other cue of the same game shares: the map animates each key once. */
export interface KeyedCue extends MapCue {
  key: string;
}

/** An order drafted but not sent, as the map marks it: dashed and hollow, apart from what has happened. */
export interface PendingMark {
  /** Unique among the marks shown. */
  key: string;
  kind: MapCue['kind'];
  /** Where its route starts (a location or badge id), if it has one. */
  from?: string;
  at: string;
  /** Colours the mark. */
  actor?: string;
  /** The order in words, for the tooltip over its place. */
  label: string;
}

/** Everything the map shows of a game's state. */
export interface MapState {
  /** Escalation, from 0 (the first rung: calm) to 1 (the last: dark red); see `toneLevel`. */
  tone: number;
  /** Humanitarian need over the affected country, from 0 (nothing shown) to 1. */
  humanitarian: number;
  /** Each crossing's state by location id, true when open; crossings not listed stay as they are. */
  crossings: Readonly<Record<string, boolean>>;
  /**
   * The consequences to animate. A cue is played the first time its key is shown; keys no longer listed
   * are forgotten, so a list of this round's cues plays each once.
   */
  cues: readonly KeyedCue[];
  /** The drafted orders of the seat at the screen (none in hot-seat play between seats). */
  pending?: readonly PendingMark[];
  /** The places the order under the pointer or focus could touch, ringed as possibilities. */
  touched?: readonly string[];
}

/** A map at rest: calm, no need shown, crossings as the scenario has them, nothing to animate. */
export const CALM_STATE: MapState = { tone: 0, humanitarian: 0, crossings: {}, cues: [] };

/** A level held to 0..1; anything not finite is 0. */
export function unit(x: number): number {
  return Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0;
}

/** The tone of rung `rung` of a ladder of `rungs`: 0 for the first, 1 for the last. */
export function toneLevel(rung: number, rungs: number): number {
  return unit(rungs > 1 ? rung / (rungs - 1) : 0);
}

/**
 * The cues of `cues` not yet in `played`, in order. Updates `played` to hold the keys of every cue listed
 * now, and no other: a key no longer listed is forgotten.
 */
export function freshCues(played: Set<string>, cues: readonly KeyedCue[]): KeyedCue[] {
  const listed = new Set(cues.map((c) => c.key));
  for (const key of played) if (!listed.has(key)) played.delete(key);
  const fresh = cues.filter((c) => !played.has(c.key));
  for (const c of fresh) played.add(c.key);
  return fresh;
}

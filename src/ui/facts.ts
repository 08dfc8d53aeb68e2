// Pure readings of a game state for the panels: meters with this round's change, verified figures
// beside claims, and what the map shows, as text. No DOM.
import type { Metric } from '../scenario/schema.ts';
import type { Compiled } from '../sim/compile.ts';
import type { CueRecord, GameState, NewsItem } from '../sim/types.ts';
import { nameOf } from './causes.ts';

/** A meter: a metric, its value now and its change this round. */
export interface Meter {
  metric: Metric;
  value: number;
  delta: number;
}

/** The public meters (hidden metrics only show in the debrief), with this round's change. */
export function meters(c: Compiled, s: GameState, includeHidden = false): Meter[] {
  return c.scenario.metrics
    .filter((m) => includeHidden || m.public)
    .map((metric) => {
      const value = s.metrics[metric.id] ?? metric.start;
      const ch = s.changes.filter((x) => x.round === s.round && x.subject === `metric:${metric.id}`);
      const first = ch[0];
      const delta = first && typeof first.from === 'number' ? value - first.from : 0;
      return { metric, value, delta };
    });
}

/** The news of one round. */
export function newsOfRound(s: GameState, round: number): NewsItem[] {
  return s.news.filter((n) => n.round === round);
}

/** Each side's claim for a news item, with the claimant's name. */
export function claimsOf(c: Compiled, item: NewsItem): { who: string; figure: number }[] {
  return Object.entries(item.claims ?? {}).map(([who, figure]) => ({ who: nameOf(c, who), figure }));
}

/** The independently verified toll of a news item's event: a number, 'pending', or undefined when none is due. */
export function verifiedOf(c: Compiled, s: GameState, item: NewsItem): number | 'pending' | undefined {
  if (s.pending.some((p) => p.cause === item.cause)) return 'pending';
  const verification = s.causes.find(
    (x) => x.ref === 'verification' && x.kind === 'rule' && x.after?.includes(item.cause),
  );
  if (!verification) return undefined;
  return verifiedIn(c, s, verification.id).total;
}

/** What one independent count (its cause) added to the verified dead, and whose dead they are. */
export function verifiedIn(
  c: Compiled,
  s: GameState,
  cause: number,
): { total: number; side: string | undefined } {
  let total = 0;
  let side: string | undefined;
  for (const ch of s.changes) {
    if (ch.cause !== cause || !ch.subject.startsWith('metric:')) continue;
    const m = c.metrics.get(ch.subject.slice(7));
    if (m?.role !== 'casualties-verified') continue;
    side = m.actor;
    if (typeof ch.to === 'number' && typeof ch.from === 'number') total += ch.to - ch.from;
  }
  return { total: Math.round(total), side };
}

/** The humanitarian level, normalised to 0..1 (the first humanitarian metric), or 0 when there is none. */
export function humanitarianLevel(c: Compiled, s: GameState): number {
  const id = c.humanitarian[0];
  const m = id ? c.metrics.get(id) : undefined;
  if (!m || m.max === m.min) return 0;
  return Math.min(1, Math.max(0, ((s.metrics[m.id] ?? m.start) - m.min) / (m.max - m.min)));
}

/** A cue in words: "strike by Pakistan" with the headline of the same cause when there is one. */
export function describeCue(c: Compiled, s: GameState, cue: CueRecord): string {
  const by = cue.actor ? ` by ${nameOf(c, cue.actor)}` : '';
  const from = cue.from && cue.from !== cue.at ? ` from ${nameOf(c, cue.from)}` : '';
  const headline = s.news.find((n) => n.cause === cue.cause)?.headline;
  const when = cue.round === 0 ? 'Opening' : `Round ${cue.round}`;
  return `${when}: ${cue.kind.replace('-', ' ')}${by}${from}${headline ? ` — ${headline}` : ''}`;
}

/** Everything that happened at a place: cues landing there and news of the same causes. */
export function eventsAt(c: Compiled, s: GameState, place: string, sinceRound = 0): string[] {
  return s.cues.filter((q) => q.at === place && q.round >= sinceRound).map((q) => describeCue(c, s, q));
}

/** What the map shows, as text: places with their recent events, crossings, and this round's strikes. */
export interface MapFacts {
  places: { id: string; name: string; kind: string; events: string[] }[];
  crossings: { id: string; name: string; open: boolean }[];
  strikes: { at: string; text: string }[];
}

const STRIKE_KINDS = new Set(['strike', 'drone', 'clash']);

/** The text equivalent of the map for the current round (recent = this round and the one before). */
export function mapFacts(c: Compiled, s: GameState): MapFacts {
  const since = Math.max(0, s.round - 1);
  const badges = c.scenario.map.badges.map((b) => ({ id: b.id, name: b.name, kind: 'off-map' }));
  const places = [
    ...c.scenario.locations.map((l) => ({ id: l.id, name: l.name, kind: l.kind })),
    ...badges,
  ].map((p) => ({ ...p, events: eventsAt(c, s, p.id, since) }));
  const crossings = c.crossings.map((id) => ({ id, name: nameOf(c, id), open: s.crossings[id] ?? true }));
  const strikes = s.cues
    .filter((q) => q.round === s.round && STRIKE_KINDS.has(q.kind))
    .map((q) => ({ at: q.at, text: `${nameOf(c, q.at)} — ${describeCue(c, s, q)}` }));
  return { places, crossings, strikes };
}

// The round's "Biggest changes" line, ranked by what matters to people reading it: the ladder, the
// places struck, then deaths, people in need, trade and standing before the parties' moods (hostility).
// A strike on a city leads with the city and its dead, not with "hostility −8". Pure: no DOM.
import type { Metric } from '../scenario/schema.ts';
import type { Compiled } from '../sim/compile.ts';
import type { GameState } from '../sim/types.ts';
import { nameOf } from './causes.ts';
import { deltaIn, plainChange, rungBefore } from './gauges.ts';

/** How much a kind of metric matters to the reader, first to last; the ladder says escalation already. */
const TIERS: Partial<Record<Metric['role'], number>> = {
  'casualties-verified': 0,
  'casualties-claimed': 0,
  humanitarian: 1,
  trade: 2,
  standing: 2,
  trust: 3,
  pain: 3,
  other: 3,
  hostility: 4,
};

/** Map cues that mark a place attacked. */
const ATTACKS = new Set(['strike', 'drone', 'clash']);

/** The public meters that moved in `round`, most important first (by tier, then by share of the range). */
export function rankedChanges(c: Compiled, s: GameState, round: number): { metric: Metric; delta: number }[] {
  return c.scenario.metrics
    .filter((m) => m.public && TIERS[m.role] !== undefined)
    .map((metric) => ({ metric, delta: deltaIn(s, metric, round) }))
    .filter((x) => Math.round(x.delta * 10) !== 0)
    .sort(
      (a, b) =>
        (TIERS[a.metric.role] ?? 9) - (TIERS[b.metric.role] ?? 9) ||
        Math.abs(b.delta) / (b.metric.max - b.metric.min || 1) -
          Math.abs(a.delta) / (a.metric.max - a.metric.min || 1),
    );
}

/** The places attacked in `round`, by name, each once, in the order the round resolved them. */
export function placesStruck(c: Compiled, s: GameState, round: number): string[] {
  const names = s.cues.filter((q) => q.round === round && ATTACKS.has(q.kind)).map((q) => nameOf(c, q.at));
  return [...new Set(names)];
}

/** The round in a few sentences: the ladder, the places struck, the `most` biggest changes; null when nothing moved. */
export function biggestChanges(c: Compiled, s: GameState, round: number, most = 3): string | null {
  const parts: string[] = [];
  const ladder = c.scenario.ladder;
  const before = rungBefore(c, s, round);
  if (before !== s.rung)
    parts.push(
      `The ladder ${s.rung > before ? 'rose' : 'fell'} from ${ladder[before]?.name} to ${ladder[s.rung]?.name}.`,
    );
  const struck = placesStruck(c, s, round);
  if (struck.length > 0) parts.push(`Attacked: ${struck.join(', ')}.`);
  const top = rankedChanges(c, s, round).slice(0, most);
  if (top.length > 0)
    parts.push(
      `Biggest changes: ${top.map((x) => `${x.metric.name} ${plainChange(x.metric, x.delta)}`).join('; ')}.`,
    );
  return parts.length > 0 ? parts.join(' ') : null;
}

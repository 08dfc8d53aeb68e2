// What an ending claims, checked against the game's own log, and the ending one round away.
import type { Condition } from '../scenario/schema.ts';
import type { Compiled } from './compile.ts';
import { holds } from './conditions.ts';
import type { Rng } from './rng.ts';
import { render } from './text.ts';
import type { GameState } from './types.ts';

/** The leaves of a condition that must all hold (those under `all`, and `sustained`'s own). */
function required(cond: Condition): Condition[] {
  if ('all' in cond) return cond.all.flatMap(required);
  if ('sustained' in cond) return [cond, ...required(cond.sustained)];
  return [cond];
}

/** The rung in each round from `from` to `to`, from the log of changes. */
function rungsByRound(c: Compiled, s: GameState, from: number, to: number): number[] {
  const out: number[] = [];
  let rung = 0;
  let i = 0;
  for (let r = 0; r <= to; r++) {
    for (; i < s.changes.length && (s.changes[i]?.round ?? Infinity) <= r; i++) {
      const ch = s.changes[i];
      if (ch?.subject === 'rung') rung = c.rungIndex.get(String(ch.to)) ?? rung;
    }
    if (r >= from) out.push(rung);
  }
  return out;
}

/**
 * What the game's ending claims that its log contradicts: an ending in the first round (the opening
 * state alone), a condition that does not hold at the end, a ceasefire said to hold across a strike by a
 * side or a recorded break, an agreement not signed or not in force, a rung not held, pressure not
 * applied. Read from the logs (actions taken, changes, agreements), not from the counters the rules
 * keep, so a rule that miscounts shows up here. Empty for a sound game.
 */
export function endingFaults(c: Compiled, s: GameState): string[] {
  const e = s.ending;
  if (!e) return ['the game has no ending'];
  const ending = c.scenario.endings.find((x) => x.id === e.id);
  if (!ending) return e.id === 'time-up' ? [] : [`unknown ending ${e.id}`];
  const out: string[] = [];
  if (e.round <= 1) out.push(`"${e.id}" came in round ${e.round}, from the opening alone`);
  if (!holds(ending.when, { c, s })) out.push(`"${e.id}": its condition does not hold at the end`);
  const strikesByParties = (from: number) =>
    s.taken.filter(
      (t) =>
        t.round >= from &&
        c.parties.includes(t.actor) &&
        c.actions.get(t.action)?.tags.some((x) => x === 'strike' || x === 'ceasefire-violation'),
    );
  const brokeSince = (from: number) =>
    s.changes.some((ch) => ch.round >= from && ch.subject === 'ceasefire' && ch.to === 'broken');
  for (const leaf of required(ending.when)) {
    if ('sustained' in leaf && 'ceasefire' in leaf.sustained && leaf.sustained.ceasefire === 'holding') {
      // A ceasefire binds from the round after its declaration (orders are simultaneous).
      const from = s.round - leaf.rounds + 1;
      const declared = s.changes.filter((ch) => ch.subject === 'ceasefire' && ch.to === 'holding').at(-1);
      if (!declared || declared.round > from)
        out.push(`"${e.id}": no ceasefire held for ${leaf.rounds} rounds`);
      const binding = Math.max(from, (declared?.round ?? from) + 1);
      if (strikesByParties(binding).length > 0)
        out.push(`"${e.id}": a side struck during the ceasefire's window`);
      if (brokeSince(from)) out.push(`"${e.id}": the ceasefire broke in its window`);
    } else if ('sustained' in leaf && 'rung' in leaf.sustained && leaf.sustained.rung.atLeast) {
      const least = c.rungIndex.get(leaf.sustained.rung.atLeast) ?? 0;
      const rungs = rungsByRound(c, s, s.round - leaf.rounds + 1, s.round);
      if (rungs.some((r) => r < least))
        out.push(`"${e.id}": the ladder was not held at ${leaf.sustained.rung.atLeast}`);
    } else if ('agreement' in leaf) {
      const a = s.negotiation.agreements.at(-1);
      const at = s.changes.findLastIndex((ch) => ch.subject === 'agreement' && ch.to === 'signed');
      const after = s.changes.slice(at + 1);
      if (!a || at < 0 || a.round !== s.changes[at]?.round)
        out.push(`"${e.id}": no signed agreement in the log`);
      else {
        if (s.round - a.round + 1 < leaf.agreement.rounds)
          out.push(`"${e.id}": the agreement was signed only in round ${a.round}`);
        if (after.some((ch) => ch.subject === 'agreement' && ch.to === 'collapsed'))
          out.push(`"${e.id}": the agreement collapsed`);
        if (after.some((ch) => ch.subject === 'ceasefire' && ch.to === 'broken'))
          out.push(`"${e.id}": a ceasefire broke after the agreement`);
        const via = a.guarantors.length > 0 ? 'mediator' : 'direct';
        if (leaf.agreement.via && leaf.agreement.via !== via)
          out.push(
            `"${e.id}": says the agreement was reached ${leaf.agreement.via === 'mediator' ? 'through a mediator' : 'directly'}, but it was not`,
          );
      }
    } else if ('pressure' in leaf) {
      const p = leaf.pressure;
      const since = Math.max(1, s.round - p.withinRounds + 1);
      const applied = s.taken
        .filter((t) => t.round >= since && t.actor === p.by && t.goldstein < 0)
        .reduce((a, t) => a - t.goldstein, 0);
      if (applied < p.atLeast) out.push(`"${e.id}": ${p.by} applied pressure ${applied}, not ${p.atLeast}`);
    } else if ('ceasefire' in leaf && leaf.ceasefire === 'holding') {
      const declared = s.changes.filter((ch) => ch.subject === 'ceasefire' && ch.to === 'holding').at(-1);
      if (!declared) out.push(`"${e.id}": no ceasefire was ever declared`);
      else if (strikesByParties(declared.round + 1).length > 0 || brokeSince(declared.round + 1))
        out.push(`"${e.id}": the ceasefire was breached after it was declared`);
    }
  }
  return out;
}

/**
 * The ending that one more round like this one would bring: each sustained condition that holds now
 * counted one round further, the round one later, the rest of the state unchanged (chance counts as
 * possible). Null when none would, or when the game has ended.
 */
export function endingAhead(c: Compiled, s: GameState): (typeof c.scenario.endings)[number] | null {
  if (s.ending) return null;
  const sustained = { ...s.sustained };
  for (const [key, { cond }] of c.sustained)
    sustained[key] = holds(cond, { c, s }) ? (s.sustained[key] ?? 0) + 1 : 0;
  const next: GameState = { ...s, round: s.round + 1, sustained };
  let best: (typeof c.scenario.endings)[number] | null = null;
  for (const e of c.scenario.endings)
    if ((!best || e.priority > best.priority) && !('timeUp' in e.when) && holds(e.when, { c, s: next }))
      best = e;
  return best;
}

/**
 * The ending reached, as shown to the players: its title and its description with {metric:ID} filled from
 * the final state, so the text quotes the game's own figures. Without an ending, time ran out unsettled.
 */
export function endingText(c: Compiled, s: GameState): { title: string; description: string } {
  const ending = c.scenario.endings.find((e) => e.id === s.ending?.id);
  if (ending === undefined)
    return { title: 'Time ran out', description: 'The last round was played without a settled outcome.' };
  const round = s.ending?.round ?? s.round;
  return { title: ending.title, description: render(ending.description, c, { round, metrics: s.metrics }) };
}

/** Each actor's score: the objectives it met plus the ending's points; every role with a seat is scored. */
export function roleScores(
  c: Compiled,
  s: GameState,
  endingScores: Record<string, number>,
  rng?: Rng,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const a of c.scenario.actors) {
    let total = endingScores[a.id] ?? 0;
    for (const o of a.objectives) if (holds(o.when, { c, s, rng })) total += o.points;
    if (a.objectives.length > 0 || a.id in endingScores || c.seated.includes(a.id)) out[a.id] = total;
  }
  return out;
}

/** Design choice: the weight a planner gives, at its horizon, to the points of the ending one round away. */
export const AHEAD_WEIGHT = 0.5;

/**
 * Design choice: how far short of a metric threshold still earns part of its points at a planner's horizon:
 * this share of the metric's range, or NEAR_OF_THRESHOLD of the threshold itself when that is smaller.
 */
export const NEAR_SHARE = 0.1;

/** Design choice: a toll under 100 is judged on the scale of 100 (half of it), not of the metric's 100,000. */
export const NEAR_OF_THRESHOLD = 0.5;

/**
 * How nearly a condition holds, 0–1, for judging a continuation that ends before the game does: a metric
 * threshold short by less than its span (NEAR_SHARE) counts in proportion to how close it is, since the
 * objectives are judged at the game's end and a round's progress towards one is worth something; every
 * other condition counts as it holds (1) or not (0); `all` takes its weakest part, `any` its strongest.
 */
export function nearness(c: Compiled, cond: Condition, s: GameState): number {
  if ('all' in cond) return Math.min(1, ...cond.all.map((x) => nearness(c, x, s)));
  if ('any' in cond) return Math.max(0, ...cond.any.map((x) => nearness(c, x, s)));
  if ('not' in cond) return 1 - nearness(c, cond.not, s);
  if ('metric' in cond && cond.op !== '==' && cond.op !== '!=') {
    const m = c.metrics.get(cond.metric);
    const span = m
      ? Math.max(1, Math.min(NEAR_SHARE * (m.max - m.min), NEAR_OF_THRESHOLD * Math.abs(cond.value)))
      : 1;
    const v = s.metrics[cond.metric] ?? 0;
    const short = cond.op === '>' || cond.op === '>=' ? cond.value - v : v - cond.value;
    if (holds(cond, { c, s })) return 1;
    return Math.max(0, 1 - short / span);
  }
  return holds(cond, { c, s }) ? 1 : 0;
}

/**
 * A role's score in a state: the ending's score once the game has ended; otherwise the planner's estimate
 * at its horizon: each objective's points times how nearly it holds now (nearness), plus AHEAD_WEIGHT
 * times the points of the ending that one more round like this one would bring (endingAhead), if any.
 */
export function scoreNow(c: Compiled, s: GameState, actor: string): number {
  if (s.ending) return s.ending.scores[actor] ?? 0;
  const ahead = endingAhead(c, s)?.scores[actor] ?? 0;
  let met = 0;
  for (const o of c.actors.get(actor)?.objectives ?? []) met += o.points * nearness(c, o.when, s);
  return met + AHEAD_WEIGHT * ahead;
}

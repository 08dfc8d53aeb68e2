// The "Why?" chain as pure data: from a news item or a recorded change, back through the causes the
// engine recorded (each cause's `after` list), as readable lines. No DOM here, so Node tests run it.
import type { Compiled } from '../sim/compile.ts';
import type { Cause, Change, GameState } from '../sim/types.ts';

/** One cause in the chain, with what it changed and the causes that led to it. */
export interface CauseNode {
  id: number;
  text: string;
  /** What this cause changed, in words ("Escalation 20 → 32"). */
  changed: string[];
  children: CauseNode[];
}

const RULES: Record<string, string> = {
  dynamics: 'the round’s dynamics (escalation, hostility, the ladder, humanitarian need, trade)',
  talks: 'a round of talks',
  'ceasefire-hazard': 'the ceasefire’s breakdown check',
  verification: 'independent verification of a casualty count',
};

/** The display name of an actor, location, badge or metric id. */
export function nameOf(c: Compiled, id: string | undefined): string {
  if (id === undefined) return '';
  return (
    c.actors.get(id)?.name ??
    c.locations.get(id)?.name ??
    c.scenario.map.badges.find((b) => b.id === id)?.name ??
    c.metrics.get(id)?.name ??
    id
  );
}

/** A readable name for a change's subject: "metric:x" → the metric's name, "rung" → "Escalation ladder". */
export function subjectName(c: Compiled, subject: string): string {
  const [kind, id] = subject.includes(':')
    ? [subject.slice(0, subject.indexOf(':')), subject.slice(subject.indexOf(':') + 1)]
    : [subject, ''];
  switch (kind) {
    case 'metric':
      return c.metrics.get(id)?.name ?? id;
    case 'rung':
      return 'Escalation ladder';
    case 'mediation':
      return 'Mediation';
    case 'mediators':
      return 'Mediators';
    case 'ceasefire':
      return 'Ceasefire';
    case 'crossing':
      return `Crossing ${nameOf(c, id)}`;
    case 'flag':
      return c.scenario.flags.find((f) => f.id === id)?.description ?? id;
    default:
      return subject;
  }
}

const value = (c: Compiled, subject: string, v: Change['from']): string => {
  if (typeof v === 'number') return String(Math.round(v * 10) / 10);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  if (subject === 'rung') return c.scenario.ladder[c.rungIndex.get(v) ?? -1]?.name ?? v;
  if (subject === 'mediators')
    return (
      v
        .split(',')
        .filter(Boolean)
        .map((m) => nameOf(c, m))
        .join(', ') || 'none'
    );
  return v;
};

/** One change in words: "Escalation: 20 → 32". */
export function describeChange(c: Compiled, ch: Change): string {
  return `${subjectName(c, ch.subject)}: ${value(c, ch.subject, ch.from)} → ${value(c, ch.subject, ch.to)}`;
}

/** One cause in words, e.g. "Round 3: Pakistan — Air strikes (target: Kabul) (outcome: hit)." */
export function describeCause(c: Compiled, s: GameState, cause: Cause): string {
  const when =
    cause.kind === 'opening' || cause.round === 0 ? 'Opening (historical)' : `Round ${cause.round}`;
  const who = cause.actor ? `${nameOf(c, cause.actor)} — ` : '';
  const target = cause.target ? ` (target: ${nameOf(c, cause.target)})` : '';
  const outcome = cause.outcome ? ` (outcome: ${cause.outcome})` : '';
  const reason = cause.reason ? ` Reason: ${cause.reason}` : '';
  let what: string;
  switch (cause.kind) {
    case 'action':
    case 'opening':
      what = `${who}${c.actions.get(cause.ref)?.name ?? cause.ref}${target}${outcome}`;
      break;
    case 'reaction': {
      const headline = s.news.find((n) => n.cause === cause.id)?.headline;
      what = `reaction of ${nameOf(c, cause.actor) || 'a computer-run actor'} (${cause.ref})${headline ? `: “${headline}”` : ''}`;
      break;
    }
    case 'inject': {
      const inj = c.scenario.injects.find((i) => i.id === cause.ref);
      what = `event injected by the trainer: ${inj?.name ?? cause.ref}`;
      break;
    }
    default:
      what = `rule: ${cause.ref}${RULES[cause.ref] ? ` — ${RULES[cause.ref]}` : ''}`;
  }
  return `${when}: ${what}.${reason}`;
}

/** The chain of causes behind one cause, following `after` recursively (each cause shown once). */
export function causeChain(
  c: Compiled,
  s: GameState,
  causeId: number,
  seen: Set<number> = new Set(),
  depth = 8,
): CauseNode | null {
  const cause = s.causes[causeId];
  if (!cause || seen.has(causeId)) return null;
  seen.add(causeId);
  // Hidden metrics (true tolls) stay hidden until the debrief.
  const visible = (ch: Change) =>
    !ch.subject.startsWith('metric:') || c.metrics.get(ch.subject.slice(7))?.public !== false;
  const changed = s.changes
    .filter((ch) => ch.cause === causeId && visible(ch))
    .map((ch) => describeChange(c, ch));
  const children =
    depth <= 0
      ? []
      : (cause.after ?? [])
          .map((id) => causeChain(c, s, id, seen, depth - 1))
          .filter((n): n is CauseNode => n !== null);
  return { id: causeId, text: describeCause(c, s, cause), changed, children };
}

/** The distinct causes of the changes to a subject in one round, in order. */
export function causesOfChange(s: GameState, subject: string, round: number): number[] {
  const ids: number[] = [];
  for (const ch of s.changes)
    if (ch.round === round && ch.subject === subject && !ids.includes(ch.cause)) ids.push(ch.cause);
  return ids;
}

/** Chains for every cause of a subject's change in a round (the "Why?" of a meter). */
export function whyChange(c: Compiled, s: GameState, subject: string, round: number): CauseNode[] {
  // Each chain is complete on its own: a shared action may appear under several causes.
  return causesOfChange(s, subject, round)
    .map((id) => causeChain(c, s, id))
    .filter((n): n is CauseNode => n !== null);
}

/** Flattens a chain into indented lines ("→" per level), for text output and tests. */
export function chainLines(node: CauseNode, level = 0): string[] {
  const pad = level === 0 ? '' : `${'  '.repeat(level - 1)}→ `;
  return [`${pad}${node.text}`, ...node.children.flatMap((ch) => chainLines(ch, level + 1))];
}

// Everything a game may be sent, as one schema, and the one parser every boundary uses: the machine's
// guards, the log's replay, the classroom channel and, later, the room server. A refused event comes
// back with a reason a player can read; it is never applied and never logged.
import * as z from 'zod';
import { shown } from '../errors.ts';
import { Effect, MapEffect, News } from '../scenario/effect-schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type Compiled, compile } from './compile.ts';

/** An id as an event carries it: short text; whether the scenario knows it is checked per scenario. */
export const Id = z.string().min(1).max(64);
/** A time in ms since the epoch: finite, within what a Date can hold. */
export const Time = z.number().min(0).max(8.64e15);
/** The most items any list or record in an event holds: far above any scenario's need. */
const MAX_ITEMS = 50;

const capped = <T extends z.ZodType>(value: T) =>
  z.record(Id, value).refine((r) => Object.keys(r).length <= MAX_ITEMS, `at most ${MAX_ITEMS} entries`);

export const PolicyName = z.enum(['hawk', 'dove', 'tit-for-tat', 'planner']);
/** A planning computer player's strength, by search budget (planner.ts). */
export const PlannerLevel = z.enum(['quick', 'standard', 'deep']);
/**
 * Who sits in a seat. `level` is a planner's strength ('standard' when absent); `advisor` shows a person the
 * planner's suggestion (off when absent). Both are optional so saves, logs and messages from before them parse.
 */
export const Seat = z.strictObject({
  by: z.enum(['person', 'computer']),
  policy: PolicyName,
  level: PlannerLevel.optional(),
  advisor: z.boolean().optional(),
});
export const Order = z.strictObject({ action: Id, target: Id.optional() });
/** A computer player's one-line reason, as it reaches the news and the console. */
export const Reason = z.string().max(1000);
/** A chosen parameter value: a round or number, a place id, or crossing ids. */
export const ParamValue = z.union([z.number(), Id, z.array(Id).max(MAX_ITEMS)]);
/** What a party drafts: a clause and its parameters. */
export const Draft = z.strictObject({ clause: Id, params: capped(ParamValue) });
export const ClauseAnswer = z.enum(['accept', 'reject', 'change']);
/** A party's answer to a text as a planner decided it: per clause, the changed parameters, and its reason. */
export const AnswerDecision = z.strictObject({
  answers: capped(ClauseAnswer),
  changes: capped(capped(ParamValue)),
  reason: Reason,
});
/** A planner's choice of text: what it drafts (nothing: no text this round), who carries it, and its reason. */
export const TextDecision = z.strictObject({
  drafts: z.array(Draft).max(MAX_ITEMS),
  via: Id.nullable(),
  reason: Reason,
});
/** The fingerprint of a talk decision's input (planner-talks.ts talkKey): 16 hex digits. */
const TalkKey = z.string().regex(/^[0-9a-f]{16}$/, 'a 16-digit hexadecimal key');
/**
 * One negotiating decision of a planner seat, pre-played off the game's thread (preplay.ts): whose, which
 * (an answer to the waiting text or a choice of text), the key of the input it was made from, and the
 * decision (null: the planner had none, as inline planning would then have none).
 */
export const TalkRecord = z.discriminatedUnion('kind', [
  z.strictObject({ actor: Id, kind: z.literal('answer'), key: TalkKey, decision: AnswerDecision.nullable() }),
  z.strictObject({ actor: Id, kind: z.literal('text'), key: TalkKey, decision: TextDecision.nullable() }),
]);
/** A seat makes one talk decision a round; a few more leave room without letting a record list grow. */
export const MAX_TALKS = 8;

/** An inject written by the trainer during play. */
export const CustomInject = z.strictObject({
  id: Id,
  effects: z.array(Effect).max(MAX_ITEMS),
  news: News,
  map: z.array(MapEffect).max(MAX_ITEMS),
});

/** Every event a game takes. */
export const GameEvent = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('BEGIN') }),
  z.strictObject({ type: z.literal('ORDERS'), actor: Id, orders: z.array(Order).max(MAX_ITEMS) }),
  z.strictObject({ type: z.literal('NEXT') }),
  z.strictObject({ type: z.literal('TICK'), now: Time }),
  z.strictObject({ type: z.literal('SET_DEADLINE'), at: Time.nullable() }),
  /** `now` lets the engine give the time spent paused back to the round's deadline. */
  z.strictObject({ type: z.literal('PAUSE'), now: Time.optional() }),
  z.strictObject({ type: z.literal('RESUME'), now: Time.optional() }),
  z.strictObject({ type: z.literal('INJECT'), inject: z.union([Id, CustomInject]) }),
  z.strictObject({ type: z.literal('SET_SEAT'), actor: Id, seat: Seat }),
  /**
   * A planner seat's orders for this round, planned off the machine (the page's worker, a room's planning
   * thread) from the seat's own view: resolution uses them instead of planning again. `talks` are the seat's
   * negotiating decisions pre-played for the round's resolution; each is used only when its key matches the
   * input the seat then has. Taken in the orders phase for its round, or just before NEXT (or BEGIN) opens
   * a round that resolves at once (no person seated) for that round.
   */
  z.strictObject({
    type: z.literal('PLANNED'),
    actor: Id,
    round: z.number().int().min(0).max(1_000_000),
    orders: z.array(Order).max(MAX_ITEMS),
    reason: Reason,
    talks: z.array(TalkRecord).max(MAX_TALKS).optional(),
  }),
  z.strictObject({ type: z.literal('SYNC') }),
  /**
   * A party drafts a text (a new version), sent directly or through a mediator (`via`); or a mediator drafts
   * one (`via` itself). `parties` are its signatories, every party to the conflict when omitted.
   */
  z.strictObject({
    type: z.literal('PROPOSE'),
    actor: Id,
    clauses: z.array(Draft).max(MAX_ITEMS),
    via: Id.nullable().optional(),
    parties: z.array(Id).max(MAX_ITEMS).optional(),
  }),
  /** Shuttle diplomacy: the mediator carrying the current version passes it on to these parties. */
  z.strictObject({
    type: z.literal('PASS'),
    actor: Id,
    version: z.number().int().min(1).max(1_000_000),
    to: z.array(Id).min(1).max(MAX_ITEMS),
  }),
  /** A third party signs the agreement in force as its guarantor or a monitor. */
  z.strictObject({
    type: z.literal('SIGN'),
    actor: Id,
    as: z.enum(['guarantor', 'monitor']),
  }),
  /** A party answers the current version clause by clause; `changes` holds the new parameters of changed clauses. */
  z.strictObject({
    type: z.literal('ANSWER'),
    actor: Id,
    version: z.number().int().min(1).max(1_000_000),
    answers: capped(ClauseAnswer),
    changes: capped(capped(ParamValue)).optional(),
  }),
]);

export type GameEvent = z.output<typeof GameEvent>;
/** Who sits in a seat: a person, or a computer player with a policy. */
export type Seat = z.output<typeof Seat>;
export type PolicyName = z.output<typeof PolicyName>;
export type PlannerLevel = z.output<typeof PlannerLevel>;
/** One order: an action and, when the action takes one, a target id. */
export type Order = z.output<typeof Order>;
/** A chosen parameter value: a round or number, a place id, or crossing ids. */
export type ParamValue = z.output<typeof ParamValue>;
/** A party's answer to one clause. */
export type ClauseAnswer = z.output<typeof ClauseAnswer>;
export type CustomInject = z.output<typeof CustomInject>;
export type Draft = z.output<typeof Draft>;
export type AnswerDecision = z.output<typeof AnswerDecision>;
export type TextDecision = z.output<typeof TextDecision>;
export type TalkRecord = z.output<typeof TalkRecord>;
export type EventType = GameEvent['type'];
const TYPES = new Set<string>(GameEvent.options.map((o) => o.shape.type.value));

/** An event the game may take, or why not. */
export type Parsed = { ok: true; event: GameEvent } | { ok: false; reason: string };

/**
 * Parses an untrusted value as an event of this scenario: its shape, its numbers (finite, in range), its
 * sizes and every id it names. Pure: the room server will call it too.
 */
export function parseEvent(scenario: Scenario, raw: unknown): Parsed {
  const type = (raw as { type?: unknown } | null)?.type;
  if (!raw || typeof raw !== 'object' || Array.isArray(raw))
    return refused('an event must be an object with a "type"');
  if (typeof type !== 'string' || !TYPES.has(type)) return refused(`unknown event type ${shown(type)}`);
  const r = GameEvent.safeParse(raw);
  if (!r.success) return refused(`${type}: ${issueText(r.error.issues[0])}`);
  const unknown = unknownId(compile(scenario), r.data);
  return unknown ? refused(`${type}: ${unknown}`) : { ok: true, event: r.data };
}

/** A reason reads as "ORDERS: orders.0: …": callers put it in their own sentence. */
const refused = (why: string): Parsed => ({ ok: false, reason: why });

/** One schema issue in words, with every untrusted key or value cut short. */
export function issueText(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'malformed';
  // For a union, the branch that got furthest says best what is wrong (an inject's effects, not "not a text").
  if (issue.code === 'invalid_union') {
    const best = issue.errors
      .map((branch) => branch[0])
      .filter((x) => x !== undefined)
      .sort((a, b) => b.path.length - a.path.length)[0];
    if (best && best.path.length > 0) return issueText({ ...best, path: [...issue.path, ...best.path] });
  }
  const where = issue.path
    .map((p) => (typeof p === 'string' && !/^[\w-]{1,24}$/.test(p) ? shown(p, 24) : String(p)))
    .join('.');
  const what =
    issue.code === 'unrecognized_keys'
      ? `unknown field ${shown(issue.keys[0], 24)}`
      : issue.message.slice(0, 120);
  return where ? `${where}: ${what}` : what;
}

/** The first id in an event that the scenario does not know, in words, or null. */
function unknownId(c: Compiled, e: GameEvent): string | null {
  const sc = c.scenario;
  const not = (what: string, v: string) => `${shown(v, 24)} is not ${what} of this scenario`;
  const actor = (v: string) => (c.actors.has(v) ? null : not('an actor', v));
  const playable = (v: string) => (c.playable.includes(v) ? null : not('a playable role', v));
  const orderIds = (orders: readonly { action: string; target?: string | undefined }[]) =>
    first(orders, (o) =>
      !c.actions.has(o.action)
        ? not('an action', o.action)
        : o.target !== undefined && !c.places.has(o.target) && !c.actors.has(o.target)
          ? not('a place or actor', o.target)
          : null,
    );
  switch (e.type) {
    case 'ORDERS':
      return playable(e.actor) ?? orderIds(e.orders);
    case 'PLANNED':
      return (
        (c.seated.includes(e.actor) ? null : not('a seat', e.actor)) ??
        orderIds(e.orders) ??
        first(e.talks ?? [], (r) => talkIds(c, e.actor, r))
      );
    case 'SET_SEAT':
      return playable(e.actor);
    case 'INJECT':
      if (typeof e.inject === 'string')
        return sc.injects.some((i) => i.id === e.inject) ? null : not('an inject', e.inject);
      return (
        first(e.inject.effects, (x) => effectId(c, x)) ??
        first(e.inject.map, (m) =>
          first([m.from, m.at], (p) =>
            p === undefined || p === 'actor' || p === 'target' || c.places.has(p) ? null : not('a place', p),
          ),
        )
      );
    case 'PROPOSE':
      return (
        actor(e.actor) ??
        (e.via == null ? null : actor(e.via)) ??
        first(e.parties ?? [], actor) ??
        first(e.clauses, (d) => clauseParams(c, d.clause, d.params))
      );
    case 'PASS':
      return actor(e.actor) ?? first(e.to, actor);
    case 'SIGN':
      return actor(e.actor);
    case 'ANSWER':
      return (
        actor(e.actor) ??
        first(Object.keys(e.answers), (k) => clauseParams(c, k, {})) ??
        first(Object.entries(e.changes ?? {}), ([k, p]) => clauseParams(c, k, p))
      );
    default:
      return null;
  }
}

/** The first thing in a PLANNED's talk record that is not the planned seat's or the scenario's, in words. */
function talkIds(c: Compiled, seat: string, r: TalkRecord): string | null {
  if (r.actor !== seat)
    return `a talk record of ${shown(r.actor, 24)} is not ${shown(seat, 24)}'s to hand in`;
  if (!r.decision) return null;
  if (r.kind === 'text')
    return (
      (r.decision.via === null || c.actors.has(r.decision.via)
        ? null
        : `${shown(r.decision.via, 24)} is not an actor of this scenario`) ??
      first(r.decision.drafts, (d) => clauseParams(c, d.clause, d.params))
    );
  return (
    first(Object.keys(r.decision.answers), (k) => clauseParams(c, k, {})) ??
    first(Object.entries(r.decision.changes), ([k, p]) => clauseParams(c, k, p))
  );
}

function first<T>(xs: readonly T[], check: (x: T) => string | null): string | null {
  for (const x of xs) {
    const problem = check(x);
    if (problem) return problem;
  }
  return null;
}

function clauseParams(c: Compiled, clause: string, params: Record<string, unknown>): string | null {
  const cl = c.scenario.clauses.find((x) => x.id === clause);
  if (!cl) return `${shown(clause, 24)} is not a clause of this scenario`;
  return first(Object.keys(params), (p) =>
    cl.params.some((x) => x.id === p) ? null : `${shown(p, 24)} is not a parameter of "${cl.id}"`,
  );
}

/** The first id in a trainer's effect that the scenario does not know. */
function effectId(c: Compiled, x: z.output<typeof Effect>): string | null {
  const sc = c.scenario;
  const known = (ok: boolean, what: string, v: string) => (ok ? null : `${shown(v, 24)} is not ${what}`);
  if ('metric' in x) return known(c.metrics.has(x.metric), 'a metric', x.metric);
  if ('flag' in x)
    return known(
      sc.flags.some((f) => f.id === x.flag),
      'a flag',
      x.flag,
    );
  if ('crossing' in x) return known(c.crossings.includes(x.crossing), 'a crossing', x.crossing);
  if ('rung' in x)
    return x.rung === 'up' || x.rung === 'down' ? null : known(c.rungIndex.has(x.rung), 'a rung', x.rung);
  if ('mediation' in x)
    return x.mediator === undefined ? null : known(c.actors.has(x.mediator), 'an actor', x.mediator);
  if ('casualties' in x)
    return (
      known(c.actors.has(x.casualties.side), 'an actor', x.casualties.side) ??
      first(Object.keys(x.casualties.claims), (k) => known(c.actors.has(k), 'an actor', k)) ??
      (x.casualties.location === undefined
        ? null
        : known(c.locations.has(x.casualties.location), 'a location', x.casualties.location))
    );
  return null;
}

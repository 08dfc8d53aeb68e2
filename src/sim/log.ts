// The game log: the seed, the seats and every event the game accepted, in order. The machine is
// deterministic, so replaying a log rebuilds the same state bit for bit: undo, forks and exports
// all rest on this. Pure TypeScript over the machine; no DOM.
import { type Actor, createActor } from 'xstate';
import * as z from 'zod';
import { reason, shown } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import { actorName, type Compiled, compile } from './compile.ts';
import { checkEnvelope } from './envelope.ts';
import { type GameEvent, issueText, parseEvent, Seat as SeatSchema } from './events.ts';
import { createGameMachine, type GameMachine } from './machine.ts';
import { checkState } from './state-schema.ts';
import type { GameState, Seat } from './types.ts';

/** The log file's format marker and version. */
export const LOG_FORMAT = 'brink-log';
export const LOG_VERSION = 1;

/** One accepted event, with the round the game was in when it was sent. */
export interface LogEntry {
  round: number;
  event: GameEvent;
}

/** A whole game as data: replaying it gives the same final state. */
export interface GameLog {
  format: typeof LOG_FORMAT;
  version: typeof LOG_VERSION;
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  seats: Record<string, Seat>;
  events: LogEntry[];
  /** Every "undo the last round": what it took out, so the log keeps the whole session. Never replayed. */
  undone?: UndoRecord[];
}

/** An undo: the round the game was in, and the events it took out of the log. */
export interface UndoRecord {
  round: number;
  events: LogEntry[];
}

/** The most events a log may hold: far beyond any game of 200 rounds. */
const MAX_EVENTS = 100_000;
const Entry = z.strictObject({ round: z.number().int().min(0).max(10_000), event: z.unknown() });
/** A log's body, once its header is checked; each event is then parsed by parseEvent. */
export const LogBody = z.strictObject({
  format: z.literal(LOG_FORMAT),
  version: z.literal(LOG_VERSION),
  scenarioId: z.string(),
  scenarioVersion: z.string(),
  seed: z
    .number()
    .int()
    .min(-(2 ** 31))
    .max(2 ** 32),
  seats: z.record(z.string().max(64), SeatSchema),
  events: z.array(Entry).max(MAX_EVENTS),
  undone: z
    .array(
      z.strictObject({ round: z.number().int().min(0).max(10_000), events: z.array(Entry).max(MAX_EVENTS) }),
    )
    .max(10_000)
    .optional(),
});

/** A new, empty log for a game about to start. */
export function newLog(scenario: Scenario, seed: number, seats: Record<string, Seat>): GameLog {
  return {
    format: LOG_FORMAT,
    version: LOG_VERSION,
    scenarioId: scenario.meta.id,
    scenarioVersion: scenario.meta.version,
    seed,
    seats: structuredClone(seats),
    events: [],
  };
}

/**
 * Sends an event and returns the log with it appended, or the same log when the game ignored it (an
 * event that changes nothing, such as a TICK before the deadline, need not be replayed). The machine
 * refuses a malformed event (its guards parse every event), so one never enters a log.
 */
export function sendLogged(actor: Actor<GameMachine>, log: GameLog, event: GameEvent): GameLog {
  const before = actor.getSnapshot();
  actor.send(event);
  if (actor.getSnapshot() === before) return log;
  return { ...log, events: [...log.events, { round: before.context.round, event: structuredClone(event) }] };
}

/** Starts a game from a log's seed and seats and replays its events; the actor is running. */
export function replayLog(
  scenario: Scenario,
  log: GameLog,
  machine: GameMachine = createGameMachine(scenario),
): Actor<GameMachine> {
  const actor = createActor(machine, { input: { seed: log.seed, seats: log.seats } });
  actor.start();
  for (const e of log.events) actor.send(e.event);
  return actor;
}

/** The final state a log replays into. */
export function replayState(scenario: Scenario, log: GameLog, machine?: GameMachine): GameState {
  const actor = replayLog(scenario, log, machine);
  const s = actor.getSnapshot().context;
  actor.stop();
  return s;
}

/** The log up to the start of round `round`'s orders: every event sent in an earlier round. */
export function logBeforeRound(log: GameLog, round: number): GameLog {
  return { ...log, events: log.events.filter((e) => e.round < round) };
}

/**
 * The log without the last round: back to the start of the orders of the last resolved round
 * (the current one when it has resolved, else the one before; never before round 1).
 */
export function undoLastRound(log: GameLog, round: number, resolved: boolean): GameLog {
  return logBeforeRound(log, Math.max(1, resolved ? round : round - 1));
}

/**
 * Reads a log of this scenario deeply: its header, its structure, every event through parseEvent, then
 * a replay into a fresh machine in which every event must be taken, in the round it says, and whose
 * final state must pass the state schema. Nothing is replaced until all of this has held: on success
 * the running replay is handed back.
 */
export function readLog(
  value: unknown,
  scenario: Scenario,
  machine: GameMachine = createGameMachine(scenario),
): { ok: true; log: GameLog; actor: Actor<GameMachine> } | { ok: false; message: string } {
  const fail = (why: string) => ({ ok: false as const, message: `The log is damaged: ${why}.` });
  const header = checkEnvelope(
    value,
    { noun: 'log', kind: 'game log', format: LOG_FORMAT, version: LOG_VERSION },
    scenario,
  );
  if (header) return { ok: false, message: header };
  const body = LogBody.safeParse(value);
  if (!body.success) return fail(issueText(body.error.issues[0]));
  const seated = compile(scenario).seated;
  const seat = Object.keys(body.data.seats).find((k) => !seated.includes(k));
  if (seat !== undefined)
    return fail(`seats: ${shown(seat, 24)} is not an actor with a seat in this scenario`);
  const events: LogEntry[] = [];
  for (const [i, e] of body.data.events.entries()) {
    const parsed = parseEvent(scenario, e.event);
    if (!parsed.ok) return fail(`event ${i + 1} (${parsed.reason})`);
    events.push({ round: e.round, event: parsed.event });
  }
  const undone: UndoRecord[] = [];
  for (const u of body.data.undone ?? []) {
    const es: LogEntry[] = [];
    for (const e of u.events) {
      const parsed = parseEvent(scenario, e.event);
      if (!parsed.ok) return fail(`an undone event (${parsed.reason})`);
      es.push({ round: e.round, event: parsed.event });
    }
    undone.push({ round: u.round, events: es });
  }
  const { undone: kept, ...fields } = body.data;
  const log: GameLog = { ...fields, events, ...(kept ? { undone } : {}) };

  let broken: unknown = null;
  const actor = createActor(machine, { input: { seed: log.seed, seats: log.seats } });
  actor.subscribe({ error: (e) => (broken = e) });
  const stop = (why: string) => {
    actor.stop();
    return fail(why);
  };
  try {
    actor.start();
    for (const [i, e] of events.entries()) {
      const before = actor.getSnapshot();
      if (before.context.round !== e.round)
        return stop(
          `event ${i + 1} says round ${e.round}, but the replay was in round ${before.context.round}`,
        );
      actor.send(e.event);
      if (broken !== null) return stop(`event ${i + 1} (${e.event.type}) broke the game: ${reason(broken)}`);
      if (actor.getSnapshot() === before)
        return stop(
          `event ${i + 1} (${e.event.type}, round ${e.round}) is not one the game takes at that point`,
        );
    }
  } catch (e) {
    return stop(`it does not replay: ${reason(e)}`);
  }
  const problem = checkState(scenario, actor.getSnapshot().context);
  if (problem) return stop(`its replay ends in a state the game cannot hold (${problem})`);
  return { ok: true, log, actor };
}

/** What an undo takes back, in words: each event of the rounds it removes, seat changes included. */
export function describeUndo(c: Compiled, removed: readonly LogEntry[], backTo: number): string {
  const name = (id: string) => actorName(c, id);
  const words: string[] = [];
  for (const { event: e } of removed) {
    if (e.type === 'ORDERS') words.push(`the orders of ${name(e.actor)}`);
    else if (e.type === 'SET_SEAT')
      words.push(
        `${name(e.actor)} handed to ${e.seat.by === 'person' ? 'a person' : `the computer (${e.seat.policy})`}`,
      );
    else if (e.type === 'INJECT') {
      const inj = typeof e.inject === 'string' ? c.scenario.injects.find((i) => i.id === e.inject) : null;
      words.push(
        `the inject “${inj ? inj.name : typeof e.inject === 'string' ? e.inject : e.inject.news.headline}”`,
      );
    } else if (e.type === 'PROPOSE') words.push(`a proposal by ${name(e.actor)}`);
    else if (e.type === 'ANSWER') words.push(`an answer by ${name(e.actor)}`);
    else if (e.type === 'PASS') words.push(`a text passed on by ${name(e.actor)}`);
    else if (e.type === 'SIGN') words.push(`${name(e.actor)} signing as ${e.as}`);
    else if (e.type === 'SET_DEADLINE') words.push(e.at === null ? 'a deadline removed' : 'a deadline set');
    else if (e.type === 'PAUSE') words.push('a pause');
    else if (e.type === 'TICK') words.push('the deadline passing');
  }
  // Each item once, with how many times it came.
  const counted = [...new Set(words)].map((w) => {
    const n = words.filter((x) => x === w).length;
    return n > 1 ? `${w} (×${n})` : w;
  });
  const what = counted.length > 0 ? `it takes back ${counted.join(', ')}` : 'nothing was sent since';
  return `Undo: back to the orders of round ${backTo}; ${what}.`;
}

/** Why a value is not a log of this scenario that replays, or null when it is. */
export function checkLog(value: unknown, scenario: Scenario, machine?: GameMachine): string | null {
  const r = readLog(value, scenario, machine);
  if (!r.ok) return r.message;
  r.actor.stop();
  return null;
}

/** FNV-1a of a text from a given offset basis, as 8 hex digits. */
function fnv(text: string, basis: number): string {
  let h = basis;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** A short fingerprint of a value (FNV-1a over its JSON): two games, or two scenario files, at a glance. */
export const digest = (value: unknown): string => fnv(JSON.stringify(value), 0x811c9dc5);

/** math: a second FNV offset basis (any odd constant other than the standard one). */
const SECOND_BASIS = 0x9e3779b9;

/** Objects' keys in sorted order: a value built or parsed in another order serialises the same. */
const sortedKeys = (_: string, v: unknown): unknown =>
  v && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
    : v;

/**
 * A 64-bit fingerprint (two FNV-1a passes over the JSON, keys sorted): for keys whose mix-up would change a
 * game, compared between copies of a value made on different threads (a schema's parse reorders keys).
 */
export function wideDigest(value: unknown): string {
  const text = JSON.stringify(value, sortedKeys);
  return fnv(text, 0x811c9dc5) + fnv(text, SECOND_BASIS);
}

/** A short fingerprint of a state, to compare two games at a glance. */
export const stateDigest = (s: GameState): string => digest(s);

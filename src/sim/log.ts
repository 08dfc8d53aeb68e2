// The game log: the seed, the seats and every event the game accepted, in order. The machine is
// deterministic, so replaying a log rebuilds the same state bit for bit: undo, forks and exports
// all rest on this. Pure TypeScript over the machine; no DOM.
import { type Actor, createActor } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import { checkEnvelope } from './envelope.ts';
import { createGameMachine, type GameEvent, type GameMachine } from './machine.ts';
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
}

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
 * Sends an event and returns the log with it appended, or the same log when the game ignored it
 * (an event that changes nothing, such as a TICK before the deadline, need not be replayed).
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

/** Why a value is not a log of this scenario, or null when it is. */
export function checkLog(value: unknown, scenario: Scenario): string | null {
  const header = checkEnvelope(
    value,
    { noun: 'log', kind: 'game log', format: LOG_FORMAT, version: LOG_VERSION },
    scenario,
  );
  if (header) return header;
  const v = value as Partial<GameLog>;
  if (typeof v.seed !== 'number' || !Number.isInteger(v.seed))
    return 'The log is damaged: its seed is missing.';
  if (!v.seats || typeof v.seats !== 'object') return 'The log is damaged: its seats are missing.';
  if (!Array.isArray(v.events)) return 'The log is damaged: its events are missing.';
  for (const [i, e] of v.events.entries()) {
    const entry = e as Partial<LogEntry> | null;
    if (!entry || typeof entry.round !== 'number' || typeof entry.event?.type !== 'string')
      return `The log is damaged: event ${i + 1} is not a {round, event} pair.`;
  }
  return null;
}

/** A short fingerprint of a state (FNV-1a over its JSON), to compare two games at a glance. */
export function stateDigest(s: GameState): string {
  const text = JSON.stringify(s);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

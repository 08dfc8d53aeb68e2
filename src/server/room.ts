// One room = one game: a Colyseus room holding one authoritative game actor from src/sim. Colyseus's
// synchronised state is not used at all: after every change each client is sent, as a message, only the
// view its seat may see (projectFor), so nothing private rides a shared state. Every request is parsed
// (protocol.ts, then parseEvent for game events) and checked against the sender's place before the game
// sees it; refusals are logged with their reason.
import { createHash, randomBytes, randomInt } from 'node:crypto';
import { type Client, CloseCode, getMessageBytes, Protocol, Room, ServerError } from '@colyseus/core';
import { type Actor, createActor } from 'xstate';
import type * as z from 'zod';
import { reason, shown } from '../errors.ts';
import {
  CODE_ALPHABET,
  CODE_LENGTH,
  CreateOptions,
  type Draft,
  type Export,
  JoinOptions,
  type Kind,
  type Line,
  MAX_REQUEST_BYTES,
  MAX_REQUESTS_PER_SECOND,
  MESSAGES,
  type Person,
  REQUEST,
  Request,
  type SharedView,
  type Welcome,
} from '../net/protocol.ts';
import type { Scenario } from '../scenario/schema.ts';
import { compile } from '../sim/compile.ts';
import { type GameEvent, issueText, parseEvent } from '../sim/events.ts';
import { startGame } from '../sim/game.ts';
import { describeUndo, type GameLog, newLog, replayLog, sendLogged, undoLastRound } from '../sim/log.ts';
import { createGameMachine, type GameMachine } from '../sim/machine.ts';
import { type Phase, phaseOf } from '../sim/phase.ts';
import { type Projection, projectFor, scenarioFor, type Viewer } from '../sim/projection.ts';
import { checkSave, type SaveFile, saveGame } from '../sim/save.ts';
import type { PlannerPool } from './planner-pool.ts';
import { RoomPlanning } from './room-planning.ts';
import type { Store, StoredSnapshot } from './store.ts';

/** What every room of a process shares: set once by the server before any room opens. */
export interface RoomContext {
  store: Store;
  scenarios: ReadonlyMap<string, Scenario>;
  /** Seconds a dropped client keeps its seat for its reconnection token. */
  reconnectSeconds: number;
  /** Where refusals and room events are written (one line each). */
  log: (line: string) => void;
  /** Codes of stored rooms this process is opening again: only these may be restored. */
  restoring: Set<string>;
  /** The threads that plan computer seats and advice off the event loop (null: planned on it). */
  planner: PlannerPool | null;
}

let context: RoomContext | null = null;
export function setRoomContext(c: RoomContext): void {
  context = c;
}
function ctx(): RoomContext {
  if (!context) throw new Error('the room server is not configured');
  return context;
}

type State = 'pending' | 'in' | 'gone' | 'removed' | 'restart';

interface Participant {
  id: string;
  name: string;
  kind: Kind;
  role: string | null;
  keyHash: string;
  state: State;
  client: Client | null;
  notice: string | null;
}

/** The room's settings, stored so that a restart opens it the same. */
interface Config {
  scenario: string;
  seed: number;
  approval: boolean;
  autoplay: boolean;
  pick: boolean;
  roundMinutes: number | null;
  locked: boolean;
  presenterHash: string;
  /** The presenter's key itself, for the trainer's welcome after a restart (rooms stored before it had none). */
  presenterKey?: string;
  seats: NonNullable<CreateOptions['seats']>;
}

/** Game events a student may send, each for the student's own role only. */
const STUDENT_EVENTS = new Set<GameEvent['type']>(['ORDERS', 'PROPOSE', 'ANSWER', 'PASS', 'SIGN']);
/** Game events only the server itself sends: its clock, and its planner seats' plans (room-planning.ts). */
const SERVER_EVENTS = new Set<GameEvent['type']>(['TICK', 'SYNC', 'PLANNED']);

const hash = (key: string) => createHash('sha256').update(key).digest('hex');
const newKey = () => randomBytes(16).toString('hex');
const newId = () => randomBytes(6).toString('hex');

/** A fresh join code: crypto randomness over an alphabet without look-alikes (31^6, about 887 million). */
export function newCode(taken: (code: string) => boolean): string {
  for (;;) {
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += CODE_ALPHABET[randomInt(CODE_ALPHABET.length)];
    if (!taken(code)) return code;
  }
}

export class GameRoom extends Room {
  override maxMessagesPerSecond = MAX_REQUESTS_PER_SECOND;
  override maxClients = 200;
  // The room stays when everyone has gone: students come back after a drop or a restart.
  override autoDispose = false;

  #scenario!: Scenario;
  #config!: Config;
  #actor!: Actor<GameMachine>;
  #log!: GameLog;
  #people = new Map<string, Participant>();
  #drafts: Record<string, Draft> = {};
  #lines: Line[] = [];
  #trainerKeyForCreator: string | null = null;
  #phase: Phase = 'briefing';
  #planning!: RoomPlanning;

  override onCreate(raw: unknown): void {
    const { store, scenarios, restoring } = ctx();
    const restore = (raw as { restore?: unknown } | null)?.restore;
    if (typeof restore === 'string' && restoring.has(restore)) {
      restoring.delete(restore);
      this.#restore(restore);
      return;
    }
    const parsed = CreateOptions.safeParse(raw);
    if (!parsed.success) throw new ServerError(400, `Room options refused: ${issue(parsed.error)}`);
    const o = parsed.data;
    const scenario = scenarios.get(o.scenario);
    if (!scenario) throw new ServerError(400, `No bundled scenario has the id ${shown(o.scenario)}.`);
    const playable = compile(scenario).playable;
    const unknown = Object.keys(o.seats ?? {}).find((s) => !playable.includes(s));
    if (unknown !== undefined) throw new ServerError(400, `${shown(unknown)} is not a playable role.`);
    const seats = Object.fromEntries(
      playable.map((id) => [id, o.seats?.[id] ?? { by: 'person' as const, policy: 'tit-for-tat' as const }]),
    );
    const presenterKey = newKey();
    this.roomId = newCode((c) => store.hasRoom(c));
    this.#config = {
      scenario: o.scenario,
      seed: randomInt(2 ** 31),
      approval: o.approval,
      autoplay: o.autoplay,
      pick: o.pick,
      roundMinutes: o.roundMinutes,
      locked: false,
      presenterHash: hash(presenterKey),
      presenterKey,
      seats,
    };
    this.#scenario = scenario;
    this.#actor = startGame(scenario, { seed: this.#config.seed, seats });
    this.#log = newLog(scenario, this.#config.seed, this.#actor.getSnapshot().context.seats);
    store.createRoom(this.roomId, this.#config);
    const trainerKey = newKey();
    this.#trainerKeyForCreator = trainerKey;
    this.#add({ name: o.name, kind: 'trainer', key: trainerKey, state: 'in' });
    this.#start();
  }

  #restore(code: string): void {
    const { store } = ctx();
    const stored = store.openRoom(code);
    const scenario = stored && ctx().scenarios.get((JSON.parse(stored.config) as Config).scenario);
    if (!stored || !scenario) throw new ServerError(500, `Room ${code} cannot be restored.`);
    this.roomId = code;
    this.#config = JSON.parse(stored.config) as Config;
    if (!this.#config.presenterKey) {
      // A room stored before the key was kept: the projector gets a new link.
      this.#config.presenterKey = newKey();
      this.#config.presenterHash = hash(this.#config.presenterKey);
      store.setConfig(code, this.#config);
    }
    this.#scenario = scenario;
    this.#log = {
      ...newLog(scenario, this.#config.seed, this.#config.seats),
      events: stored.events.map((e) => ({ round: e.round, event: JSON.parse(e.event) as GameEvent })),
    };
    const { actor, from } = this.#resume(stored.snapshot);
    this.#actor = actor;
    for (const p of stored.participants)
      this.#people.set(p.id, {
        ...p,
        kind: p.kind as Kind,
        // Everyone who was in comes back with their own key, without asking the trainer again.
        state: p.state === 'in' ? 'restart' : (p.state as State),
        client: null,
        notice: null,
      });
    this.#lines = stored.lines.map((l) => JSON.parse(l) as Line);
    ctx().log(
      `room ${code}: restored at round ${this.#state().round} with ${this.#log.events.length} events (${from})`,
    );
    this.#start();
    this.#applyHeld(stored.held);
  }

  /** Events accepted before a restart while the planners worked: parsed again, then held or applied anew. */
  #applyHeld(held: string | null): void {
    if (held === null) return;
    let raw: unknown;
    try {
      raw = JSON.parse(held);
    } catch (e) {
      this.#logLine(`the held events are not readable: ${reason(e)}`);
      return;
    }
    const events = Array.isArray(raw) ? raw : [];
    ctx().store.setHeld(this.roomId, []);
    for (const e of events) {
      const parsed = parseEvent(this.#scenario, e);
      const refused = parsed.ok ? this.#apply(parsed.event) : parsed.reason;
      if (refused !== null) this.#logLine(`a held event is not taken after the restart: ${refused}`);
    }
  }

  /**
   * The game from the last round's stored snapshot and the events accepted after it, or, when there is no
   * snapshot or it cannot be read, from the whole log. Says which, for the restart's log line.
   */
  #resume(snapshot: StoredSnapshot | null): { actor: Actor<GameMachine>; from: string } {
    const all = { actor: replayLog(this.#scenario, this.#log), from: 'replayed from the start' };
    if (!snapshot || snapshot.seq > this.#log.events.length) return all;
    const save: unknown = JSON.parse(snapshot.save);
    const problem = checkSave(save, this.#scenario);
    if (problem !== null) {
      this.#logLine(`the snapshot of round ${snapshot.round} is not used: ${problem}`);
      return all;
    }
    const actor = createActor(createGameMachine(this.#scenario), {
      snapshot: (save as SaveFile).snapshot,
      input: { seed: this.#config.seed },
    });
    actor.start();
    const after = this.#log.events.slice(snapshot.seq);
    for (const e of after) actor.send(e.event);
    return { actor, from: `the snapshot of round ${snapshot.round} and ${after.length} events after it` };
  }

  #start(): void {
    this.#phase = phaseOf(this.#actor);
    this.#planning = new RoomPlanning({
      c: compile(this.#scenario),
      pool: ctx().planner,
      state: () => this.#state(),
      phase: () => this.#phase,
      takes: (event) => this.#actor.getSnapshot().can(event),
      apply: (event) => this.#apply(event),
      changed: () => this.#broadcast(),
      log: (line) => this.#logLine(line),
      keepHeld: (events) => ctx().store.setHeld(this.roomId, events),
    });
    this.#planning.update();
    this.onMessage(REQUEST, (client, message) => this.#request(client, message));
    this.onMessage('*', (client, type) => this.#refuse(client, `unknown message type ${shown(type, 24)}`));
    this.clock.setInterval(() => this.#tick(), 1000);
  }

  override onJoin(client: Client, raw: unknown): void {
    // The creator's join carries the room's options; it is the trainer added in onCreate.
    if (this.#trainerKeyForCreator !== null) {
      const key = this.#trainerKeyForCreator;
      this.#trainerKeyForCreator = null;
      const trainer = [...this.#people.values()].find((p) => p.kind === 'trainer');
      if (trainer) this.#seat(client, trainer, key);
      return;
    }
    const parsed = JoinOptions.safeParse(raw ?? {});
    if (!parsed.success) throw new ServerError(400, `Join refused: ${issue(parsed.error)}`);
    const { name, key } = parsed.data;
    if (key !== undefined) {
      if (hash(key) === this.#config.presenterHash) {
        const p = this.#add({ name: name ?? 'Presenter', kind: 'presenter', key: newKey(), state: 'in' });
        this.#seat(client, p, null);
        return;
      }
      const p = [...this.#people.values()].find((x) => x.keyHash === hash(key));
      // A participant's own key works after a server restart; the trainer's always.
      if (p && (p.kind === 'trainer' || p.state === 'restart' || p.state === 'in')) {
        if (p.client) p.client.leave(CloseCode.CONSENTED, 'signed in elsewhere');
        this.#seat(client, p, null);
        return;
      }
      this.#logLine(`join refused: a key that opens no seat`);
      throw new ServerError(403, 'This key opens no seat in this room: join with your name.');
    }
    if (name === undefined) throw new ServerError(400, 'Join refused: a name is needed.');
    if (this.#config.locked) {
      this.#logLine(`join refused for ${shown(name)}: the room is locked`);
      throw new ServerError(403, 'The room is locked.');
    }
    // Someone back after the reconnection window, by the name they had: the trainer decides.
    const returning = [...this.#people.values()].some(
      (p) => p.kind === 'student' && p.state === 'gone' && p.name === name,
    );
    const p = this.#add({
      name,
      kind: 'student',
      key: newKey(),
      state: this.#config.approval || returning ? 'pending' : 'in',
    });
    this.#seat(client, p, null);
  }

  override onDrop(client: Client): void {
    const p = this.#of(client);
    if (!p || p.state === 'removed') return;
    p.client = null;
    this.#logLine(`${p.name} dropped; seat held ${ctx().reconnectSeconds} s for its reconnection token`);
    this.#broadcast();
    // Refused when the room is being disposed (the server shutting down): the seat stays in the store.
    this.allowReconnection(client, ctx().reconnectSeconds).catch(() => undefined);
  }

  override onReconnect(client: Client): void {
    const p = this.#of(client);
    if (!p) return;
    p.client = client;
    this.#logLine(`${p.name} reconnected`);
    this.#welcome(p);
    this.#broadcast();
  }

  override onLeave(client: Client): void {
    const p = this.#of(client);
    if (!p || p.client !== null) return;
    // Gone for good: back only by name, with the trainer's approval.
    if (p.kind === 'student' && (p.state === 'in' || p.state === 'pending')) {
      p.state = p.state === 'pending' ? 'removed' : 'gone';
      this.#save(p);
      this.#logLine(`${p.name} gone: back only by name, with the trainer's approval`);
    }
    this.#broadcast();
  }

  override onDispose(): void {
    this.#planning?.stop();
    this.#actor.stop();
  }

  // ---- requests ----

  #request(client: Client, raw: unknown): void {
    const p = this.#of(client);
    if (!p) return;
    const refused = this.#handle(client, p, raw);
    if (refused !== null) this.#refuse(client, refused);
  }

  /** Does what a request asks, or says why not. */
  #handle(client: Client, p: Participant, raw: unknown): string | null {
    let size = 0;
    try {
      size = JSON.stringify(raw ?? null).length;
    } catch {
      size = Number.POSITIVE_INFINITY;
    }
    if (size > MAX_REQUEST_BYTES) return `a request of ${size} bytes (at most ${MAX_REQUEST_BYTES})`;
    const parsed = Request.safeParse(raw);
    if (!parsed.success) return `malformed request: ${issue(parsed.error)}`;
    const r = parsed.data;
    if (p.state !== 'in') return `${r.type} while waiting for the trainer`;
    const trainer = p.kind === 'trainer';
    const trainerOnly = ['undo', 'assign', 'remove', 'approve', 'lock', 'autoplay', 'deadline', 'export'];
    if (trainerOnly.includes(r.type) && !trainer) return `${r.type} is the trainer's, not a ${p.kind}'s`;
    if (p.kind === 'presenter') return `the presenter sends nothing (${r.type})`;
    p.notice = null;
    switch (r.type) {
      case 'event':
        return this.#event(p, r.event);
      case 'undo':
        return this.#undo();
      case 'pick':
        if (!this.#config.pick) return 'the trainer assigns roles in this room';
        return this.#assign(p, r.role);
      case 'assign': {
        const who = this.#people.get(r.participant);
        if (who?.kind !== 'student') return 'no such student';
        return this.#assign(who, r.role);
      }
      case 'remove': {
        const who = this.#people.get(r.participant);
        if (!who || who.kind === 'trainer') return 'no such participant';
        who.state = 'removed';
        who.role = null;
        this.#save(who);
        who.client?.leave(CloseCode.CONSENTED, 'removed by the trainer');
        who.client = null;
        this.#logLine(`${who.name} removed by the trainer`);
        this.#broadcast();
        return null;
      }
      case 'approve': {
        const who = this.#people.get(r.participant);
        if (who?.state !== 'pending') return 'nobody waits under that id';
        if (!r.accept) {
          who.state = 'removed';
          who.client?.leave(CloseCode.CONSENTED, 'refused by the trainer');
          who.client = null;
        } else {
          who.state = 'in';
          // Someone back by name takes the seat they had.
          const before = [...this.#people.values()].find(
            (x) => x !== who && x.kind === 'student' && x.state === 'gone' && x.name === who.name,
          );
          if (before) {
            who.role = before.role;
            before.state = 'removed';
            this.#save(before);
          }
          this.#welcome(who);
        }
        this.#save(who);
        this.#broadcast();
        return null;
      }
      case 'lock':
        this.#config.locked = r.locked;
        this.#configChanged();
        return null;
      case 'autoplay':
        this.#config.autoplay = r.on;
        this.#configChanged();
        return null;
      case 'deadline':
        this.#config.roundMinutes = r.minutes;
        this.#configChanged();
        if (this.#phase !== 'orders') return null;
        return this.#apply({
          type: 'SET_DEADLINE',
          at: r.minutes === null ? null : Date.now() + r.minutes * 60_000,
        });
      case 'draft':
        if (p.role === null) return 'a draft needs a role';
        this.#drafts[p.role] = { orders: r.orders, note: r.note, by: p.name };
        this.#broadcast();
        return null;
      case 'chat':
        if (p.role === null && !trainer) return 'team chat needs a role';
        this.#addLine({
          at: Date.now(),
          from: p.name,
          role: p.role,
          to: null,
          team: true,
          text: r.text,
        });
        return null;
      case 'say':
        if (p.role === null) return 'an in-character message needs a role';
        if (r.to !== '*' && !compile(this.#scenario).actors.has(r.to))
          return `${shown(r.to, 24)} is not an actor of this scenario`;
        this.#addLine({
          at: Date.now(),
          from: p.name,
          role: p.role,
          to: r.to,
          team: false,
          text: r.text,
        });
        return null;
      case 'export': {
        const out: Export = { log: this.#log, lines: this.#lines };
        client.send(MESSAGES.export, out);
        return null;
      }
    }
  }

  #event(p: Participant, raw: unknown): string | null {
    const parsed = parseEvent(this.#scenario, raw);
    if (!parsed.ok) return `event refused: ${parsed.reason}`;
    const e = parsed.event;
    if (SERVER_EVENTS.has(e.type)) return `${e.type} comes from the server only`;
    if (p.kind === 'student') {
      if (!STUDENT_EVENTS.has(e.type)) return `${e.type} is the trainer's, not a student's`;
      const actor = (e as { actor: string }).actor;
      if (actor !== p.role) return `${e.type} for ${shown(actor, 24)} from a member of ${shown(p.role, 24)}`;
    }
    if (e.type === 'BEGIN' || e.type === 'NEXT') {
      const unheld = this.#seatUnheld();
      if (unheld !== null) return unheld;
    }
    // The server's clock, not the client's, says when a pause began and ended.
    const event: GameEvent =
      e.type === 'PAUSE' || e.type === 'RESUME' ? { type: e.type, now: Date.now() } : e;
    return this.#apply(event);
  }

  /**
   * Before a round opens, a person's seat that no participant holds would wait for orders that never come:
   * with autoplay its computer player takes it (the trainer can give it back with SET_SEAT), else the
   * trainer is told which seats are empty and the round does not open.
   */
  #seatUnheld(): string | null {
    const s = this.#state();
    const empty = compile(this.#scenario).playable.filter(
      (role) =>
        s.seats[role]?.by === 'person' &&
        ![...this.#people.values()].some(
          (p) => p.role === role && p.kind === 'student' && (p.state === 'in' || p.state === 'restart'),
        ),
    );
    if (empty.length === 0) return null;
    if (!this.#config.autoplay)
      return `nobody holds ${empty.join(', ')}: assign a student or give the seat to its computer player`;
    for (const role of empty) {
      const seat = s.seats[role];
      if (seat) this.#apply({ type: 'SET_SEAT', actor: role, seat: { ...seat, by: 'computer' } });
      this.#logLine(`nobody holds ${role}: its computer player takes the seat`);
    }
    return null;
  }

  /**
   * Sends an event to the game; commits it before anyone hears of it. An event that would resolve the round
   * while a planner seat's plan is still being made waits for it (room-planning.ts).
   */
  #apply(event: GameEvent): string | null {
    if (this.#planning.holds(event)) {
      this.#broadcast();
      return null;
    }
    const before = this.#log.events.length;
    const next = sendLogged(this.#actor, this.#log, event);
    if (next === this.#log) return `${event.type}: the game does not take it at this point`;
    this.#log = next;
    ctx().store.writeEvents(this.roomId, before, next.events.slice(before));
    this.#changed();
    return null;
  }

  #changed(): void {
    const phase = phaseOf(this.#actor);
    const s = this.#state();
    if (phase !== this.#phase) {
      if (phase === 'report' || phase === 'ended') {
        this.#snapshotSoon(s.round);
        this.#drafts = {};
      }
      if (phase === 'ended') ctx().store.endRoom(this.roomId);
      const roundStarted = phase === 'orders' && this.#config.roundMinutes !== null;
      this.#phase = phase;
      if (roundStarted && s.deadline === null) {
        this.#apply({
          type: 'SET_DEADLINE',
          at: Date.now() + (this.#config.roundMinutes ?? 0) * 60_000,
        });
        return;
      }
    }
    this.#planning.update();
    this.#broadcast();
  }

  /**
   * The resolved round's snapshot, stored once this turn of the event loop has sent its views: the events that
   * led to it are committed already, so a restart meanwhile loses nothing, and when many rooms' rounds end
   * together their results go out before any room's snapshot is written. A room whose game moved on in between
   * stores none (a restart replays those events from the snapshot before).
   */
  #snapshotSoon(round: number): void {
    const log = this.#log;
    setImmediate(() => {
      if (this.#log !== log) return;
      try {
        ctx().store.snapshot(this.roomId, round, log.events.length, saveGame(this.#actor, this.#scenario));
      } catch (e) {
        this.#logLine(`the snapshot of round ${round} is not stored: ${reason(e)}`);
      }
    });
  }

  #undo(): string | null {
    const s = this.#state();
    const resolved = this.#phase === 'report' || this.#phase === 'ended';
    const next = undoLastRound(this.#log, s.round, resolved);
    const removed = this.#log.events.slice(next.events.length);
    const log: GameLog = {
      ...next,
      undone: [...(this.#log.undone ?? []), { round: s.round, events: removed }],
    };
    try {
      const actor = replayLog(this.#scenario, log);
      this.#actor.stop();
      this.#actor = actor;
      this.#log = log;
    } catch (e) {
      return `undo failed: ${reason(e)}`;
    }
    ctx().store.writeEvents(this.roomId, log.events.length, []);
    this.#phase = phaseOf(this.#actor);
    this.#planning.reset();
    this.#planning.update();
    this.#logLine(`undo: ${removed.length} events taken back`);
    this.#broadcast();
    return null;
  }

  #assign(who: Participant, role: string | null): string | null {
    if (role !== null && !compile(this.#scenario).playable.includes(role))
      return `${shown(role, 24)} is not a playable role`;
    who.role = role;
    this.#save(who);
    this.#welcome(who);
    this.#broadcast();
    return null;
  }

  /** The deadline: a seat nobody holds is handed to its computer player if the trainer chose so, then TICK. */
  #tick(): void {
    const s = this.#state();
    if (this.#phase !== 'orders' || s.paused || s.deadline === null || Date.now() < s.deadline) return;
    if (this.#config.autoplay)
      for (const role of compile(this.#scenario).playable) {
        const held = [...this.#people.values()].some((p) => p.role === role && p.client !== null);
        if (!held && s.seats[role]?.by === 'person' && s.orders[role] === undefined) {
          this.#apply({ type: 'SET_SEAT', actor: role, seat: { ...s.seats[role], by: 'computer' } });
          this.#logLine(`nobody at ${role} at the deadline: its computer player takes the seat`);
        }
      }
    if (this.#phase === 'orders') this.#apply({ type: 'TICK', now: Date.now() });
  }

  // ---- people ----

  #add(o: { name: string; kind: Kind; key: string; state: State }): Participant {
    const p: Participant = {
      id: newId(),
      name: o.name,
      kind: o.kind,
      role: null,
      keyHash: hash(o.key),
      state: o.state,
      client: null,
      notice: null,
    };
    this.#people.set(p.id, p);
    this.#pendingKeys.set(p.id, o.key);
    this.#save(p);
    return p;
  }

  /** Keys not yet handed to their holder (sent once, in the welcome). */
  #pendingKeys = new Map<string, string>();

  #seat(client: Client, p: Participant, key: string | null): void {
    client.userData = { id: p.id };
    p.client = client;
    if (p.state === 'restart') {
      p.state = 'in';
      this.#save(p);
    }
    if (key !== null) this.#pendingKeys.set(p.id, key);
    this.#logLine(`${p.name} joined as ${p.kind}${p.state === 'pending' ? ' (waiting for approval)' : ''}`);
    this.#welcome(p);
    this.#broadcast();
  }

  #welcome(p: Participant): void {
    if (!p.client) return;
    const key = this.#pendingKeys.get(p.id);
    this.#pendingKeys.delete(p.id);
    const w: Welcome = {
      id: p.id,
      name: p.name,
      key: key ?? '',
      scenario: p.state === 'pending' ? null : scenarioFor(this.#scenario, this.#viewer(p)),
      ...(p.kind === 'trainer' && this.#config.presenterKey
        ? { presenterKey: this.#config.presenterKey }
        : {}),
    };
    p.client.send(MESSAGES.welcome, w);
  }

  #of(client: Client): Participant | undefined {
    const id = (client.userData as { id?: string } | undefined)?.id;
    return id === undefined ? undefined : this.#people.get(id);
  }

  #viewer(p: Participant): Viewer {
    if (p.kind === 'trainer') return 'trainer';
    return p.kind === 'student' && p.role !== null ? { seat: p.role } : 'presenter';
  }

  #save(p: Participant): void {
    ctx().store.saveParticipant(this.roomId, {
      id: p.id,
      name: p.name,
      kind: p.kind,
      role: p.role,
      keyHash: p.keyHash,
      state: p.state,
    });
  }

  #configChanged(): void {
    ctx().store.setConfig(this.roomId, this.#config);
    this.#broadcast();
  }

  #addLine(line: Line): void {
    this.#lines.push(line);
    ctx().store.addLine(this.roomId, this.#lines.length, line);
    this.#broadcast();
  }

  // ---- what each client sees ----

  #state() {
    return this.#actor.getSnapshot().context;
  }

  #refuse(client: Client, why: string): void {
    const p = this.#of(client);
    this.#logLine(
      `refused from ${p ? `${shown(p.name, 24)} (${p.kind}${p.role ? ` ${p.role}` : ''})` : 'an unknown client'}: ${why}`,
    );
    if (!p) return;
    p.notice = why;
    this.#send(p);
  }

  #logLine(line: string): void {
    ctx().log(`room ${this.roomId}: ${line}`);
  }

  /**
   * Every connected client gets its view. Clients with the same place in the room (kind, role, waiting or
   * not) see the same view, so it is encoded once and the same bytes go to each of them; a client with a
   * notice of its own gets a copy of its own.
   */
  #broadcast(): void {
    const frames = new Map<string, Buffer>();
    for (const p of this.#people.values()) {
      if (!p.client) continue;
      const group = `${p.kind}|${p.role ?? ''}|${p.state === 'pending'}`;
      let frame = p.notice === null ? frames.get(group) : undefined;
      if (!frame) {
        frame = getMessageBytes.raw(Protocol.ROOM_DATA, MESSAGES.view, this.#view(p));
        if (p.notice === null) frames.set(group, frame);
      }
      p.client.enqueueRaw(frame);
      p.notice = null;
    }
  }

  #send(p: Participant): void {
    p.client?.send(MESSAGES.view, this.#view(p));
    p.notice = null;
  }

  /** The game as a viewer sees it, computed once per state of the game and viewer. */
  #projection(viewer: Viewer): Projection {
    const state = this.#state();
    if (this.#projections.state !== state) this.#projections = { state, byViewer: new Map() };
    const key = typeof viewer === 'string' ? viewer : `seat:${viewer.seat}`;
    let projection = this.#projections.byViewer.get(key);
    if (!projection) {
      projection = projectFor(this.#scenario, viewer, state);
      this.#projections.byViewer.set(key, projection);
    }
    return projection;
  }

  #projections: { state: object | null; byViewer: Map<string, Projection> } = {
    state: null,
    byViewer: new Map(),
  };

  /** What one participant may see; nothing in it names the participant but their place in the room. */
  #view(p: Participant): SharedView {
    const trainer = p.kind === 'trainer';
    const pending = p.state === 'pending';
    return {
      code: this.roomId,
      you: { kind: p.kind, role: p.role, pending },
      phase: this.#phase,
      projection: pending ? null : this.#projection(this.#viewer(p)),
      people: pending ? [] : this.#peopleFor(trainer),
      locked: this.#config.locked,
      approval: this.#config.approval,
      autoplay: this.#config.autoplay,
      pick: this.#config.pick,
      drafts: pending
        ? {}
        : trainer
          ? this.#drafts
          : p.role !== null && this.#drafts[p.role]
            ? { [p.role]: this.#drafts[p.role] as Draft }
            : {},
      lines: pending ? [] : this.#lines.filter((l) => sees(p, l)),
      notice: p.notice,
      undoes: trainer ? this.#undoWords() : null,
      thinking: pending ? [] : this.#planning.thinking(),
      // The advisor's suggestion goes to the advised seat's own students, as on that seat's orders screen.
      advice: !pending && p.kind === 'student' && p.role !== null ? this.#planning.advice(p.role) : null,
    };
  }

  #peopleFor(trainer: boolean): Person[] {
    return [...this.#people.values()]
      .filter((p) => p.state !== 'removed' && (trainer || p.state !== 'pending'))
      .map((p) => ({
        id: p.id,
        name: p.name,
        role: p.role,
        connected: p.client !== null,
        pending: p.state === 'pending',
      }));
  }

  #undoWords(): string | null {
    const s = this.#state();
    if (s.round < 1) return null;
    const resolved = this.#phase === 'report' || this.#phase === 'ended';
    const next = undoLastRound(this.#log, s.round, resolved);
    return describeUndo(
      compile(this.#scenario),
      this.#log.events.slice(next.events.length),
      Math.max(1, resolved ? s.round : s.round - 1),
    );
  }
}

/** Who reads a line: the trainer every line; a team its own chat; a role its own messages; all, public statements. */
function sees(p: Participant, l: Line): boolean {
  if (p.kind === 'trainer') return true;
  if (l.team) return p.kind === 'student' && p.role !== null && l.role === p.role;
  if (l.to === '*') return true;
  return p.kind === 'student' && p.role !== null && (l.role === p.role || l.to === p.role);
}

const issue = (e: z.ZodError) => issueText(e.issues[0]);

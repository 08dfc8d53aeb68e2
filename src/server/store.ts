// The room server's store on disk: Node's built-in SQLite (no native addon), in WAL mode. Every accepted
// event is committed before the room tells anyone, so a server killed with kill -9 restarts with every
// accepted order; each resolved round also stores the state. synchronous=NORMAL: in WAL mode a commit
// survives the process being killed (the log is in the system's cache at once) and only a power cut may
// lose the last ones, while FULL would wait for the disk at every order, on the rooms' one thread.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { DatabaseSync, type StatementSync } from 'node:sqlite';

/** A room as stored: its settings and its participants, with the log's events in order. */
export interface StoredRoom {
  code: string;
  config: string;
  events: { round: number; event: string }[];
  /** The game saved at the last resolved round, or null before the first. */
  snapshot: StoredSnapshot | null;
  participants: StoredParticipant[];
  lines: string[];
  /** The events held for the planners when the server stopped (JSON), or null. */
  held: string | null;
}

/** A save file (save.ts) of the game after a resolved round, and the number of the log's events it holds. */
export interface StoredSnapshot {
  round: number;
  seq: number;
  save: string;
}

export interface StoredParticipant {
  id: string;
  name: string;
  kind: string;
  role: string | null;
  keyHash: string;
  state: string;
}

export class Store {
  readonly #db: DatabaseSync;
  /** Prepared once: every order of every room goes through the same few statements. */
  readonly #statements = new Map<string, StatementSync>();
  /**
   * How many events each room has stored, once this store has created, read or written them. An event
   * appended past them replaces nothing, so its write runs no DELETE (the two found nothing, ~5 % of the
   * server's CPU per round in the rooms bench); a room not counted here is written as a replacement.
   */
  readonly #stored = new Map<string, number>();

  constructor(dir: string) {
    mkdirSync(dir, { recursive: true });
    this.#db = new DatabaseSync(join(dir, 'brink.sqlite'));
    this.#db.exec(`
      PRAGMA journal_mode = WAL;
      PRAGMA synchronous = NORMAL;
      CREATE TABLE IF NOT EXISTS rooms (code TEXT PRIMARY KEY, config TEXT NOT NULL, ended INTEGER NOT NULL DEFAULT 0);
      CREATE TABLE IF NOT EXISTS events (code TEXT NOT NULL, seq INTEGER NOT NULL, round INTEGER NOT NULL,
        event TEXT NOT NULL, PRIMARY KEY (code, seq));
      CREATE TABLE IF NOT EXISTS snapshots (code TEXT NOT NULL, round INTEGER NOT NULL, seq INTEGER NOT NULL,
        state TEXT NOT NULL, PRIMARY KEY (code, round));
      CREATE TABLE IF NOT EXISTS participants (code TEXT NOT NULL, id TEXT NOT NULL, name TEXT NOT NULL,
        kind TEXT NOT NULL, role TEXT, key_hash TEXT NOT NULL, state TEXT NOT NULL, PRIMARY KEY (code, id));
      CREATE TABLE IF NOT EXISTS lines (code TEXT NOT NULL, seq INTEGER NOT NULL, line TEXT NOT NULL,
        PRIMARY KEY (code, seq));
      CREATE TABLE IF NOT EXISTS held (code TEXT PRIMARY KEY, events TEXT NOT NULL);
    `);
  }

  hasRoom(code: string): boolean {
    return this.#sql('SELECT 1 FROM rooms WHERE code = ?').get(code) !== undefined;
  }

  createRoom(code: string, config: unknown): void {
    this.#sql('INSERT INTO rooms (code, config) VALUES (?, ?)').run(code, JSON.stringify(config));
    this.#stored.set(code, 0);
  }

  endRoom(code: string): void {
    this.#sql('UPDATE rooms SET ended = 1 WHERE code = ?').run(code);
  }

  /**
   * The log's events from `seq` on are replaced by these (an undo removes, an accepted event adds); a
   * snapshot holding any of the replaced events goes with them.
   */
  writeEvents(code: string, from: number, events: readonly { round: number; event: unknown }[]): void {
    const stored = this.#stored.get(code);
    // Counted again once the write has committed: a failed one leaves the room uncounted.
    this.#stored.delete(code);
    this.#tx(() => {
      // A snapshot holds at most the events stored when it was taken, so an append finds none to delete.
      if (stored === undefined || from < stored) {
        this.#sql('DELETE FROM events WHERE code = ? AND seq >= ?').run(code, from);
        this.#sql('DELETE FROM snapshots WHERE code = ? AND seq > ?').run(code, from);
      }
      const add = this.#sql('INSERT INTO events (code, seq, round, event) VALUES (?, ?, ?, ?)');
      for (const [i, e] of events.entries()) add.run(code, from + i, e.round, JSON.stringify(e.event));
    });
    this.#stored.set(code, from + events.length);
  }

  /** The game saved after a resolved round, beside the number of events that led to it. */
  snapshot(code: string, round: number, seq: number, state: unknown): void {
    this.#sql('INSERT OR REPLACE INTO snapshots (code, round, seq, state) VALUES (?, ?, ?, ?)').run(
      code,
      round,
      seq,
      JSON.stringify(state),
    );
  }

  /** Events accepted but held until the room's planners are done (room-planning.ts): none once applied. */
  setHeld(code: string, events: readonly unknown[]): void {
    if (events.length === 0) this.#sql('DELETE FROM held WHERE code = ?').run(code);
    else
      this.#sql('INSERT OR REPLACE INTO held (code, events) VALUES (?, ?)').run(code, JSON.stringify(events));
  }

  saveParticipant(code: string, p: StoredParticipant): void {
    this.#sql('INSERT OR REPLACE INTO participants VALUES (?, ?, ?, ?, ?, ?, ?)').run(
      code,
      p.id,
      p.name,
      p.kind,
      p.role,
      p.keyHash,
      p.state,
    );
  }

  addLine(code: string, seq: number, line: unknown): void {
    this.#sql('INSERT INTO lines (code, seq, line) VALUES (?, ?, ?)').run(code, seq, JSON.stringify(line));
  }

  setConfig(code: string, config: unknown): void {
    this.#sql('UPDATE rooms SET config = ? WHERE code = ?').run(JSON.stringify(config), code);
  }

  /** The codes of every room not yet ended, to be opened again after a restart. */
  openCodes(): string[] {
    return (this.#sql('SELECT code FROM rooms WHERE ended = 0').all() as { code: string }[]).map(
      (r) => r.code,
    );
  }

  /** A room not yet ended, as stored, or null. */
  openRoom(code: string): StoredRoom | null {
    const room = this.#sql('SELECT config FROM rooms WHERE code = ? AND ended = 0').get(code) as
      | { config: string }
      | undefined;
    if (!room) return null;
    const snapshot = this.#sql(
      'SELECT round, seq, state FROM snapshots WHERE code = ? ORDER BY seq DESC, round DESC LIMIT 1',
    ).get(code) as { round: number; seq: number; state: string } | undefined;
    const events = this.#sql('SELECT round, event FROM events WHERE code = ? ORDER BY seq').all(
      code,
    ) as StoredRoom['events'];
    this.#stored.set(code, events.length);
    return {
      code,
      config: room.config,
      events,
      snapshot: snapshot ? { round: snapshot.round, seq: snapshot.seq, save: snapshot.state } : null,
      participants: (
        this.#sql('SELECT * FROM participants WHERE code = ?').all(code) as Record<string, string>[]
      ).map((r) => ({
        id: String(r.id),
        name: String(r.name),
        kind: String(r.kind),
        role: r.role ?? null,
        keyHash: String(r.key_hash),
        state: String(r.state),
      })),
      lines: (
        this.#sql('SELECT line FROM lines WHERE code = ? ORDER BY seq').all(code) as { line: string }[]
      ).map((r) => r.line),
      held:
        (this.#sql('SELECT events FROM held WHERE code = ?').get(code) as { events: string } | undefined)
          ?.events ?? null,
    };
  }

  close(): void {
    this.#db.close();
  }

  #sql(sql: string): StatementSync {
    let st = this.#statements.get(sql);
    if (!st) {
      st = this.#db.prepare(sql);
      this.#statements.set(sql, st);
    }
    return st;
  }

  #tx(body: () => void): void {
    this.#db.exec('BEGIN');
    try {
      body();
      this.#db.exec('COMMIT');
    } catch (e) {
      this.#db.exec('ROLLBACK');
      throw e;
    }
  }
}

// The connection to a room: create, join by code, come back with a reconnection token or a key, send
// requests, hear the room's views. No DOM: the browser's screens and the tests both use it.
import { Client, type Room } from '@colyseus/sdk';
import type * as z from 'zod';
import { issueText } from '../sim/events.ts';
import {
  type CreateOptions,
  Export,
  type JoinOptions,
  MESSAGES,
  REQUEST,
  type Request,
  ROOM_NAME,
  SharedView,
  type View,
  Welcome,
} from './protocol.ts';

export class RoomConnection {
  view: View | null = null;
  welcome: Welcome | null = null;
  /** Why the server's last unreadable message was refused, or null: the last good view stays. */
  refused: string | null = null;
  readonly #views = new Set<(v: View) => void>();
  readonly #welcomes = new Set<(w: Welcome) => void>();
  readonly #exports = new Set<(e: Export) => void>();
  readonly #refusals = new Set<(why: string) => void>();
  /**
   * How this connection reads a view: parsed whole against its schema. The rooms bench's load generator,
   * whose clients read only the fields it waits on (bench/view-peek.ts), puts its own reader here.
   */
  readView: (raw: unknown) => z.ZodSafeParseResult<SharedView> = (raw) => SharedView.safeParse(raw);

  private constructor(readonly room: Room) {
    room.onMessage(MESSAGES.view, (raw: unknown) => {
      const shared = this.#read(this.readView(raw), 'a view');
      if (!shared) return;
      const v: View = {
        ...shared,
        you: { ...shared.you, id: this.welcome?.id ?? '', name: this.welcome?.name ?? '' },
      };
      this.view = v;
      for (const f of this.#views) f(v);
    });
    room.onMessage(MESSAGES.welcome, (raw: unknown) => {
      const w = this.#read(Welcome.safeParse(raw), 'a welcome');
      if (!w) return;
      // The key is sent once; a later welcome (a new role) keeps it.
      this.welcome = { ...w, key: w.key || this.welcome?.key || '' };
      for (const f of this.#welcomes) f(this.welcome);
    });
    room.onMessage(MESSAGES.export, (raw: unknown) => {
      const e = this.#read(Export.safeParse(raw), 'an export');
      if (e) for (const f of this.#exports) f(e);
    });
  }

  /**
   * A message from the server as its schema parsed it, or null when malformed: then the reason goes to the
   * refusal listeners and nothing else changes (Colyseus's handler is never thrown into).
   */
  #read<T>(r: z.ZodSafeParseResult<T>, noun: string): T | null {
    if (r.success) return r.data;
    const why = `The server sent ${noun} the game cannot read: ${issueText(r.error.issues[0])}.`;
    this.refused = why;
    for (const f of this.#refusals) f(why);
    return null;
  }

  /** A new room; the creator is its trainer. `endpoint` is the server's http(s) address. */
  static async create(endpoint: string, options: CreateOptions): Promise<RoomConnection> {
    return new RoomConnection(await new Client(endpoint).create(ROOM_NAME, options));
  }

  /** Into a room by its join code, with a name or a key. */
  static async join(endpoint: string, code: string, options: JoinOptions): Promise<RoomConnection> {
    return new RoomConnection(await new Client(endpoint).joinById(code, options));
  }

  /** Back into the same seat with the token of a dropped connection (inside the reconnection window). */
  static async reconnect(endpoint: string, token: string): Promise<RoomConnection> {
    return new RoomConnection(await new Client(endpoint).reconnect(token));
  }

  /**
   * Back into a room after a drop: the reconnection token first (inside the window, the seat is held for
   * it), else the participant's own key (after a server restart, the room reopened from its store).
   */
  static async resume(
    endpoint: string,
    code: string,
    held: { token?: string; key?: string },
  ): Promise<RoomConnection> {
    if (held.token) {
      try {
        return await RoomConnection.reconnect(endpoint, held.token);
      } catch {
        // The window has passed or the server restarted: the key is next.
      }
    }
    return RoomConnection.join(endpoint, code, held.key ? { key: held.key } : {});
  }

  get code(): string {
    return this.room.roomId;
  }

  /** roomId:token, what `reconnect` takes. */
  get reconnectionToken(): string {
    return this.room.reconnectionToken;
  }

  send(request: Request): void {
    this.room.send(REQUEST, request);
  }

  onView(f: (v: View) => void): () => void {
    this.#views.add(f);
    return () => this.#views.delete(f);
  }

  onWelcome(f: (w: Welcome) => void): () => void {
    this.#welcomes.add(f);
    return () => this.#welcomes.delete(f);
  }

  onExport(f: (e: Export) => void): () => void {
    this.#exports.add(f);
    return () => this.#exports.delete(f);
  }

  /** Each message from the server that is refused as malformed, with the reason. */
  onRefused(f: (why: string) => void): () => void {
    this.#refusals.add(f);
    return () => this.#refusals.delete(f);
  }

  /** The next view that satisfies `test` (the current one if it does already). */
  until(test: (v: View) => boolean, ms = 30_000): Promise<View> {
    if (this.view && test(this.view)) return Promise.resolve(this.view);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        off();
        reject(new Error(`no such view within ${ms} ms; last: ${JSON.stringify(this.view)?.slice(0, 300)}`));
      }, ms);
      const off = this.onView((v) => {
        if (!test(v)) return;
        clearTimeout(timer);
        off();
        resolve(v);
      });
    });
  }

  leave(): Promise<number> {
    return this.room.leave(true);
  }
}

// The connection to a room: create, join by code, come back with a reconnection token or a key, send
// requests, hear the room's views. No DOM: the browser's screens and the tests both use it.
import { Client, type Room } from '@colyseus/sdk';
import {
  type CreateOptions,
  type Export,
  type JoinOptions,
  MESSAGES,
  REQUEST,
  type Request,
  ROOM_NAME,
  type SharedView,
  type View,
  type Welcome,
} from './protocol.ts';

export class RoomConnection {
  view: View | null = null;
  welcome: Welcome | null = null;
  readonly #views = new Set<(v: View) => void>();
  readonly #welcomes = new Set<(w: Welcome) => void>();
  readonly #exports = new Set<(e: Export) => void>();

  private constructor(readonly room: Room) {
    room.onMessage(MESSAGES.view, (shared: SharedView) => {
      const v: View = {
        ...shared,
        you: { ...shared.you, id: this.welcome?.id ?? '', name: this.welcome?.name ?? '' },
      };
      this.view = v;
      for (const f of this.#views) f(v);
    });
    room.onMessage(MESSAGES.welcome, (w: Welcome) => {
      // The key is sent once; a later welcome (a new role) keeps it.
      this.welcome = { ...w, key: w.key || this.welcome?.key || '' };
      for (const f of this.#welcomes) f(this.welcome);
    });
    room.onMessage(MESSAGES.export, (e: Export) => {
      for (const f of this.#exports) f(e);
    });
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

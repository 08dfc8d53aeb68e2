// The classroom channel: the game window (host) broadcasts each new state; the console and the
// presenter view listen, and the console sends commands back. BroadcastChannel reaches every
// window of the same origin in the same browser profile, so both windows must run on one machine,
// and every tab hears everything: what goes out is projected (projectFor), the trainer's view is sealed
// and commands are signed once the trainer tools are locked (seal.ts), and whatever comes in is parsed.
import * as z from 'zod';
import type { Scenario } from '../scenario/schema.ts';
import type { Phase } from '../sim/phase.ts';
import type { GameState } from '../sim/types.ts';

/** A signature on a command: a fresh nonce and HMAC-SHA-256 over it and the command's JSON. */
export const Proof = z.strictObject({
  nonce: z.string().regex(/^[0-9a-f]{32}$/),
  mac: z.string().regex(/^[0-9a-f]{64}$/),
});
export type Proof = z.infer<typeof Proof>;

/** A sealed text: nonce, ciphertext and tag, as bytes (the channel clones them; hex would double the cost). */
const Bytes = (length?: number) =>
  z.custom<Uint8Array>(
    (b) => b instanceof Uint8Array && (length === undefined || b.length === length),
    `${length ?? 'some'} bytes`,
  );
export const Sealed = z.strictObject({ nonce: Bytes(16), data: Bytes(), tag: Bytes(32) });
export type Sealed = z.infer<typeof Sealed>;

/** The channel's name, shared by every Brink window of this origin. */
export const CHANNEL_NAME = 'brink-classroom';

export type { Phase };

/** What the host broadcasts after every change: the game as one viewer may see it. */
export interface StateMessage {
  kind: 'state';
  /** Public (the presenter's projection) or the trainer's. */
  view: 'public' | 'trainer';
  scenario: Scenario;
  phase: Phase;
  state: GameState;
  /** The roles that have given this round's orders: public, though the orders are not. */
  submitted: string[];
  /** True when the host keeps a log, so "undo the last round" is possible. */
  canUndo: boolean;
  /** What "undo the last round" would take back, in words, or null. */
  undoes: string | null;
  /** A one-line outcome of the last command (e.g. why it was refused), or null. */
  notice: string | null;
  /**
   * The host's signature over the rest of the message's JSON, once it holds the trainer's key: a view in a
   * locked browser takes no state without it. Last, so the fields signed keep their order (kind and view
   * first, as the channel's parse hands them on); its shape is checked by the view, before the signature.
   */
  proof?: Proof | null;
}

/**
 * A console's request: send a game event (parsed by the host), undo the last round, or replace the game
 * with the replay of a game log (read and checked in full by the host before anything changes).
 */
export const Command = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('send'), event: z.unknown() }),
  z.strictObject({ type: z.literal('undo') }),
  z.strictObject({ type: z.literal('import'), log: z.unknown() }),
]);
export type Command = z.infer<typeof Command>;

/** What the channel carries; everything a tab receives is parsed against this before it is read. */
const Message = z.discriminatedUnion('kind', [
  // A state's contents come from the host alone: the views check its shape, the host never reads one.
  z.looseObject({ kind: z.literal('state'), view: z.enum(['public', 'trainer']) }),
  z.strictObject({ kind: z.literal('sealed'), box: Sealed }),
  z.strictObject({ kind: z.literal('hello') }),
  z.strictObject({ kind: z.literal('command'), command: Command, proof: Proof.nullable() }),
  z.strictObject({ kind: z.literal('closed'), notice: z.string().max(1000).nullable() }),
]);
export type Message =
  | StateMessage
  | { kind: 'sealed'; box: Sealed }
  | { kind: 'hello' }
  | { kind: 'command'; command: Command; proof: Proof | null }
  // No game in the window: the outcome of the last command (a log that would not replay, say) or null.
  | { kind: 'closed'; notice: string | null };

/**
 * Design choice: the host answers greetings at most once per this many milliseconds, and once more at the end
 * of it if more came. A broadcast projects, encodes (and, locked, signs and seals) the game; a tab that floods
 * hellos so costs two of them per interval rather than one per hello, and every window still gets its answer.
 */
export const HELLO_INTERVAL_MS = 500;

/**
 * A hello's handler for the host: the first hello is answered at once, those within the interval after an
 * answer are ignored but for one answer when it ends.
 */
export function greeter(
  answer: () => void,
  interval = HELLO_INTERVAL_MS,
  now: () => number = Date.now,
): () => void {
  let last = Number.NEGATIVE_INFINITY;
  let owed = false;
  const settle = () => {
    last = now();
    owed = false;
    answer();
  };
  return () => {
    const wait = last + interval - now();
    if (wait <= 0) settle();
    else if (!owed) {
      owed = true;
      setTimeout(settle, wait);
    }
  };
}

/** A typed wrapper over one BroadcastChannel; null when the browser has none. */
export interface Channel {
  post(message: Message): void;
  /** Hands on each well-formed message; anything else another tab posts is dropped. */
  onMessage(handler: (message: Message) => void): void;
  close(): void;
}

/** Opens the classroom channel, or returns null when BroadcastChannel is unavailable. */
export function openChannel(name = CHANNEL_NAME): Channel | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const bc = new BroadcastChannel(name);
  return {
    post(message) {
      bc.postMessage(message);
    },
    onMessage(handler) {
      bc.addEventListener('message', (e: MessageEvent<unknown>) => {
        const m = Message.safeParse(e.data);
        if (m.success) handler(m.data as Message);
      });
    },
    close() {
      bc.close();
    },
  };
}

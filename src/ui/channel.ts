// The classroom channel: the game window (host) broadcasts each new state; the console and the
// presenter view listen, and the console sends commands back. BroadcastChannel reaches every
// window of the same origin in the same browser profile, so both windows must run on one machine.
import type { Scenario } from '../scenario/schema.ts';
import type { GameEvent } from '../sim/machine.ts';
import type { GameState } from '../sim/types.ts';

/** The channel's name, shared by every Brink window of this origin. */
export const CHANNEL_NAME = 'brink-classroom';

/** Where the game stands, in words the views can switch on. */
export type Phase = 'briefing' | 'orders' | 'report' | 'ended';

/** What the host broadcasts after every change. */
export interface StateMessage {
  kind: 'state';
  scenario: Scenario;
  phase: Phase;
  state: GameState;
  /** True when the host keeps a log, so "undo the last round" is possible. */
  canUndo: boolean;
  /** A one-line outcome of the last command (e.g. why it was refused), or null. */
  notice: string | null;
}

/** A console's request: send a game event, or undo the last round. */
export type Command = { type: 'send'; event: GameEvent } | { type: 'undo' };

/** Every message on the channel. */
export type Message =
  | StateMessage
  | { kind: 'hello' }
  | { kind: 'command'; command: Command }
  | { kind: 'closed' };

/** A typed wrapper over one BroadcastChannel; null when the browser has none. */
export interface Channel {
  post(message: Message): void;
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
      bc.addEventListener('message', (e: MessageEvent<Message>) => handler(e.data));
    },
    close() {
      bc.close();
    },
  };
}

// What the negotiation panel needs of a game, wherever the game runs: the local game (single-device and
// hot-seat) or a networked room, whose client holds only its seat's projection and sends requests.
import type { Compiled } from '../sim/compile.ts';
import type { GameEvent } from '../sim/events.ts';
import type { GameState } from '../sim/types.ts';

export interface Desk {
  c: Compiled;
  /** The state as the viewer may see it (projectFor): everything the panel shows comes from it. */
  seen: GameState;
  /**
   * The state the engine's checks read before an event is sent: the game itself where it runs on this
   * device (as the machine's guards read it); the seat's projection in a room, whose server checks again.
   */
  rules: GameState;
  send(event: GameEvent): void;
  /** The game's state right after an event was sent, where the game runs on this device; absent in a room. */
  now?: () => GameState;
}

// Who looks at a screen of the local game, and what of the game that viewer may see. A seat's screen shows
// that seat's projection (projectFor, the one place that says what is private); a shared screen in hot-seat
// play (the round's news, the negotiation after resolution) shows what the projector may show, and with a
// single person at the device, what that person's seat may see.
import { projectFor, type Viewer } from '../sim/projection.ts';
import type { GameState } from '../sim/types.ts';
import { humans } from './briefing.ts';
import type { Game } from './types.ts';

/** The viewer of a screen: the seat at the device, or (null) whoever shares it. */
export function screenViewer(game: Game, role: string | null): Viewer {
  if (role !== null) return { seat: role };
  const people = humans(game);
  const only = people.length === 1 ? people[0] : undefined;
  return only ? { seat: only } : 'presenter';
}

/** The game's state as the screen's viewer may see it. */
export function seenBy(game: Game, role: string | null): GameState {
  return projectFor(game.loaded.scenario, screenViewer(game, role), game.actor.getSnapshot().context).state;
}

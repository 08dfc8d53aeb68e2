// The talks pre-play: a planner seat's negotiating moves depend on the moves made before them in the same
// round's negotiation, so they cannot be planned from the seat's view ahead of time; but the negotiation can
// be played ahead on a scratch copy of the state the round will resolve from, recording each planner
// decision with the key of its input. Run where the true state already is (the page's worker in a local
// game, a room server's planning thread), never on a client's copy.
import type { Compiled } from './compile.ts';
import { negotiateRound } from './negotiator.ts';
import { openResolution } from './round.ts';
import type { GameState, TalkRecord } from './types.ts';

/** The planner seats' talk decisions the resolution of this state makes, each with its input's key. */
export function preplayTalks(c: Compiled, prev: GameState): TalkRecord[] {
  const record: TalkRecord[] = [];
  negotiateRound(openResolution(c, { ...prev, plannedTalks: undefined }), record);
  return record;
}

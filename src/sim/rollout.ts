// A planner's continuation: the game played on from a sampled world with the engine's pure round
// functions (the fast path: no actor per continuation), the planning seat's first orders fixed.
import type { Compiled } from './compile.ts';
import { playRound, startRound } from './round.ts';
import type { GameState, Order } from './types.ts';

export { playRound };

/**
 * Plays `horizon` rounds from a world in its orders phase: this round with `actor` playing `first` (as a
 * planner seat with planned orders), the later ones with the world's seats. Returns the last state and the
 * highest rung reached on the way.
 */
export function rollout(
  c: Compiled,
  world: GameState,
  actor: string,
  first: Order[],
  horizon: number,
): { state: GameState; peak: number } {
  const own = world.seats[actor];
  let s = playRound(c, {
    ...world,
    seats: { ...world.seats, [actor]: { by: 'computer', policy: 'planner' } },
    planned: { [actor]: { orders: first, reason: '' } },
  });
  s = own ? { ...s, seats: { ...s.seats, [actor]: own } } : s;
  let peak = s.rung;
  for (let h = 1; h < horizon && s.ending === null; h++) {
    s = playRound(c, startRound(s));
    peak = Math.max(peak, s.rung);
  }
  return { state: s, peak };
}

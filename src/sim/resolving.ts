// When the machine resolves a round, as pure functions of its context: the machine's guards and actions use
// them, and the planners read with them which event will resolve the round and from what state
// (resolvingState), so they can plan that round off the game's thread before the event is let through.
import type { Compiled } from './compile.ts';
import type { GameEvent } from './events.ts';
import type { Phase } from './phase.ts';
import { startRound } from './round.ts';
import type { GameState, Seat } from './types.ts';

/** Every person's seat has given its orders and the game is not paused: the round resolves (the machine's allIn). */
export const allIn = (c: Compiled, s: GameState): boolean =>
  !s.paused && c.playable.every((a) => s.seats[a]?.by !== 'person' || s.orders[a] !== undefined);

/** The state with a seat given to someone else; what was pre-planned for the seat as it was is dropped. */
export function withSeat(s: GameState, actor: string, seat: Seat): GameState {
  if (!s.seats[actor]) return s;
  const { [actor]: _, ...planned } = s.planned ?? {};
  return {
    ...s,
    seats: { ...s.seats, [actor]: seat },
    ...(s.planned ? { planned } : {}),
    ...(s.plannedTalks ? { plannedTalks: s.plannedTalks.filter((r) => r.actor !== actor) } : {}),
  };
}

/** The deadline after a pause: the time spent paused is given back, so a pause never eats into a round. */
export function resumedDeadline(
  s: Pick<GameState, 'deadline' | 'pausedAt'>,
  now: number | undefined,
): number | null {
  if (s.deadline === null || s.pausedAt == null || now === undefined || now < s.pausedAt) return s.deadline;
  return s.deadline + (now - s.pausedAt);
}

/** The state after RESUME. */
export const resumed = (s: GameState, now: number | undefined): GameState => ({
  ...s,
  paused: false,
  pausedAt: null,
  deadline: resumedDeadline(s, now),
});

/**
 * The state the round resolves from if the game, in this phase, takes this event now; null when the event
 * does not resolve a round. The events that can (the machine's transitions into its resolution): a person's
 * orders when they are the last, the deadline's tick, the trainer giving the last person's seat that has no
 * orders to the computer (SET_SEAT) or resuming a game whose orders are all in, and NEXT or BEGIN when no
 * seat is a person's (the new round resolves as it opens). Whether the machine takes the event at all (its
 * guards) is the caller's to ask.
 */
export function resolvingState(c: Compiled, phase: Phase, s: GameState, e: GameEvent): GameState | null {
  // The deadline's tick resolves whoever has given orders; every other way waits for all of them.
  if (phase === 'orders' && e.type === 'TICK')
    return !s.paused && s.deadline !== null && e.now >= s.deadline ? s : null;
  const after = next(phase, s, e);
  return after && allIn(c, after) ? after : null;
}

/** The state after an event that may let the round resolve (the machine's actions), or null for any other. */
function next(phase: Phase, s: GameState, e: GameEvent): GameState | null {
  if (phase === 'report') return e.type === 'NEXT' && !s.paused ? startRound(s) : null;
  if (phase === 'briefing') return e.type === 'BEGIN' ? startRound(s) : null;
  if (phase !== 'orders') return null;
  if (e.type === 'RESUME') return resumed(s, e.now);
  if (s.paused) return null;
  if (e.type === 'ORDERS') return { ...s, orders: { ...s.orders, [e.actor]: e.orders } };
  if (e.type === 'SET_SEAT') return withSeat(s, e.actor, e.seat);
  return null;
}

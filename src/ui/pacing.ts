// The round's pacing in words, for the game window's bar, the console and the presenter: a module of its
// own so that the game window loads it without the console, which only the console window needs.
import type { GameState } from '../sim/types.ts';

/** Time left before a deadline, as "m:ss" (or "0:00" once passed). */
function timeLeft(deadline: number, now: number): string {
  const secs = Math.max(0, Math.ceil((deadline - now) / 1000));
  return `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
}

/** One line on pacing: paused, the deadline's countdown, or no deadline. */
export function pacingLine(s: GameState, now: number): string {
  if (s.paused) return 'Paused by the trainer: orders wait until the game resumes.';
  if (s.deadline !== null) return `Time left for this round's orders: ${timeLeft(s.deadline, now)}`;
  return 'No deadline for this round.';
}

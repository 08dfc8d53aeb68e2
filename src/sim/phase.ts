// Where a game stands, in words the views and the room server switch on.
import type { Actor } from 'xstate';
import * as z from 'zod';
import type { GameMachine } from './machine.ts';

export const Phase = z.enum(['briefing', 'orders', 'report', 'ended']);
export type Phase = z.output<typeof Phase>;

/** Where a running game stands. */
export function phaseOf(actor: Actor<GameMachine>): Phase {
  const snap = actor.getSnapshot();
  if (snap.status === 'done' || snap.context.ending) return 'ended';
  if (snap.matches('briefing')) return 'briefing';
  if (snap.matches({ playing: { round: 'report' } })) return 'report';
  return 'orders';
}

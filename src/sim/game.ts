// Convenience over the machine: start a game, and play computer-only games fast.
import { type Actor, createActor } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import type { Compiled } from './compile.ts';
import { createGameMachine, type GameMachine } from './machine.ts';
import { playRound } from './rollout.ts';
import { startRound } from './round.ts';
import { type GameInput, initialState } from './state.ts';
import type { GameState } from './types.ts';

/** Creates and starts a game actor. */
export function startGame(
  scenario: Scenario,
  input: GameInput,
  machine = createGameMachine(scenario),
): Actor<GameMachine> {
  const actor = createActor(machine, { input });
  actor.start();
  return actor;
}

/**
 * Plays a game with computer players in every seat to its end; returns the final state and the events
 * sent. `beforeRound`, when given, sees the state each round starts from (round number and orders not
 * yet reset: see `startRound`), before the computer players choose.
 */
export function playAuto(
  scenario: Scenario,
  input: GameInput,
  machine = createGameMachine(scenario),
  beforeRound?: (s: GameState) => void,
): { state: GameState; events: number } {
  const actor = startGame(scenario, input, machine);
  beforeRound?.(actor.getSnapshot().context);
  actor.send({ type: 'BEGIN' });
  let events = 1;
  // The machine ends itself by maxRounds; the bound only guards against a broken scenario.
  for (let i = 0; i <= scenario.meta.maxRounds + 1 && actor.getSnapshot().status === 'active'; i++) {
    beforeRound?.(actor.getSnapshot().context);
    actor.send({ type: 'NEXT' });
    events++;
  }
  const state = actor.getSnapshot().context;
  actor.stop();
  return { state, events };
}

/**
 * Plays a computer-only game with the round's pure functions, in the machine's order (start, resolve,
 * react, close) but without an actor: batches of thousands of games spend their time in the rules, not
 * in the statechart. `beforeRound` as in `playAuto`.
 */
export function playRounds(
  c: Compiled,
  input: GameInput,
  beforeRound?: (s: GameState) => void,
): { state: GameState; events: number } {
  let s = initialState(c, input);
  let events = 0;
  for (let i = 0; i <= c.scenario.meta.maxRounds + 1 && s.ending === null; i++) {
    beforeRound?.(s);
    s = playRound(c, startRound(s));
    events++;
  }
  return { state: s, events };
}

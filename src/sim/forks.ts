// Forks: replay a game up to a round, give one role a different choice, and let computer players
// carry the game to its end. Pure: built on the game log and the machine.
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compile.ts';
import { type GameLog, logBeforeRound, replayLog, sendLogged } from './log.ts';
import { createGameMachine, type GameMachine } from './machine.ts';
import { checkOrders } from './orders.ts';
import type { GameState, Order } from './types.ts';

/** A finished fork: its log (replayable like any other) and its final state. */
export interface Fork {
  round: number;
  actor: string;
  orders: Order[];
  log: GameLog;
  state: GameState;
}

/** The state at the start of a round's orders, replayed from a log. */
export function stateAtRound(
  scenario: Scenario,
  log: GameLog,
  round: number,
  machine: GameMachine = createGameMachine(scenario),
): GameState {
  const actor = replayLog(scenario, logBeforeRound(log, round), machine);
  const s = actor.getSnapshot().context;
  actor.stop();
  return s;
}

/**
 * Replays `log` up to the start of `round`, gives `actor` these orders instead, then switches every
 * seat to its computer player and plays to the end. Returns the fork, or a reason it cannot be made.
 */
export function forkGame(
  scenario: Scenario,
  log: GameLog,
  round: number,
  actor: string,
  orders: Order[],
  machine: GameMachine = createGameMachine(scenario),
): { ok: true; fork: Fork } | { ok: false; message: string } {
  const c = compile(scenario);
  if (!c.playable.includes(actor)) return { ok: false, message: `"${actor}" is not a playable role.` };
  const game = replayLog(scenario, logBeforeRound(log, round), machine);
  try {
    const snap = game.getSnapshot();
    if (
      snap.status !== 'active' ||
      snap.context.round !== round ||
      !snap.matches({ playing: { round: 'orders' } })
    )
      return { ok: false, message: `The game never reached the orders of round ${round}.` };
    const problem = checkOrders(c, snap.context, actor, orders);
    if (problem) return { ok: false, message: `These orders cannot be given in round ${round}: ${problem}.` };
    let next = log;
    next = { ...next, events: logBeforeRound(log, round).events };
    // The forking role gives its orders as a person; everyone else is a computer from here on.
    for (const id of c.playable) {
      const seat = snap.context.seats[id];
      if (!seat) continue;
      const by = id === actor ? 'person' : 'computer';
      if (seat.by !== by)
        next = sendLogged(game, next, { type: 'SET_SEAT', actor: id, seat: { ...seat, by } });
    }
    // A fork is played without pauses or deadlines: the trainer's pacing belonged to the original.
    if (game.getSnapshot().context.paused) next = sendLogged(game, next, { type: 'RESUME' });
    next = sendLogged(game, next, { type: 'ORDERS', actor, orders });
    const seat = game.getSnapshot().context.seats[actor];
    if (seat && game.getSnapshot().status === 'active')
      next = sendLogged(game, next, { type: 'SET_SEAT', actor, seat: { ...seat, by: 'computer' } });
    // The machine ends itself by maxRounds; the bound guards against a broken scenario.
    for (let i = 0; i <= scenario.meta.maxRounds + 1 && game.getSnapshot().status === 'active'; i++)
      next = sendLogged(game, next, { type: 'NEXT' });
    return { ok: true, fork: { round, actor, orders, log: next, state: game.getSnapshot().context } };
  } finally {
    game.stop();
  }
}

/** The last round two games share exactly: everything recorded before `round` is equal in both. */
export function sameUntil(a: GameState, b: GameState, round: number): boolean {
  const before = <T extends { round: number }>(xs: T[]) => JSON.stringify(xs.filter((x) => x.round < round));
  return (
    before(a.taken) === before(b.taken) &&
    before(a.changes) === before(b.changes) &&
    before(a.news) === before(b.news) &&
    before(a.causes) === before(b.causes)
  );
}

import { existsSync } from 'node:fs';
import { assign, createActor, setup } from 'xstate';
import { readScenario } from '../src/cli/read-scenario.ts';
import { simulate } from '../src/cli/simulate.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { runGames, seatsFor } from '../src/sim/batch.ts';
import { createGameMachine } from '../src/sim/machine.ts';
import type { BenchRow } from './types.ts';

const SEED_SCENARIO = 'scenarios/pakistan-afghanistan-2026.json';

/** The floor of the stack: a bare XState actor that only counts the events it is sent. */
function bareActorGamesPerSecond(eventsPerGame: number, games: number): number {
  const machine = setup({ types: { context: {} as { n: number } } }).createMachine({
    context: { n: 0 },
    on: { NEXT: { actions: assign({ n: ({ context }) => context.n + 1 }) } },
  });
  const started = performance.now();
  for (let g = 0; g < games; g++) {
    const a = createActor(machine);
    a.start();
    for (let i = 0; i < eventsPerGame; i++) a.send({ type: 'NEXT' });
    a.stop();
  }
  return games / ((performance.now() - started) / 1000);
}

/**
 * The game's own statechart with its rules made no-ops: the same states, regions, guards and raised
 * SYNC events, sent BEGIN and then NEXT like a computer-only game. What XState costs for this shape.
 */
function statechartGamesPerSecond(sc: Scenario, eventsPerGame: number, games: number): number {
  const noop = () => {};
  const machine = createGameMachine(sc).provide({
    actions: { resolve: noop, react: noop, close: noop, nextRound: noop },
  });
  const started = performance.now();
  for (let g = 0; g < games; g++) {
    const a = createActor(machine, { input: { seed: g, seats: seatsFor(sc, g, 'mix') } });
    a.start();
    a.send({ type: 'BEGIN' });
    for (let i = 1; i < eventsPerGame; i++) a.send({ type: 'NEXT' });
    a.stop();
  }
  return games / ((performance.now() - started) / 1000);
}

/** Full games per second against the bare actor, and a 10,000-game simulation across worker threads. */
export default async function engine(): Promise<BenchRow[]> {
  const file = existsSync(SEED_SCENARIO) ? SEED_SCENARIO : 'tests/fixtures/sim/duel.json';
  const loaded = readScenario(file);
  if (!loaded.ok) throw new Error(loaded.message);
  const sc = loaded.scenario;
  runGames(sc, 1, 0, 200, 'mix'); // warm-up
  const games = 2000;
  const started = performance.now();
  const summaries = runGames(sc, 7, 0, games, 'mix');
  const gps = games / ((performance.now() - started) / 1000);
  const eventsPerGame = Math.round(summaries.reduce((a, s) => a + s.events, 0) / games);
  bareActorGamesPerSecond(eventsPerGame, 2000); // warm-up
  const bare = bareActorGamesPerSecond(eventsPerGame, 20000);
  statechartGamesPerSecond(sc, eventsPerGame, 500); // warm-up
  const shape = statechartGamesPerSecond(sc, eventsPerGame, 5000);

  const t0 = performance.now();
  await simulate(sc, { games: 10_000, seed: 1, policy: 'mix', workers: 2 });
  const wall = (performance.now() - t0) / 1000;
  const singleThread = 10_000 / gps;
  return [
    {
      name: `full games per second (${file.split('/').pop()})`,
      figure: gps,
      baseline: bare,
      unit: 'games/s',
      baselineName: `bare XState actor, ${eventsPerGame} events/game`,
      goal: '≥ 0.5 × bare actor',
      method: `${games} computer-only games (policies mixed) in one thread after 200 warm-up games; the bare actor is a one-state machine with an assign per event, sent the same mean number of events per game, 20,000 games`,
    },
    {
      name: 'the statechart alone, rules made no-ops',
      figure: shape,
      baseline: bare,
      unit: 'games/s',
      baselineName: `bare XState actor, ${eventsPerGame} events/game`,
      goal: 'a ceiling: full games cannot beat it',
      method: `the game's machine with resolve, react, close and nextRound provided as no-ops (same states, parallel regions, guards and raised SYNC events), created from the same input and sent BEGIN then NEXT for the same mean number of events; 5,000 games after 500 warm-up`,
    },
    {
      name: '10,000-game simulation, 2 worker threads',
      figure: wall,
      baseline: singleThread,
      unit: 's',
      baselineName: 'same games in one thread, projected from the row above',
      goal: '< 10 s',
      method: 'npm run simulate’s simulate() with 2 workers, wall time including worker start-up',
    },
  ];
}

// A worker thread of `npm run simulate`: plays its share of the games and reports progress.
import { parentPort, workerData } from 'node:worker_threads';
import type { Scenario } from '../scenario/schema.ts';
import { type PolicySpec, runGames } from '../sim/batch.ts';
import { packSummaries } from './summary-wire.ts';

const { scenario, seed, from, to, policy } = workerData as {
  scenario: Scenario;
  seed: number;
  from: number;
  to: number;
  policy: PolicySpec;
};
let done = 0;
const games = runGames(scenario, seed, from, to, policy, () => {
  // Progress in batches: a message per game would cost more than the game.
  if (++done % 50 === 0) parentPort?.postMessage({ progress: 50 });
});
const packed = packSummaries(games);
parentPort?.postMessage({ progress: done % 50, packed }, [
  packed.lengths.buffer,
  packed.values.buffer,
  packed.entries.buffer,
]);

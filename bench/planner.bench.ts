// The planner's rows (issue 24), Node side: a computer-only simulation of the seed scenario as
// `npm run simulate` plays it (worker threads) and on the rollout fast path in one thread, each beside the
// machine path on the same games, and a planner decision at the default level beside a fixed policy's
// `choose` on the same decisions, and the start of one of simulate's worker threads. BENCH_PLANNER_GAMES
// (10,000), BENCH_PLANNER_THREADS (the machine's cores) and BENCH_PLANNER_DECISIONS (40) size them; the
// Chromium worker's row is the advisor's (the page side).
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import { readScenario } from '../src/cli/read-scenario.ts';
import { simulate } from '../src/cli/simulate.ts';
import { workerBundle } from '../src/cli/worker-bundle.ts';
import type { Scenario } from '../src/scenario/schema.ts';
import { seatsFor } from '../src/sim/batch.ts';
import { compile } from '../src/sim/compile.ts';
import { playAuto, playRounds } from '../src/sim/game.ts';
import { createGameMachine } from '../src/sim/machine.ts';
import { LEVELS, plan, planInput } from '../src/sim/planner.ts';
import { choose } from '../src/sim/policies.ts';
import { openRng, seedRng } from '../src/sim/rng.ts';
import { startRound } from '../src/sim/round.ts';
import { gameSeed } from '../src/sim/seeds.ts';
import type { GameState } from '../src/sim/types.ts';
import type { BenchRow } from './types.ts';

const SEED_SCENARIO = 'scenarios/pakistan-afghanistan-2026.json';
const GAMES = Number(process.env.BENCH_PLANNER_GAMES ?? 10_000);
const DECISIONS = Number(process.env.BENCH_PLANNER_DECISIONS ?? 40);
const THREADS = Number(process.env.BENCH_PLANNER_THREADS ?? availableParallelism());
const SEAT = 'pakistan';

const quantile = (xs: readonly number[], q: number) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? Number.NaN;
};

/** Design choice: thread starts timed per way of loading the worker (the median is reported). */
const STARTS = 5;

/**
 * The wall-clock milliseconds and CPU milliseconds (all threads) of starting simulate's worker with no
 * games until it exits: from its esbuild bundle (how simulate starts it) or, the baseline, as it was
 * started before the bundle, registering tsx in the thread and compiling the engine's TypeScript there.
 */
async function workerStart(scenario: Scenario, how: 'bundle' | 'tsx'): Promise<{ ms: number; cpu: number }> {
  const entry = new URL('../src/cli/simulate-worker.ts', import.meta.url);
  const file = await workerBundle(entry);
  const workerData = { scenario, seed: 1, from: 0, to: 0, policy: 'mix' };
  const t = performance.now();
  const cpu = process.cpuUsage();
  await new Promise<void>((resolve, reject) => {
    const w =
      how === 'bundle'
        ? new Worker(file, { workerData })
        : new Worker(
            `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); })`,
            { eval: true, workerData },
          );
    w.on('error', reject);
    w.on('exit', () => resolve());
  });
  const u = process.cpuUsage(cpu);
  return { ms: performance.now() - t, cpu: (u.user + u.system) / 1000 };
}

export default async function planner(): Promise<BenchRow[]> {
  const loaded = readScenario(SEED_SCENARIO);
  if (!loaded.ok) throw new Error(loaded.message);
  const sc = loaded.scenario;
  const c = compile(sc);
  const load = () => loadavg()[0]?.toFixed(1) ?? '?';
  const loadAtStart = load();
  const machine = createGameMachine(sc);
  const inputs = Array.from({ length: GAMES }, (_, i) => {
    const seed = gameSeed(1, i);
    return { seed, seats: seatsFor(sc, seed, 'mix') };
  });
  for (const input of inputs.slice(0, 100)) playRounds(c, input); // warm-up
  // CPU seconds beside the wall clock: on a loaded machine the wall clock counts the waits for a core too.
  const cpuSince = (from: NodeJS.CpuUsage) => {
    const u = process.cpuUsage(from);
    return ((u.user + u.system) / 1e6).toFixed(1);
  };
  let t = performance.now();
  let cpu = process.cpuUsage();
  for (const input of inputs) playRounds(c, input);
  const fast = (performance.now() - t) / 1000;
  const fastCpu = cpuSince(cpu);
  for (const input of inputs.slice(0, 100)) playAuto(sc, input, machine); // warm-up
  t = performance.now();
  cpu = process.cpuUsage();
  for (const input of inputs) playAuto(sc, input, machine);
  const viaMachine = (performance.now() - t) / 1000;
  const machineCpu = cpuSince(cpu);
  // What `npm run simulate` does with the same games (the same seeds and seats: runGames), threads started
  // and summaries made inside the timing; its statistics equal a one-thread run's (tests/cli/simulate.test.ts).
  const loadBeforeThreads = load();
  t = performance.now();
  cpu = process.cpuUsage();
  const played = await simulate(sc, { games: GAMES, seed: 1, policy: 'mix', workers: THREADS });
  const threaded = (performance.now() - t) / 1000;
  const threadedCpu = cpuSince(cpu);
  if (played.length !== GAMES) throw new Error(`simulate played ${played.length} of ${GAMES} games`);

  const loadBeforeStarts = load();
  const starts = {
    bundle: [] as number[],
    tsx: [] as number[],
    bundleCpu: [] as number[],
    tsxCpu: [] as number[],
  };
  for (let i = 0; i < STARTS; i++)
    for (const how of ['bundle', 'tsx'] as const) {
      const r = await workerStart(sc, how);
      starts[how].push(r.ms);
      starts[`${how}Cpu`].push(r.cpu);
    }

  // Decisions: the seat's state at the start of each round of fixed-policy games, until there are enough.
  const states: GameState[] = [];
  for (let g = 0; states.length < DECISIONS; g++)
    playRounds(c, inputs[g % inputs.length] ?? { seed: g }, (s) => {
      if (states.length < DECISIONS && s.ending === null) states.push(startRound(s));
    });
  const level = 'standard';
  const planMs: number[] = [];
  let continuations = 0;
  for (const s of states) {
    const { view, actor, opts } = planInput(c, s, SEAT);
    const t0 = performance.now();
    continuations += plan(c, view, actor, { ...opts, level }).continuations;
    planMs.push(performance.now() - t0);
  }
  const chooseMs: number[] = [];
  for (const s of states) {
    const rng = openRng(seedRng(s.seed));
    const t0 = performance.now();
    choose(c, s, SEAT, 'tit-for-tat', rng);
    chooseMs.push(performance.now() - t0);
  }
  const perDecision = Math.round(continuations / states.length);
  const decisions = `${states.length} decisions of the ${SEAT} seat (the starts of the rounds of mixed fixed-policy games of seeds gameSeed(1, i))`;
  const games = `the same ${GAMES} seeded mixed-policy games of the seed scenario (nine seats, all computer)`;
  return [
    {
      name: `${GAMES.toLocaleString('en')}-game simulation, npm run simulate (${THREADS} worker threads)`,
      figure: threaded,
      baseline: viaMachine,
      unit: 's',
      baselineName: 'same games through the machine (playAuto, one thread)',
      goal: '< 2 s (issue 24)',
      method: `simulate() as \`npm run simulate -- --games ${GAMES} --seed 1 --workers ${THREADS}\` runs it (worker threads started, each loading the engine's esbuild bundle, runGames: the fast path plus each game's summary) against playAuto on ${games}; load average ${loadBeforeThreads} before this row, ${loadAtStart} at the bench's start; CPU time ${threadedCpu} s (all threads) against the machine's ${machineCpu} s`,
    },
    {
      name: `${GAMES.toLocaleString('en')}-game simulation, fast path (one thread)`,
      figure: fast,
      baseline: viaMachine,
      unit: 's',
      baselineName: 'same games through the machine (playAuto)',
      goal: '< 2 s (issue 24)',
      method: `playRounds (the round's pure functions, no actor) against playAuto (the XState machine) on ${games}, each after 100 warm-up games, one thread; load average ${loadAtStart} at the start; CPU time ${fastCpu} s against the machine's ${machineCpu} s`,
    },
    {
      name: `start of one simulate worker thread, no games (median of ${STARTS})`,
      figure: quantile(starts.bundle, 0.5),
      baseline: quantile(starts.tsx, 0.5),
      unit: 'ms',
      baselineName: 'the same thread registering tsx and compiling the engine (as before the bundle)',
      method: `a worker thread of simulate-worker.ts started with the scenario and no games, timed to its exit; the bundle is src/cli/worker-bundle.ts's (built or found in its cache before the timing); ${STARTS} starts each way, alternating; CPU time (all threads) median ${quantile(starts.bundleCpu, 0.5).toFixed(0)} ms against ${quantile(starts.tsxCpu, 0.5).toFixed(0)} ms; load average ${loadBeforeStarts} before`,
    },
    {
      name: `planner decision, Node, ${level} (median)`,
      figure: quantile(planMs, 0.5),
      baseline: quantile(chooseMs, 0.5),
      unit: 'ms',
      baselineName: 'choose (tit-for-tat), same decisions',
      goal: `≤ 300 ms with ≥ 500 continuations (issue 24, in Chromium's worker); ${perDecision} continuations of ${LEVELS[level].horizon} round`,
      method: `plan() from the seat's projection (planInput) at the ${level} level, ${decisions}; choose() on the same states; load average ${load()} at the end`,
    },
    {
      name: `planner decision, Node, ${level} (95th percentile)`,
      figure: quantile(planMs, 0.95),
      baseline: quantile(chooseMs, 0.95),
      unit: 'ms',
      baselineName: 'choose (tit-for-tat), same decisions',
      method: `as the row above, 95th percentile`,
    },
  ];
}

// The thread that holds a game (a room's event loop, the page's main thread) with three planner seats of
// the seed scenario (Pakistan, the Taliban, Qatar at the standard level; every other seat a dove): each
// round's orders planned in the server's planner pool (worker threads) and handed in as PLANNED, as a room
// does, and the round's negotiation either pre-played in the pool too (its records handed in with PLANNED)
// or planned at resolution on the thread, as before. Same games, same run. Rows: the thread's event-loop
// delay over the rounds (p99 and max), and the median and longest time one resolution held the thread. BENCH_TALKS_GAMES (3) and
// BENCH_TALKS_ROUNDS (6) size it.
import { loadavg } from 'node:os';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { readScenario } from '../src/cli/read-scenario.ts';
import { PlannerPool } from '../src/server/planner-pool.ts';
import { compile } from '../src/sim/compile.ts';
import type { GameEvent } from '../src/sim/events.ts';
import { startGame } from '../src/sim/game.ts';
import { phaseOf } from '../src/sim/phase.ts';
import { type Prepared, plannedEvents, planTarget, seatInput, talksKey } from '../src/sim/plan-protocol.ts';
import type { Seat } from '../src/sim/types.ts';
import type { BenchRow } from './types.ts';

const SEED_SCENARIO = 'scenarios/pakistan-afghanistan-2026.json';
const GAMES = Number(process.env.BENCH_TALKS_GAMES ?? 3);
const ROUNDS = Number(process.env.BENCH_TALKS_ROUNDS ?? 6);
const PLANNERS = ['pakistan', 'taliban', 'qatar'];

export default async function talks(): Promise<BenchRow[]> {
  const loaded = readScenario(SEED_SCENARIO);
  if (!loaded.ok) throw new Error(loaded.message);
  const sc = loaded.scenario;
  const c = compile(sc);
  const load = loadavg()[0]?.toFixed(1) ?? '?';
  const seats: Record<string, Seat> = Object.fromEntries(
    c.seated.map((id) => [
      id,
      PLANNERS.includes(id)
        ? { by: 'computer', policy: 'planner', level: 'standard' }
        : { by: 'computer', policy: 'dove' },
    ]),
  );
  const pool = new PlannerPool({ threads: 2, timeoutMs: 60_000, log: () => undefined });

  /** Plays the games; the thread's delay p99 and its longest resolution, in ms, and the states reached. */
  async function run(pre: boolean) {
    const delay = monitorEventLoopDelay({ resolution: 1 });
    const blocks: number[] = [];
    const digests: string[] = [];
    delay.enable();
    for (let g = 1; g <= GAMES; g++) {
      const a = startGame(sc, { seed: g, seats });
      let event: GameEvent = { type: 'BEGIN' };
      for (let r = 1; r <= ROUNDS && phaseOf(a) !== 'ended'; r++) {
        const s = a.getSnapshot().context;
        const target = planTarget(c, phaseOf(a), s, event);
        if (!target) throw new Error(`${event.type} does not resolve round ${r}`);
        const ready: Prepared = { plans: new Map(), talks: null };
        await Promise.all([
          ...PLANNERS.map(async (actor) => {
            const input = seatInput(c, target, actor);
            const p = await pool.plan({ c, view: input.view, actor, ...input.opts, urgent: true });
            ready.plans.set(actor, { key: input.key, plan: p });
          }),
          ...(pre
            ? [
                pool
                  .talks({ c, state: target })
                  .then((records) => (ready.talks = { key: talksKey(target), records })),
              ]
            : []),
        ]);
        const t = performance.now();
        for (const e of plannedEvents(c, target, ready, s)) a.send(e);
        a.send(event);
        blocks.push(performance.now() - t);
        digests.push(JSON.stringify(a.getSnapshot().context.negotiation));
        event = { type: 'NEXT' };
      }
      a.stop();
    }
    delay.disable();
    const sorted = [...blocks].sort((x, y) => x - y);
    return {
      p99: delay.percentile(99) / 1e6,
      max: delay.max / 1e6,
      median: sorted[Math.floor(sorted.length / 2)] ?? Number.NaN,
      longest: Math.max(...blocks),
      rounds: blocks.length,
      digests,
    };
  }

  await run(true); // warm-up: threads started, scenario compiled in each
  const before = await run(false);
  const after = await run(true);
  await pool.close();
  if (JSON.stringify(before.digests) !== JSON.stringify(after.digests))
    throw new Error('the games with talks pre-played differ from the games without');
  const method = `${GAMES} computer-only games of the seed scenario, up to ${ROUNDS} rounds each (${after.rounds} rounds), Pakistan, the Taliban and Qatar played by the planner at the standard level, every other seat a dove; each round's orders planned in a 2-thread PlannerPool and handed in as PLANNED just before NEXT (BEGIN), as a room does. Baseline: the round's negotiation planned at resolution on the thread (as before); figure: pre-played in the pool and handed in with PLANNED. The two runs reach the same negotiation states (checked). monitorEventLoopDelay (1 ms resolution) over each run; load average at the start ${load}.`;
  return [
    {
      name: 'game thread: event-loop delay p99, three planner seats, talks pre-played',
      figure: after.p99,
      baseline: before.p99,
      unit: 'ms',
      baselineName: 'talks planned at resolution',
      method,
    },
    {
      name: 'game thread: event-loop delay max, three planner seats, talks pre-played',
      figure: after.max,
      baseline: before.max,
      unit: 'ms',
      baselineName: 'talks planned at resolution',
      method: `${method} The p99 of the delay's samples is mostly the idle loop's while the pool works (a round's block is one sample of many): the max and the resolutions' own times show the blocks.`,
    },
    {
      name: 'game thread: median resolution of a round, three planner seats, talks pre-played',
      figure: after.median,
      baseline: before.median,
      unit: 'ms',
      baselineName: 'talks planned at resolution',
      method: `${method} Timed around the PLANNED events and the resolving event sent to the machine.`,
    },
    {
      name: 'game thread: longest resolution of a round, three planner seats, talks pre-played',
      figure: after.longest,
      baseline: before.longest,
      unit: 'ms',
      baselineName: 'talks planned at resolution',
      method,
    },
  ];
}

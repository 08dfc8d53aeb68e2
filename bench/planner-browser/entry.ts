// The bench page of planner-browser.bench.ts: plays games of the seed scenario in which four seats are
// planners at the default level, and times each planner decision as the game page makes it (a request to
// the planner's Web Worker, planner-worker.ts, and its parsed reply), then the same decision planned on
// this page's main thread, the baseline. Built by the bench only.
import { createActor } from 'xstate';
import raw from '../../scenarios/pakistan-afghanistan-2026.json';
import { Scenario } from '../../src/scenario/schema.ts';
import { compile } from '../../src/sim/compile.ts';
import { createGameMachine } from '../../src/sim/machine.ts';
import { PlanReply, type PlanRequest, type PlanShape } from '../../src/sim/plan-protocol.ts';
import { plan, planInput } from '../../src/sim/planner.ts';
import type { PlannerLevel, Seat } from '../../src/sim/types.ts';

/** The seats the planner plays: both parties, the first mediator and a great power. */
const PLANNERS = ['pakistan', 'taliban', 'qatar', 'us'];
/** A person holds one seat (holding every round), so the round waits for the planners' PLANNED. */
const PERSON = 'china';
const DECISIONS = 40;

const scenario = Scenario.parse(raw);
const c = compile(scenario);
const worker = new Worker(new URL('../../src/ui/planner-worker.ts', import.meta.url), { type: 'module' });
let seq = 0;
let sent = false;

/** One decision in the worker, as the page asks it: the time from request to parsed reply. */
function inWorker(q: {
  view: unknown;
  actor: string;
  level: PlannerLevel;
  seed: number;
}): Promise<{ plan: PlanShape; ms: number }> {
  const id = ++seq;
  const request: PlanRequest = { kind: 'plan', seq: id, key: 'bench', ...q, ...(sent ? {} : { scenario }) };
  sent = true;
  const t = performance.now();
  return new Promise((resolve, reject) => {
    worker.onmessage = (e: MessageEvent<unknown>) => {
      const r = PlanReply.parse(e.data);
      if (r.seq !== id) return;
      if (r.kind === 'plan') resolve({ plan: r.plan, ms: performance.now() - t });
      else reject(new Error(r.kind === 'error' ? r.message : `a ${r.kind} reply to a plan`));
    };
    worker.postMessage(request);
  });
}

async function run(): Promise<{ worker: number[]; main: number[]; continuations: number[]; games: number }> {
  const out = { worker: [] as number[], main: [] as number[], continuations: [] as number[], games: 0 };
  const seats: Record<string, Seat> = { [PERSON]: { by: 'person', policy: 'tit-for-tat' } };
  for (const a of PLANNERS) seats[a] = { by: 'computer', policy: 'planner' };
  let warm = false;
  for (let seed = 1; out.worker.length < DECISIONS && seed < 50; seed++) {
    out.games++;
    const actor = createActor(createGameMachine(scenario), { input: { seed, seats } });
    actor.start();
    actor.send({ type: 'BEGIN' });
    for (let guard = 0; guard < 40 && out.worker.length < DECISIONS; guard++) {
      const snap = actor.getSnapshot();
      if (snap.status === 'done' || snap.context.ending) break;
      if (snap.matches({ playing: { round: 'report' } })) {
        actor.send({ type: 'NEXT' });
        continue;
      }
      const s = snap.context;
      for (const a of PLANNERS) {
        const { view, opts } = planInput(c, s, a);
        const q = { view, actor: a, level: opts.level, seed: opts.seed };
        // The first decision also sends and compiles the scenario in the worker: warmed up, untimed.
        if (!warm) await inWorker(q);
        const w = await inWorker(q);
        const t = performance.now();
        plan(c, view, a, opts);
        const m = performance.now() - t;
        if (warm) {
          out.worker.push(w.ms);
          out.main.push(m);
          out.continuations.push(w.plan.continuations);
        }
        warm = true;
        actor.send({
          type: 'PLANNED',
          actor: a,
          round: s.round,
          orders: w.plan.orders,
          reason: w.plan.reason,
        });
      }
      actor.send({ type: 'ORDERS', actor: PERSON, orders: [] });
    }
    actor.stop();
  }
  return out;
}

run().then(
  (figures) => {
    (window as unknown as { __planner: unknown }).__planner = figures;
  },
  (e: unknown) => {
    (window as unknown as { __planner: unknown }).__planner = { error: String(e) };
  },
);

// The room server's planners: a few worker threads (planner-thread.ts) that plan computer seats' decisions,
// pre-play rounds' negotiations (the planner seats' talks) and plan students' advice for every room of the
// process, so that a decision of hundreds of milliseconds never holds up the event loop the rooms share. Jobs
// wait in one queue, computer seats' and talks before advice, and go to the first free thread.
//
// A thread that does not answer within the time limit is ended and replaced, its job fails (the room then
// plans on its own thread at a small budget), and later jobs of that level plan with a quarter of the
// budget: a slow or overloaded machine degrades, never wedges a room. A thread that crashes is replaced.
import { Worker } from 'node:worker_threads';
import type { Compiled } from '../sim/compile.ts';
import {
  FALLBACK_BUDGET,
  type PlannerWork,
  PlanReply,
  type PlanShape,
  plannerRequest,
  scenarioKey,
} from '../sim/plan-protocol.ts';
import { LEVELS } from '../sim/planner.ts';
import type { GameState, PlannerLevel, TalkRecord } from '../sim/types.ts';

/** One decision: the seat's own view (planInput), the seat, its level and the planner's seed. */
export interface PlanJob {
  c: Compiled;
  view: GameState;
  actor: string;
  level: PlannerLevel;
  seed: number;
  /** A computer seat's orders, which a round may wait for: planned before advice. */
  urgent: boolean;
}

export interface PoolSettings {
  /** Worker threads; 0 plans nothing here (the rooms plan on their own thread, at resolution). */
  threads: number;
  /** A decision not back after this fails, and its thread is replaced. */
  timeoutMs: number;
  log: (line: string) => void;
}

const TSX = import.meta.resolve('tsx');

/** A round's negotiation to pre-play: the TRUE state it resolves from (this process's own threads only). */
export interface TalksJob {
  c: Compiled;
  state: GameState;
}

/** A job in the queue; `answer` takes the thread's reply, or an Error (a failure, or a reply of another kind). */
interface Queued {
  c: Compiled;
  urgent: boolean;
  /** The plan's level, whose budget a timeout lowers (talks: none, they are played at the seats' own levels). */
  level: PlannerLevel | null;
  actor: string;
  work: PlannerWork;
  answer(reply: PlanReply | Error): void;
}

interface Slot {
  worker: Worker | null;
  /** Scenario keys this thread has compiled. */
  known: Set<string>;
  running: (Queued & { seq: number; timer: ReturnType<typeof setTimeout> }) | null;
}

export class PlannerPool {
  readonly #settings: PoolSettings;
  readonly #slots: Slot[];
  #queue: Queued[] = [];
  #seq = 0;
  #closed = false;
  /** A level's budget once a decision of it has timed out (absent: the level's own). */
  readonly #budgets = new Map<PlannerLevel, number>();

  constructor(settings: PoolSettings) {
    this.#settings = settings;
    this.#slots = Array.from({ length: Math.max(0, settings.threads) }, () => ({
      worker: null,
      known: new Set<string>(),
      running: null,
    }));
  }

  /** Whether the pool plans at all (no threads: the rooms plan synchronously). */
  get enabled(): boolean {
    return this.#slots.length > 0 && !this.#closed;
  }

  /** Plans one decision on a thread; fails with the reason when the thread fails, times out or is closed. */
  plan(job: PlanJob): Promise<PlanShape> {
    const { c, view, actor, level, seed, urgent } = job;
    return this.#submit({ c, urgent, level, actor }, { kind: 'plan', view, actor, level, seed }, (r) =>
      r.kind === 'plan' ? r.plan : undefined,
    );
  }

  /** Pre-plays a round's negotiation on a thread (as urgent as a seat's orders); fails as plan does. */
  talks(job: TalksJob): Promise<TalkRecord[]> {
    return this.#submit(
      { c: job.c, urgent: true, level: null, actor: 'the talks' },
      { kind: 'talks', state: job.state },
      (r) => (r.kind === 'talks' ? r.talks : undefined),
    );
  }

  /** Queues some work; the promise takes what `pick` finds in the reply. */
  #submit<T>(
    q: Pick<Queued, 'c' | 'urgent' | 'level' | 'actor'>,
    work: PlannerWork,
    pick: (r: PlanReply) => T | undefined,
  ): Promise<T> {
    return new Promise((resolve, reject) =>
      this.#enqueue({
        ...q,
        work,
        answer: (r) => {
          const found = r instanceof Error ? undefined : pick(r);
          if (found !== undefined) resolve(found);
          else reject(r instanceof Error ? r : new Error(`a ${r.kind} reply to a ${work.kind} request`));
        },
      }),
    );
  }

  #enqueue(q: Queued): void {
    if (!this.enabled) {
      q.answer(new Error('the planner pool is closed'));
      return;
    }
    const after = q.urgent ? this.#queue.findIndex((x) => !x.urgent) : -1;
    if (after === -1) this.#queue.push(q);
    else this.#queue.splice(after, 0, q);
    this.#next();
  }

  /** Ends every thread; queued and running jobs fail. */
  async close(): Promise<void> {
    this.#closed = true;
    const gone = new Error('the planner pool is closed');
    for (const q of this.#queue.splice(0)) q.answer(gone);
    await Promise.all(
      this.#slots.map(async (slot) => {
        this.#fail(slot, gone);
        const w = slot.worker;
        slot.worker = null;
        await w?.terminate();
      }),
    );
  }

  #next(): void {
    for (const slot of this.#slots) {
      if (slot.running || this.#queue.length === 0) continue;
      const q = this.#queue.shift() as Queued;
      const w = this.#spawn(slot);
      const seq = ++this.#seq;
      const key = scenarioKey(q.c);
      const budget = q.level === null ? undefined : this.#budgets.get(q.level);
      const request = plannerRequest(
        { seq, key, ...(slot.known.has(key) ? {} : { scenario: q.c.scenario }) },
        q.work,
        budget,
      );
      slot.known.add(key);
      const timer = setTimeout(() => this.#timedOut(slot), this.#settings.timeoutMs);
      slot.running = { ...q, seq, timer };
      w.postMessage(request);
    }
  }

  #spawn(slot: Slot): Worker {
    if (slot.worker) return slot.worker;
    // The thread reads TypeScript through tsx, as `npm start` does, however this process was started.
    const w = new Worker(new URL('./planner-thread.ts', import.meta.url), { execArgv: ['--import', TSX] });
    w.on('message', (data: unknown) => this.#reply(slot, data));
    w.on('error', (e) => this.#broken(slot, w, `the planning thread failed (${e.message})`));
    w.on('exit', (code) => this.#broken(slot, w, `the planning thread exited (${code})`));
    // A thread waiting for work does not keep the process alive.
    w.unref();
    slot.worker = w;
    slot.known = new Set();
    return w;
  }

  #reply(slot: Slot, data: unknown): void {
    const run = slot.running;
    const r = PlanReply.safeParse(data);
    if (!run || !r.success || r.data.seq !== run.seq) {
      if (!r.success) this.#settings.log('planner pool: a malformed reply from a thread was ignored');
      return;
    }
    clearTimeout(run.timer);
    slot.running = null;
    run.answer(r.data.kind === 'error' ? new Error(r.data.message) : r.data);
    this.#next();
  }

  #timedOut(slot: Slot): void {
    const run = slot.running;
    if (!run) return;
    const { level } = run;
    if (level === null)
      this.#settings.log(`planner pool: ${run.actor} took over ${this.#settings.timeoutMs} ms`);
    else {
      const had = this.#budgets.get(level) ?? LEVELS[level].continuations;
      this.#budgets.set(level, Math.max(FALLBACK_BUDGET, Math.floor(had / 4)));
      this.#settings.log(
        `planner pool: ${run.actor}'s decision took over ${this.#settings.timeoutMs} ms; ${level} now plans with ${this.#budgets.get(level)} continuations`,
      );
    }
    const w = slot.worker;
    slot.worker = null;
    void w?.terminate();
    this.#fail(slot, new Error(`no plan came back within ${this.#settings.timeoutMs} ms`));
    this.#next();
  }

  /** A thread that crashed or exited: its job fails and the next job starts a fresh thread. */
  #broken(slot: Slot, w: Worker, why: string): void {
    if (slot.worker !== w) return;
    slot.worker = null;
    if (this.#closed) return;
    this.#settings.log(`planner pool: ${why}`);
    this.#fail(slot, new Error(why));
    this.#next();
  }

  #fail(slot: Slot, e: Error): void {
    const run = slot.running;
    if (!run) return;
    clearTimeout(run.timer);
    slot.running = null;
    run.answer(e);
  }
}

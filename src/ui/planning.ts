// The planning computer players and the advisor on the page. Each planner seat's decision is planned in a
// Web Worker (planner-worker.ts) from the seat's own projection while the people give their orders, and the
// round's negotiation is pre-played there from the state the round will resolve from (the planner seats'
// answers and texts, preplay.ts: the worker is the page's own, so the true state never leaves the page).
// Both are handed to the game as PLANNED just before the round resolves: the event that would resolve it
// (the last person's orders, the deadline's tick, the trainer seating the computer in the last person's
// place or resuming, NEXT or BEGIN with no person seated: resolving.ts) waits until they are in, while a
// "thinking" line names the seats being planned. What still plans at resolution on the page: a seat the
// resolving event itself gives to a planner (its PLANNED cannot come before it is the planner's), a plan or
// pre-play the worker failed to make, and a talk decision whose input is not the one pre-played. A seat
// whose advisor the trainer switched on gets the planner's suggestion for its own seat, shown on its orders
// screen only (advisor.ts).
//
// A slow machine degrades, never freezes: a decision that takes longer than SLOW_MS makes the next one of
// that level plan with a smaller budget, and one not back after HARD_MS is abandoned (the worker is
// replaced) and planned on the page at FALLBACK_BUDGET continuations instead. The talks are pre-played at
// the seats' own levels or not at all (a smaller budget would be another game): an abandoned pre-play
// leaves them to the resolution.
import { html, render as paint } from 'lit-html';
import type { Actor, Subscription } from 'xstate';
import { reason } from '../errors.ts';
import type { Compiled } from '../sim/compile.ts';
import type { GameEvent, TalkRecord } from '../sim/events.ts';
import type { GameMachine } from '../sim/machine.ts';
import { phaseOf } from '../sim/phase.ts';
import {
  type Advice,
  FALLBACK_BUDGET,
  lacking,
  PlanReply,
  type PlanShape,
  type Prepared,
  plannedEvents,
  plannedSeats,
  plannerRequest,
  planTarget,
  scenarioKey,
  seatInput,
  talksKey,
} from '../sim/plan-protocol.ts';
import { plan } from '../sim/planner.ts';
import { resolvingState } from '../sim/resolving.ts';
import type { GameState, PlannerLevel } from '../sim/types.ts';
import { nameOf } from './causes.ts';
import type { App } from './types.ts';

/** Design choice: a decision slower than this (page to worker and back) shows a slow machine. */
export const SLOW_MS = 1500;
/** Design choice: a decision not back after this is planned on the page at FALLBACK_BUDGET instead. */
export const HARD_MS = 8000;
/** Design choice: a slow machine's budget aims at this share of SLOW_MS. */
const AIM = 0.5;

/** One job for the worker: a seat's decision (its orders, or a person's advice), or the round's talks pre-played. */
type Job = {
  /** `seat:ROLE`, `advice:ROLE` or `talks`: a newer job of the same id replaces a queued one. */
  id: string;
  /** The fingerprint of its input: a plan of another input is stale. */
  viewKey: string;
  c: Compiled;
  scenarioKey: string;
} & (
  | {
      kind: 'plan';
      view: GameState;
      actor: string;
      level: PlannerLevel;
      seed: number;
      done(plan: PlanShape | null, message: string): void;
    }
  | { kind: 'talks'; state: GameState; done(talks: TalkRecord[] | null, message: string): void }
);

/** Runs one job at a time in the worker, timing each, and gives up on one that overruns HARD_MS. */
class WorkerPlanner {
  private worker: Worker | null = null;
  private known = new Set<string>();
  private queue: Job[] = [];
  private running: { job: Job; seq: number; started: number; timer: ReturnType<typeof setTimeout> } | null =
    null;
  private seq = 0;
  /** A level's budget once the machine has shown itself slow for it (absent: the level's own). */
  private budgets = new Map<PlannerLevel, number>();
  private seen = new Map<PlannerLevel, number>();

  /** Queues a job (computer seats and talks before advice), replacing a queued one of the same id. */
  submit(job: Job): void {
    this.queue = this.queue.filter((j) => j.id !== job.id);
    if (!job.id.startsWith('advice:')) this.queue.unshift(job);
    else this.queue.push(job);
    this.next();
  }

  /** Whether a job of this id and view is queued or running. */
  has(id: string, viewKey: string): boolean {
    const same = (j: Job) => j.id === id && j.viewKey === viewKey;
    return (this.running !== null && same(this.running.job)) || this.queue.some(same);
  }

  /** Ids of the jobs queued or running. */
  ids(): string[] {
    return [...(this.running ? [this.running.job.id] : []), ...this.queue.map((j) => j.id)];
  }

  /** Forgets every queued job (a new game); a running one finishes unheard. */
  clear(): void {
    this.queue = [];
    if (this.running) clearTimeout(this.running.timer);
    this.running = null;
  }

  private spawn(): Worker | null {
    if (this.worker) return this.worker;
    try {
      const w = new Worker(new URL('./planner-worker.ts', import.meta.url), { type: 'module' });
      w.onmessage = (e: MessageEvent<unknown>) => this.reply(e.data);
      w.onerror = (e) => {
        e.preventDefault();
        this.abandon(`the planner's worker failed (${e.message})`);
      };
      this.worker = w;
    } catch (e) {
      console.warn('planning: no Web Worker, the computer players plan on the page', e);
      this.worker = null;
    }
    return this.worker;
  }

  private next(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return;
    const w = this.spawn();
    if (!w) {
      this.fallback(job, 'no Web Worker is available');
      this.next();
      return;
    }
    const seq = ++this.seq;
    const head = {
      seq,
      key: job.scenarioKey,
      ...(this.known.has(job.scenarioKey) ? {} : { scenario: job.c.scenario }),
    };
    const budget = job.kind === 'plan' ? this.budgets.get(job.level) : undefined;
    const request = plannerRequest(head, job, budget);
    this.known.add(job.scenarioKey);
    const timer = setTimeout(() => this.abandon(`no plan came back within ${HARD_MS / 1000} s`), HARD_MS);
    this.running = { job, seq, started: performance.now(), timer };
    w.postMessage(request);
  }

  private reply(data: unknown): void {
    const run = this.running;
    const r = PlanReply.safeParse(data);
    if (!run || !r.success || r.data.seq !== run.seq) {
      if (!r.success) console.warn('planning: a malformed reply from the worker was ignored');
      return;
    }
    clearTimeout(run.timer);
    this.running = null;
    const { job } = run;
    const reply = r.data;
    if (reply.kind === 'error') this.fallback(job, reply.message);
    else if (job.kind === 'talks' && reply.kind === 'talks') job.done(reply.talks, '');
    else if (job.kind === 'plan' && reply.kind === 'plan') {
      const elapsed = performance.now() - run.started;
      const p = reply.plan;
      this.seen.set(job.level, p.continuations);
      if (elapsed > SLOW_MS) this.lower(job.level, Math.floor((p.continuations * SLOW_MS * AIM) / elapsed));
      job.done(p, '');
    } else this.fallback(job, `a ${reply.kind} reply to a ${job.kind} request`);
    this.next();
  }

  private lower(level: PlannerLevel, budget: number): void {
    const now = this.budgets.get(level) ?? Number.POSITIVE_INFINITY;
    this.budgets.set(level, Math.max(FALLBACK_BUDGET, Math.min(now, budget)));
  }

  /** The running job overran or the worker broke: a fresh worker next time, a smaller budget, a fallback now. */
  private abandon(message: string): void {
    const run = this.running;
    this.worker?.terminate();
    this.worker = null;
    this.known.clear();
    this.running = null;
    if (run) {
      clearTimeout(run.timer);
      const { job } = run;
      if (job.kind === 'plan') {
        const had = this.budgets.get(job.level) ?? this.seen.get(job.level) ?? FALLBACK_BUDGET * 4;
        this.lower(job.level, Math.floor(had / 4));
      }
      this.fallback(job, message);
    }
    this.next();
  }

  /** A computer seat is planned on the page at a small budget; advice and talks are simply not given this time. */
  private fallback(job: Job, message: string): void {
    if (job.kind === 'talks' || !job.id.startsWith('seat:')) {
      job.done(null, message);
      return;
    }
    console.warn(`planning: ${job.actor} planned on the page (${message})`);
    try {
      job.done(
        plan(job.c, job.view, job.actor, { level: job.level, seed: job.seed, budget: FALLBACK_BUDGET }),
        '',
      );
    } catch (e) {
      job.done(null, reason(e));
    }
  }
}

/** What the orders screen asks of the planning on this page. */
export interface Planning {
  /** The advisor's suggestion for a person's seat, or null when its advisor is off or nothing is asked yet. */
  advice(role: string): Advice | null;
}

let current: Planning | null = null;

/** The planning of this window, once installed. */
export function planning(): Planning | null {
  return current;
}

/**
 * The "thinking" line for the computer players (by name) whose moves are being planned, their orders and,
 * with `talks`, their negotiating moves; '' for none.
 */
export function thinkingText(names: readonly string[], talks = false): string {
  const one = names.length === 1;
  const what = talks ? 'orders and negotiating moves' : 'orders';
  return names.length === 0
    ? ''
    : `Thinking: the computer ${one ? 'player' : 'players'} for ${names.join(' and ')} ${one ? 'is' : 'are'} planning ${one ? 'its' : 'their'} ${what}…`;
}

/**
 * Installs the planning on the game window's app, outermost (after the classroom host): it follows the
 * game, plans its planner seats from the start of each round and its advised seats, hands the plans in
 * just before the round resolves, and holds the event that would resolve it until they are there.
 */
export function installPlanning(app: App, doc: Document): Planning {
  const worker = new WorkerPlanner();
  /** The planner seats' orders and the round's talks made ready for the resolution in view. */
  const ready: Prepared = { plans: new Map(), talks: null };
  const advice = new Map<string, { key: string; advice: Advice }>();
  let held: GameEvent[] = [];
  let watched: Actor<GameMachine> | null = null;
  let sub: Subscription | null = null;
  let round = -1;

  const line = doc.createElement('p');
  line.className = 'thinking';
  line.setAttribute('role', 'status');
  line.setAttribute('aria-live', 'polite');
  line.dataset.testid = 'thinking';
  (doc.querySelector('.classroom-bar') ?? doc.querySelector('.app-header'))?.after(line);

  const inner = app.send.bind(app);

  function ask(
    c: Compiled,
    s: GameState,
    kind: 'seat' | 'advice',
    actor: string,
    done: (p: PlanShape | null, why: string) => void,
  ) {
    const input = seatInput(c, s, actor);
    const id = `${kind}:${actor}`;
    if (worker.has(id, input.key)) return;
    worker.submit({
      kind: 'plan',
      id,
      viewKey: input.key,
      c,
      scenarioKey: scenarioKey(c),
      view: input.view,
      actor,
      level: input.opts.level,
      seed: input.opts.seed,
      done,
    });
  }

  /** The game, its phase and state, and the state the round in view will resolve from (null: none). */
  function now() {
    const g = app.game;
    if (!g) return null;
    const phase = phaseOf(g.actor);
    const s = g.actor.getSnapshot().context;
    return { g, phase, s, target: planTarget(g.c, phase, s, held[0]) };
  }

  /** Asks for whatever plan, talks or advice the round in view lacks, and releases held events once all is in. */
  function update(): void {
    const at = now();
    if (!at?.target) {
      held = [];
      app.ui.held = null;
      showThinking([], false);
      return;
    }
    const { g, phase, s, target } = at;
    const { c } = g;
    if (s.round !== round) {
      round = s.round;
      ready.plans.clear();
      ready.talks = null;
      advice.clear();
    }
    const need = lacking(c, target, ready, s);
    for (const actor of need.seats) {
      const { key } = seatInput(c, target, actor);
      ask(c, target, 'seat', actor, (p, why) => {
        if (!p) console.warn(`planning: no plan for ${actor} (${why}); the game plans it at resolution`);
        if (app.game === g) ready.plans.set(actor, { key, plan: p });
        update();
      });
    }
    const key = talksKey(target);
    if (need.talks && !worker.has('talks', key))
      worker.submit({
        kind: 'talks',
        id: 'talks',
        viewKey: key,
        c,
        scenarioKey: scenarioKey(c),
        state: target,
        done: (records, why) => {
          if (!records)
            console.warn(`planning: no talks pre-played (${why}); the game plans them at resolution`);
          if (app.game === g) ready.talks = { key, records };
          update();
        },
      });
    if (phase === 'orders')
      for (const actor of plannedSeats(c, s).advised) {
        const { key } = seatInput(c, s, actor);
        if (advice.get(actor)?.key === key) continue;
        advice.set(actor, { key, advice: { status: 'thinking' } });
        ask(c, s, 'advice', actor, (p, why) => {
          // A suggestion for a view the seat has left behind is dropped: the new view has its own.
          if (advice.get(actor)?.key !== key) return;
          advice.set(actor, {
            key,
            advice: p
              ? { status: 'ready', plan: p }
              : { status: 'failed', message: `The advisor could not finish this time (${why}).` },
          });
          app.render();
        });
      }
    const ids = worker.ids();
    const talking = ids.includes('talks');
    const seats = ids.flatMap((id) => (id.startsWith('seat:') ? [id.slice('seat:'.length)] : []));
    showThinking(talking ? [...new Set([...seats, ...plannedSeats(c, target).planners])] : seats, talking);
    release();
  }

  /** Sends the held events once the round's plans and talks are in; orders wait while the game is paused. */
  function release(): void {
    const at = now();
    if (held.length === 0 || !at?.target) return;
    const { g, s, target } = at;
    const need = lacking(g.c, target, ready, s);
    // Orders wait while the game is paused; a held RESUME is what ends the pause.
    if ((s.paused && held[0]?.type !== 'RESUME') || need.seats.length > 0 || need.talks) return;
    const events = held;
    held = [];
    app.ui.held = null;
    for (const e of events) send(e);
    app.render();
  }

  function showThinking(actors: string[], talks: boolean): void {
    const g = app.game;
    const text = thinkingText(g ? actors.map((a) => nameOf(g.c, a)) : [], talks);
    if (line.textContent !== text) paint(html`${text}`, line);
    line.dataset.seats = actors.join(' ');
    line.dataset.talks = talks ? 'planning' : '';
  }

  /** Sends an event; one that resolves the round waits for its plans and talks, which go in just before it. */
  function send(event: GameEvent): void {
    const at = now();
    const target = at ? resolvingState(at.g.c, at.phase, at.s, event) : null;
    if (at && target) {
      const need = lacking(at.g.c, target, ready, at.s);
      if (need.seats.length > 0 || need.talks) {
        // One tick stands for every tick: the deadline has passed either way.
        held = [...held.filter((e) => !(e.type === 'TICK' && event.type === 'TICK')), event];
        if (event.type === 'ORDERS') app.ui.held = event.actor;
        update();
        app.render();
        return;
      }
      for (const e of plannedEvents(at.g.c, target, ready, at.s)) inner(e);
    }
    inner(event);
  }
  app.send = send;

  /** Follows the app's current actor (a new one after start, resume, undo or import). */
  function watch(): void {
    const actor = app.game?.actor ?? null;
    if (actor === watched) return;
    sub?.unsubscribe();
    worker.clear();
    ready.plans.clear();
    ready.talks = null;
    advice.clear();
    held = [];
    round = -1;
    watched = actor;
    sub = actor ? actor.subscribe({ next: update, error: () => undefined }) : null;
    update();
  }
  const origStart = app.start.bind(app);
  const origResume = app.resume.bind(app);
  const origNewGame = app.newGame.bind(app);
  app.start = (loaded, seats, seed) => {
    origStart(loaded, seats, seed);
    watch();
  };
  app.resume = (value) => {
    const problem = origResume(value);
    watch();
    return problem;
  };
  app.newGame = () => {
    origNewGame();
    watch();
  };

  current = {
    advice(role) {
      return advice.get(role)?.advice ?? null;
    },
  };
  watch();
  return current;
}

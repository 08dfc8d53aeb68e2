// A room's planning: its planner seats' decisions and its students' advice, planned in the process's
// planner pool (planner-pool.ts) from each seat's own view as soon as a round's resolution is in view, and
// the round's negotiation pre-played there from the true state the round will resolve from (the planner
// seats' answers and texts: preplay.ts); both are handed to the game as PLANNED just before the round
// resolves. The event that would resolve it (the last person's orders, the deadline's tick, the trainer
// seating the computer in the last person's place or resuming, NEXT or BEGIN in a room with no person's
// seat: resolving.ts) is held until they are in, so the room's event loop runs no planner and the game is
// the one synchronous planning gives: each plan is made from the seat's input in the state the round
// resolves from (a plan of a view the seat has since left is made again), and each pre-played talk decision
// is used only for the input it was made from. Advice goes to the advised seat's own view only (room.ts).
//
// What still plans on the room's thread: a seat the resolving event itself gives to a planner (SET_SEAT: it
// can hand in nothing before), a decision whose thread failed (orders at FALLBACK_BUDGET continuations;
// talks at the seats' own levels, at resolution), a talk decision whose input is not the one pre-played,
// and everything when the pool has no threads.
import { reason } from '../errors.ts';
import type { Compiled } from '../sim/compile.ts';
import type { GameEvent } from '../sim/events.ts';
import type { Phase } from '../sim/phase.ts';
import {
  type Advice,
  FALLBACK_BUDGET,
  lacking,
  type PlanShape,
  type Prepared,
  plannedEvents,
  plannedSeats,
  planTarget,
  seatInput,
  talksKey,
} from '../sim/plan-protocol.ts';
import { plan } from '../sim/planner.ts';
import { resolvingState } from '../sim/resolving.ts';
import type { GameState } from '../sim/types.ts';
import type { PlannerPool } from './planner-pool.ts';

/** What the planning reads of its room and does to it. */
export interface PlanningHost {
  c: Compiled;
  pool: PlannerPool | null;
  state(): GameState;
  phase(): Phase;
  /** Whether the game would take the event now (the machine's guards). */
  takes(event: GameEvent): boolean;
  /** Applies an event as the room does (logged, committed, broadcast); a refusal's reason or null. */
  apply(event: GameEvent): string | null;
  /** Something the views show changed without the game changing (thinking, advice). */
  changed(): void;
  log(line: string): void;
  /** Keeps the held events where a restart finds them: they are accepted, though not yet applied. */
  keepHeld(events: readonly GameEvent[]): void;
}

export class RoomPlanning {
  readonly #host: PlanningHost;
  /** The planner seats' orders and the round's talks made ready for the resolution in view. */
  #ready: Prepared = { plans: new Map(), talks: null };
  #advice = new Map<string, { key: string; advice: Advice }>();
  /** Jobs in the pool, as `seat:ROLE:KEY`, `advice:ROLE:KEY` or `talks:KEY`. */
  #asked = new Set<string>();
  #held: GameEvent[] = [];
  #round = -1;
  #releasing = false;
  #stopped = false;

  constructor(host: PlanningHost) {
    this.#host = host;
  }

  /** The state the round in view will resolve from (the held event's, if any), or null. */
  #target(): GameState | null {
    return planTarget(this.#host.c, this.#host.phase(), this.#host.state(), this.#held[0]);
  }

  /** Planner seats whose orders or talks for the round in view are not in yet. */
  thinking(): string[] {
    const target = this.#target();
    if (!this.#host.pool?.enabled || !target) return [];
    return this.#thinking(target);
  }

  #thinking(target: GameState): string[] {
    const { c } = this.#host;
    const need = lacking(c, target, this.#ready, this.#host.state());
    return need.talks ? [...new Set([...need.seats, ...plannedSeats(c, target).planners])] : need.seats;
  }

  /** The advisor's suggestion for a person's seat, or null when its advisor is off. */
  advice(role: string): Advice | null {
    const s = this.#host.state();
    if (this.#host.phase() !== 'orders' || !plannedSeats(this.#host.c, s).advised.includes(role)) return null;
    return this.#advice.get(role)?.advice ?? { status: 'thinking' };
  }

  /**
   * Before the room applies an event: true when it is held until the plans are in (the room treats it as
   * accepted). An event that resolves the round with every plan in hands the plans in first.
   */
  holds(event: GameEvent): boolean {
    if (this.#releasing || !this.#host.pool?.enabled) return false;
    const s = this.#host.state();
    const target = resolvingState(this.#host.c, this.#host.phase(), s, event);
    if (!target) return false;
    const waiting = this.#thinking(target);
    if (waiting.length === 0) {
      this.#handIn(target);
      return false;
    }
    if (!this.#host.takes(event)) return false;
    // One tick stands for every tick (the clock ticks each second: said once); a team's second orders
    // replace its first while both wait.
    const again = event.type === 'TICK' && this.#held.some((e) => e.type === 'TICK');
    const held = [
      ...this.#held.filter(
        (e) =>
          !(e.type === 'TICK' && event.type === 'TICK') &&
          !(e.type === 'ORDERS' && event.type === 'ORDERS' && e.actor === event.actor),
      ),
      event,
    ];
    // A later tick is stored as the first one was: any tick past the deadline resolves the same round.
    if (again) this.#held = held;
    else this.#hold(held);
    if (!again)
      this.#host.log(`${event.type} held until the planners' orders are in (${waiting.join(', ')})`);
    return true;
  }

  /** Asks for whatever plan, talks or advice the game's state lacks, and releases held events once all is in. */
  update(): void {
    if (this.#stopped) return;
    const { c, pool } = this.#host;
    const phase = this.#host.phase();
    const s = this.#host.state();
    const target = this.#target();
    if (!target) {
      this.#hold([]);
      return;
    }
    if (s.round !== this.#round) {
      this.#round = s.round;
      this.#ready = { plans: new Map(), talks: null };
      this.#advice.clear();
    }
    if (pool?.enabled) {
      const ready = this.#ready;
      const need = lacking(c, target, ready, s);
      for (const actor of need.seats) {
        const input = seatInput(c, target, actor);
        this.#ask(`seat:${actor}:${input.key}`, actor, input, (p, why) => {
          if (!p) this.#host.log(`no plan for ${actor} (${why}); the game plans it at resolution`);
          ready.plans.set(actor, { key: input.key, plan: p });
        });
      }
      if (need.talks) this.#askTalks(target);
    }
    if (phase === 'orders')
      for (const actor of plannedSeats(c, s).advised) {
        const input = seatInput(c, s, actor);
        if (this.#advice.get(actor)?.key === input.key) continue;
        this.#advice.set(actor, { key: input.key, advice: { status: 'thinking' } });
        this.#ask(`advice:${actor}:${input.key}`, actor, input, (p, why) => {
          // A suggestion for a view the seat has left behind is dropped: the new view has its own.
          if (this.#advice.get(actor)?.key !== input.key) return;
          this.#advice.set(actor, {
            key: input.key,
            advice: p
              ? { status: 'ready', plan: p }
              : { status: 'failed', message: `The advisor could not finish this time (${why}).` },
          });
        });
      }
    this.#release();
  }

  /** Forgets held events and plans (the game was replaced: undo). */
  reset(): void {
    this.#hold([]);
    this.#ready = { plans: new Map(), talks: null };
    this.#advice.clear();
    this.#round = -1;
  }

  /** The room is gone: late answers are dropped. */
  stop(): void {
    this.#stopped = true;
    this.reset();
  }

  /**
   * One decision in the pool (or, with no pool, on this thread: advice only, since a seat without a pool
   * plans at resolution). A failed pool job is planned here at FALLBACK_BUDGET; failed advice is not given.
   */
  #ask(
    id: string,
    actor: string,
    input: ReturnType<typeof seatInput>,
    done: (p: PlanShape | null, why: string) => void,
  ): void {
    if (this.#asked.has(id)) return;
    const { c, pool } = this.#host;
    const here = (budget?: number): PlanShape =>
      plan(c, input.view, actor, { ...input.opts, ...(budget !== undefined ? { budget } : {}) });
    if (!pool?.enabled) {
      done(here(), '');
      return;
    }
    this.#asked.add(id);
    pool
      .plan({
        c,
        view: input.view,
        actor,
        level: input.opts.level,
        seed: input.opts.seed,
        urgent: id.startsWith('seat:'),
      })
      .then(
        (p) => done(p, ''),
        (e: unknown) => {
          if (this.#stopped) return;
          if (id.startsWith('advice:')) return done(null, reason(e));
          this.#host.log(
            `${actor} planned on the room's thread at ${FALLBACK_BUDGET} continuations (${reason(e)})`,
          );
          try {
            done(here(FALLBACK_BUDGET), '');
          } catch (f) {
            done(null, reason(f));
          }
        },
      )
      .finally(() => this.#settled(id));
  }

  /** The round's talks pre-played in the pool; a failed pre-play leaves them to the resolution. */
  #askTalks(target: GameState): void {
    const key = talksKey(target);
    const id = `talks:${key}`;
    const pool = this.#host.pool;
    if (this.#asked.has(id) || !pool) return;
    this.#asked.add(id);
    const ready = this.#ready;
    pool
      .talks({ c: this.#host.c, state: target })
      .then(
        (records) => records,
        (e: unknown) => {
          if (!this.#stopped)
            this.#host.log(`no talks pre-played (${reason(e)}); the game plans them at resolution`);
          return null;
        },
      )
      .then((records) => {
        ready.talks = { key, records };
      })
      .finally(() => this.#settled(id));
  }

  /** A pool job has finished: ask for what is still missing, release what waits, and show it. */
  #settled(id: string): void {
    this.#asked.delete(id);
    if (this.#stopped) return;
    this.update();
    this.#host.changed();
  }

  /** Hands every planner seat's plan and talks for the target in (PLANNED, logged like any event). */
  #handIn(target: GameState): void {
    this.#releasing = true;
    try {
      for (const e of plannedEvents(this.#host.c, target, this.#ready, this.#host.state())) {
        const refused = this.#host.apply(e);
        if (refused !== null) this.#host.log(`a PLANNED was not taken: ${refused}`);
      }
    } finally {
      this.#releasing = false;
    }
  }

  #hold(events: GameEvent[]): void {
    if (events.length === 0 && this.#held.length === 0) return;
    this.#held = events;
    this.#host.keepHeld(events);
  }

  /** Applies the held events once the plans and talks are in; orders wait while the game is paused. */
  #release(): void {
    if (this.#held.length === 0 || this.#releasing) return;
    const s = this.#host.state();
    const target = this.#target();
    // A held RESUME is what ends the pause.
    if ((s.paused && this.#held[0]?.type !== 'RESUME') || !target || this.#thinking(target).length > 0)
      return;
    const events = this.#held;
    this.#hold([]);
    this.#handIn(target);
    this.#releasing = true;
    try {
      for (const e of events) {
        const refused = this.#host.apply(e);
        if (refused !== null) this.#host.log(`a held ${e.type} was not taken: ${refused}`);
      }
    } finally {
      this.#releasing = false;
    }
  }
}

// A room's planning: its planner seats' decisions and its students' advice, planned in the process's
// planner pool (planner-pool.ts) from each seat's own view as soon as a round's orders phase opens, and
// handed to the game as PLANNED just before the round resolves. The event that would resolve it (the last
// person's orders, the deadline's tick) is held until every planner seat's plan is in, so the room's event
// loop never runs a planner and the game is the one synchronous planning would give: each plan is made from
// the seat's input in the state the round resolves from (a plan of a view the seat has since left is made
// again). Advice goes to the advised seat's own view only (room.ts).
//
// What still plans on the room's thread: a round that resolves without a held event (a room with no
// person's seat, or the trainer seating the computer in the last person's place) plans at resolution, as
// the machine does; a decision whose thread failed is planned here at FALLBACK_BUDGET continuations.
import { reason } from '../errors.ts';
import type { Compiled } from '../sim/compile.ts';
import type { GameEvent } from '../sim/events.ts';
import type { Phase } from '../sim/phase.ts';
import {
  type Advice,
  FALLBACK_BUDGET,
  type PlanShape,
  plannedSeats,
  seatInput,
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
  /** Each planner seat's plan this round and the input key it was made from (plan null: none could be made). */
  #plans = new Map<string, { key: string; plan: PlanShape | null }>();
  #advice = new Map<string, { key: string; advice: Advice }>();
  /** Jobs in the pool, as `seat:ROLE:KEY` or `advice:ROLE:KEY`. */
  #asked = new Set<string>();
  #held: GameEvent[] = [];
  #round = -1;
  #releasing = false;
  #stopped = false;

  constructor(host: PlanningHost) {
    this.#host = host;
  }

  /** Planner seats of this round whose plan for their current view is not in yet. */
  thinking(): string[] {
    const { c } = this.#host;
    const s = this.#host.state();
    if (!this.#host.pool?.enabled || this.#host.phase() !== 'orders') return [];
    return this.#due(s).filter((a) => this.#plans.get(a)?.key !== seatInput(c, s, a).key);
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
    if (this.#releasing || this.#host.phase() !== 'orders') return false;
    const s = this.#host.state();
    if (resolvingState(this.#host.c, 'orders', s, event) === null) return false;
    if (this.thinking().length === 0) {
      this.#handIn(s);
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
      this.#host.log(`${event.type} held until the planners' orders are in (${this.thinking().join(', ')})`);
    return true;
  }

  /** Asks for whatever plan or advice the game's state lacks, and releases held events once all is in. */
  update(): void {
    if (this.#stopped) return;
    const { c, pool } = this.#host;
    if (this.#host.phase() !== 'orders') {
      this.#hold([]);
      return;
    }
    const s = this.#host.state();
    if (s.round !== this.#round) {
      this.#round = s.round;
      this.#plans.clear();
      this.#advice.clear();
    }
    if (pool?.enabled)
      for (const actor of this.thinking()) {
        const input = seatInput(c, s, actor);
        this.#ask(`seat:${actor}:${input.key}`, actor, input, (p, why) => {
          if (!p) this.#host.log(`no plan for ${actor} (${why}); the game plans it at resolution`);
          if (s.round === this.#round) this.#plans.set(actor, { key: input.key, plan: p });
        });
      }
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
    this.#plans.clear();
    this.#advice.clear();
    this.#round = -1;
  }

  /** The room is gone: late answers are dropped. */
  stop(): void {
    this.#stopped = true;
    this.reset();
  }

  /** Planner seats that have not handed in this round's orders. */
  #due(s: GameState): string[] {
    return plannedSeats(this.#host.c, s).planners.filter((a) => s.planned?.[a] === undefined);
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
      .finally(() => {
        this.#asked.delete(id);
        if (this.#stopped) return;
        this.update();
        this.#host.changed();
      });
  }

  /** Hands every planner seat's plan to the game (PLANNED, logged like any event). */
  #handIn(s: GameState): void {
    this.#releasing = true;
    try {
      for (const actor of this.#due(s)) {
        const p = this.#plans.get(actor)?.plan;
        if (p)
          this.#host.apply({ type: 'PLANNED', actor, round: s.round, orders: p.orders, reason: p.reason });
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

  /** Applies the held events once every planner seat's plan is in; they wait while the game is paused. */
  #release(): void {
    if (this.#held.length === 0 || this.#releasing) return;
    const s = this.#host.state();
    if (s.paused || this.thinking().length > 0) return;
    const events = this.#held;
    this.#hold([]);
    this.#handIn(s);
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

// The statechart, generated from a scenario: briefing → playing → ended, where playing runs the
// round, the ladder, mediation and the ceasefire as parallel regions.
import { and, assertEvent, assign, raise, setup } from 'xstate';
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compile.ts';
import { type GameEvent, parseEvent } from './events.ts';
import {
  answer,
  answerError,
  pass,
  passError,
  proposalError,
  propose,
  signAs,
  signError,
} from './negotiation.ts';
import { checkOrders } from './orders.ts';
import { allIn, resumed, withSeat } from './resolving.ts';
import { applyInject, closeRound, resolveRound, runReactions, startRound } from './round.ts';
import { type GameInput, initialState } from './state.ts';
import { openStep } from './step.ts';
import type { GameState } from './types.ts';

/** The phases of the mediation region, in order. */
export const MEDIATION_STATES = ['none', 'offered', 'accepted', 'talks', 'agreement', 'collapsed'] as const;
export const CEASEFIRE_STATES = ['none', 'holding', 'broken'] as const;

/** Builds the game machine for a validated scenario. */
export function createGameMachine(scenario: Scenario) {
  const c = compile(scenario);
  const ladder = scenario.ladder;
  const firstRung = ladder[0]?.id ?? 'rung';
  /** PLANNED's checks for the round the state is at: a planner seat not yet planned, its orders as a person's. */
  const plannedFits = (s: GameState, e: GameEvent) =>
    e.type === 'PLANNED' &&
    parseEvent(scenario, e).ok &&
    !s.paused &&
    s.seats[e.actor]?.by === 'computer' &&
    s.seats[e.actor]?.policy === 'planner' &&
    e.round === s.round &&
    s.planned?.[e.actor] === undefined &&
    checkOrders(c, s, e.actor, e.orders) === null;

  return setup({
    types: {
      context: {} as GameState,
      events: {} as GameEvent,
      input: {} as GameInput,
      output: {} as GameState['ending'],
    },
    actions: {
      resolve: assign(({ context }) => resolveRound(c, context)),
      react: assign(({ context }) => runReactions(c, context)),
      close: assign(({ context }) => closeRound(c, context)),
      // Plans handed in for the new round before it opened (a round that resolves as it opens) are kept.
      nextRound: assign(({ context }) => ({
        ...startRound(context),
        planned: context.planned,
        plannedTalks: context.plannedTalks,
      })),
      storeOrders: assign(({ context, event }) => {
        assertEvent(event, 'ORDERS');
        return { orders: { ...context.orders, [event.actor]: event.orders } };
      }),
      inject: assign(({ context, event }) => {
        // The parsed copy: a trainer's inject gets the schema's defaults (a map cue's "at", say).
        const parsed = parseEvent(scenario, event);
        if (!parsed.ok || parsed.event.type !== 'INJECT') return {};
        const { inject } = parsed.event;
        const inj = typeof inject === 'string' ? scenario.injects.find((i) => i.id === inject) : inject;
        return inj ? applyInject(c, context, inj) : {};
      }),
      setDeadline: assign(({ event }) => {
        assertEvent(event, 'SET_DEADLINE');
        return { deadline: event.at };
      }),
      pause: assign(({ context, event }) =>
        context.paused ? {} : { paused: true, pausedAt: event.type === 'PAUSE' ? (event.now ?? null) : null },
      ),
      resume: assign(({ context, event }) =>
        resumed(context, event.type === 'RESUME' ? event.now : undefined),
      ),
      // What was planned for the seat as it was is dropped: the new seat plays (or plans) afresh.
      setSeat: assign(({ context, event }) => {
        assertEvent(event, 'SET_SEAT');
        return withSeat(context, event.actor, event.seat);
      }),
      storePlan: assign(({ context, event }) => {
        assertEvent(event, 'PLANNED');
        const plan = { orders: event.orders, reason: event.reason };
        return {
          planned: { ...context.planned, [event.actor]: plan },
          ...(event.talks?.length ? { plannedTalks: [...(context.plannedTalks ?? []), ...event.talks] } : {}),
        };
      }),
      sync: raise({ type: 'SYNC' }),
      propose: assign(({ context, event }) => {
        assertEvent(event, 'PROPOSE');
        const st = openStep(c, context);
        propose(st, event.actor, event.clauses, event.via ?? null, undefined, event.parties);
        return st.done();
      }),
      pass: assign(({ context, event }) => {
        assertEvent(event, 'PASS');
        const st = openStep(c, context);
        pass(st, event.actor, event.to);
        return st.done();
      }),
      sign: assign(({ context, event }) => {
        assertEvent(event, 'SIGN');
        const st = openStep(c, context);
        signAs(st, event.actor, event.as);
        return st.done();
      }),
      answer: assign(({ context, event }) => {
        assertEvent(event, 'ANSWER');
        const st = openStep(c, context);
        answer(st, event.actor, event.answers, event.changes);
        return st.done();
      }),
    },
    guards: {
      // The boundary: an event of the wrong shape, with a number out of range or an id the scenario does not
      // know is refused here, before any rule reads it (callers get the reason from parseEvent itself).
      wellFormed: ({ event }) => parseEvent(scenario, event).ok,
      allIn: ({ context }) => allIn(c, context),
      ordersValid: ({ context, event }) =>
        event.type === 'ORDERS' &&
        parseEvent(scenario, event).ok &&
        !context.paused &&
        context.seats[event.actor]?.by === 'person' &&
        context.orders[event.actor] === undefined &&
        checkOrders(c, context, event.actor, event.orders) === null,
      // A planner seat's orders planned off the machine: for this round, once, checked like a person's.
      plannedValid: ({ context, event }) => plannedFits(context, event),
      // Before NEXT or BEGIN: for the round they open (which, with no person seated, resolves as it opens).
      plannedNextValid: ({ context, event }) => plannedFits(startRound(context), event),
      deadlinePassed: ({ context, event }) =>
        event.type === 'TICK' &&
        parseEvent(scenario, event).ok &&
        !context.paused &&
        context.deadline !== null &&
        event.now >= context.deadline,
      proposalValid: ({ context, event }) =>
        event.type === 'PROPOSE' &&
        parseEvent(scenario, event).ok &&
        !context.paused &&
        context.seats[event.actor]?.by === 'person' &&
        proposalError(c, context, event.actor, event.clauses, event.via ?? null, event.parties) === null,
      passValid: ({ context, event }) =>
        event.type === 'PASS' &&
        parseEvent(scenario, event).ok &&
        !context.paused &&
        context.seats[event.actor]?.by === 'person' &&
        passError(c, context, event.actor, event.version, event.to) === null,
      signValid: ({ context, event }) =>
        event.type === 'SIGN' &&
        parseEvent(scenario, event).ok &&
        !context.paused &&
        context.seats[event.actor]?.by === 'person' &&
        signError(c, context, event.actor, event.as) === null,
      answerValid: ({ context, event }) =>
        event.type === 'ANSWER' &&
        parseEvent(scenario, event).ok &&
        !context.paused &&
        context.seats[event.actor]?.by === 'person' &&
        answerError(c, context, event.actor, event.version, event.answers, event.changes) === null,
      injectKnown: ({ event }) => event.type === 'INJECT' && parseEvent(scenario, event).ok,
      ended: ({ context }) => context.ending !== null,
      notPaused: ({ context }) => !context.paused,
    },
  }).createMachine({
    id: 'brink',
    initial: 'briefing',
    context: ({ input }) => initialState(c, input),
    output: ({ context }) => context.ending,
    states: {
      briefing: {
        on: {
          BEGIN: { guard: 'wellFormed', target: 'playing', actions: 'nextRound' },
          SET_SEAT: { guard: 'wellFormed', actions: 'setSeat' },
          PLANNED: { guard: 'plannedNextValid', actions: 'storePlan' },
        },
      },
      playing: {
        type: 'parallel',
        entry: 'sync',
        states: {
          round: {
            initial: 'orders',
            // The trainer may pause at any point of a round; a paused game takes no orders and does not move on.
            on: {
              PAUSE: { guard: 'wellFormed', actions: 'pause' },
              RESUME: { guard: 'wellFormed', actions: 'resume' },
            },
            states: {
              orders: {
                always: { guard: 'allIn', target: 'resolution' },
                on: {
                  ORDERS: { guard: 'ordersValid', actions: 'storeOrders' },
                  PLANNED: { guard: 'plannedValid', actions: 'storePlan' },
                  PROPOSE: { guard: 'proposalValid', actions: ['propose', 'sync'] },
                  ANSWER: { guard: 'answerValid', actions: ['answer', 'sync'] },
                  PASS: { guard: 'passValid', actions: ['pass', 'sync'] },
                  SIGN: { guard: 'signValid', actions: ['sign', 'sync'] },
                  TICK: { guard: 'deadlinePassed', target: 'resolution' },
                  SET_DEADLINE: { guard: 'wellFormed', actions: 'setDeadline' },
                  INJECT: { guard: 'injectKnown', actions: ['inject', 'sync'] },
                  SET_SEAT: { guard: 'wellFormed', actions: 'setSeat' },
                },
              },
              resolution: { entry: 'resolve', always: 'reactions' },
              reactions: { entry: 'react', always: 'report' },
              report: {
                entry: ['close', 'sync'],
                always: { guard: 'ended', target: '#brink.ended' },
                on: {
                  NEXT: { guard: and(['wellFormed', 'notPaused']), target: 'orders', actions: 'nextRound' },
                  INJECT: { guard: 'injectKnown', actions: ['inject', 'sync'] },
                  SET_SEAT: { guard: 'wellFormed', actions: 'setSeat' },
                  PLANNED: { guard: 'plannedNextValid', actions: 'storePlan' },
                },
              },
            },
          },
          ladder: {
            initial: firstRung,
            on: {
              SYNC: ladder.map((r, i) => ({
                guard: ({ context }: { context: GameState }) => context.rung === i,
                target: `.${r.id}`,
              })),
            },
            states: Object.fromEntries(ladder.map((r) => [r.id, { meta: { name: r.name } }])),
          },
          mediation: {
            initial: 'none',
            on: {
              SYNC: MEDIATION_STATES.map((p) => ({
                guard: ({ context }: { context: GameState }) => context.mediation.phase === p,
                target: `.${p}`,
              })),
            },
            states: Object.fromEntries(MEDIATION_STATES.map((p) => [p, {}])),
          },
          ceasefire: {
            initial: 'none',
            on: {
              SYNC: CEASEFIRE_STATES.map((p) => ({
                guard: ({ context }: { context: GameState }) => context.ceasefire.status === p,
                target: `.${p}`,
              })),
            },
            states: Object.fromEntries(CEASEFIRE_STATES.map((p) => [p, {}])),
          },
        },
      },
      ended: { type: 'final' },
    },
  });
}

/** The machine type for a scenario. */
export type GameMachine = ReturnType<typeof createGameMachine>;

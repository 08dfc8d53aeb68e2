// The page's side of the planner, in Node: the event the page holds for the planners is exactly the event
// that would resolve the round (resolves, against the machine itself), and the planner's worker answers a
// request with the very plan the machine would make at resolution, refusing a bad request with a reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import type { GameEvent } from '../../src/sim/events.ts';
import { startGame } from '../../src/sim/game.ts';
import { phaseOf } from '../../src/sim/phase.ts';
import { PlanReply } from '../../src/sim/plan-protocol.ts';
import { plan, planInput, planNow } from '../../src/sim/planner.ts';
import { preplayTalks } from '../../src/sim/preplay.ts';
import { resolvingState } from '../../src/sim/resolving.ts';
import { playRound } from '../../src/sim/rollout.ts';
import { duel } from '../sim/helpers.ts';

const sc = duel();
const c = compile(sc);
const person = { by: 'person', policy: 'tit-for-tat' } as const;

describe('the event the page holds for the planners', () => {
  /** Sends an event, checking resolvingState against the machine: it resolves exactly when predicted, from that state. */
  const stepper = (a: ReturnType<typeof startGame>, seen: boolean[]) => (e: GameEvent) => {
    const before = a.getSnapshot().context;
    const phase = phaseOf(a);
    const target = resolvingState(c, phase, before, e);
    a.send(e);
    const after = a.getSnapshot().context;
    const resolved = phaseOf(a) !== 'orders' && (phase === 'orders' || after.round > before.round);
    expect(resolved, `${e.type} in ${phase}`).toBe(target !== null);
    if (target) expect(after).toEqual(playRound(c, target));
    seen.push(resolved);
  };

  it('is the one that makes the machine resolve the round, and only that one', () => {
    const a = startGame(sc, { seed: 3, seats: { north: person, south: person } });
    const seen: boolean[] = [];
    const step = stepper(a, seen);
    step({ type: 'BEGIN' });
    step({ type: 'TICK', now: 10 }); // no deadline
    step({ type: 'ORDERS', actor: 'north', orders: [] }); // south still to give its orders
    step({ type: 'PAUSE', now: 20 });
    step({ type: 'ORDERS', actor: 'south', orders: [] }); // refused while paused
    step({ type: 'RESUME', now: 30 });
    step({ type: 'ORDERS', actor: 'south', orders: [] }); // the round's last orders
    step({ type: 'NEXT' });
    step({ type: 'SET_DEADLINE', at: 1000 });
    step({ type: 'TICK', now: 999 });
    step({ type: 'TICK', now: 1000 }); // the deadline has passed
    step({ type: 'NEXT' });
    step({ type: 'ORDERS', actor: 'north', orders: [] });
    step({ type: 'PAUSE', now: 2000 });
    step({ type: 'SET_SEAT', actor: 'south', seat: { by: 'computer', policy: 'dove' } }); // paused: waits
    step({ type: 'RESUME', now: 2500 }); // every person's orders are in once the game goes on
    step({ type: 'NEXT' });
    step({ type: 'SET_SEAT', actor: 'south', seat: person });
    step({ type: 'ORDERS', actor: 'south', orders: [] });
    step({ type: 'SET_SEAT', actor: 'north', seat: { by: 'computer', policy: 'planner', level: 'quick' } }); // the last person
    expect(seen.filter((x) => x)).toHaveLength(4);
    a.stop();
  });

  it('with no person seated, is BEGIN or NEXT: the round resolves as it opens', () => {
    const computer = { by: 'computer', policy: 'dove' } as const;
    const a = startGame(sc, { seed: 4, seats: { north: computer, south: computer } });
    const seen: boolean[] = [];
    const step = stepper(a, seen);
    step({ type: 'SET_SEAT', actor: 'north', seat: { by: 'computer', policy: 'planner', level: 'quick' } });
    step({ type: 'BEGIN' });
    step({ type: 'PAUSE', now: 1 });
    step({ type: 'NEXT' }); // refused while paused
    step({ type: 'RESUME', now: 2 });
    step({ type: 'NEXT' });
    expect(seen).toEqual([false, true, false, false, false, true]);
    a.stop();
  });
});

describe("the planner's worker", () => {
  const replies: unknown[] = [];
  const g = globalThis as unknown as { self?: unknown };
  let onmessage: (e: { data: unknown }) => void = () => undefined;

  beforeAll(async () => {
    g.self = { postMessage: (m: unknown) => replies.push(m) };
    await import('../../src/ui/planner-worker.ts');
    onmessage = (g.self as { onmessage: typeof onmessage }).onmessage;
  });
  afterAll(() => {
    delete g.self;
  });

  const ask = (data: unknown) => {
    onmessage({ data: JSON.parse(JSON.stringify(data)) as unknown });
    return PlanReply.parse(replies.at(-1));
  };

  it('plans what the machine would plan at resolution, from the seat’s view sent as plain data', () => {
    const a = startGame(sc, {
      seed: 12,
      seats: { north: person, south: { by: 'computer', policy: 'planner', level: 'quick' } },
    });
    a.send({ type: 'BEGIN' });
    const s = a.getSnapshot().context;
    const { view, actor, opts } = planInput(c, s, 'south');
    const r = ask({
      kind: 'plan',
      seq: 1,
      key: 'duel',
      scenario: sc,
      view,
      actor,
      level: opts.level,
      seed: opts.seed,
    });
    expect(r.kind).toBe('plan');
    if (r.kind !== 'plan') return;
    expect(r.seq).toBe(1);
    const sync = planNow(c, s, 'south');
    expect(r.plan.orders).toEqual(sync.orders);
    expect(r.plan.reason).toBe(sync.reason);
    expect(r.plan.ranking).toEqual(JSON.parse(JSON.stringify(plan(c, view, actor, opts).ranking)));
    // The scenario is kept: a second request names it by its key, here with a smaller budget.
    const small = ask({
      kind: 'plan',
      seq: 2,
      key: 'duel',
      view,
      actor,
      level: opts.level,
      seed: opts.seed,
      budget: 10,
    });
    expect(small.kind === 'plan' && small.plan.continuations).toBeLessThanOrEqual(10);
    a.stop();
  });

  it('pre-plays the round’s talks from the true state as the machine’s resolution would play them', () => {
    const planner = { by: 'computer', policy: 'planner', level: 'quick' } as const;
    const a = startGame(sc, { seed: 12, seats: { north: planner, south: planner } });
    const s = a.getSnapshot().context;
    a.stop();
    const target = resolvingState(c, 'briefing', s, { type: 'BEGIN' });
    if (!target) throw new Error('BEGIN does not resolve a computer game');
    const r = ask({ kind: 'talks', seq: 6, key: 'duel', state: target });
    expect(r.kind).toBe('talks');
    if (r.kind !== 'talks') return;
    expect(r.talks.length).toBeGreaterThan(0);
    expect(r.talks).toEqual(JSON.parse(JSON.stringify(preplayTalks(c, target))));
    const damaged = ask({ kind: 'talks', seq: 7, key: 'duel', state: { ...target, round: -1 } });
    expect(damaged.kind === 'error' && damaged.message).toMatch(/^the state is malformed \(round/);
  });

  it('refuses a malformed request, an unknown scenario and a damaged view, saying why', () => {
    const bad = ask({ kind: 'plan', seq: 3, key: 'duel', view: {}, level: 'quick', seed: 1 });
    expect(bad).toMatchObject({ kind: 'error', seq: 3 });
    expect(bad.kind === 'error' && bad.message).toMatch(/^the request is malformed \(.*actor/);
    const unknown = ask({
      kind: 'plan',
      seq: 4,
      key: 'other',
      view: {},
      actor: 'south',
      level: 'quick',
      seed: 1,
    });
    expect(unknown.kind === 'error' && unknown.message).toBe('no scenario was sent for other');
    const damaged = ask({
      kind: 'plan',
      seq: 5,
      key: 'duel',
      view: { round: 'x' },
      actor: 'south',
      level: 'quick',
      seed: 1,
    });
    expect(damaged.kind === 'error' && damaged.message).toMatch(/^the seat's view is malformed/);
    expect(ask('nonsense')).toMatchObject({ kind: 'error', seq: -1 });
  });
});

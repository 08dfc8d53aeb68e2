// The planning computer player's seam with the machine: orders planned off the machine (PLANNED) and
// synchronous planning at resolution give the same game; PLANNED is checked like a person's orders.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { parseEvent, Seat } from '../../src/sim/events.ts';
import { startGame } from '../../src/sim/game.ts';
import { plan, planInput } from '../../src/sim/planner.ts';
import type { GameState } from '../../src/sim/types.ts';
import { duel } from './helpers.ts';

const sc = duel();
const c = compile(sc);
const seats = {
  north: { by: 'person' as const, policy: 'tit-for-tat' as const },
  south: { by: 'computer' as const, policy: 'planner' as const, level: 'quick' as const },
};

/** Plays a game with north a person who gives no orders; `viaWorker` sends the planner's orders as PLANNED first. */
function play(seed: number, viaWorker: boolean): { state: GameState; planned: number } {
  const a = startGame(sc, { seed, seats });
  a.send({ type: 'BEGIN' });
  let planned = 0;
  for (let i = 0; i < 30 && a.getSnapshot().status === 'active'; i++) {
    const s = a.getSnapshot().context;
    if (viaWorker) {
      const { view, actor, opts } = planInput(c, s, 'south');
      // What crosses the worker boundary is plain data.
      const p = JSON.parse(JSON.stringify(plan(c, view, actor, opts))) as ReturnType<typeof plan>;
      a.send({ type: 'PLANNED', actor: 'south', round: s.round, orders: p.orders, reason: p.reason });
      if (a.getSnapshot().context.planned?.south) planned++;
    }
    a.send({ type: 'ORDERS', actor: 'north', orders: [] });
    if (a.getSnapshot().status === 'active') a.send({ type: 'NEXT' });
  }
  const state = a.getSnapshot().context;
  a.stop();
  return { state, planned };
}

describe('the planner seat', () => {
  it('PLANNED orders and synchronous planning give the same game', () => {
    for (const seed of [1, 2]) {
      const sync = play(seed, false);
      const worker = play(seed, true);
      expect(sync.state.ending).not.toBeNull();
      expect(worker.planned).toBeGreaterThan(0);
      expect(worker.state).toEqual(sync.state);
      // The planner's reasons reach the log as the computer players' do.
      const reasons = sync.state.causes.filter((x) => x.actor === 'south' && x.kind === 'action');
      expect(reasons.length).toBeGreaterThan(0);
      expect(reasons.every((x) => /expected score -?\d+, war risk \d+%/.test(x.reason ?? ''))).toBe(true);
    }
  });

  it('takes PLANNED only for a planner seat, for the current round, once, with valid orders', () => {
    const a = startGame(sc, { seed: 4, seats });
    a.send({ type: 'BEGIN' });
    const s = a.getSnapshot().context;
    const { view, actor, opts } = planInput(c, s, 'south');
    const p = plan(c, view, actor, opts);
    const send = (e: object) => {
      a.send(e as Parameters<typeof a.send>[0]);
      return a.getSnapshot().context.planned?.south;
    };
    const base = { type: 'PLANNED', actor: 'south', reason: p.reason };
    expect(send({ ...base, round: s.round + 1, orders: p.orders })).toBeUndefined();
    expect(send({ ...base, actor: 'north', round: s.round, orders: p.orders })).toBeUndefined();
    expect(a.getSnapshot().context.planned?.north).toBeUndefined();
    expect(send({ ...base, round: s.round, orders: [{ action: 'no-such-action' }] })).toBeUndefined();
    expect(send({ ...base, round: s.round, orders: p.orders })).toEqual({
      orders: p.orders,
      reason: p.reason,
    });
    // A second plan for the same round is refused: the first one stands.
    expect(send({ ...base, round: s.round, orders: [], reason: 'again' })?.reason).toBe(p.reason);
    // A new seat drops what was planned for the old one.
    expect(
      send({ type: 'SET_SEAT', actor: 'south', seat: { by: 'computer', policy: 'hawk' } }),
    ).toBeUndefined();
    a.stop();
  });

  it('refuses a PLANNED event naming what the scenario does not know, with the reason', () => {
    const e = { type: 'PLANNED', actor: 'mars', round: 1, orders: [], reason: 'x' };
    expect(parseEvent(sc, e)).toEqual({
      ok: false,
      reason: 'PLANNED: "mars" is not a seat of this scenario',
    });
    const long = { ...e, actor: 'south', reason: 'x'.repeat(2000) };
    expect(parseEvent(sc, long).ok).toBe(false);
  });

  it('a seat without a level or advisor (an old save, log or message) still parses; the new fields are checked', () => {
    expect(Seat.safeParse({ by: 'computer', policy: 'hawk' }).success).toBe(true);
    expect(Seat.safeParse({ by: 'computer', policy: 'planner', level: 'deep', advisor: true }).success).toBe(
      true,
    );
    expect(Seat.safeParse({ by: 'computer', policy: 'planner', level: 'genius' }).success).toBe(false);
  });
});

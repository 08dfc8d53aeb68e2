// The planner in the networked classroom: a room's planner seats are planned in the server's worker
// threads and handed in as PLANNED before the round resolves, the same game synchronous planning gives;
// the event loop answers other rooms while a plan is made; a failing thread degrades to a small plan on the
// event loop; the advisor's suggestion reaches the advised seat's students only; a trainer's SET_SEAT
// changes a planner's level over the network.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateOptions, View } from '../../src/net/protocol.ts';
import { RoomConnection } from '../../src/net/room-client.ts';
import { loadScenarios } from '../../src/server/scenarios.ts';
import { compile } from '../../src/sim/compile.ts';
import type { GameEvent } from '../../src/sim/events.ts';
import { type GameLog, replayLog, replayState } from '../../src/sim/log.ts';
import { plan, planInput } from '../../src/sim/planner.ts';
import type { GameState } from '../../src/sim/types.ts';
import { classroom, exportLog, holds, join as joinRoom, record } from './clients.ts';
import { startServerProcess, tempDir } from './process.ts';

const scenarios = loadScenarios(join(import.meta.dirname, '../../scenarios'), () => undefined);
const tutorial = scenarios.get('tutorial');
if (!tutorial) throw new Error('the tutorial scenario is missing');

const planner = (level: 'quick' | 'standard' | 'deep') =>
  ({ by: 'computer', policy: 'planner', level }) as const;
const PLANNER_SEATS: CreateOptions['seats'] = { commission: planner('standard') };

/** Both students send empty orders for the round and the trainer's view after it resolves. */
async function playRound(room: Awaited<ReturnType<typeof classroom>>, round: number): Promise<View> {
  await room.north.until((v) => v.phase === 'orders' && v.projection?.state.round === round);
  room.north.send({ type: 'event', event: { type: 'ORDERS', actor: 'north', orders: [] } });
  room.south.send({ type: 'event', event: { type: 'ORDERS', actor: 'south', orders: [] } });
  return room.trainer.until((v) => v.phase !== 'orders' && v.projection?.state.round === round);
}

/** The reasons the news of a round gives for a seat's orders. */
const reasonsIn = (s: GameState, actor: string, round: number) =>
  s.news.flatMap((n) => {
    const cause = s.causes[n.cause];
    return n.round === round && cause?.actor === actor && cause.reason ? [cause.reason] : [];
  });

/** Connections to close after each test, before its server is killed. */
const open: RoomConnection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.leave().catch(() => undefined)));
});
const tracked = <T extends { trainer: RoomConnection; north: RoomConnection; south: RoomConnection }>(
  r: T,
): T => {
  open.push(r.trainer, r.north, r.south);
  return r;
};

const planned = (log: GameLog) =>
  log.events.flatMap((e) =>
    e.event.type === 'PLANNED' ? [e as { round: number; event: GameEvent & { type: 'PLANNED' } }] : [],
  );

describe('the planner in a room', () => {
  it("resolves with the pool's plans, the same game synchronous planning gives, and honours a trainer's level change", async () => {
    const server = await startServerProcess({ dataDir: tempDir(), env: { BRINK_PLANNER_THREADS: '1' } });
    const room = tracked(await classroom(server.endpoint, { seats: PLANNER_SEATS }));
    room.trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    const first = await playRound(room, 1);
    // The trainer makes the commission's planner deep for round 2, over the network, as the console does.
    room.trainer.send({ type: 'event', event: { type: 'NEXT' } });
    await room.trainer.until((v) => v.phase === 'orders' && v.projection?.state.round === 2);
    room.trainer.send({
      type: 'event',
      event: { type: 'SET_SEAT', actor: 'commission', seat: planner('deep') },
    });
    await room.trainer.until((v) => v.projection?.state.seats.commission?.level === 'deep');
    const second = await playRound(room, 2);

    const log = await exportLog(room.trainer);
    const plans = planned(log);
    // Each round's plan came from the pool (the synchronous path logs no PLANNED) and its reason is in the news.
    expect(plans.map((p) => [p.event.actor, p.event.round])).toEqual([
      ['commission', 1],
      ['commission', 2],
    ]);
    for (const [view, p] of [
      [first, plans[0]],
      [second, plans[1]],
    ] as const) {
      const state = view.projection?.state as GameState;
      expect(p?.event.reason).toMatch(/expected score \d+, war risk \d+%/);
      if (p?.event.orders.length) expect(reasonsIn(state, 'commission', p.round)).toContain(p.event.reason);
    }
    // Round 2's plan is the deep level's, for the seat's own view at the point the round resolved from.
    const before = log.events.findIndex((e) => e.event.type === 'PLANNED' && e.round === 2);
    const actor = replayLog(tutorial, { ...log, events: log.events.slice(0, before) });
    const input = planInput(compile(tutorial), actor.getSnapshot().context, 'commission');
    actor.stop();
    expect(input.opts.level).toBe('deep');
    const deep = plan(compile(tutorial), input.view, 'commission', input.opts);
    expect({ orders: deep.orders, reason: deep.reason }).toEqual({
      orders: plans[1]?.event.orders,
      reason: plans[1]?.event.reason,
    });
    // Without the PLANNED events the machine plans each round at resolution: the very same game.
    const sync = replayState(tutorial, {
      ...log,
      events: log.events.filter((e) => e.event.type !== 'PLANNED'),
    });
    expect(sync).toEqual(replayState(tutorial, log));
    expect(sync.round).toBe(2);
  });

  it('answers another room while a plan is being made, and resolves once the plans are in', async () => {
    const server = await startServerProcess({ dataDir: tempDir(), env: { BRINK_PLANNER_THREADS: '1' } });
    const busy = tracked(await classroom(server.endpoint, { seats: { commission: planner('deep') } }));
    const other = tracked(await classroom(server.endpoint));
    busy.trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    await busy.north.until((v) => v.phase === 'orders' && v.thinking.includes('commission'));
    busy.north.send({ type: 'event', event: { type: 'ORDERS', actor: 'north', orders: [] } });
    busy.south.send({ type: 'event', event: { type: 'ORDERS', actor: 'south', orders: [] } });
    // The last orders wait for the deep plan: the server says so, and the room stays in its orders phase.
    await server.waitFor(/ORDERS held until the planners' orders are in \(commission\)/);
    other.north.send({ type: 'chat', text: 'still here' });
    await other.north.until((v) => v.lines.some((l) => l.text === 'still here'));
    const meanwhile = busy.trainer.view;
    expect(meanwhile?.phase).toBe('orders');
    expect(meanwhile?.thinking).toEqual(['commission']);
    const after = await busy.trainer.until((v) => v.phase !== 'orders', 120_000);
    expect(after.thinking).toEqual([]);
    const log = await exportLog(busy.trainer);
    expect(planned(log).map((p) => p.event.actor)).toEqual(['commission']);
  }, 180_000);

  it('keeps orders held for the planners across a kill -9: the restarted room plans again and resolves with them', async () => {
    const dataDir = tempDir();
    const env = { BRINK_PLANNER_THREADS: '1' };
    const first = await startServerProcess({ dataDir, env });
    const room = await classroom(first.endpoint, { seats: { commission: planner('deep') } });
    room.trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    await room.north.until((v) => v.phase === 'orders' && v.thinking.includes('commission'));
    room.north.send({
      type: 'event',
      event: { type: 'ORDERS', actor: 'north', orders: [{ action: 'accuse' }] },
    });
    room.south.send({ type: 'event', event: { type: 'ORDERS', actor: 'south', orders: [] } });
    await first.waitFor(/ORDERS held until the planners' orders are in \(commission\)/);
    for (const c of [room.trainer, room.north, room.south]) c.room.reconnection.enabled = false;
    await first.kill('SIGKILL');

    const second = await startServerProcess({ dataDir, port: first.port, env });
    await second.waitFor(new RegExp(`room ${room.code}: restored at round 1`));
    const trainer = await RoomConnection.resume(second.endpoint, room.code, {
      token: room.trainer.reconnectionToken,
      key: room.trainer.welcome?.key ?? '',
    });
    open.push(trainer);
    const after = await trainer.until(
      (v) => v.phase === 'report' && v.projection?.state.round === 1,
      120_000,
    );
    // North's orders, accepted but held when the server died, are in the resolved round.
    expect(after.projection?.state.taken.some((x) => x.actor === 'north' && x.action === 'accuse')).toBe(
      true,
    );
    const log = await exportLog(trainer);
    expect(planned(log).map((p) => p.event.actor)).toEqual(['commission']);
  }, 240_000);

  it('degrades when its thread does not answer in time: planned small on the event loop, the room moves on', async () => {
    const server = await startServerProcess({
      dataDir: tempDir(),
      env: { BRINK_PLANNER_THREADS: '1', BRINK_PLAN_TIMEOUT_MS: '1' },
    });
    const room = tracked(await classroom(server.endpoint, { seats: PLANNER_SEATS }));
    room.trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    const after = await playRound(room, 1);
    expect(after.phase).toBe('report');
    await server.waitFor(/commission planned on the room's thread at 48 continuations \(no plan came back/);
    await server.waitFor(/standard now plans with \d+ continuations/);
    const log = await exportLog(room.trainer);
    expect(planned(log).map((p) => p.event.reason)).toEqual([expect.stringMatching(/expected score/)]);
  });

  it("sends the advisor's suggestion to the advised seat's students only", async () => {
    const server = await startServerProcess({ dataDir: tempDir() });
    const room = tracked(await classroom(server.endpoint));
    // A teammate of North's, the presenter, and everyone's frames from here on.
    const mate = await joinRoom(server.endpoint, room.code, { name: 'Ola' });
    mate.conn.send({ type: 'pick', role: 'north' });
    await mate.conn.until((v) => v.you.role === 'north');
    const key = room.trainer.welcome?.presenterKey ?? '';
    const presenter = await joinRoom(server.endpoint, room.code, { key });
    open.push(mate.conn, presenter.conn);
    const north = record(room.north);
    const others = [record(room.south), record(room.trainer), presenter];
    room.trainer.send({
      type: 'event',
      event: {
        type: 'SET_SEAT',
        actor: 'north',
        seat: { by: 'person', policy: 'tit-for-tat', advisor: true },
      },
    });
    room.trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    const ready = await room.north.until((v) => v.advice?.status === 'ready');
    const advice = ready.advice?.status === 'ready' ? ready.advice.plan : null;
    expect(advice?.reason).toMatch(/expected score \d+, war risk \d+%/);
    expect(advice?.ranking.length).toBeGreaterThan(1);
    const mates = await mate.conn.until((v) => v.advice?.status === 'ready');
    expect(mates.advice).toEqual(ready.advice);
    // The suggestion is North's own: the seat's projection planned at its level, nobody else's.
    expect(holds(north.frames, advice?.reason ?? '-')).toBe(true);
    for (const o of others) {
      expect(o.conn.view?.advice ?? null).toBeNull();
      expect(holds(o.frames, advice?.reason ?? '-')).toBe(false);
    }
  });
});

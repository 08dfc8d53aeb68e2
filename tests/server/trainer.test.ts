// The trainer over the network, against real server processes: injects with their preview, seat swaps,
// undo, deadlines and pausing, a seat left empty when a round opens or at a deadline, removing a
// participant, locking the room and approving joins.
import { describe, expect, it } from 'vitest';
import { RoomConnection } from '../../src/net/room-client.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { compile } from '../../src/sim/compile.ts';
import { previewInject } from '../../src/sim/preview.ts';
import { classroom } from './clients.ts';
import { startServerProcess, tempDir } from './process.ts';

const begin = { type: 'event', event: { type: 'BEGIN' } } as const;
const next = { type: 'event', event: { type: 'NEXT' } } as const;
const orders = (actor: string) => ({ type: 'event', event: { type: 'ORDERS', actor, orders: [] } }) as const;
const deadlineIn = (ms: number) =>
  ({ type: 'event', event: { type: 'SET_DEADLINE', at: Date.now() + ms } }) as const;

describe('the trainer over the network', () => {
  it('previews an inject exactly, sends it to every seat, and undoes the round', async () => {
    const server = await startServerProcess({ dataDir: tempDir() });
    const { trainer, north, south } = await classroom(server.endpoint);
    trainer.send(begin);
    const start = await trainer.until((v) => v.phase === 'orders' && v.projection?.state.round === 1);
    const state = start.projection?.state;
    const scenario = trainer.welcome?.scenario as Scenario;
    if (!state) throw new Error('the trainer sees no game');
    // The preview runs in the trainer's browser on the trainer's view (the generator's state included).
    const preview = previewInject(compile(scenario), state, 'shots-on-bridge');
    expect(preview?.news.length).toBeGreaterThan(0);

    trainer.send({ type: 'event', event: { type: 'INJECT', inject: 'shots-on-bridge' } });
    const after = await trainer.until((v) => (v.projection?.state.news.length ?? 0) > state.news.length);
    expect(after.projection?.state.news.slice(state.news.length)).toEqual(preview?.news);
    expect(after.projection?.state.metrics).toEqual(preview?.state.metrics);
    const headline = preview?.news[0]?.headline ?? '';
    for (const c of [north, south])
      await c.until((v) => v.projection?.state.news.some((n) => n.headline === headline) === true);

    north.send(orders('north'));
    south.send(orders('south'));
    const resolved = await trainer.until((v) => v.phase === 'report' && v.projection?.state.round === 1);
    expect(resolved.undoes).toMatch(/round 1/i);
    trainer.send({ type: 'undo' });
    const undone = await trainer.until((v) => v.phase === 'orders' && v.projection?.submitted.length === 0);
    expect(undone.projection?.state.round).toBe(1);
    expect(undone.projection?.state.metrics).toEqual(state.metrics);
    expect(undone.projection?.state.news.some((n) => n.headline === headline)).toBe(false);
    await server.waitFor(/undo: \d+ events taken back/);
    // Everyone is back in round 1's orders, and the round plays again.
    await north.until((v) => v.phase === 'orders' && v.projection?.state.news.length === state.news.length);
    north.send(orders('north'));
    south.send(orders('south'));
    await south.until((v) => v.phase === 'report' && v.projection?.state.round === 1);
  });

  it('swaps seats between a person and the computer, and moves a student to another role', async () => {
    const server = await startServerProcess({ dataDir: tempDir() });
    const { trainer, north, south, code } = await classroom(server.endpoint);
    trainer.send(begin);
    await north.until((v) => v.phase === 'orders');

    // North's seat to its computer player: the round no longer waits for north.
    trainer.send({
      type: 'event',
      event: { type: 'SET_SEAT', actor: 'north', seat: { by: 'computer', policy: 'hawk' } },
    });
    await north.until((v) => v.projection?.state.seats.north?.by === 'computer');
    south.send(orders('south'));
    const r1 = await trainer.until((v) => v.phase === 'report' && v.projection?.state.round === 1);
    expect(r1.projection?.state.orders.north).toBeUndefined();

    // And back to the person: round 2 waits for north's orders again.
    trainer.send({
      type: 'event',
      event: { type: 'SET_SEAT', actor: 'north', seat: { by: 'person', policy: 'hawk' } },
    });
    trainer.send(next);
    await north.until((v) => v.phase === 'orders' && v.projection?.state.seats.north?.by === 'person');
    south.send(orders('south'));
    // Round 1's report also lists south as submitted: wait for the orders phase of round 2 that does.
    const waiting = await trainer.until(
      (v) => v.phase === 'orders' && v.projection?.submitted.includes('south') === true,
    );
    expect(waiting.projection?.submitted).not.toContain('north');
    north.send(orders('north'));
    await trainer.until((v) => v.phase === 'report' && v.projection?.state.round === 2);

    // Nia moves to the south: she reads the south's brief and orders for the south, no longer for the north.
    const nia = trainer.view?.people.find((p) => p.name === 'Nia')?.id ?? '';
    trainer.send({ type: 'assign', participant: nia, role: 'south' });
    const moved = await north.until((v) => v.you.role === 'south');
    expect(moved.you.name).toBe('Nia');
    // Her new welcome, sent before the view that gave her the role, carries the south's brief only.
    expect(ownBrief(north.welcome?.scenario, 'south')).toBe(true);
    expect(ownBrief(north.welcome?.scenario, 'north')).toBe(false);

    // The north is now held by nobody: the next round does not open, and the trainer is told why.
    trainer.send(next);
    const told = await trainer.until((v) => v.notice !== null);
    expect(told.notice).toMatch(/nobody holds north/);
    expect(told.phase).toBe('report');
    const cai = await RoomConnection.join(server.endpoint, code, { name: 'Cai' });
    await cai.until((v) => v.you.id.length > 0);
    const caiId = (await trainer.until((v) => v.people.some((p) => p.name === 'Cai'))).people.find(
      (p) => p.name === 'Cai',
    )?.id;
    trainer.send({ type: 'assign', participant: caiId ?? '', role: 'north' });
    await cai.until((v) => v.you.role === 'north');
    trainer.send(next);
    await north.until((v) => v.phase === 'orders' && v.projection?.state.round === 3);
    north.send(orders('north'));
    const refused = await north.until((v) => v.notice !== null);
    expect(refused.notice).toMatch(/ORDERS for "north" from a member of "south"/);
    north.send(orders('south'));
    cai.send(orders('north'));
    await trainer.until((v) => v.phase !== 'orders' && v.projection?.state.round === 3);
  });

  it('closes a round at its deadline, and a pause stops the clock', async () => {
    const server = await startServerProcess({ dataDir: tempDir() });
    const { trainer, north, south } = await classroom(server.endpoint);
    trainer.send(begin);
    await north.until((v) => v.phase === 'orders');

    // A deadline in minutes, as the console sets it.
    const t0 = Date.now();
    trainer.send({ type: 'deadline', minutes: 5 });
    const set = await trainer.until((v) => v.projection?.state.deadline != null);
    expect(set.projection?.state.deadline).toBeGreaterThanOrEqual(t0 + 5 * 60_000);

    // A pause: no orders are taken, and a deadline passing meanwhile closes nothing.
    trainer.send(deadlineIn(2500));
    const due = (await trainer.until((v) => (v.projection?.state.deadline ?? 0) < t0 + 60_000)).projection
      ?.state.deadline;
    trainer.send({ type: 'event', event: { type: 'PAUSE' } });
    await south.until((v) => v.projection?.state.paused === true);
    south.send(orders('south'));
    expect((await south.until((v) => v.notice !== null)).notice).toMatch(/ORDERS: the game does not take it/);
    await new Promise((r) => setTimeout(r, 4000));
    expect(trainer.view?.phase).toBe('orders');
    trainer.send({ type: 'event', event: { type: 'RESUME' } });
    const resumed = await trainer.until((v) => v.projection?.state.paused === false);
    // The time spent paused is given back.
    expect(resumed.projection?.state.deadline).toBeGreaterThan((due ?? 0) + 3000);

    // The round closes at its deadline with the orders given: south's, not north's.
    south.send(orders('south'));
    const closed = await trainer.until((v) => v.phase === 'report', 20_000);
    expect(Date.now()).toBeGreaterThanOrEqual(resumed.projection?.state.deadline ?? 0);
    expect(closed.projection?.state.orders.south).toEqual([]);
    expect(closed.projection?.state.orders.north).toBeUndefined();
  });

  it('a seat nobody holds: its computer player takes it when the trainer chose so, else it is skipped or the trainer told', async () => {
    const server = await startServerProcess({ dataDir: tempDir(), reconnectSeconds: 30 });
    for (const autoplay of [true, false]) {
      const { trainer, north, south } = await classroom(server.endpoint, { autoplay });
      trainer.send(begin);
      await north.until((v) => v.phase === 'orders');
      south.send(orders('south'));
      // North's Wi-Fi goes: the seat is held for its token, but nobody is there at the deadline.
      north.room.reconnection.enabled = false;
      await north.room.leave(false);
      await trainer.until((v) => v.people.some((p) => p.name === 'Nia' && !p.connected));
      trainer.send(deadlineIn(1500));
      const closed = await trainer.until((v) => v.phase === 'report', 20_000);
      const s = closed.projection?.state;
      const northActed = s?.taken.some((t) => t.actor === 'north' && t.round === 1);
      expect(s?.orders.north).toBeUndefined();
      if (autoplay) {
        // Played by its computer player, which took the north's action of the round.
        expect(s?.seats.north?.by).toBe('computer');
        expect(northActed).toBe(true);
        await server.waitFor(/nobody at north at the deadline: its computer player takes the seat/);
      } else {
        // Skipped: the round closes without the north's orders, and the seat stays the person's.
        expect(s?.seats.north?.by).toBe('person');
        expect(northActed).toBe(false);
      }
    }

    // A round does not open on a seat nobody holds: the River Commission, here nobody's.
    for (const autoplay of [false, true]) {
      const { trainer } = await classroom(server.endpoint, { autoplay, seats: {} });
      trainer.send(begin);
      if (autoplay) {
        const v = await trainer.until((x) => x.phase === 'orders');
        expect(v.projection?.state.seats.commission?.by).toBe('computer');
        await server.waitFor(/nobody holds commission: its computer player takes the seat/);
      } else {
        const v = await trainer.until((x) => x.notice !== null);
        expect(v.notice).toMatch(
          /nobody holds commission: assign a student or give the seat to its computer player/,
        );
        expect(v.phase).toBe('briefing');
      }
    }
  });

  it('removes a participant for good, locks the room, and approves or refuses a join', async () => {
    const server = await startServerProcess({ dataDir: tempDir() });
    const { trainer, north, code } = await classroom(server.endpoint);
    north.room.reconnection.enabled = false;
    const key = north.welcome?.key ?? '';
    const token = north.reconnectionToken;
    const nia = trainer.view?.people.find((p) => p.name === 'Nia')?.id ?? '';
    const closed = new Promise<number>((resolve) => north.room.onLeave((c) => resolve(c)));
    trainer.send({ type: 'remove', participant: nia });
    await closed;
    await server.waitFor(/Nia removed by the trainer/);
    expect(
      (await trainer.until((v) => !v.people.some((p) => p.name === 'Nia'))).people.map((p) => p.name),
    ).toEqual(['T', 'Sam']);
    // Her key and her token open nothing any more.
    await expect(RoomConnection.join(server.endpoint, code, { key })).rejects.toThrow(/opens no seat/);
    await expect(RoomConnection.reconnect(server.endpoint, token)).rejects.toThrow();

    // Locked: nobody new comes in by name; unlocked, they do.
    trainer.send({ type: 'lock', locked: true });
    await trainer.until((v) => v.locked);
    await expect(RoomConnection.join(server.endpoint, code, { name: 'Zed' })).rejects.toThrow(/locked/);
    await server.waitFor(/join refused for "Zed": the room is locked/);
    trainer.send({ type: 'lock', locked: false });
    await trainer.until((v) => !v.locked);
    const zed = await RoomConnection.join(server.endpoint, code, { name: 'Zed' });
    expect((await zed.until((v) => v.you.id.length > 0)).you.pending).toBe(false);

    // A room whose joins wait for the trainer: one approved, one refused.
    const room = await RoomConnection.create(server.endpoint, {
      scenario: 'tutorial',
      name: 'T2',
      approval: true,
    });
    const code2 = (await room.until((v) => v.code.length === 6)).code;
    const ann = await RoomConnection.join(server.endpoint, code2, { name: 'Ann' });
    const bot = await RoomConnection.join(server.endpoint, code2, { name: 'Bot' });
    for (const c of [ann, bot]) {
      const waiting = await c.until((v) => v.you.pending);
      expect(waiting.projection).toBeNull();
      expect(waiting.people).toEqual([]);
      expect(c.welcome?.scenario).toBeNull();
    }
    const asked = await room.until((v) => v.people.filter((p) => p.pending).length === 2);
    const id = (name: string) => asked.people.find((p) => p.name === name)?.id ?? '';
    const botGone = new Promise<number>((resolve) => bot.room.onLeave((c) => resolve(c)));
    ann.send({ type: 'pick', role: 'north' });
    expect((await ann.until((v) => v.notice !== null)).notice).toMatch(/pick while waiting for the trainer/);
    room.send({ type: 'approve', participant: id('Ann'), accept: true });
    room.send({ type: 'approve', participant: id('Bot'), accept: false });
    const seated = await ann.until((v) => !v.you.pending && v.projection !== null);
    expect(seated.projection?.state.scenarioId).toBe('tutorial');
    await botGone;
    const people = await room.until((v) => !v.people.some((p) => p.name === 'Bot'));
    expect(people.people.map((p) => [p.name, p.pending])).toEqual([
      ['T2', false],
      ['Ann', false],
    ]);
  });
});

/** True when the scenario as a client may read it holds the private brief of this role. */
function ownBrief(scenario: unknown, role: string): boolean {
  const actors = (scenario as Scenario | null)?.actors ?? [];
  const a = actors.find((x) => x.id === role);
  return typeof a?.briefing === 'string' && a.briefing.length > 0;
}

// Faults: the server killed with kill -9 mid-round and restarted (rooms back at their last committed point,
// no accepted order lost, clients back in their seats); a client dropped inside and outside the
// reconnection window.
import { describe, expect, it } from 'vitest';
import { RoomConnection } from '../../src/net/room-client.ts';
import { classroom } from './clients.ts';
import { startServerProcess, tempDir } from './process.ts';

describe('faults', () => {
  it('kill -9 mid-round: the restarted server has the room at its last committed point, orders and all', async () => {
    const dataDir = tempDir();
    const first = await startServerProcess({ dataDir });
    const { trainer, north, south, code } = await classroom(first.endpoint);
    trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    await north.until((v) => v.phase === 'orders');
    north.send({ type: 'event', event: { type: 'ORDERS', actor: 'north', orders: [] } });
    south.send({ type: 'event', event: { type: 'ORDERS', actor: 'south', orders: [] } });
    await trainer.until((v) => v.phase === 'report');
    trainer.send({ type: 'event', event: { type: 'NEXT' } });
    await north.until((v) => v.phase === 'orders' && v.projection?.state.round === 2);
    north.send({ type: 'chat', text: 'hold the bridge' });
    north.send({ type: 'event', event: { type: 'ORDERS', actor: 'north', orders: [{ action: 'accuse' }] } });
    // Round 2's view: round 1's report also lists north among the orders given.
    const before = await trainer.until(
      (v) =>
        v.phase === 'orders' && v.projection?.state.round === 2 && v.projection.submitted.includes('north'),
    );
    const presenterKey = trainer.welcome?.presenterKey;
    expect(presenterKey).toMatch(/^[0-9a-f]{32}$/);
    const keys = {
      trainer: trainer.welcome?.key ?? '',
      north: north.welcome?.key ?? '',
      south: south.welcome?.key ?? '',
    };
    for (const c of [trainer, north, south]) c.room.reconnection.enabled = false;

    await first.kill('SIGKILL');
    const second = await startServerProcess({ dataDir, port: first.port });
    // From the snapshot stored when round 1 resolved, then the two events accepted since (NEXT, north's orders).
    await second.waitFor(
      new RegExp(
        `room ${code}: restored at round 2 with \\d+ events \\(the snapshot of round 1 and 2 events after it\\)`,
      ),
    );

    // Each comes back by its own key, to the same place.
    const t2 = await RoomConnection.resume(second.endpoint, code, {
      token: trainer.reconnectionToken,
      key: keys.trainer,
    });
    const n2 = await RoomConnection.resume(second.endpoint, code, {
      token: north.reconnectionToken,
      key: keys.north,
    });
    const s2 = await RoomConnection.resume(second.endpoint, code, {
      token: south.reconnectionToken,
      key: keys.south,
    });
    const after = await t2.until((v) => v.people.filter((p) => p.connected).length === 3);
    expect(after.projection?.state.round).toBe(2);
    expect(after.projection?.state.orders.north).toEqual([{ action: 'accuse' }]);
    // The whole game as the trainer sees it (the generator's state included) is what it was before the kill,
    // as JSON says it (the store keeps JSON: a key holding undefined is absent, an array's hole is null).
    const json = (x: unknown) => JSON.parse(JSON.stringify(x)) as unknown;
    expect(json(after.projection)).toEqual(json(before.projection));
    // And the trainer still has the projector's link.
    expect(t2.welcome?.presenterKey).toBe(presenterKey);
    expect(after.lines.map((l) => l.text)).toEqual(['hold the bridge']);
    expect((await n2.until((v) => v.you.role === 'north')).you.name).toBe('Nia');
    // The round goes on: south's orders complete it.
    await s2.until((v) => v.you.role === 'south');
    s2.send({ type: 'event', event: { type: 'ORDERS', actor: 'south', orders: [] } });
    const resolved = await t2.until((v) => v.phase === 'report' && v.projection?.state.round === 2);
    expect(resolved.projection?.state.taken.some((x) => x.actor === 'north' && x.action === 'accuse')).toBe(
      true,
    );
    // A key is no master key: the trainer's key seats the trainer, not a student.
    expect(t2.view?.you.kind).toBe('trainer');
  });

  it('a drop inside the window keeps the seat for its token; after it, the name and the trainer’s approval', async () => {
    const server = await startServerProcess({ dataDir: tempDir(), reconnectSeconds: 2 });
    const { trainer, north, code } = await classroom(server.endpoint);
    const id = north.view?.you.id;

    // Inside the window: the token brings the same participant back to the same seat.
    north.room.reconnection.enabled = false;
    await north.room.leave(false);
    await server.waitFor(/Nia dropped/);
    const seen = await trainer.until((v) => v.people.some((p) => p.name === 'Nia' && !p.connected));
    expect(seen.people.find((p) => p.name === 'Nia')?.role).toBe('north');
    const back = await RoomConnection.reconnect(server.endpoint, north.reconnectionToken);
    const v = await back.until((x) => x.you.role === 'north');
    expect(v.you.id).toBe(id);
    await trainer.until((x) => x.people.some((p) => p.name === 'Nia' && p.connected));

    // Outside it: the token is dead, the key opens nothing, the name waits for the trainer.
    back.room.reconnection.enabled = false;
    const token = back.reconnectionToken;
    const key = north.welcome?.key ?? '';
    await back.room.leave(false);
    await server.waitFor(/Nia gone/);
    await expect(RoomConnection.reconnect(server.endpoint, token)).rejects.toThrow();
    await expect(RoomConnection.join(server.endpoint, code, { key })).rejects.toThrow(/opens no seat/);
    const again = await RoomConnection.join(server.endpoint, code, { name: 'Nia' });
    const waiting = await again.until((x) => x.you.pending);
    expect(waiting.projection).toBeNull();
    expect(waiting.you.role).toBeNull();
    const pending = await trainer.until((x) => x.people.some((p) => p.pending));
    const who = pending.people.find((p) => p.pending)?.id ?? '';
    trainer.send({ type: 'approve', participant: who, accept: true });
    const seated = await again.until((x) => !x.you.pending && x.you.role === 'north');
    expect(seated.projection?.state.scenarioId).toBe('tutorial');
  });
});

// Forged requests: another seat's orders, trainer commands from a student, the server's own clock, malformed
// shapes, unknown message types, oversized payloads, floods and forged keys are refused and logged, and the
// game is unchanged by them.
import { describe, expect, it } from 'vitest';
import { RoomConnection } from '../../src/net/room-client.ts';
import { classroom } from './clients.ts';
import { startServerProcess, tempDir } from './process.ts';

describe('forged requests', () => {
  it('are refused with a logged reason and change nothing', async () => {
    const server = await startServerProcess({ dataDir: tempDir() });
    const { trainer, north, south, code } = await classroom(server.endpoint);
    trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    await north.until((v) => v.phase === 'orders');

    // One request at a time, each awaited, so that the rate cap (tested last) is not what refuses them.
    const refused = async (send: () => void, why: RegExp) => {
      send();
      const notice = await north.until((v) => v.notice !== null && why.test(v.notice));
      expect(notice.notice).toMatch(why);
      await server.waitFor(new RegExp(`refused from "Nia" \\(student north\\): .*${why.source}`));
      await new Promise((r) => setTimeout(r, 100));
    };

    // Another seat's orders.
    await refused(
      () => north.send({ type: 'event', event: { type: 'ORDERS', actor: 'south', orders: [] } }),
      /ORDERS for "south" from a member of "north"/,
    );
    // Another seat's signature or shuttle step (students may sign and pass on texts, for their own seat only).
    await refused(
      () => north.send({ type: 'event', event: { type: 'SIGN', actor: 'commission', as: 'monitor' } }),
      /SIGN for "commission" from a member of "north"/,
    );
    await refused(
      () =>
        north.send({
          type: 'event',
          event: { type: 'PASS', actor: 'commission', version: 1, to: ['south'] },
        }),
      /PASS for "commission" from a member of "north"/,
    );
    // Trainer commands from a student, as game events and as room requests.
    for (const type of ['NEXT', 'PAUSE', 'BEGIN'])
      await refused(
        () => north.send({ type: 'event', event: { type } }),
        new RegExp(`${type} is the trainer's`),
      );
    await refused(
      () => north.send({ type: 'event', event: { type: 'INJECT', inject: 'flood' } }),
      /INJECT|not an inject/,
    );
    for (const r of [
      { type: 'undo' },
      { type: 'lock', locked: true },
      { type: 'export' },
      { type: 'assign', participant: 'x', role: 'south' },
    ] as const)
      await refused(() => north.send(r), new RegExp(`${r.type} is the trainer's, not a student's`));
    // The server's clock.
    await refused(
      () => north.send({ type: 'event', event: { type: 'TICK', now: 9e12 } }),
      /TICK comes from the server/,
    );
    // A planner seat's plan, which only the server's own planning hands in, even from the trainer.
    trainer.send({
      type: 'event',
      event: { type: 'PLANNED', actor: 'south', round: 1, orders: [], reason: 'forged' },
    });
    await server.waitFor(/refused from .*\(trainer\): PLANNED comes from the server only/);
    // Malformed shapes and unknown types.
    await refused(
      () => north.send({ type: 'event', event: { type: 'ORDERS', actor: 'north', orders: 'all' } }),
      /event refused: ORDERS: orders/,
    );
    await refused(() => north.send({ type: 'promote', to: 'trainer' } as never), /malformed request/);
    await refused(() => north.room.send('become-trainer', {}), /unknown message type "become-trainer"/);
    await refused(() => north.send(null as never), /malformed request/);
    // Oversized payloads (under the transport's frame cap, over the request cap).
    await refused(
      () => north.send({ type: 'chat', text: 'x'.repeat(20_000) }),
      /a request of \d+ bytes \(at most 16384\)/,
    );

    // Nothing of it reached the game: south has given no orders, the game is in round 1, not paused.
    const t = await trainer.until((v) => v.phase === 'orders');
    expect(t.projection?.submitted).toEqual([]);
    expect(t.projection?.state.round).toBe(1);
    expect(t.projection?.state.paused).toBe(false);
    expect(t.locked).toBe(false);

    // A forged key opens nothing; a flood of requests gets the sender dropped.
    await expect(
      RoomConnection.join(server.endpoint, code, { key: '0123456789abcdef0123456789abcdef' }),
    ).rejects.toThrow(/opens no seat/);
    await server.waitFor(/join refused: a key that opens no seat/);
    south.room.reconnection.enabled = false;
    const gone = new Promise<void>((resolve) => {
      south.room.onDrop(() => resolve());
      south.room.onLeave(() => resolve());
    });
    for (let i = 0; i < 60; i++) south.send({ type: 'draft', orders: [], note: String(i) });
    await gone;
    await server.waitFor(/"?Sam"? dropped|Sam dropped/);
  });
});

// A networked game end to end over real sockets: a trainer creates a room, two students join by code and
// pick roles, the game runs to its end; refusals for anything a sender may not do.
import { describe, expect, it } from 'vitest';
import { RoomConnection } from '../../src/net/room-client.ts';
import { TWO_SIDES } from './clients.ts';
import { startServerProcess, tempDir } from './process.ts';

describe('the room server', () => {
  it('plays a game from join code to ending, each client seeing its own view', async () => {
    const server = await startServerProcess({ dataDir: tempDir() });
    const trainer = await RoomConnection.create(server.endpoint, {
      scenario: 'tutorial',
      name: 'Ms Trainer',
      seats: TWO_SIDES,
    });
    const first = await trainer.until((v) => v.you.kind === 'trainer');
    expect(first.code).toMatch(/^[A-Z2-9]{6}$/);
    expect(first.projection?.state.seed).not.toBe(0);

    const north = await RoomConnection.join(server.endpoint, first.code, { name: 'Ana' });
    const south = await RoomConnection.join(server.endpoint, first.code, { name: 'Bo' });
    north.send({ type: 'pick', role: 'north' });
    south.send({ type: 'pick', role: 'south' });
    await north.until((v) => v.you.role === 'north');
    await south.until((v) => v.you.role === 'south');
    expect(north.view?.projection?.state.seed).toBe(0);

    trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    for (let round = 1; round < 20; round++) {
      await north.until((v) => v.phase === 'orders' && v.projection?.state.round === round);
      north.send({ type: 'event', event: { type: 'ORDERS', actor: 'north', orders: [] } });
      south.send({ type: 'event', event: { type: 'ORDERS', actor: 'south', orders: [] } });
      const after = await trainer.until(
        (v) => (v.phase === 'report' || v.phase === 'ended') && v.projection?.state.round === round,
      );
      if (after.phase === 'ended') break;
      trainer.send({ type: 'event', event: { type: 'NEXT' } });
    }
    const end = await south.until((v) => v.phase === 'ended');
    expect(end.projection?.state.ending).not.toBeNull();
    await Promise.all([trainer, north, south].map((c) => c.leave()));
  });
});

// Leak test: unique markers in each seat's private brief, draft, team chat and private messages; every
// frame every client receives (live updates, join, reconnection, a late presenter, the trainer's export)
// is kept, and no marker reaches a client not entitled to it. Public markers show the recording works.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { create, holds, join as joinRoom, type Recorded, reconnect, TWO_SIDES } from './clients.ts';
import { startServerProcess, tempDir } from './process.ts';

/** The tutorial with a marker at the end of each side's private brief. */
function markedScenarios(): string {
  const dir = tempDir('brink-scenarios-');
  const sc = JSON.parse(readFileSync('scenarios/tutorial.json', 'utf8'));
  for (const a of sc.actors) if (a.briefing) a.briefing = `${a.briefing} LEAK-BRIEF-${a.id}`;
  writeFileSync(join(dir, 'tutorial.json'), JSON.stringify(sc));
  return dir;
}

describe('what each client receives', () => {
  it('never holds another seat’s private markers, on any path', async () => {
    const server = await startServerProcess({ dataDir: tempDir(), scenariosDir: markedScenarios() });
    const e = server.endpoint;
    const trainer = await create(e, { scenario: 'tutorial', name: 'Trainer', seats: TWO_SIDES });
    const { code } = await trainer.conn.until((v) => v.code.length === 6);
    const presenterKey = trainer.conn.welcome?.presenterKey ?? '';
    expect(presenterKey).toMatch(/^[0-9a-f]{32}$/);

    const seat = async (name: string, role: string | null): Promise<Recorded> => {
      const r = await joinRoom(e, code, { name });
      if (role !== null) {
        r.conn.send({ type: 'pick', role });
        await r.conn.until((v) => v.you.role === role);
      }
      return r;
    };
    const north1 = await seat('N1', 'north');
    const north2 = await seat('N2', 'north');
    const south = await seat('S1', 'south');
    const lurker = await seat('L', null);

    trainer.conn.send({ type: 'event', event: { type: 'BEGIN' } });
    await south.conn.until((v) => v.phase === 'orders');

    // Private material of each side, then public material.
    for (const [r, side] of [
      [north1, 'north'],
      [south, 'south'],
    ] as const) {
      r.conn.send({ type: 'draft', orders: [{ action: 'accuse' }], note: `LEAK-DRAFT-${side}` });
      r.conn.send({ type: 'chat', text: `LEAK-CHAT-${side}` });
      r.conn.send({ type: 'say', to: 'commission', text: `LEAK-SAY-${side}-to-commission` });
      r.conn.send({ type: 'say', to: '*', text: `PUBLIC-${side}` });
    }
    north2.conn.send({ type: 'say', to: 'south', text: 'LEAK-SAY-north-to-south' });
    await trainer.conn.until((v) => v.lines.length === 7);
    north1.conn.send({
      type: 'event',
      event: { type: 'ORDERS', actor: 'north', orders: [{ action: 'accuse' }] },
    });
    const t = await trainer.conn.until((v) => v.projection?.submitted.includes('north') === true);
    // The trainer's view holds north's orders and the game's random state; nobody else's does.
    expect(t.projection?.state.orders.north).toEqual([{ action: 'accuse' }]);

    // A drop and a reconnection inside the window; a presenter joining late; the trainer's export.
    const token = south.conn.reconnectionToken;
    south.conn.room.reconnection.enabled = false;
    await south.conn.room.leave(false);
    await server.waitFor(/S1 dropped/);
    const southBack = await reconnect(e, token, south.frames);
    await southBack.conn.until((v) => v.you.role === 'south');
    const presenter = await joinRoom(e, code, { key: presenterKey });
    await presenter.conn.until((v) => v.you.kind === 'presenter');
    const exported = new Promise<void>((resolve) => trainer.conn.onExport(() => resolve()));
    trainer.conn.send({ type: 'export' });
    await exported;
    // One more live update for everyone after the late joins.
    trainer.conn.send({ type: 'event', event: { type: 'PAUSE' } });
    await presenter.conn.until((v) => v.projection?.state.paused === true);
    await southBack.conn.until((v) => v.projection?.state.paused === true);
    await lurker.conn.until((v) => v.projection?.state.paused === true);

    const clients = { trainer, north1, north2, south, lurker, presenter };
    const entitled: Record<string, (keyof typeof clients)[]> = {
      'LEAK-BRIEF-north': ['trainer', 'north1', 'north2'],
      'LEAK-BRIEF-south': ['trainer', 'south'],
      'LEAK-DRAFT-north': ['trainer', 'north1', 'north2'],
      'LEAK-DRAFT-south': ['trainer', 'south'],
      'LEAK-CHAT-north': ['trainer', 'north1', 'north2'],
      'LEAK-CHAT-south': ['trainer', 'south'],
      'LEAK-SAY-north-to-commission': ['trainer', 'north1', 'north2'],
      'LEAK-SAY-south-to-commission': ['trainer', 'south'],
      'LEAK-SAY-north-to-south': ['trainer', 'north1', 'north2', 'south'],
      'PUBLIC-north': ['trainer', 'north1', 'north2', 'south', 'lurker', 'presenter'],
      'PUBLIC-south': ['trainer', 'north1', 'north2', 'south', 'lurker', 'presenter'],
    };
    const wrong: string[] = [];
    for (const [marker, who] of Object.entries(entitled))
      for (const [name, c] of Object.entries(clients)) {
        const has = holds(c.frames, marker);
        if (has !== who.includes(name as keyof typeof clients))
          wrong.push(`${name} ${has ? 'received' : 'missed'} ${marker}`);
      }
    expect(wrong).toEqual([]);

    // North's orders of this round and the random state reach only north's team and the trainer.
    for (const [name, c] of Object.entries(clients)) {
      const texts = c.frames.map((f) => f.toString('latin1'));
      const ordersOfNorth = texts.some((x) => /orders.{1,4}north/.test(x));
      expect(ordersOfNorth, `${name} and north's orders`).toBe(
        ['trainer', 'north1', 'north2'].includes(name),
      );
    }
    for (const c of [north1, north2, south, lurker, presenter])
      for (const v of [c.conn.view])
        expect({ seed: v?.projection?.state.seed, rng: v?.projection?.state.rng }).toEqual({
          seed: 0,
          rng: [],
        });
  });
});

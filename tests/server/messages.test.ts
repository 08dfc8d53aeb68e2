// What the room server sends its clients, against the schemas the client parses it with (protocol.ts):
// every view, welcome and export of a real room passes them whole (nothing stripped), for each place in the
// room; and a malformed message is refused with the reason, the connection keeping its last good view.
import { getMessageBytes, Protocol } from '@colyseus/core';
import { afterEach, describe, expect, it } from 'vitest';
import { Export, MESSAGES, SharedView, Welcome } from '../../src/net/protocol.ts';
import type { RoomConnection } from '../../src/net/room-client.ts';
import { classroom, join } from './clients.ts';
import { startServerProcess, tempDir } from './process.ts';

const open: RoomConnection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((c) => c.leave().catch(() => undefined)));
});

/** Every message of each type the connection receives from now on, as msgpack decoded it. */
function heard(conn: RoomConnection) {
  const got = {
    view: [] as unknown[],
    welcome: [] as unknown[],
    export: [] as unknown[],
    refused: [] as string[],
  };
  conn.room.onMessage(MESSAGES.view, (m: unknown) => got.view.push(m));
  conn.room.onMessage(MESSAGES.welcome, (m: unknown) => got.welcome.push(m));
  conn.room.onMessage(MESSAGES.export, (m: unknown) => got.export.push(m));
  conn.onRefused((why) => got.refused.push(why));
  return got;
}

/** Hands the connection a frame as if the server had sent it: Colyseus's own decoding, then its handlers. */
function deliver(conn: RoomConnection, type: string, message: unknown): void {
  const frame = getMessageBytes.raw(Protocol.ROOM_DATA, type, message);
  const events = conn.room.connection.events as { onmessage?: (e: { data: unknown }) => void };
  events.onmessage?.({ data: new Uint8Array(frame).buffer });
}

describe("the room's messages", () => {
  it('every view, welcome and export a room sends passes the schemas the client reads them with', async () => {
    const server = await startServerProcess({ dataDir: tempDir() });
    const room = await classroom(server.endpoint);
    const presenter = await join(server.endpoint, room.code, {
      key: room.trainer.welcome?.presenterKey ?? '',
    });
    const { trainer, north, south } = room;
    open.push(trainer, north, south, presenter.conn);
    const all = [trainer, north, south, presenter.conn];
    const got = all.map(heard);
    // North's students have the advisor, the game runs two rounds with drafts, chat and messages in it.
    trainer.send({
      type: 'event',
      event: {
        type: 'SET_SEAT',
        actor: 'north',
        seat: { by: 'person', policy: 'tit-for-tat', advisor: true },
      },
    });
    trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    for (const round of [1, 2]) {
      await north.until((v) => v.phase === 'orders' && v.projection?.state.round === round);
      north.send({ type: 'draft', orders: [], note: `hold in round ${round}` });
      north.send({ type: 'chat', text: 'we hold' });
      south.send({ type: 'say', to: '*', text: 'We want talks.' });
      south.send({ type: 'say', to: 'north', text: 'A word in private.' });
      north.send({ type: 'event', event: { type: 'ORDERS', actor: 'north', orders: [] } });
      south.send({ type: 'event', event: { type: 'ORDERS', actor: 'south', orders: [] } });
      await trainer.until((v) => v.phase !== 'orders' && v.projection?.state.round === round);
      trainer.send({ type: 'event', event: { type: 'NEXT' } });
    }
    await north.until((v) => v.advice?.status === 'ready' && v.lines.length >= 4);
    trainer.send({ type: 'undo' });
    trainer.send({ type: 'export' });
    await trainer.until((v) => v.notice === null && got[0]?.export.length === 1);
    await south.until((v) => v.lines.some((l) => l.text === 'A word in private.'));

    for (const g of got) {
      expect(g.refused).toEqual([]);
      expect(g.view.length).toBeGreaterThan(3);
      // Parsed whole: what the schema gives back is what the server sent, nothing left out.
      for (const v of g.view) expect(SharedView.parse(v)).toEqual(v);
      for (const w of g.welcome) expect(Welcome.parse(w)).toEqual(w);
      for (const e of g.export) expect(Export.parse(e)).toEqual(e);
    }
    // Each part of a view was there to be checked: drafts, lines, advice, a trainer's undo words.
    const views = got.flatMap((g) => g.view.map((v) => SharedView.parse(v)));
    expect(views.some((v) => Object.keys(v.drafts).length > 0)).toBe(true);
    expect(views.some((v) => v.advice?.status === 'ready')).toBe(true);
    expect(views.some((v) => v.undoes !== null)).toBe(true);
    for (const c of all) expect(c.refused).toBeNull();
  });

  it('refuses a malformed view, welcome or export with the reason and keeps the last good view', async () => {
    const server = await startServerProcess({ dataDir: tempDir() });
    const room = await classroom(server.endpoint);
    const { trainer, north, south } = room;
    open.push(trainer, north, south);
    const good = await north.until((v) => v.you.role === 'north' && v.projection !== null);
    const welcome = north.welcome;
    const refused: string[] = [];
    north.onRefused((why) => refused.push(why));
    let views = 0;
    north.onView(() => views++);
    const raw = { ...good, you: { kind: good.you.kind, role: good.you.role, pending: false } };
    const state = good.projection?.state;

    deliver(north, MESSAGES.view, {
      ...raw,
      projection: { ...good.projection, state: { ...state, round: 'x' } },
    });
    expect(refused.at(-1)).toBe(
      'The server sent a view the game cannot read: projection.state.round: Invalid input: expected number, received string.',
    );
    deliver(north, MESSAGES.view, {
      ...raw,
      lines: [{ at: 1, from: 'Sam', role: null, to: null, team: false }],
    });
    expect(refused.at(-1)).toMatch(/^The server sent a view the game cannot read: lines\.0\.text: /);
    deliver(north, MESSAGES.view, { ...raw, people: 'everyone' });
    expect(refused.at(-1)).toMatch(/people: .*expected array/);
    deliver(north, MESSAGES.view, { ...raw, notice: 'x'.repeat(20_000) });
    expect(refused.at(-1)).toMatch(/^The server sent a view the game cannot read: notice: /);
    deliver(north, MESSAGES.view, null);
    expect(refused.at(-1)).toMatch(/^The server sent a view the game cannot read: .*expected object/);
    deliver(north, MESSAGES.welcome, { ...welcome, scenario: { meta: 'broken' } });
    expect(refused.at(-1)).toMatch(/^The server sent a welcome the game cannot read: scenario\./);
    deliver(north, MESSAGES.export, { log: [], lines: [] });
    expect(refused.at(-1)).toMatch(/^The server sent an export the game cannot read: log: /);
    expect(refused).toHaveLength(7);
    // Nothing of them was taken: the last good view and welcome stay, no listener heard a view.
    expect(north.view).toBe(good);
    expect(north.welcome).toBe(welcome);
    expect(views).toBe(0);
    expect(north.refused).toBe(refused.at(-1));

    // The connection still works: the next view the server sends is taken.
    north.send({ type: 'chat', text: 'still here' });
    const next = await north.until((v) => v.lines.some((l) => l.text === 'still here'));
    expect(next.you.id).toBe(welcome?.id);
    expect(views).toBeGreaterThan(0);
  });
});

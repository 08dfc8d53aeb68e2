// Clients for the server tests: connections whose every received WebSocket frame is kept as bytes.

import type { CreateOptions, Export, JoinOptions } from '../../src/net/protocol.ts';
import { RoomConnection } from '../../src/net/room-client.ts';
import type { GameLog } from '../../src/sim/log.ts';

/** The tutorial's seats as the server tests play them: the students take the two sides and the River
 * Commission, the third seat, is left to its computer player, as a trainer would with two students. */
export const TWO_SIDES: CreateOptions['seats'] = { commission: { by: 'computer', policy: 'tit-for-tat' } };

/** A connection with the raw frames it received (msgpack keeps strings as UTF-8, so text is searchable). */
export interface Recorded {
  conn: RoomConnection;
  frames: Buffer[];
}

/** Keeps every frame the connection receives from now on (the join's own frames come after this runs). */
export function record(conn: RoomConnection, frames: Buffer[] = []): Recorded {
  const events = conn.room.connection.events as { onmessage?: (e: { data: unknown }) => void };
  const original = events.onmessage;
  events.onmessage = (e) => {
    const d = e.data;
    frames.push(Buffer.from(d instanceof ArrayBuffer ? new Uint8Array(d) : (d as Uint8Array)));
    original?.(e);
  };
  return { conn, frames };
}

export async function create(endpoint: string, o: CreateOptions, frames?: Buffer[]): Promise<Recorded> {
  return record(await RoomConnection.create(endpoint, o), frames);
}

export async function join(
  endpoint: string,
  code: string,
  o: JoinOptions,
  frames?: Buffer[],
): Promise<Recorded> {
  return record(await RoomConnection.join(endpoint, code, o), frames);
}

export async function reconnect(endpoint: string, token: string, frames?: Buffer[]): Promise<Recorded> {
  return record(await RoomConnection.reconnect(endpoint, token), frames);
}

/** True when any frame holds the text. */
export const holds = (frames: readonly Buffer[], text: string): boolean =>
  frames.some((f) => f.includes(text));

/** A tutorial room with a trainer and one student on each side (Nia north, Sam south), roles picked. */
export async function classroom(endpoint: string, o: Partial<CreateOptions> = {}) {
  const trainer = await RoomConnection.create(endpoint, {
    scenario: 'tutorial',
    name: 'T',
    seats: TWO_SIDES,
    ...o,
  });
  const { code } = await trainer.until((v) => v.code.length === 6);
  const north = await RoomConnection.join(endpoint, code, { name: 'Nia' });
  const south = await RoomConnection.join(endpoint, code, { name: 'Sam' });
  north.send({ type: 'pick', role: 'north' });
  south.send({ type: 'pick', role: 'south' });
  await north.until((v) => v.you.role === 'north');
  await south.until((v) => v.you.role === 'south');
  return { trainer, north, south, code };
}

/** The trainer's export of the room's log. */
export function exportLog(trainer: RoomConnection): Promise<GameLog> {
  return new Promise((resolve) => {
    const off = trainer.onExport((e: Export) => {
      off();
      resolve(e.log as GameLog);
    });
    trainer.send({ type: 'export' });
  });
}

// A load generator's worker thread: its share of the rooms, each with a trainer and students on two roles,
// all through @colyseus/sdk. Driven by bench/rooms.bench.ts one phase at a time.
import { writeFileSync } from 'node:fs';
import { Session } from 'node:inspector/promises';
import { join } from 'node:path';
import { parentPort, threadId, workerData } from 'node:worker_threads';
import { MESSAGES, type SharedView } from '../src/net/protocol.ts';
import { RoomConnection } from '../src/net/room-client.ts';
import { peekFrame } from './view-peek.ts';

interface Job {
  endpoint: string;
  rooms: number;
  /** This worker's first room's place among every worker's rooms, and their number (for the staggered rounds). */
  first: number;
  allRooms: number;
  clients: number;
  drops: number;
  /** A folder for this worker's CPU profile of the rounds (BENCH_PROFILE), or ''. */
  profile: string;
}
/** What the parent asks of a worker, one phase at a time. */
export type Phase =
  | { phase: 'open' }
  /** Rounds to play; `staggerMs`: the rooms' last orders spread over that time (0: all at once). */
  | { phase: 'play'; rounds: number; staggerMs: number }
  | { phase: 'drops' };

interface Room {
  trainer: RoomConnection;
  north: RoomConnection[];
  south: RoomConnection[];
  /** The last round played, and whether the game has ended. */
  round: number;
  ended: boolean;
}

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('room-worker runs in a worker thread');
const rooms: Room[] = [];

/**
 * The SDK still receives every frame and hands every view to the RoomConnection's listeners, but a view is
 * read with peekView (the fields the bench waits on) instead of decoded whole.
 */
function light(c: RoomConnection): RoomConnection {
  const events = c.room.connection.events;
  const sdk = events.onmessage;
  const room = c.room as unknown as { dispatchMessage(type: string, message: unknown): void };
  events.onmessage = (event: MessageEvent) => {
    const view = peekFrame(new Uint8Array(event.data as ArrayBuffer));
    if (view) room.dispatchMessage(MESSAGES.view, view);
    else sdk?.(event);
  };
  // The peeked fields are the whole of what the bench reads of a view: taken as they are, not parsed.
  c.readView = (view) => ({ success: true, data: view as SharedView });
  return c;
}

async function open(): Promise<void> {
  for (let r = 0; r < job.rooms; r++) {
    const trainer = light(
      await RoomConnection.create(job.endpoint, {
        scenario: 'tutorial',
        name: 'Trainer',
        // The students take the two sides; the tutorial's River Commission is its computer player's.
        seats: { commission: { by: 'computer', policy: 'tit-for-tat' } },
      }),
    );
    const { code } = await trainer.until((v) => v.code.length === 6, 60_000);
    const room: Room = { trainer, north: [], south: [], round: 0, ended: false };
    const joins: Promise<void>[] = [];
    for (let i = 1; i < job.clients; i++) {
      const role = i % 2 === 0 ? 'north' : 'south';
      joins.push(
        RoomConnection.join(job.endpoint, code, { name: `S${i}` })
          .then(light)
          .then(async (c) => {
            c.room.reconnection.enabled = false;
            await c.until((v) => v.you.id.length > 0, 60_000);
            c.send({ type: 'pick', role });
            await c.until((v) => v.you.role === role, 60_000);
            room[role].push(c);
          }),
      );
    }
    await Promise.all(joins);
    trainer.room.reconnection.enabled = false;
    rooms.push(room);
  }
}

const all = (room: Room) => [room.trainer, ...room.north, ...room.south];

/**
 * Latencies (ms) from the last order of each round to each client holding that round's result, over the
 * next `rounds` rounds of every room. With `staggerMs`, each room gives its last order at its own moment in
 * that span after its round opened, as separate classes would; with 0, every room at once.
 */
async function play(
  rounds: number,
  staggerMs: number,
): Promise<{ samples: number[]; cpuMs: number; wallMs: number }> {
  const session = job.profile ? new Session() : null;
  if (session) {
    session.connect();
    await session.post('Profiler.enable');
    await session.post('Profiler.start');
  }
  const cpu0 = process.threadCpuUsage();
  const wall0 = performance.now();
  const samples: number[] = [];
  await Promise.all(
    rooms.map(async (room, r) => {
      const slot = ((job.first + r) / job.allRooms) * staggerMs;
      if (room.round === 0) room.trainer.send({ type: 'event', event: { type: 'BEGIN' } });
      for (let i = 0; i < rounds && !room.ended; i++) {
        const round = ++room.round;
        const clients = all(room);
        await Promise.all(
          clients.map((c) =>
            c.until((v) => v.phase === 'orders' && v.projection?.state.round === round, 60_000),
          ),
        );
        const [n, s] = [room.north[0], room.south[0]];
        if (!n || !s) throw new Error('a room without two sides');
        if (slot > 0) await new Promise((done) => setTimeout(done, slot));
        n.send({ type: 'event', event: { type: 'ORDERS', actor: 'north', orders: [] } });
        await room.trainer.until((v) => v.projection?.submitted.includes('north') === true, 60_000);
        const sent = performance.now();
        s.send({ type: 'event', event: { type: 'ORDERS', actor: 'south', orders: [] } });
        const got = await Promise.all(
          clients.map((c) =>
            c
              .until((v) => v.phase !== 'orders' && v.projection?.state.round === round, 60_000)
              .then(() => performance.now() - sent),
          ),
        );
        samples.push(...got);
        room.ended = room.trainer.view?.phase === 'ended';
        if (!room.ended) room.trainer.send({ type: 'event', event: { type: 'NEXT' } });
      }
    }),
  );
  // This thread's own CPU: process.cpuUsage() in a worker is the whole process's.
  const cpu = process.threadCpuUsage(cpu0);
  if (session) {
    const { profile } = await session.post('Profiler.stop');
    writeFileSync(
      join(job.profile, `worker-${threadId}-${staggerMs > 0 ? 'staggered' : 'together'}.cpuprofile`),
      JSON.stringify(profile),
    );
    session.disconnect();
  }
  return { samples, cpuMs: (cpu.user + cpu.system) / 1000, wallMs: performance.now() - wall0 };
}

/** Forced drops: a client's socket closed without a goodbye, then its reconnection token; back in its seat? */
async function drops(): Promise<{ tried: number; back: number }> {
  const students = rooms.flatMap((r) => [...r.north, ...r.south]);
  let back = 0;
  let tried = 0;
  // Each batch drops distinct students: a seat is dropped again only after it came back.
  const batch = Math.min(50, students.length);
  for (let i = 0; i < job.drops; i += batch) {
    const chunk = Array.from(
      { length: Math.min(batch, job.drops - i) },
      (_, k) => students[(i + k) % students.length],
    );
    await Promise.all(
      chunk.map(async (c) => {
        if (!c) return;
        tried++;
        const id = c.view?.you.id;
        const role = c.view?.you.role;
        const token = c.reconnectionToken;
        await c.room.leave(false);
        // A phone whose Wi-Fi comes back does not return within the same millisecond: give the server
        // the moment it takes to see the socket close and hold the seat.
        await new Promise((r) => setTimeout(r, 250));
        try {
          const again = light(await within(RoomConnection.reconnect(job.endpoint, token), 30_000));
          again.room.reconnection.enabled = false;
          const v = await again.until((x) => x.you.id === id, 30_000);
          if (v.you.role === role) back++;
          // The next drop of this seat uses the new connection.
          const list = students.indexOf(c);
          students[list] = again;
        } catch {
          // Not back: counted by the share.
        }
      }),
    );
  }
  return { tried, back };
}

function within<T>(p: Promise<T>, ms: number): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error('timeout')), ms))]);
}

port.on('message', async (m: Phase) => {
  try {
    if (m.phase === 'open') {
      await open();
      port.postMessage({ phase: 'open' });
    } else if (m.phase === 'play')
      port.postMessage({ phase: 'play', ...(await play(m.rounds, m.staggerMs)) });
    else if (m.phase === 'drops') port.postMessage({ phase: 'drops', ...(await drops()) });
  } catch (e) {
    port.postMessage({ phase: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});

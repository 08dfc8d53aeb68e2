// A load generator's worker thread: its share of the rooms, each with a trainer and students on two roles,
// all through @colyseus/sdk. Driven by bench/rooms.bench.ts one phase at a time.
import { parentPort, workerData } from 'node:worker_threads';
import { RoomConnection } from '../src/net/room-client.ts';

interface Job {
  endpoint: string;
  rooms: number;
  clients: number;
  rounds: number;
  drops: number;
}
interface Room {
  trainer: RoomConnection;
  north: RoomConnection[];
  south: RoomConnection[];
}

const job = workerData as Job;
const port = parentPort;
if (!port) throw new Error('room-worker runs in a worker thread');
const rooms: Room[] = [];

async function open(): Promise<void> {
  for (let r = 0; r < job.rooms; r++) {
    const trainer = await RoomConnection.create(job.endpoint, {
      scenario: 'tutorial',
      name: 'Trainer',
      // The students take the two sides; the tutorial's River Commission is its computer player's.
      seats: { commission: { by: 'computer', policy: 'tit-for-tat' } },
    });
    const { code } = await trainer.until((v) => v.code.length === 6, 60_000);
    const room: Room = { trainer, north: [], south: [] };
    const joins: Promise<void>[] = [];
    for (let i = 1; i < job.clients; i++) {
      const role = i % 2 === 0 ? 'north' : 'south';
      joins.push(
        RoomConnection.join(job.endpoint, code, { name: `S${i}` }).then(async (c) => {
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

/** Latencies (ms) from the last order of each round to each client holding that round's result. */
async function play(): Promise<{ samples: number[]; cpuMs: number; wallMs: number }> {
  const cpu0 = process.cpuUsage();
  const wall0 = performance.now();
  const samples: number[] = [];
  await Promise.all(
    rooms.map(async (room) => {
      room.trainer.send({ type: 'event', event: { type: 'BEGIN' } });
      for (let round = 1; round <= job.rounds; round++) {
        const clients = all(room);
        await Promise.all(
          clients.map((c) =>
            c.until((v) => v.phase === 'orders' && v.projection?.state.round === round, 60_000),
          ),
        );
        const [n, s] = [room.north[0], room.south[0]];
        if (!n || !s) throw new Error('a room without two sides');
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
        if (room.trainer.view?.phase === 'ended') break;
        room.trainer.send({ type: 'event', event: { type: 'NEXT' } });
      }
    }),
  );
  const cpu = process.cpuUsage(cpu0);
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
          const again = await within(RoomConnection.reconnect(job.endpoint, token), 30_000);
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

port.on('message', async (m: string) => {
  try {
    if (m === 'open') {
      await open();
      port.postMessage({ phase: 'open' });
    } else if (m === 'play') port.postMessage({ phase: 'play', ...(await play()) });
    else if (m === 'drops') port.postMessage({ phase: 'drops', ...(await drops()) });
  } catch (e) {
    port.postMessage({ phase: 'error', message: e instanceof Error ? e.message : String(e) });
  }
});

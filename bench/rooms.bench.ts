// The room server under a class-sized load, on loopback: BENCH_ROOMS rooms (default 50) of BENCH_CLIENTS
// clients (default 30: a trainer and students on two roles), simulated with @colyseus/sdk in worker threads.
// Rows: last order of a round → every client of the room holding the result (p50, p99), the server's
// event-loop delay p99 while they play, its memory per room, the share of forced drops back in their seat,
// and the load generator's own CPU (so that it is seen not to be the bottleneck). The rounds are played
// twice: every room's last order at once (a worst case no class produces), then staggered over a span.
// Where there are two cores or more and taskset, the server runs on core 0 and the generator on core 1.
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Phase } from './room-worker.ts';
import type { BenchRow } from './types.ts';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 50);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 30);
const ROUNDS = 3;
const DROPS = Number(process.env.BENCH_DROPS ?? 1000);
/** The span over which the staggered rounds' last orders are spread. */
const STAGGER_MS = Number(process.env.BENCH_STAGGER_MS ?? 2000);
const WORKERS = 2;
const PROFILE = process.env.BENCH_PROFILE ?? '';
const LOAD = loadavg()
  .map((l) => l.toFixed(1))
  .join(', ');

interface Stats {
  eventLoopP99Ms: number;
  eventLoopUtilization: number;
  rss: number;
  heapUsed: number;
  cpu: { user: number; system: number };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? Number.NaN;
};

/** Cores for the server and for the generator (this process), or null when not pinned. */
function pinning(): { server: string; generator: string; all: string } | null {
  const n = cpus().length;
  if (process.env.BENCH_PIN === '0' || n < 2) return null;
  if (spawnSync('taskset', ['-V']).status !== 0) return null;
  return { server: '0', generator: `1-${n - 1}`, all: `0-${n - 1}` };
}

/** Every thread of this process onto `cores` (workers started afterwards inherit it). */
function pinSelf(cores: string): void {
  spawnSync('taskset', ['-a', '-cp', cores, String(process.pid)], { stdio: 'ignore' });
}

const cpuMs = (c: NodeJS.CpuUsage) => (c.user + c.system) / 1000;

export default async function rooms(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'brink-bench-'));
  const port = await freePort();
  const pin = pinning();
  const node = [
    process.execPath,
    [
      '--expose-gc',
      // BENCH_PROFILE=DIR: the server's CPU profile under the load, written when it stops.
      ...(PROFILE ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE}`] : []),
      '--import',
      'tsx',
      'src/server/main.ts',
      '--no-static',
    ],
  ] as const;
  const server = spawn(pin ? 'taskset' : node[0], pin ? ['-c', pin.server, node[0], ...node[1]] : node[1], {
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      BRINK_DATA: dataDir,
      BRINK_STATS: '1',
      REDIS_URL: '',
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const endpoint = `http://127.0.0.1:${port}`;
  await new Promise<void>((resolve, reject) => {
    server.stdout?.on('data', (d: Buffer) => {
      if (/^listening \d+/m.test(d.toString())) resolve();
    });
    server.once('exit', () => reject(new Error('the room server exited')));
  });
  server.stdout?.resume();
  const stats = async (): Promise<Stats> =>
    (await fetch(`${endpoint}/__brink/stats`)).json() as Promise<Stats>;

  if (pin) pinSelf(pin.generator);
  const url = new URL('./room-worker.ts', import.meta.url).href;
  // Without Node's own WebSocket (undici's) the SDK takes the ws package, as the server does: on 20 × 30 the
  // generator's CPU per round fell from 20.5 to 8.0 ms (undici copies and dispatches each frame as a DOM event).
  const boot = `delete globalThis.WebSocket; import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url)}); })`;
  const per = Math.ceil(ROOMS / WORKERS);
  const workers = Array.from({ length: WORKERS }, (_, i) => {
    const n = Math.max(0, Math.min(per, ROOMS - i * per));
    return new Worker(boot, {
      eval: true,
      workerData: {
        endpoint,
        rooms: n,
        first: i * per,
        allRooms: ROOMS,
        clients: CLIENTS,
        drops: Math.round((DROPS * n) / ROOMS),
        profile: PROFILE,
      },
    });
  });
  const phase = <T>(ask: Phase) => {
    process.stderr.write(`bench: rooms: ${JSON.stringify(ask)}\n`);
    return Promise.all(
      workers.map(
        (w) =>
          new Promise<T>((resolve, reject) => {
            w.once('message', (m: { phase: string; message?: string } & T) =>
              m.phase === 'error' ? reject(new Error(m.message)) : resolve(m),
            );
            w.postMessage(ask);
          }),
      ),
    );
  };

  /** One pass of rounds: the latencies, and the server's and the generator's CPU over its wall time. */
  const rounds = async (staggerMs: number) => {
    // Reading the stats also starts the server's delay and utilisation windows afresh.
    const server0 = (await stats()).cpu;
    const gen0 = process.cpuUsage();
    const t0 = process.hrtime.bigint();
    const played = await phase<{ samples: number[]; cpuMs: number; wallMs: number }>({
      phase: 'play',
      rounds: ROUNDS,
      staggerMs,
    });
    const genMs = cpuMs(process.cpuUsage(gen0));
    // The rounds' window on the monotonic clock the profiles' timestamps use (µs), to cut them to it.
    if (PROFILE)
      appendFileSync(
        join(PROFILE, 'windows.txt'),
        `${staggerMs > 0 ? 'staggered' : 'together'} ${t0 / 1000n} ${process.hrtime.bigint() / 1000n}\n`,
      );
    const after = await stats();
    const wall = Math.max(...played.map((p) => p.wallMs));
    const samples = played.flatMap((p) => p.samples);
    return {
      samples,
      resolved: samples.length / CLIENTS,
      after,
      wall,
      serverMs: cpuMs(after.cpu) - cpuMs(server0),
      genMs,
      workersMs: played.reduce((a, p) => a + p.cpuMs, 0),
    };
  };

  try {
    const before = await stats();
    await phase({ phase: 'open' });
    const opened = await stats();
    const together = await rounds(0);
    const staggered = await rounds(STAGGER_MS);
    const dropped = await phase<{ tried: number; back: number }>({ phase: 'drops' });

    const tried = dropped.reduce((a, d) => a + d.tried, 0);
    const back = dropped.reduce((a, d) => a + d.back, 0);
    const cores = pin
      ? `the server pinned to core ${pin.server} and the generator to core ${pin.generator} (taskset)`
      : 'not pinned';
    const load = `${ROOMS} rooms × ${CLIENTS} clients (${ROOMS * CLIENTS} WebSockets) on loopback, one server process, ${WORKERS} worker threads of @colyseus/sdk clients over the ws package, reading only the fields they wait on (bench/view-peek.ts), ${cores}; the machine is shared with other jobs (load average ${LOAD} at the start, over ${cpus().length} cores), figures are noisy`;
    const latency = (name: string, run: typeof together, how: string): BenchRow[] => [
      {
        name: `room: last order → every client has the result, p50, ${name}`,
        figure: quantile(run.samples, 0.5),
        baseline: 100,
        baselineName: 'goal p99',
        unit: 'ms',
        goal: 'p99 ≤ 100 ms',
        method: `${run.samples.length} samples over ${ROUNDS} rounds, ${how}: from the send of a round's last ORDERS to each client's first view of the resolved round, one clock (the generator's). ${load}`,
      },
      {
        name: `room: last order → every client has the result, p99, ${name}`,
        figure: quantile(run.samples, 0.99),
        baseline: 100,
        baselineName: 'goal',
        unit: 'ms',
        goal: '≤ 100 ms',
        method: 'as the p50 row',
      },
      {
        name: `room server: event-loop delay p99, ${name}`,
        figure: run.after.eventLoopP99Ms,
        baseline: 50,
        baselineName: 'goal',
        unit: 'ms',
        goal: '< 50 ms',
        method: `perf_hooks.monitorEventLoopDelay (10 ms resolution) in the server over these rounds (reset before them). ${load}`,
      },
      {
        name: `room server: event loop busy, ${name}`,
        figure: 100 * run.after.eventLoopUtilization,
        baseline: (100 * run.serverMs) / run.wall,
        baselineName: 'server CPU, % of a core',
        unit: '%',
        method: `performance.eventLoopUtilization() in the server over the same window as the delay: the share of wall time the loop was not idle, beside the CPU the server got in that time. A busy loop with a CPU share far below it means the server waited for a core (other jobs on the machine), not that the rooms' work filled one. Load average at the start ${LOAD}`,
      },
      {
        name: `load generator CPU, ${name}`,
        figure: (100 * run.genMs) / run.wall,
        baseline: (100 * run.serverMs) / run.wall,
        baselineName: 'server CPU, same window',
        unit: '% of one core',
        method: `process.cpuUsage() of the generator's process (its ${WORKERS} worker threads, ${Math.round(run.workersMs)} ms by process.threadCpuUsage(), and the idle main thread) and the server's, over the rounds' wall time (${Math.round(run.wall)} ms), ${cores}; the generator is not the bottleneck when it has a core of its own and uses little of it`,
      },
    ];
    return [
      ...latency(
        'rooms together',
        together,
        'every room giving its last order at the same moment (no class does this: a worst case)',
      ),
      ...latency(
        'rooms staggered',
        staggered,
        `each room giving its last order at its own moment over ${STAGGER_MS} ms after its round opened (one room every ${(STAGGER_MS / ROOMS).toFixed(0)} ms; real classes' rounds end minutes apart)`,
      ),
      {
        name: 'room server: CPU per resolved round',
        figure: together.serverMs / together.resolved,
        baseline: together.genMs / together.resolved,
        baselineName: 'generator CPU per round',
        unit: 'ms',
        method: `the server's CPU over the rounds played together (${Math.round(together.serverMs)} ms), divided by the rounds resolved (${together.resolved}), each round being two ORDERS, the resolution and NEXT with a view to each of ${CLIENTS} clients after each; CPU time, so less moved by the machine's other jobs than the latencies`,
      },
      {
        name: 'room server: memory per room',
        figure: (opened.rss - before.rss) / ROOMS / 1024,
        baseline: (opened.heapUsed - before.heapUsed) / ROOMS / 1024,
        baselineName: 'JS heap per room',
        unit: 'KiB',
        method: `the server's resident set size and JS heap, each after a full collection, before the rooms opened and once every client had joined and taken a role, over ${ROOMS} rooms of ${CLIENTS} clients`,
      },
      {
        name: 'room: forced drops back in their seat',
        figure: tried === 0 ? 0 : (100 * back) / tried,
        baseline: 99.9,
        baselineName: 'goal',
        unit: '%',
        goal: '≥ 99.9%',
        method: `${tried} drops (${back} back): a student's socket closed without a goodbye, in batches of 50 per worker, then its reconnection token; back = a view with the same participant and role`,
      },
    ];
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    if (pin) pinSelf(pin.all);
    // A profiled server stops by its signal handler, so that Node writes the profile.
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill(PROFILE ? 'SIGTERM' : 'SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

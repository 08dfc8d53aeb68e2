// The room server under a class-sized load, on loopback: BENCH_ROOMS rooms (default 50) of BENCH_CLIENTS
// clients (default 30: a trainer and students on two roles), simulated with @colyseus/sdk in worker threads.
// Rows: last order of a round → every client of the room holding the result (p50, p99), the server's
// event-loop delay p99 while they play, its memory per room, the share of forced drops back in their seat,
// and the load generator's own CPU (so that it is seen not to be the bottleneck).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { BenchRow } from './types.ts';

const ROOMS = Number(process.env.BENCH_ROOMS ?? 50);
const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 30);
const ROUNDS = 3;
const DROPS = Number(process.env.BENCH_DROPS ?? 1000);
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

export default async function rooms(): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'brink-bench-'));
  const port = await freePort();
  const server = spawn(
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
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        BRINK_DATA: dataDir,
        BRINK_STATS: '1',
        REDIS_URL: '',
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
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

  const url = new URL('./room-worker.ts', import.meta.url).href;
  const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url)}); })`;
  const per = Math.ceil(ROOMS / WORKERS);
  const workers = Array.from({ length: WORKERS }, (_, i) => {
    const n = Math.max(0, Math.min(per, ROOMS - i * per));
    return new Worker(boot, {
      eval: true,
      workerData: {
        endpoint,
        rooms: n,
        clients: CLIENTS,
        rounds: ROUNDS,
        drops: Math.round((DROPS * n) / ROOMS),
      },
    });
  });
  const phase = <T>(name: string) => {
    process.stderr.write(`bench: rooms: ${name}\n`);
    return Promise.all(
      workers.map(
        (w) =>
          new Promise<T>((resolve, reject) => {
            w.once('message', (m: { phase: string; message?: string } & T) =>
              m.phase === 'error' ? reject(new Error(m.message)) : resolve(m),
            );
            w.postMessage(name);
          }),
      ),
    );
  };

  try {
    const before = await stats();
    await phase('open');
    const opened = await stats();
    const cpu0 = opened.cpu;
    const played = await phase<{ samples: number[]; cpuMs: number; wallMs: number }>('play');
    const after = await stats();
    const dropped = await phase<{ tried: number; back: number }>('drops');

    const samples = played.flatMap((p) => p.samples);
    const wall = Math.max(...played.map((p) => p.wallMs));
    const genCpu = played.reduce((a, p) => a + p.cpuMs, 0);
    const serverCpu = (after.cpu.user + after.cpu.system - cpu0.user - cpu0.system) / 1000;
    const tried = dropped.reduce((a, d) => a + d.tried, 0);
    const back = dropped.reduce((a, d) => a + d.back, 0);
    const load = `${ROOMS} rooms × ${CLIENTS} clients (${ROOMS * CLIENTS} WebSockets) on loopback, one server process, ${WORKERS} worker threads of @colyseus/sdk clients; the machine is shared with other jobs (load average ${LOAD} at the start, over ${cpus().length} cores), figures are noisy`;
    return [
      {
        name: 'room: last order → every client has the result, p50',
        figure: quantile(samples, 0.5),
        baseline: 100,
        baselineName: 'goal p99',
        unit: 'ms',
        goal: 'p99 ≤ 100 ms',
        method: `${samples.length} samples over ${ROUNDS} rounds: from the send of a round's last ORDERS to each client's first view of the resolved round, one clock (the generator's). ${load}`,
      },
      {
        name: 'room: last order → every client has the result, p99',
        figure: quantile(samples, 0.99),
        baseline: 100,
        baselineName: 'goal',
        unit: 'ms',
        goal: '≤ 100 ms',
        method: 'as the p50 row',
      },
      {
        name: 'room server: event-loop delay p99 while playing',
        figure: after.eventLoopP99Ms,
        baseline: 50,
        baselineName: 'goal',
        unit: 'ms',
        goal: '< 50 ms',
        method: `perf_hooks.monitorEventLoopDelay (10 ms resolution) in the server, reset after the rooms filled, read after the rounds. ${load}`,
      },
      {
        name: 'room server: event loop busy while playing',
        figure: 100 * after.eventLoopUtilization,
        baseline: 100,
        baselineName: 'saturated',
        unit: '%',
        method: `performance.eventLoopUtilization() in the server over the same window as the delay: the share of wall time the loop was not idle. It counts time the process was runnable but had no core, so read it beside the server's CPU in the generator's row: a busy loop with a CPU share far below it means the server waited for a core (other jobs on the machine), not that the rooms' work filled one. Load average at the start ${LOAD}`,
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
      {
        name: 'load generator CPU while playing',
        figure: (100 * genCpu) / wall,
        baseline: (100 * serverCpu) / wall,
        baselineName: 'server CPU, same window',
        unit: '% of one core',
        method: `process.cpuUsage() of the ${WORKERS} worker threads (summed) and of the server, over the rounds' wall time (${Math.round(wall)} ms); the generator is not the bottleneck when its share stays below the server's`,
      },
    ];
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    // A profiled server stops by its signal handler, so that Node writes the profile.
    const exited = new Promise((resolve) => server.once('exit', resolve));
    server.kill(PROFILE ? 'SIGTERM' : 'SIGKILL');
    await exited;
    rmSync(dataDir, { recursive: true, force: true });
  }
}

// Real room-server processes for the server tests: started on a free port, their output collected, killed
// (by their own pid) after the test.
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, onTestFailed } from 'vitest';

export interface ServerProcess {
  port: number;
  endpoint: string;
  lines: string[];
  child: ChildProcess;
  /** Resolves with the first output line matching `re` (already printed or to come). */
  waitFor: (re: RegExp, ms?: number) => Promise<string>;
  kill: (signal?: NodeJS.Signals) => Promise<void>;
}

const started: ServerProcess[] = [];
const folders: string[] = [];

afterEach(async () => {
  await Promise.all(started.splice(0).map((s) => s.kill('SIGKILL')));
  for (const f of folders.splice(0)) rmSync(f, { recursive: true, force: true });
});

/** A fresh temporary folder, removed after the test. */
export function tempDir(prefix = 'brink-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

/** A port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const a = s.address();
      s.close(() => resolve(typeof a === 'object' && a ? a.port : 0));
    });
  });
}

export interface ServerOptions {
  dataDir: string;
  port?: number;
  scenariosDir?: string;
  redisUrl?: string;
  reconnectSeconds?: number;
  /** Serve the built game in dist/ (as `npm start` does) instead of the room server alone. */
  serveDist?: boolean;
  /** More environment for the process (e.g. BRINK_PLANNER_THREADS). */
  env?: Record<string, string>;
}

/** Starts `src/server/main.ts` (room server only) and waits until it listens. */
export async function startServerProcess(o: ServerOptions): Promise<ServerProcess> {
  const port = o.port ?? (await freePort());
  const child = spawn(
    process.execPath,
    // tsx as a loader in this very process (its CLI would be a parent that kill -9 leaves orphaned).
    ['--import', 'tsx', 'src/server/main.ts', o.serveDist ? '--no-build' : '--no-static'],
    {
      env: {
        ...process.env,
        PORT: String(port),
        HOST: '127.0.0.1',
        BRINK_DATA: o.dataDir,
        BRINK_RECONNECT_SECONDS: String(o.reconnectSeconds ?? 30),
        ...(o.scenariosDir ? { BRINK_SCENARIOS: o.scenariosDir } : {}),
        ...(o.redisUrl ? { REDIS_URL: o.redisUrl, PUBLIC_ADDRESS: `127.0.0.1:${port}` } : { REDIS_URL: '' }),
        ...o.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  const lines: string[] = [];
  const waiters = new Set<() => void>();
  let exited = false;
  const take = (chunk: Buffer) => {
    lines.push(
      ...chunk
        .toString()
        .split('\n')
        .filter((l) => l.trim() !== ''),
    );
    for (const w of waiters) w();
  };
  child.stdout?.on('data', take);
  child.stderr?.on('data', take);
  const exit = new Promise<void>((resolve) =>
    child.once('exit', () => {
      exited = true;
      for (const w of waiters) w();
      resolve();
    }),
  );
  const waitFor = (re: RegExp, ms = 30_000) =>
    new Promise<string>((resolve, reject) => {
      const check = () => {
        const hit = lines.find((l) => re.test(l));
        if (hit !== undefined) {
          done();
          resolve(hit);
        } else if (exited) {
          done();
          reject(new Error(`the server exited before printing ${re}:\n${lines.join('\n')}`));
        }
      };
      const timer = setTimeout(() => {
        done();
        reject(new Error(`no line ${re} within ${ms} ms:\n${lines.join('\n')}`));
      }, ms);
      const done = () => {
        clearTimeout(timer);
        waiters.delete(check);
      };
      waiters.add(check);
      check();
    });
  const s: ServerProcess = {
    port,
    endpoint: `http://127.0.0.1:${port}`,
    lines,
    child,
    waitFor,
    kill: async (signal = 'SIGKILL') => {
      if (!exited) child.kill(signal);
      await exit;
    },
  };
  started.push(s);
  // A failed test shows what the server said.
  onTestFailed(() => console.log(`server on port ${port} said:\n${lines.join('\n')}`));
  await waitFor(/^listening \d+/);
  return s;
}

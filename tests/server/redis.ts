// A redis-server of the test's own, on a free port, without persistence; killed after the test.
import { spawn } from 'node:child_process';
import { afterEach } from 'vitest';
import { freePort } from './process.ts';

const running: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((stop) => stop()));
});

/** Starts Debian's redis-server (REDIS_SERVER or /usr/bin/redis-server); resolves with its URL once it accepts connections. */
export async function startRedis(): Promise<string> {
  const port = await freePort();
  const child = spawn(
    process.env.REDIS_SERVER ?? '/usr/bin/redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  running.push(async () => {
    child.kill('SIGKILL');
    await exited;
  });
  await new Promise<void>((resolve, reject) => {
    let out = '';
    child.once('error', (e) =>
      reject(
        new Error(
          `redis-server could not start (${e.message}); install it with apt-get install -y redis-server`,
        ),
      ),
    );
    child.stdout?.on('data', (d: Buffer) => {
      out += d.toString();
      if (out.includes('Ready to accept connections')) resolve();
    });
    void exited.then(() => reject(new Error(`redis-server exited:\n${out}`)));
  });
  return `redis://127.0.0.1:${port}`;
}

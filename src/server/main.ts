// `npm start`: builds the game when dist/ is missing, older than its sources or not a production build
// (build-check.ts), then serves it with the
// room server on one port, and prints the address with a QR code for students' phones.
//   PORT (default 8080), HOST or --host [ADDRESS] (default 127.0.0.1; --host alone means every interface),
//   BRINK_DATA (default ./data), REDIS_URL, PUBLIC_ADDRESS (host:port others reach this process at),
//   BRINK_RECONNECT_SECONDS (default 60), --no-build (serve the room server only, e.g. beside `vite`),
//   BRINK_PLANNER_THREADS (threads planning computer seats and advice; default one less than the cores,
//   at least 1; 0 plans on the event loop), BRINK_PLAN_TIMEOUT_MS (default 15000: a decision not back from
//   its thread by then is planned on the event loop at a small budget, and its level plans smaller after).
import { spawnSync } from 'node:child_process';
import { availableParallelism, networkInterfaces } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import QRCode from 'qrcode';
import { staleBuild } from './build-check.ts';
import { startServer } from './server.ts';

export const DEFAULT_PORT = 8080;
const root = resolve(import.meta.dirname, '../..');

const { values } = parseArgs({
  options: {
    host: { type: 'string' },
    'no-build': { type: 'boolean', default: false },
    'no-static': { type: 'boolean', default: false },
  },
  args: process.argv.slice(2).map((a) => (a === '--host' ? '--host=0.0.0.0' : a)),
  strict: true,
});

const port = Number(process.env.PORT ?? DEFAULT_PORT);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`PORT must be a port number (0 to 65535), not ${JSON.stringify(process.env.PORT)}.`);
  process.exit(2);
}
const host = values.host ?? process.env.HOST ?? '127.0.0.1';
const dist = join(root, 'dist');
const serveGame = !values['no-static'];

const stale = serveGame && !values['no-build'] ? staleBuild(root, dist) : null;
if (stale !== null) {
  console.log(`Building the game into dist/ (${stale}) ...`);
  const r = spawnSync(
    process.execPath,
    [join(root, 'node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    console.error('The build failed: see above.');
    process.exit(1);
  }
}

const reconnect = Number(process.env.BRINK_RECONNECT_SECONDS ?? 60);
const threads = Number(process.env.BRINK_PLANNER_THREADS ?? Math.max(1, availableParallelism() - 1));
const planTimeout = Number(process.env.BRINK_PLAN_TIMEOUT_MS ?? 15_000);
const server = await startServer({
  port,
  host,
  dataDir: resolve(process.env.BRINK_DATA ?? join(root, 'data')),
  scenariosDir: resolve(process.env.BRINK_SCENARIOS ?? join(root, 'scenarios')),
  distDir: serveGame ? dist : null,
  redisUrl: process.env.REDIS_URL || null,
  publicAddress: process.env.PUBLIC_ADDRESS || null,
  reconnectSeconds: Number.isFinite(reconnect) && reconnect > 0 ? reconnect : 60,
  plannerThreads: Number.isInteger(threads) && threads >= 0 ? threads : 1,
  planTimeoutMs: Number.isFinite(planTimeout) && planTimeout > 0 ? planTimeout : 15_000,
  log: (line) => console.log(line),
});
const address = server.http.address();
const actualPort = typeof address === 'object' && address ? address.port : port;
const shown = host === '0.0.0.0' ? (lanAddress() ?? '127.0.0.1') : host;
const url = `http://${shown}:${actualPort}/`;
console.log(
  `Brink is serving on ${url}${host === '127.0.0.1' ? ' (this machine only; --host for the local network)' : ''}`,
);
console.log(`listening ${actualPort}`);
if (serveGame) console.log(await QRCode.toString(url, { type: 'terminal', small: true }));

for (const signal of ['SIGINT', 'SIGTERM'] as const)
  process.on(signal, () => {
    void server.close().finally(() => process.exit(0));
  });

/** The machine's first IPv4 address on the local network, for the printed link. */
function lanAddress(): string | null {
  for (const list of Object.values(networkInterfaces()))
    for (const a of list ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  return null;
}

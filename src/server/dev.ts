// `npm run dev`: Vite's dev server for the game, with the room server beside it on ROOM_PORT (default
// 2567); the page finds the room server through VITE_ROOM_SERVER. Ctrl-C stops both.
import { type ChildProcess, spawn } from 'node:child_process';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');
const roomPort = process.env.ROOM_PORT ?? '2567';
const host = process.env.HOST ?? '127.0.0.1';
const children: ChildProcess[] = [
  spawn(
    process.execPath,
    [join(root, 'node_modules/tsx/dist/cli.mjs'), join(root, 'src/server/main.ts'), '--no-static'],
    {
      cwd: root,
      stdio: 'inherit',
      env: { ...process.env, PORT: roomPort, HOST: host },
    },
  ),
  spawn(process.execPath, [join(root, 'node_modules/vite/bin/vite.js'), ...process.argv.slice(2)], {
    cwd: root,
    stdio: 'inherit',
    env: {
      ...process.env,
      VITE_ROOM_SERVER: `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${roomPort}`,
    },
  }),
];
const stop = () => {
  for (const c of children) c.kill('SIGTERM');
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
for (const c of children) c.on('exit', stop);

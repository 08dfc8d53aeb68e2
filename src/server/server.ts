// The room server: one HTTP server for the built game and Colyseus's matchmaking and WebSockets. Rooms
// live in this process; with a Redis URL, presence and the room registry move to Redis, so that several
// processes share the rooms and a client asking any of them is sent to the one holding its room.
import { createServer, type Server as HttpServer, type ServerResponse } from 'node:http';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { matchMaker, Server } from '@colyseus/core';
import { RedisDriver } from '@colyseus/redis-driver';
import { RedisPresence } from '@colyseus/redis-presence';
import { WebSocketTransport } from '@colyseus/ws-transport';
import { ROOM_NAME } from '../net/protocol.ts';
import { PlannerPool } from './planner-pool.ts';
import { GameRoom, setRoomContext } from './room.ts';
import { loadScenarios } from './scenarios.ts';
import { staticFiles } from './static.ts';
import { Store } from './store.ts';

export interface ServerSettings {
  port: number;
  host: string;
  /** The SQLite store's folder. */
  dataDir: string;
  scenariosDir: string;
  /** The built game to serve, or null for the room server alone (beside Vite's dev server). */
  distDir: string | null;
  redisUrl: string | null;
  /** host:port clients reach this process at (needed with Redis); defaults to host:port. */
  publicAddress: string | null;
  reconnectSeconds: number;
  /** Threads planning computer seats and advice (0: the rooms plan on the event loop). */
  plannerThreads: number;
  /** A decision not back from its thread after this is planned on the event loop at a small budget. */
  planTimeoutMs: number;
  log: (line: string) => void;
}

/** WebSocket frames above this are cut by the transport; requests are capped far lower (protocol.ts). */
const MAX_FRAME = 64 * 1024;

/** With BRINK_STATS=1 (the bench), the process's event-loop delay and memory; GET with ?reset starts afresh. */
const STATS_PATH = '/__brink/stats';

function statsHandler(): (res: ServerResponse) => void {
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  let busy = performance.eventLoopUtilization();
  return (res) => {
    // Under --expose-gc (the bench), memory is read after a collection, not with garbage in it.
    (globalThis as { gc?: () => void }).gc?.();
    const m = process.memoryUsage();
    const body = {
      eventLoopP99Ms: delay.percentile(99) / 1e6,
      eventLoopMaxMs: delay.max / 1e6,
      rss: m.rss,
      heapUsed: m.heapUsed,
      cpu: process.cpuUsage(),
      // The share of the window the loop was running code: a long delay with a low share is the machine's
      // scheduler keeping the process waiting, not the rooms' work.
      eventLoopUtilization: performance.eventLoopUtilization(busy).utilization,
    };
    busy = performance.eventLoopUtilization();
    delay.reset();
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  };
}

/** Paths Colyseus answers; everything else is the game's files. */
const ROOM_PATHS = /^\/(matchmake|__healthcheck)(\/|$|\?)/;

export async function startServer(
  s: ServerSettings,
): Promise<{ http: HttpServer; close: () => Promise<void> }> {
  const store = new Store(s.dataDir);
  const scenarios = loadScenarios(s.scenariosDir, s.log);
  const restoring = new Set(store.openCodes());
  const planner = new PlannerPool({ threads: s.plannerThreads, timeoutMs: s.planTimeoutMs, log: s.log });
  setRoomContext({
    store,
    scenarios,
    reconnectSeconds: s.reconnectSeconds,
    log: s.log,
    restoring,
    planner: planner.enabled ? planner : null,
  });

  const http = createServer();
  const redis = s.redisUrl;
  const colyseus = new Server({
    transport: new WebSocketTransport({ server: http, maxPayload: MAX_FRAME }),
    greet: false,
    gracefullyShutdown: false,
    ...(redis
      ? {
          presence: new RedisPresence(redis),
          driver: new RedisDriver(redis),
          publicAddress: s.publicAddress ?? `${s.host}:${s.port}`,
        }
      : {}),
  });
  colyseus.define(ROOM_NAME, GameRoom);
  await colyseus.listen(s.port, s.host);

  // Colyseus put its router on the server's requests: keep it for its own paths, serve the game for the rest.
  const room = http.listeners('request') as ((...a: unknown[]) => void)[];
  http.removeAllListeners('request');
  const files = s.distDir ? staticFiles(s.distDir) : null;
  const stats = process.env.BRINK_STATS === '1' ? statsHandler() : null;
  http.on('request', (req, res) => {
    if (stats && req.url === STATS_PATH) return stats(res);
    if (files && !ROOM_PATHS.test(req.url ?? '/')) return files(req, res);
    for (const l of room) l(req, res);
  });

  for (const code of [...restoring]) {
    try {
      await matchMaker.createRoom(ROOM_NAME, { restore: code });
    } catch (e) {
      s.log(`room ${code} not restored: ${e instanceof Error ? e.message : String(e)}`);
    }
  }

  return {
    http,
    close: async () => {
      await colyseus.gracefullyShutdown(false);
      await planner.close();
      store.close();
    },
  };
}

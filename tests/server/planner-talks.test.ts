// The planner seats' negotiating moves in a room: each round's negotiation is pre-played in the server's
// planning threads and handed in with the planners' PLANNED, so the room's event loop plans none of it. In a
// room with no person seated (rounds resolve as NEXT opens them) and after the trainer gives the last
// person's seat to the computer, every round's PLANNED carries exactly the talk decisions that round's
// resolution makes, and the game is the one the machine alone plays.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { CreateOptions } from '../../src/net/protocol.ts';
import type { RoomConnection } from '../../src/net/room-client.ts';
import { loadScenarios } from '../../src/server/scenarios.ts';
import { compile } from '../../src/sim/compile.ts';
import type { GameEvent, TalkRecord } from '../../src/sim/events.ts';
import { type GameLog, replayLog, replayState } from '../../src/sim/log.ts';
import { phaseOf } from '../../src/sim/phase.ts';
import { preplayTalks } from '../../src/sim/preplay.ts';
import { resolvingState } from '../../src/sim/resolving.ts';
import { classroom, exportLog } from './clients.ts';
import { startServerProcess, tempDir } from './process.ts';

const scenarios = loadScenarios(join(import.meta.dirname, '../../scenarios'), () => undefined);
const tutorial = scenarios.get('tutorial');
if (!tutorial) throw new Error('the tutorial scenario is missing');
const c = compile(tutorial);

const planner = { by: 'computer', policy: 'planner', level: 'quick' } as const;
const ALL_PLANNERS: CreateOptions['seats'] = { north: planner, south: planner, commission: planner };

const open: RoomConnection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((x) => x.leave().catch(() => undefined)));
});

/**
 * For each resolving event in the log: the PLANNED events handed in just before it, the talk records they
 * carry, and the records the machine's own resolution makes from the state the event resolves from.
 */
function rounds(log: GameLog) {
  const out: { by: GameEvent; planned: string[]; talks: TalkRecord[]; made: TalkRecord[] }[] = [];
  let pending: (GameEvent & { type: 'PLANNED' })[] = [];
  for (let i = 0; i < log.events.length; i++) {
    const e = log.events[i]?.event;
    if (!e) continue;
    if (e.type === 'PLANNED') {
      pending.push(e);
      continue;
    }
    const a = replayLog(tutorial as NonNullable<typeof tutorial>, { ...log, events: log.events.slice(0, i) });
    const target = resolvingState(c, phaseOf(a), a.getSnapshot().context, e);
    a.stop();
    if (target) {
      const made = JSON.parse(
        JSON.stringify(preplayTalks(c, { ...target, planned: undefined })),
      ) as TalkRecord[];
      out.push({
        by: e,
        planned: pending.map((p) => p.actor),
        talks: pending.flatMap((p) => p.talks ?? []),
        made,
      });
    }
    pending = [];
  }
  return out;
}

const byActor = (rs: TalkRecord[]) => [...rs].sort((x, y) => x.actor.localeCompare(y.actor));

describe("the planners' talks in a room", () => {
  it('are pre-played in the pool for every round of a room with no person seated, the same game as the machine alone', async () => {
    const server = await startServerProcess({ dataDir: tempDir(), env: { BRINK_PLANNER_THREADS: '1' } });
    const room = await classroom(server.endpoint, { seats: ALL_PLANNERS });
    open.push(room.trainer, room.north, room.south);
    room.trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    await room.trainer.until((v) => v.phase !== 'briefing' && (v.projection?.state.round ?? 0) >= 1, 120_000);
    for (let round = 2; round <= 4; round++) {
      const now = await room.trainer.until((v) => v.phase !== 'orders', 120_000);
      if (now.phase === 'ended') break;
      room.trainer.send({ type: 'event', event: { type: 'NEXT' } });
      await room.trainer.until((v) => v.projection?.state.round === round || v.phase === 'ended', 120_000);
    }
    const log = await exportLog(room.trainer);
    const seen = rounds(log);
    expect(seen.length).toBeGreaterThanOrEqual(2);
    expect(seen[0]?.by.type).toBe('BEGIN');
    for (const r of seen) {
      expect(r.by.type === 'BEGIN' || r.by.type === 'NEXT').toBe(true);
      // Every planner seat handed its orders in before the round opened and resolved, with its talks.
      expect(r.planned.sort()).toEqual(['commission', 'north', 'south']);
      expect(byActor(r.talks)).toEqual(byActor(r.made));
    }
    const all = seen.flatMap((r) => r.talks);
    expect(all.some((r) => r.kind === 'text')).toBe(true);
    // Without the PLANNED events the machine plans each round at resolution: the very same game.
    const alone = replayState(tutorial, {
      ...log,
      events: log.events.filter((e) => e.event.type !== 'PLANNED'),
    });
    expect(alone).toEqual(replayState(tutorial, log));
  }, 300_000);

  it('are pre-played when the trainer gives the last person’s seat to the computer, the same game as the machine alone', async () => {
    const server = await startServerProcess({ dataDir: tempDir(), env: { BRINK_PLANNER_THREADS: '1' } });
    const room = await classroom(server.endpoint, { seats: { south: planner, commission: planner } });
    open.push(room.trainer, room.north, room.south);
    room.trainer.send({ type: 'event', event: { type: 'BEGIN' } });
    await room.north.until((v) => v.phase === 'orders' && v.projection?.state.round === 1);
    // North, the only person's seat, has given no orders: seating the computer there resolves the round.
    room.trainer.send({
      type: 'event',
      event: { type: 'SET_SEAT', actor: 'north', seat: { by: 'computer', policy: 'dove' } },
    });
    await room.trainer.until((v) => v.phase !== 'orders', 120_000);
    const log = await exportLog(room.trainer);
    const [first] = rounds(log);
    expect(first?.by.type).toBe('SET_SEAT');
    expect(first?.planned.sort()).toEqual(['commission', 'south']);
    expect(first?.talks.length).toBeGreaterThan(0);
    expect(byActor(first?.talks ?? [])).toEqual(byActor(first?.made ?? []));
    const alone = replayState(tutorial, {
      ...log,
      events: log.events.filter((e) => e.event.type !== 'PLANNED'),
    });
    expect(alone).toEqual(replayState(tutorial, log));
    expect(alone.round).toBe(1);
  }, 300_000);
});

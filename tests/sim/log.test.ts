import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compile } from '../../src/sim/compile.ts';
import { eventsCsv } from '../../src/sim/csv.ts';
import { decisionPoints } from '../../src/sim/decisions.ts';
import { forkGame, sameUntil, stateAtRound } from '../../src/sim/forks.ts';
import {
  checkLog,
  describeUndo,
  type GameLog,
  type LogEntry,
  logBeforeRound,
  newLog,
  replayLog,
  replayState,
  sendLogged,
  stateDigest,
  undoLastRound,
} from '../../src/sim/log.ts';
import { createGameMachine } from '../../src/sim/machine.ts';
import { options } from '../../src/sim/orders.ts';
import { allMetricSeries, escalationSeries, markers, metricSeries } from '../../src/sim/series.ts';
import type { Order, Seat } from '../../src/sim/types.ts';
import { loadFile } from './helpers.ts';

const sc = loadFile('scenarios/pakistan-afghanistan-2026.json');
const c = compile(sc);
const machine = createGameMachine(sc);
const seats: Record<string, Seat> = {
  pakistan: { by: 'person', policy: 'tit-for-tat' },
  taliban: { by: 'computer', policy: 'hawk' },
};

/** The `pick`-th open action of a role (with its first target). */
function orderOf(s: Parameters<typeof options>[1], actor: string, pick = 0): Order[] {
  const open = options(c, s, actor).filter((o) => o.unavailable === null);
  const o = open[pick % Math.max(1, open.length)];
  if (!o) return [];
  return o.action.targets.type === 'none'
    ? [{ action: o.action.id }]
    : [{ action: o.action.id, target: o.targets[0] }];
}

/** Plays a whole game as a person for Pakistan, logging every event (with a pause and an inject). */
function playLogged(seed = 7): { log: GameLog; digest: string } {
  const actor = createActor(machine, { input: { seed, seats } });
  actor.start();
  let log = newLog(sc, seed, seats);
  log = sendLogged(actor, log, { type: 'BEGIN' });
  for (let guard = 0; guard < 40 && actor.getSnapshot().status === 'active'; guard++) {
    const snap = actor.getSnapshot();
    if (snap.matches({ playing: { round: 'orders' } })) {
      const s = snap.context;
      if (s.round === 2) {
        log = sendLogged(actor, log, { type: 'PAUSE' });
        log = sendLogged(actor, log, { type: 'INJECT', inject: 'bajaur-bombing' });
        log = sendLogged(actor, log, { type: 'RESUME' });
      }
      log = sendLogged(actor, log, { type: 'TICK', now: 1 }); // a no-op: never logged
      log = sendLogged(actor, log, {
        type: 'ORDERS',
        actor: 'pakistan',
        orders: orderOf(s, 'pakistan', s.round),
      });
    } else log = sendLogged(actor, log, { type: 'NEXT' });
  }
  const digest = stateDigest(actor.getSnapshot().context);
  actor.stop();
  return { log, digest };
}

describe('game log', () => {
  it('replays into the same final state, also through JSON', () => {
    const { log, digest } = playLogged();
    expect(log.events.some((e) => e.event.type === 'TICK')).toBe(false);
    const again = replayState(sc, JSON.parse(JSON.stringify(log)) as GameLog, machine);
    expect(again.ending).not.toBeNull();
    expect(stateDigest(again)).toBe(digest);
    expect(checkLog(JSON.parse(JSON.stringify(log)), sc)).toBeNull();
  });

  it('rejects files that are not logs of this scenario', () => {
    const { log } = playLogged();
    expect(checkLog([], sc)).toMatch(/not a Brink game log/);
    expect(checkLog({ ...log, scenarioId: 'other' }, sc)).toMatch(/belongs to scenario "other"/);
    expect(checkLog({ ...log, events: [{ x: 1 }] }, sc)).toMatch(/damaged: events\.0/);
  });

  it('undoes the last round back to the start of its orders', () => {
    const { log } = playLogged();
    const actor = replayLog(sc, undoLastRound(log, 3, true), machine);
    const s = actor.getSnapshot();
    expect(s.context.round).toBe(3);
    expect(s.matches({ playing: { round: 'orders' } })).toBe(true);
    expect(s.context.orders).toEqual({});
    expect(s.context.taken.every((t) => t.round < 3)).toBe(true);
    actor.stop();
    expect(replayState(sc, undoLastRound(log, 3, false), machine).round).toBe(2);
    expect(logBeforeRound(log, 1).events.map((e) => e.event.type)).toEqual(['BEGIN']);
  });
});

describe('forks', () => {
  it('is identical to the original before the fork round, and plays to an ending', () => {
    const { log } = playLogged();
    const original = replayState(sc, log, machine);
    const at2 = stateAtRound(sc, log, 2, machine);
    const alt = orderOf(at2, 'pakistan', 5);
    const res = forkGame(sc, log, 2, 'pakistan', alt, machine);
    if (!res.ok) throw new Error(res.message);
    const fork = res.fork.state;
    expect(fork.ending).not.toBeNull();
    expect(sameUntil(original, fork, 2)).toBe(true);
    expect(fork.taken.find((t) => t.round === 2 && t.actor === 'pakistan')?.action).toBe(alt[0]?.action);
    // Every seat is a computer player after the fork.
    expect(Object.values(fork.seats).every((x) => x.by === 'computer')).toBe(true);
    // The fork's own log replays into the fork.
    expect(stateDigest(replayState(sc, res.fork.log, machine))).toBe(stateDigest(fork));
  });

  it('refuses orders that cannot be given and rounds never reached', () => {
    const { log } = playLogged();
    const bad = forkGame(sc, log, 2, 'pakistan', [{ action: 'no-such-action' }], machine);
    expect(bad.ok).toBe(false);
    const late = forkGame(sc, log, 99, 'pakistan', [], machine);
    expect(late.ok).toBe(false);
  });
});

describe('series, decision points and CSV', () => {
  const { log } = playLogged();
  const s = replayState(sc, log, machine);

  it('gives one value per round for escalation and every metric', () => {
    const esc = escalationSeries(c, s);
    expect(esc.map((x) => x.id)).toContain('pakistan');
    for (const x of esc) expect(x.values).toHaveLength(s.round + 1);
    const pk = esc.find((x) => x.id === 'pakistan');
    expect(pk?.values[1]).toBe(s.goldstein.pakistan?.[1] ?? 0);
    const all = allMetricSeries(c, s);
    expect(all).toHaveLength(sc.metrics.length);
    const escalation = metricSeries(c, s, c.escalation.id);
    expect(escalation.values.at(-1)).toBe(s.metrics[c.escalation.id]);
    for (const m of all) expect(m.values.at(-1)).toBe(s.metrics[m.id]);
  });

  it('marks rungs crossed and mediation milestones', () => {
    const ms = markers(c, s);
    const rungChanges = s.changes.filter((ch) => ch.subject === 'rung').length;
    expect(ms.filter((m) => m.kind.startsWith('rung'))).toHaveLength(rungChanges);
    for (const m of ms) expect(m.round).toBeLessThanOrEqual(s.round);
  });

  it('ranks decision points by impact', () => {
    const dp = decisionPoints(c, s, 5);
    expect(dp.length).toBeGreaterThan(0);
    for (let i = 1; i < dp.length; i++) expect(dp[i - 1]?.impact).toBeGreaterThanOrEqual(dp[i]?.impact ?? 0);
    expect(dp.every((d) => d.taken.round >= 1)).toBe(true);
  });

  it('exports every cause as CSV with quoted fields', () => {
    const csv = eventsCsv(c, s);
    const lines = csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('round,cause,kind,actor,ref,name,target,outcome,subject,from,to,headline');
    expect(lines.length).toBeGreaterThan(s.causes.length);
    expect(csv).toContain('inject,,bajaur-bombing');
  });
});

describe('describeUndo', () => {
  it('names what an undo takes back, seat changes included', () => {
    const entries = [
      { round: 2, event: { type: 'SET_SEAT', actor: 'taliban', seat: { by: 'person', policy: 'hawk' } } },
      { round: 2, event: { type: 'INJECT', inject: 'bajaur-bombing' } },
      { round: 2, event: { type: 'ORDERS', actor: 'pakistan', orders: [] } },
      { round: 2, event: { type: 'ORDERS', actor: 'taliban', orders: [] } },
    ] satisfies LogEntry[];
    const words = describeUndo(c, entries, 2);
    expect(words).toMatch(/^Undo: back to the orders of round 2; it takes back /);
    expect(words).toContain(`${c.actors.get('taliban')?.name} handed to a person`);
    expect(words).toContain(`the orders of ${c.actors.get('pakistan')?.name}`);
    expect(words).toContain(`the inject “${sc.injects.find((i) => i.id === 'bajaur-bombing')?.name}”`);
    expect(describeUndo(c, [], 3)).toBe('Undo: back to the orders of round 3; nothing was sent since.');
  });
});

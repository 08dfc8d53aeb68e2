// Model-based tests: traverse the real machine with xstate/graph, bucketing the context so the
// state space stays finite, and replay the shortest path to every rung and every ending.

import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import type { Condition, Scenario } from '../../src/scenario/schema.ts';
import { runGames } from '../../src/sim/batch.ts';
import { withoutMediation } from '../../src/sim/calibration.ts';
import { compile } from '../../src/sim/compile.ts';
import type { GameEvent } from '../../src/sim/events.ts';
import { createGameMachine } from '../../src/sim/machine.ts';
import { options } from '../../src/sim/orders.ts';
import type { GameState, PolicyName, Seat } from '../../src/sim/types.ts';
import { duel, loadFile } from './helpers.ts';

/** The metric thresholds and flags the endings test: the bucket keeps them, and drops the rest. */
function goalsOf(sc: Scenario): { thresholds: [string, number][]; flags: string[] } {
  const thresholds: [string, number][] = [];
  const flags: string[] = [];
  const visit = (c: Condition): void => {
    if ('all' in c) for (const x of c.all) visit(x);
    else if ('any' in c) for (const x of c.any) visit(x);
    else if ('not' in c) visit(c.not);
    else if ('sustained' in c) visit(c.sustained);
    else if ('metric' in c) thresholds.push([c.metric, c.value]);
    else if ('flag' in c) flags.push(c.flag);
  };
  for (const e of sc.endings) visit(e.when);
  return { thresholds, flags };
}

/** Whether a condition counts more rounds than the bucket keeps, or tests a side's pressure. */
function beyondBucket(c: Condition): boolean {
  if ('all' in c) return c.all.some(beyondBucket);
  if ('any' in c) return c.any.some(beyondBucket);
  if ('not' in c) return beyondBucket(c.not);
  if ('sustained' in c) return c.rounds > BUCKET || beyondBucket(c.sustained);
  if ('agreement' in c) return c.agreement.rounds > BUCKET;
  return 'pressure' in c;
}

/** The bucket keeps counts of rounds up to this. */
const BUCKET = 3;

/**
 * Representative orders per role, to keep the model small: the most hostile and the most cooperative
 * open action, and every open action that moves mediation, the ceasefire or a flag the endings test.
 */
function representative(sc: Scenario, s: GameState, actor: string, flags: string[]): GameEvent[] {
  const c = compile(sc);
  const open = options(c, s, actor)
    .filter((o) => !o.unavailable)
    .sort((a, b) => a.action.goldstein - b.action.goldstein);
  const picks = new Set([open[0], open[open.length - 1]]);
  for (const o of open) {
    const moves = o.action.outcomes.some((x) =>
      x.effects.some((e) => 'mediation' in e || 'ceasefire' in e || ('flag' in e && flags.includes(e.flag))),
    );
    if (moves) picks.add(o);
  }
  const events: GameEvent[] = [];
  for (const o of picks) {
    if (!o) continue;
    const target = o.targets.find((t) => c.locations.get(t)?.kind === 'capital') ?? o.targets[0];
    events.push({
      type: 'ORDERS',
      actor,
      orders: [target ? { action: o.action.id, target } : { action: o.action.id }],
    });
  }
  return events;
}

/**
 * Traverses the machine. Roles in `computers` are played by the machine itself with that policy, so
 * only the others branch the model: a large scenario stays traversable with one person at the table.
 */
function explore(sc: Scenario, computers: Record<string, PolicyName> = {}) {
  const c = compile(sc);
  const machine = createGameMachine(sc);
  const seats: Record<string, Seat> = Object.fromEntries(
    c.playable.map((a) => {
      const policy = computers[a];
      return [
        a,
        policy ? { by: 'computer' as const, policy } : { by: 'person' as const, policy: 'dove' as const },
      ];
    }),
  );
  const people = c.playable.filter((a) => seats[a]?.by === 'person');
  const input = { seed: 1, seats };
  const { thresholds: th, flags } = goalsOf(sc);
  const paths = getShortestPaths(machine, {
    input,
    events: (snap): GameEvent[] => {
      const s = snap.context;
      if (snap.value === 'briefing') return [{ type: 'BEGIN' }];
      if (snap.status !== 'active') return [];
      if (snap.matches({ playing: { round: 'report' } })) return [{ type: 'NEXT' }];
      const actor = people.find((a) => s.orders[a] === undefined);
      const injects: GameEvent[] = sc.injects.map((i) => ({ type: 'INJECT', inject: i.id }));
      return actor ? [...representative(sc, s, actor, flags), ...(actor === people[0] ? injects : [])] : [];
    },
    serializeState: (snap) => {
      const s = snap.context;
      return JSON.stringify([
        snap.value,
        s.round,
        s.ending?.id ?? null,
        Object.values(s.orders).map((o) => o.map((x) => x.action)),
        Math.min(s.hurtStreak, sc.dynamics.ripeRounds),
        Object.values(s.sustained).map((n) => Math.min(n, BUCKET)),
        flags.map((f) => s.flags[f] ?? false),
        th.map(([m, v]) => {
          // Five bins below each threshold, so accumulating metrics make progress in the model.
          const metric = c.metrics.get(m);
          const lo = metric?.min ?? 0;
          const x = s.metrics[m] ?? 0;
          return x >= v ? 5 : Math.floor((5 * (x - lo)) / Math.max(1e-9, v - lo));
        }),
      ]);
    },
  });
  return { machine, input, paths };
}

function check(
  name: string,
  load: () => Scenario,
  computers: (sc: Scenario) => Record<string, PolicyName>,
): void {
  describe(`model-based: ${name}`, () => {
    it('reaches every rung and every ending, and the shortest path to each replays through the real machine', {
      timeout: 300_000,
    }, () => {
      const sc = load();
      const { machine, input, paths } = explore(sc, computers(sc));
      const goals = [
        // A rung is reached when the ladder stands on it at some point of the game, the opening included.
        ...sc.ladder.map((r, i) => ({
          name: `rung ${r.id}`,
          hit: (s: GameState) =>
            s.rung === i ||
            s.changes.some((ch) => ch.subject === 'rung' && (ch.to === r.id || ch.from === r.id)),
        })),
        ...sc.endings.map((e) => ({ name: `ending ${e.id}`, hit: (s: GameState) => s.ending?.id === e.id })),
      ];
      const missing: string[] = [];
      const unreplayed: string[] = [];
      for (const goal of goals) {
        const candidates = paths
          .filter((p) => goal.hit(p.state.context))
          .sort((a, b) => a.steps.length - b.steps.length);
        if (candidates.length === 0) {
          missing.push(goal.name);
          continue;
        }
        // Bucketing merges contexts that differ in detail (the generator's state above all), so an abstract
        // path need not replay to the same concrete state; the shortest one that does is the witness.
        const witness = candidates.slice(0, 200).find((p) => {
          const actor = createActor(machine, { input });
          actor.start();
          for (const step of p.steps) actor.send(step.event);
          const hit = goal.hit(actor.getSnapshot().context);
          actor.stop();
          return hit;
        });
        if (!witness) unreplayed.push(goal.name);
      }
      expect(
        unreplayed,
        'reachable in the model, but no short path replays to it in the real machine',
      ).toEqual([]);
      // Endings that count more rounds than the bucket keeps (it merges counts above 3), or that need the
      // computer side's own pressure, are out of the model's reach: seeded computer games must reach them.
      const beyond = new Set(sc.endings.filter((e) => beyondBucket(e.when)).map((e) => `ending ${e.id}`));
      expect(
        missing.filter((m) => !beyond.has(m)),
        'unreachable in the bucketed model',
      ).toEqual([]);
      if (beyond.size === 0) return;
      // A direct agreement needs the mediators out of the way: the scenario with mediation switched off.
      const played = new Set(
        [sc, withoutMediation(sc)].flatMap((x) =>
          (['mix', 'hawk', 'dove'] as const).flatMap((p) =>
            runGames(x, 1, 0, 200, p).map((g) => `ending ${g.ending}`),
          ),
        ),
      );
      expect(
        [...beyond].filter((m) => !played.has(m)),
        'reached neither in the model nor in 1,200 computer games',
      ).toEqual([]);
    });
  });
}

const everyonePerson = () => ({});
check('engine fixture', duel, everyonePerson);
check('tutorial.json', () => loadFile('scenarios/tutorial.json'), everyonePerson);
// With both of the seed's sides branching, the bucketed model did not finish in 15 minutes; with the
// first side as the person and the second as a computer dove (the injects still branch) it has about
// 7,000 states and reaches every rung and ending.
check(
  'pakistan-afghanistan-2026.json, one person against a computer dove',
  () => loadFile('scenarios/pakistan-afghanistan-2026.json'),
  (sc) =>
    Object.fromEntries(
      sc.actors
        .filter((a) => a.playable)
        .slice(1)
        .map((a) => [a.id, 'dove' as const]),
    ),
);

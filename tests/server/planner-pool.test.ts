// The server's planner pool on its own: a thread's plan is the one synchronous planning makes for the same
// input, and its talks pre-play the one the machine's resolution makes; computer seats' jobs go before advice; a decision over the time limit fails with the reason and its
// level plans smaller after; closing the pool fails what waits and refuses new work.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { PlannerPool } from '../../src/server/planner-pool.ts';
import { loadScenarios } from '../../src/server/scenarios.ts';
import { compile } from '../../src/sim/compile.ts';
import { startGame } from '../../src/sim/game.ts';
import { plan, planInput } from '../../src/sim/planner.ts';
import { preplayTalks } from '../../src/sim/preplay.ts';
import { resolvingState } from '../../src/sim/resolving.ts';

const tutorial = loadScenarios(join(import.meta.dirname, '../../scenarios'), () => undefined).get('tutorial');
if (!tutorial) throw new Error('the tutorial scenario is missing');
const c = compile(tutorial);

/** The commission's decision in round 1 of a tutorial game, as planInput gives it. */
function job(level: 'quick' | 'standard' | 'deep', urgent = true) {
  const a = startGame(tutorial as NonNullable<typeof tutorial>, {
    seed: 11,
    seats: { commission: { by: 'computer', policy: 'planner', level } },
  });
  a.send({ type: 'BEGIN' });
  const input = planInput(c, a.getSnapshot().context, 'commission');
  a.stop();
  return { c, view: input.view, actor: 'commission', ...input.opts, urgent };
}

const pools: PlannerPool[] = [];
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
function pool(threads: number, timeoutMs = 60_000, lines: string[] = []) {
  const p = new PlannerPool({ threads, timeoutMs, log: (l) => lines.push(l) });
  pools.push(p);
  return p;
}

describe('the planner pool', () => {
  it('plans on a thread what synchronous planning plans, computer seats before advice', async () => {
    const p = pool(1);
    const order: string[] = [];
    const noted = async (name: string, j: ReturnType<typeof job>) => {
      const x = await p.plan(j);
      order.push(name);
      return x;
    };
    const first = noted('first', job('quick'));
    const advice = noted('advice', job('quick', false));
    const seat = noted('seat', job('standard'));
    const [, a, s] = await Promise.all([first, advice, seat]);
    // The first job had started before the others came; the seat's job then went before the advice.
    expect(order).toEqual(['first', 'seat', 'advice']);
    const j = job('standard');
    const here = plan(c, j.view, j.actor, { level: j.level, seed: j.seed });
    expect(s).toEqual(JSON.parse(JSON.stringify(here)));
    expect(a.continuations).toBeLessThan(s.continuations);
  });

  it('pre-plays a round’s talks on a thread as the machine’s resolution plays them, ahead of advice', async () => {
    const p = pool(1);
    const planner = { by: 'computer', policy: 'planner', level: 'quick' } as const;
    const a = startGame(tutorial as NonNullable<typeof tutorial>, {
      seed: 4,
      seats: { north: planner, south: planner, commission: planner },
    });
    const target = resolvingState(c, 'briefing', a.getSnapshot().context, { type: 'BEGIN' });
    a.stop();
    if (!target) throw new Error('BEGIN does not resolve a computer game');
    const order: string[] = [];
    const busy = p.plan(job('quick')).then(() => order.push('first'));
    const advice = p.plan(job('quick', false)).then(() => order.push('advice'));
    const talks = await p.talks({ c, state: target });
    order.push('talks');
    await Promise.all([busy, advice]);
    expect(order).toEqual(['first', 'talks', 'advice']);
    expect(talks.length).toBeGreaterThan(0);
    expect(talks).toEqual(JSON.parse(JSON.stringify(preplayTalks(c, target))));
  });

  it('fails a decision over the time limit with the reason, and plans that level smaller after', async () => {
    const lines: string[] = [];
    const p = pool(1, 1, lines);
    await expect(p.plan(job('deep'))).rejects.toThrow(/no plan came back within 1 ms/);
    expect(lines.join('\n')).toMatch(/deep now plans with 375 continuations/);
    // The thread was replaced: the pool still answers (or times out again), it never hangs.
    await expect(p.plan(job('deep'))).rejects.toThrow(/no plan came back/);
    expect(lines.join('\n')).toMatch(/deep now plans with 93 continuations/);
  });

  it('closes: what waits fails, and nothing new is taken', async () => {
    const p = pool(1);
    const running = expect(p.plan(job('deep'))).rejects.toThrow(/closed/);
    const waiting = expect(p.plan(job('quick'))).rejects.toThrow(/closed/);
    await p.close();
    await running;
    await waiting;
    await expect(p.plan(job('quick'))).rejects.toThrow(/closed/);
    expect(p.enabled).toBe(false);
  });
});

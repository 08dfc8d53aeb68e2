import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compile } from '../../src/sim/compile.ts';
import type { GameEvent } from '../../src/sim/events.ts';
import { createGameMachine } from '../../src/sim/machine.ts';
import { options } from '../../src/sim/orders.ts';
import { restoreGame, saveGame } from '../../src/sim/save.ts';
import type { GameState } from '../../src/sim/types.ts';
import { duel } from './helpers.ts';

const sc = duel();
const c = compile(sc);
const machine = createGameMachine(sc);
const people = { north: { by: 'person' as const }, south: { by: 'person' as const } };

/** Plays a game where each person's order is the open action at index pick % n (with a target by pick too). */
function play(
  seed: number,
  picks: number[],
  saveAt = -1,
): { events: GameEvent[]; final: GameState; saved?: unknown } {
  const a = createActor(machine, { input: { seed, seats: people } });
  a.start();
  const events: GameEvent[] = [{ type: 'BEGIN' }];
  a.send(events[0] as GameEvent);
  let saved: unknown;
  let i = 0;
  while (a.getSnapshot().status === 'active' && i < 200) {
    if (i === saveAt) saved = JSON.parse(JSON.stringify(saveGame(a, sc, 'fixed')));
    const snap = a.getSnapshot();
    let e: GameEvent;
    if (snap.matches({ playing: { round: 'report' } })) e = { type: 'NEXT' };
    else {
      const actor = c.playable.find((x) => snap.context.orders[x] === undefined) ?? 'north';
      const open = options(c, snap.context, actor).filter((o) => !o.unavailable);
      const p = picks[i % picks.length] ?? 0;
      const o = open[p % Math.max(1, open.length)];
      const target = o?.targets.length ? o.targets[p % o.targets.length] : undefined;
      e = {
        type: 'ORDERS',
        actor,
        orders: o ? [target ? { action: o.action.id, target } : { action: o.action.id }] : [],
      };
    }
    events.push(e);
    a.send(e);
    i++;
  }
  return { events, final: a.getSnapshot().context, saved };
}

const arbitraryGame = fc.record({
  seed: fc.integer(),
  picks: fc.array(fc.nat(50), { minLength: 1, maxLength: 40 }),
});

describe('engine properties', () => {
  it('random order sequences keep every metric in range, end by maxRounds, and never throw', () => {
    fc.assert(
      fc.property(arbitraryGame, ({ seed, picks }) => {
        const { final } = play(seed, picks);
        expect(final.ending).not.toBeNull();
        expect(final.round).toBeLessThanOrEqual(sc.meta.maxRounds);
        for (const m of sc.metrics) {
          const v = final.metrics[m.id] ?? NaN;
          expect(v).toBeGreaterThanOrEqual(m.min);
          expect(v).toBeLessThanOrEqual(m.max);
        }
      }),
      { numRuns: 60 },
    );
  });

  it('replaying a game’s event log reproduces its final snapshot', () => {
    fc.assert(
      fc.property(arbitraryGame, ({ seed, picks }) => {
        const { events, final } = play(seed, picks);
        const b = createActor(machine, { input: { seed, seats: people } });
        b.start();
        for (const e of events) b.send(e);
        expect(JSON.stringify(b.getSnapshot().context)).toBe(JSON.stringify(final));
      }),
      { numRuns: 40 },
    );
  });

  it('saving at a random point and restoring continues identically', () => {
    fc.assert(
      fc.property(arbitraryGame, fc.nat(20), ({ seed, picks }, at) => {
        const { events, final, saved } = play(seed, picks, at);
        fc.pre(saved !== undefined);
        const r = restoreGame(saved, sc, machine);
        if (!r.ok) throw new Error(r.message);
        r.actor.start();
        for (const e of events.slice(at + 1)) r.actor.send(e);
        expect(JSON.stringify(r.actor.getSnapshot().context)).toBe(JSON.stringify(final));
      }),
      { numRuns: 40 },
    );
  });
});

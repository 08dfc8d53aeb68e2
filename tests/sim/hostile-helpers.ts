// The hostile-input corpus (tests/fixtures/hostile/) holds what JSON cannot: NaN and ±Infinity as
// {"$number": "NaN"}, and huge values as {"$repeat": [x, n]} (a text repeated, or a list of n copies).
import { compile } from '../../src/sim/compile.ts';
import { startGame } from '../../src/sim/game.ts';
import { newLog, sendLogged } from '../../src/sim/log.ts';
import { options } from '../../src/sim/orders.ts';
import { saveGame } from '../../src/sim/save.ts';
import type { Seat } from '../../src/sim/types.ts';
import { duel } from './helpers.ts';

/** A corpus value with its NaN, Infinity and repeats made real. */
export function revive(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(revive);
  if (!v || typeof v !== 'object') return v;
  const o = v as Record<string, unknown>;
  if (typeof o.$number === 'string') return Number(o.$number);
  if (Array.isArray(o.$repeat)) {
    const [x, n] = o.$repeat as [unknown, number];
    return typeof x === 'string' ? x.repeat(n) : Array.from({ length: n }, () => revive(x));
  }
  return Object.fromEntries(Object.entries(o).map(([k, x]) => [k, revive(x)]));
}

/** A change to a valid file: paths (dot-separated, list indices as numbers) set to JSON text or removed. */
export interface Mutation {
  name: string;
  set?: Record<string, unknown>;
  delete?: string[];
  message?: string;
}

/** A copy of `base` with a mutation applied; a set value is JSON text, or a corpus value to revive. */
export function mutate(base: unknown, m: Mutation): unknown {
  const out = structuredClone(base) as Record<string, unknown>;
  const walk = (path: string): [Record<string, unknown>, string] => {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let at = out;
    for (const k of keys) at = at[k] as Record<string, unknown>;
    return [at, last];
  };
  for (const [path, value] of Object.entries(m.set ?? {})) {
    const [at, k] = walk(path);
    at[k] = typeof value === 'string' ? JSON.parse(value) : revive(value);
  }
  for (const path of m.delete ?? []) {
    const [at, k] = walk(path);
    delete at[k];
  }
  return out;
}

/** The base files the corpus changes: a game of the engine's fixture, North played by a person, two rounds in. */
export function baseFiles(): { save: unknown; log: unknown } {
  const sc = duel();
  const c = compile(sc);
  const seats: Record<string, Seat> = {
    north: { by: 'person', policy: 'hawk' },
    south: { by: 'computer', policy: 'tit-for-tat' },
  };
  const actor = startGame(sc, { seed: 5, seats });
  let log = sendLogged(actor, newLog(sc, 5, seats), { type: 'BEGIN' });
  // North accuses, then holds: a game still going, in round 3's orders.
  const accuse = options(c, actor.getSnapshot().context, 'north').find((o) => o.action.id === 'accuse');
  const target = accuse?.unavailable === null ? accuse.targets[0] : undefined;
  for (const orders of [target ? [{ action: 'accuse', target }] : [], []]) {
    log = sendLogged(actor, log, { type: 'ORDERS', actor: 'north', orders });
    log = sendLogged(actor, log, { type: 'NEXT' });
  }
  const save = JSON.parse(JSON.stringify(saveGame(actor, sc, '2026-03-01T00:00:00.000Z')));
  actor.stop();
  return { save, log: JSON.parse(JSON.stringify(log)) };
}

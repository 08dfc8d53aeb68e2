// The hostile-input corpus (tests/fixtures/hostile/): malformed events, damaged saves and logs, each with
// the message it must produce. A refused event is never applied, never logged, and the game takes the
// next valid event; a refused save or log replaces nothing.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type GameEvent, parseEvent } from '../../src/sim/events.ts';
import { startGame } from '../../src/sim/game.ts';
import { newLog, readLog, sendLogged } from '../../src/sim/log.ts';
import { restoreGame } from '../../src/sim/save.ts';
import { duel } from './helpers.ts';
import { baseFiles, type Mutation, mutate, revive } from './hostile-helpers.ts';

const sc = duel();
const corpus = <T>(name: string): T[] =>
  JSON.parse(readFileSync(`tests/fixtures/hostile/${name}.json`, 'utf8'));
const events = corpus<{ name: string; event: unknown; message: string }>('events');
const base = baseFiles();
/** No message repeats an untrusted value in full. */
const SHORT = 300;

describe('hostile events', () => {
  const seats = {
    north: { by: 'person', policy: 'hawk' },
    south: { by: 'computer', policy: 'hawk' },
  } as const;

  it.each(events)('$name: refused with its message, never applied or logged; the game goes on', (c) => {
    const raw = revive(c.event);
    const parsed = parseEvent(sc, raw);
    expect(parsed.ok ? 'accepted' : parsed.reason).toBe(c.message);
    expect(c.message.length).toBeLessThan(SHORT);

    const actor = startGame(sc, { seed: 3, seats });
    actor.send({ type: 'BEGIN' });
    const before = actor.getSnapshot();
    const log = newLog(sc, 3, seats);
    // Straight to the machine, past the types, as the channel or a file would. XState itself needs an
    // object with a type, so anything else goes no further than parseEvent, which every boundary calls first.
    if (typeof (raw as { type?: unknown } | null)?.type === 'string')
      expect(sendLogged(actor, log, raw as GameEvent)).toBe(log);
    expect(actor.getSnapshot()).toBe(before);
    expect(actor.getSnapshot().status).toBe('active');
    actor.send({ type: 'ORDERS', actor: 'north', orders: [] });
    expect(actor.getSnapshot().matches({ playing: { round: 'report' } })).toBe(true);
    actor.stop();
  });
});

/** What reading a file gives: "taken", or the message that refuses it. */
const verdict = (r: { ok: true } | { ok: false; message: string }) => (r.ok ? 'taken' : r.message);
/** Each kind of file, its valid base, and how it is read. */
const files: [string, unknown, (v: unknown) => string][] = [
  ['saves', base.save, (v) => verdict(restoreGame(v, sc))],
  ['logs', base.log, (v) => verdict(readLog(v, sc))],
];

describe.each(files)('hostile %s', (name, file, read) => {
  it('the base file is taken', () => {
    expect(read(file)).toBe('taken');
  });
  it.each(corpus<Mutation>(name))('$name: refused with its message', (m) => {
    expect(read(mutate(file, m))).toBe(m.message);
    expect(String(m.message).length).toBeLessThan(SHORT);
  });
});

import { getMessageBytes, Protocol } from '@colyseus/core';
import { describe, expect, it } from 'vitest';
import { peekFrame } from '../../bench/view-peek.ts';
import { MESSAGES } from '../../src/net/protocol.ts';
import { startGame } from '../../src/sim/game.ts';
import { projectFor } from '../../src/sim/projection.ts';
import { loadFile } from '../sim/helpers.ts';

/** The frame the room server sends (room.ts packs views the same way). */
const frame = (type: string, message: unknown) =>
  new Uint8Array(getMessageBytes.raw(Protocol.ROOM_DATA, type, message));

/** Values of every msgpack kind the reader must step over, before and inside what it keeps. */
const junk = {
  ints: [
    0,
    1,
    127,
    128,
    255,
    256,
    65_535,
    65_536,
    2 ** 32 - 1,
    2 ** 33,
    -1,
    -32,
    -33,
    -200,
    -40_000,
    -(2 ** 33),
  ],
  floats: [1.5, -0.25, 1e300],
  nothing: [null, undefined, true, false],
  strings: [
    '',
    'é',
    'a é',
    'ü'.repeat(20),
    'x'.repeat(31),
    'y'.repeat(32),
    'z'.repeat(300),
    'w'.repeat(70_000),
  ],
  bytes: new Uint8Array(300),
  wide: Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`k${i}`, { i, a: [i, `${i}`] }])),
  long: Array.from({ length: 70_000 }, (_, i) => i % 3),
};

describe('peekFrame (the bench clients read only what they wait on)', () => {
  it("reads the phase, round, submitted roles and the client's place from a real view, skipping the rest", () => {
    const scenario = loadFile('scenarios/tutorial.json');
    const state = startGame(scenario, { seed: 7 }).getSnapshot().context;
    const projection = { ...projectFor(scenario, { seat: 'north' }, state), submitted: ['south', 'north'] };
    // What the reader keeps, it builds whole: text of every length and script, numbers of every width.
    const you = {
      kind: 'student',
      role: 'nörth',
      pending: false,
      tags: junk.strings,
      n: junk.ints,
      f: junk.floats,
    };
    const view = {
      junk,
      code: 'ABC234',
      you,
      phase: 'orders',
      projection: { junk, ...projection, state: { junk, ...projection.state, more: junk } },
      people: [{ id: 'a', name: 'N', role: 'north', connected: true, pending: false }],
      notice: null,
    };
    expect(peekFrame(frame(MESSAGES.view, view))).toEqual({
      code: 'ABC234',
      you,
      phase: 'orders',
      projection: { state: { round: state.round }, submitted: ['south', 'north'] },
    });
  });

  it('keeps a null projection (a client waiting for approval) and passes other messages by', () => {
    const view = {
      code: 'ABC234',
      you: { kind: 'student', role: null, pending: true },
      phase: 'briefing',
      projection: null,
    };
    expect(peekFrame(frame(MESSAGES.view, view))).toEqual(view);
    expect(peekFrame(frame(MESSAGES.welcome, { id: 'x' }))).toBeNull();
    expect(peekFrame(frame('views', view))).toBeNull();
  });

  it('says where a frame is not msgpack', () => {
    const bad = frame(MESSAGES.view, { code: 'A' });
    bad[6] = 0xc1; // the one byte msgpack never uses, where the map's header was
    expect(() => peekFrame(bad)).toThrow(/0xc1 at 6/);
  });
});

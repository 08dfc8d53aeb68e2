// The state schema against real games: every state of computer games of each bundled scenario, and of a
// logged game with people, pauses, injects and seat changes, parses. A field added to GameState without
// its line in the schema fails here.
import { describe, expect, it } from 'vitest';
import { playAuto, startGame } from '../../src/sim/game.ts';
import { checkState } from '../../src/sim/state-schema.ts';
import type { GameState } from '../../src/sim/types.ts';
import { duel, loadFile } from './helpers.ts';

const scenarios = [
  loadFile('scenarios/pakistan-afghanistan-2026.json'),
  loadFile('scenarios/tutorial.json'),
  duel(),
];

describe('the state schema', () => {
  it.each(scenarios.map((sc) => [sc.meta.id, sc] as const))(
    'holds every state of computer games of %s',
    (_, sc) => {
      for (const seed of [1, 2, 3, 4, 5, 6]) {
        const states: GameState[] = [];
        const { state } = playAuto(sc, { seed, seats: {} }, undefined, (s) => states.push(s));
        states.push(state);
        for (const s of states) expect(checkState(sc, s)).toBeNull();
        // Through JSON too, as a save holds it.
        expect(checkState(sc, JSON.parse(JSON.stringify(state)))).toBeNull();
      }
    },
  );

  it('holds the states of a game with people, a pause, injects, a deadline and seat changes', () => {
    const sc = duel();
    const a = startGame(sc, { seed: 8, seats: { north: { by: 'person' }, south: { by: 'person' } } });
    const seen: GameState[] = [];
    a.subscribe((snap) => seen.push(snap.context));
    a.send({ type: 'BEGIN' });
    a.send({ type: 'SET_DEADLINE', at: 1_000_000 });
    a.send({ type: 'PAUSE', now: 10 });
    a.send({ type: 'RESUME', now: 20 });
    a.send({ type: 'INJECT', inject: 'flood' });
    a.send({
      type: 'INJECT',
      inject: { id: 'trainer-1', effects: [{ metric: 'need', add: 7 }], news: { headline: 'Rain' }, map: [] },
    });
    a.send({ type: 'ORDERS', actor: 'north', orders: [] });
    a.send({ type: 'SET_SEAT', actor: 'south', seat: { by: 'computer', policy: 'hawk' } });
    for (let i = 0; i < 40 && a.getSnapshot().status === 'active'; i++) {
      a.send({ type: 'NEXT' });
      a.send({ type: 'ORDERS', actor: 'north', orders: [] });
    }
    expect(a.getSnapshot().status).toBe('done');
    expect(seen.length).toBeGreaterThan(6);
    for (const s of seen) expect(checkState(sc, s)).toBeNull();
  });

  it('refuses a state with a field it does not know, loudly', () => {
    const sc = duel();
    const { state } = playAuto(sc, { seed: 1 });
    expect(checkState(sc, { ...state, mood: 'tense' })).toBe('unknown field "mood"');
  });
});

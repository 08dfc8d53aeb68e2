import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { startGame } from '../../src/sim/game.ts';
import { createGameMachine } from '../../src/sim/machine.ts';
import { restoreGame, saveGame } from '../../src/sim/save.ts';
import { duel } from './helpers.ts';

const sc = duel();
const people = { north: { by: 'person' as const }, south: { by: 'person' as const } };

describe('the game machine', () => {
  it('goes briefing → playing (round, ladder, mediation, ceasefire in parallel) → ended', () => {
    const a = startGame(sc, { seed: 5 });
    expect(a.getSnapshot().value).toBe('briefing');
    a.send({ type: 'BEGIN' });
    const v = a.getSnapshot().value as Record<string, Record<string, string>>;
    expect(Object.keys(v.playing ?? {}).sort()).toEqual(['ceasefire', 'ladder', 'mediation', 'round']);
    for (let i = 0; i < 20 && a.getSnapshot().status === 'active'; i++) a.send({ type: 'NEXT' });
    const end = a.getSnapshot();
    expect(end.value).toBe('ended');
    expect(end.status).toBe('done');
    expect(end.output?.id).toBe(end.context.ending?.id);
    expect(sc.endings.map((e) => e.id)).toContain(end.context.ending?.id);
  });

  it('the ladder, mediation and ceasefire regions always mirror the engine’s state', () => {
    const a = startGame(sc, { seed: 11, seats: { north: { policy: 'hawk' }, south: { policy: 'dove' } } });
    a.send({ type: 'BEGIN' });
    while (a.getSnapshot().status === 'active') {
      const snap = a.getSnapshot();
      const v = (snap.value as { playing: Record<string, string> }).playing;
      expect(v.ladder).toBe(sc.ladder[snap.context.rung]?.id);
      expect(v.mediation).toBe(snap.context.mediation.phase);
      expect(v.ceasefire).toBe(snap.context.ceasefire.status);
      a.send({ type: 'NEXT' });
    }
  });

  it('orders are simultaneous: nothing resolves until every person has submitted', () => {
    const a = startGame(sc, { seed: 2, seats: people });
    a.send({ type: 'BEGIN' });
    const newsBefore = a.getSnapshot().context.news.length;
    a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'send-aid' }] });
    expect(a.getSnapshot().context.news.length).toBe(newsBefore);
    expect(a.getSnapshot().matches({ playing: { round: 'orders' } })).toBe(true);
    a.send({ type: 'ORDERS', actor: 'south', orders: [{ action: 'send-aid' }] });
    expect(a.getSnapshot().matches({ playing: { round: 'report' } })).toBe(true);
    expect(a.getSnapshot().context.news.length).toBeGreaterThan(newsBefore);
  });

  it('refuses invalid orders: unknown actions, wrong targets, unavailable actions, a second submission', () => {
    const a = startGame(sc, { seed: 2, seats: people });
    a.send({ type: 'BEGIN' });
    a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'south-strike', target: 'n-cap' }] });
    a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'north-strike', target: 'n-cap' }] });
    a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'open-gate' }] });
    expect(a.getSnapshot().context.orders.north).toBeUndefined();
    a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'send-aid' }] });
    a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'accuse', target: 'south' }] });
    expect(a.getSnapshot().context.orders.north).toEqual([{ action: 'send-aid' }]);
  });

  it('a deadline passes by a TICK event, not a timer; pause blocks orders and deadlines', () => {
    const a = startGame(sc, { seed: 2, seats: people });
    a.send({ type: 'BEGIN' });
    a.send({ type: 'SET_DEADLINE', at: 1000 });
    a.send({ type: 'PAUSE' });
    a.send({ type: 'TICK', now: 2000 });
    a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'send-aid' }] });
    expect(a.getSnapshot().context.orders.north).toBeUndefined();
    expect(a.getSnapshot().matches({ playing: { round: 'orders' } })).toBe(true);
    a.send({ type: 'RESUME' });
    a.send({ type: 'TICK', now: 999 });
    expect(a.getSnapshot().matches({ playing: { round: 'orders' } })).toBe(true);
    a.send({ type: 'TICK', now: 1000 });
    expect(a.getSnapshot().matches({ playing: { round: 'report' } })).toBe(true);
  });

  it('a pause gives its time back to the deadline, even across a save and restore', () => {
    const a = startGame(sc, { seed: 2, seats: people });
    a.send({ type: 'BEGIN' });
    a.send({ type: 'SET_DEADLINE', at: 10_000 });
    a.send({ type: 'PAUSE', now: 4_000 });
    a.send({ type: 'PAUSE', now: 5_000 }); // a second pause does not restart the clock
    const restored = restoreGame(saveGame(a, sc), sc);
    if (!restored.ok) throw new Error(restored.message);
    const b = restored.actor;
    b.start();
    b.send({ type: 'RESUME', now: 7_000 });
    expect(b.getSnapshot().context.deadline).toBe(13_000);
    b.send({ type: 'TICK', now: 12_999 });
    expect(b.getSnapshot().matches({ playing: { round: 'orders' } })).toBe(true);
    b.send({ type: 'TICK', now: 13_000 });
    expect(b.getSnapshot().matches({ playing: { round: 'report' } })).toBe(true);
  });

  it('a pause taken on the report holds the next round until the game resumes', () => {
    const a = startGame(sc, { seed: 2, seats: people });
    a.send({ type: 'BEGIN' });
    a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'send-aid' }] });
    a.send({ type: 'ORDERS', actor: 'south', orders: [{ action: 'send-aid' }] });
    expect(a.getSnapshot().matches({ playing: { round: 'report' } })).toBe(true);
    const round = a.getSnapshot().context.round;
    a.send({ type: 'PAUSE', now: 1 });
    expect(a.getSnapshot().context.paused).toBe(true);
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().matches({ playing: { round: 'report' } })).toBe(true);
    expect(a.getSnapshot().context.round).toBe(round);
    a.send({ type: 'RESUME', now: 2 });
    a.send({ type: 'NEXT' });
    expect(a.getSnapshot().matches({ playing: { round: 'orders' } })).toBe(true);
    expect(a.getSnapshot().context.round).toBe(round + 1);
  });

  it('a trainer’s inject changes the state and is recorded as the cause', () => {
    const a = startGame(sc, { seed: 2, seats: people });
    a.send({ type: 'BEGIN' });
    const need = a.getSnapshot().context.metrics.need ?? 0;
    a.send({ type: 'INJECT', inject: 'flood' });
    const s = a.getSnapshot().context;
    expect(s.metrics.need).toBe(need + 2);
    const ch = s.changes.at(-1);
    expect(ch?.subject).toBe('metric:need');
    expect(s.causes[ch?.cause ?? -1]).toMatchObject({ kind: 'inject', ref: 'flood' });
    a.send({ type: 'INJECT', inject: 'no-such-inject' });
    expect(a.getSnapshot().context.causes.length).toBe(s.causes.length);
  });

  it('is deterministic: the same seed and orders give the same game, bit for bit', () => {
    const play = (seed: number) => {
      const a = createActor(createGameMachine(sc), { input: { seed } });
      a.start();
      a.send({ type: 'BEGIN' });
      while (a.getSnapshot().status === 'active') a.send({ type: 'NEXT' });
      return JSON.stringify(a.getPersistedSnapshot());
    };
    expect(play(42)).toBe(play(42));
    expect(play(42)).not.toBe(play(43));
  });
});

// What each viewer may see: the presenter and a seat never get the generator's state, the seed, hidden
// metrics (nor their changes, nor the true tolls), another seat's orders of this round or another seat's
// private brief; the trainer sees the state whole.
import { describe, expect, it } from 'vitest';
import { startGame } from '../../src/sim/game.ts';
import { projectFor, scenarioFor } from '../../src/sim/projection.ts';
import { duel } from './helpers.ts';

const sc = duel();
const hidden = sc.metrics.filter((m) => !m.public).map((m) => m.id);

/** A hot-seat game in round 2 after a strike in round 1, North's orders given, South's not yet. */
function midRound() {
  const a = startGame(sc, { seed: 4, seats: { north: { by: 'person' }, south: { by: 'person' } } });
  a.send({ type: 'BEGIN' });
  a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'north-strike', target: 's-cap' }] });
  a.send({ type: 'ORDERS', actor: 'south', orders: [] });
  a.send({ type: 'NEXT' });
  a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'north-strike', target: 's-cap' }] });
  const s = a.getSnapshot().context;
  a.stop();
  return s;
}

describe('projectFor', () => {
  const s = midRound();

  it('gives the trainer the whole state', () => {
    expect(projectFor(sc, 'trainer', s).state).toBe(s);
  });

  it('keeps the generator, the seed, hidden metrics, true tolls and orders from the presenter', () => {
    expect(hidden.length).toBeGreaterThan(0);
    expect(s.changes.some((ch) => hidden.some((h) => ch.subject === `metric:${h}`))).toBe(true);
    const { state, submitted } = projectFor(sc, 'presenter', s);
    const text = JSON.stringify(state);
    expect(state.rng).toEqual([]);
    expect(state.seed).toBe(0);
    expect(text).not.toContain(JSON.stringify(s.rng).slice(1, -1));
    for (const h of hidden) {
      expect(state.metrics[h]).toBeUndefined();
      expect(text).not.toContain(`metric:${h}`);
    }
    expect(state.news.every((n) => n.killed === undefined)).toBe(true);
    expect(state.pending).toEqual([]);
    expect(state.orders).toEqual({});
    expect(state.taken.filter((t) => t.round === s.round)).toEqual([]);
    expect(submitted).toEqual(['north']);
  });

  it('shows a seat its own orders only', () => {
    expect(projectFor(sc, { seat: 'north' }, s).state.orders).toEqual({ north: s.orders.north });
    expect(projectFor(sc, { seat: 'south' }, s).state.orders).toEqual({});
    expect(projectFor(sc, { seat: 'south' }, s).state.rng).toEqual([]);
  });

  it("shows a side its own resolve and doubt, never the other's, and the presenter neither", () => {
    expect(Object.keys(s.resolve).sort()).toEqual(['north', 'south']);
    expect(Object.keys(s.doubt).sort()).toEqual(['north', 'south']);
    const north = projectFor(sc, { seat: 'north' }, s).state;
    expect(north.resolve).toEqual({ north: s.resolve.north });
    expect(north.doubt).toEqual({ north: s.doubt.north });
    const presenter = projectFor(sc, 'presenter', s).state;
    expect(presenter.resolve).toEqual({});
    expect(presenter.doubt).toEqual({});
  });
});

describe('scenarioFor', () => {
  const brief = (id: string) => sc.actors.find((a) => a.id === id)?.briefing;

  it('leaves out every private brief and objective for the presenter, and other seats’ for a seat', () => {
    const north = brief('north');
    expect(north).toBeTruthy();
    expect(JSON.stringify(scenarioFor(sc, 'presenter'))).not.toContain(String(north));
    const forSouth = scenarioFor(sc, { seat: 'south' });
    expect(JSON.stringify(forSouth)).not.toContain(String(north));
    expect(forSouth.actors.find((a) => a.id === 'south')?.briefing).toBe(brief('south'));
    expect(forSouth.actors.find((a) => a.id === 'north')?.objectives).toEqual([]);
    expect(scenarioFor(sc, 'trainer')).toBe(sc);
  });
});

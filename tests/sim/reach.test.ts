// What an order could touch, and which orders a seat could aim at a place (src/sim/reach.ts): read from
// the scenario's targets, outcomes and costs alone, so a designer's new action reaches the map unchanged.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { options } from '../../src/sim/orders.ts';
import { actionsAt, orderReach } from '../../src/sim/reach.ts';
import { initialState } from '../../src/sim/state.ts';
import { loadFile } from './helpers.ts';

const tutorial = compile(loadFile('scenarios/tutorial.json'));
/** The tutorial with one action a designer added: the Commission's envoy to either capital. */
const envoy = compile(loadFile('tests/fixtures/map/tutorial-envoy.json'));

describe('what an order could touch', () => {
  it("a strike: its target and where a miss lands, the target's pain by chance, its own cost for sure", () => {
    const r = orderReach(tutorial, 'north', { action: 'shell-south-bank', target: 'brenna' });
    expect(r.places).toEqual([
      { id: 'brenna', chance: 0.7 },
      { id: 'old-bridge', chance: 0.3 },
    ]);
    expect(r.marks).toEqual([
      { kind: 'strike', from: 'arvel', at: 'brenna', chance: 0.7 },
      { kind: 'strike', from: 'arvel', at: 'old-bridge', chance: 0.3 },
    ]);
    expect(r.meters).toContainEqual({ metric: 'pain-south', chance: 0.7, way: 'up' });
    expect(r.meters).toContainEqual({ metric: 'pain-north', chance: 1, way: 'up' });
    // Another target moves the mark, from the same data.
    const port = orderReach(tutorial, 'north', { action: 'shell-south-bank', target: 'port-selin' });
    expect(port.marks[0]).toEqual({ kind: 'strike', from: 'arvel', at: 'port-selin', chance: 0.7 });
  });

  it('a crossing to close: the crossing, for certain', () => {
    const r = orderReach(tutorial, 'south', { action: 'close-bridge' });
    expect(r.places).toEqual([{ id: 'old-bridge', chance: 1 }]);
    expect(r.marks).toEqual([{ kind: 'crossing-closed', at: 'old-bridge', chance: 1 }]);
  });

  it("an envoy: a route from the mediator's badge to the capital, whichever outcome; the trust it may win", () => {
    const r = orderReach(envoy, 'commission', { action: 'commission-envoy', target: 'arvel' });
    expect(r.marks).toEqual([{ kind: 'envoy', from: 'commission-seat', at: 'arvel', chance: 1 }]);
    expect(r.meters).toContainEqual({ metric: 'trust-commission', chance: 0.6, way: 'up' });
    expect(r.deaths).toEqual([]);
  });

  it('an unknown action touches nothing', () => {
    expect(orderReach(tutorial, 'north', { action: 'nope' })).toEqual({
      places: [],
      meters: [],
      deaths: [],
      marks: [],
    });
  });
});

describe('the orders a seat could aim at a place', () => {
  const s = initialState(tutorial, { seed: 1 });

  it('a city across the river: the strike aimed at it, open, with that one target', () => {
    const at = actionsAt(tutorial, s, 'north', { kind: 'place', id: 'port-selin' });
    expect(at.map((x) => [x.option.action.id, x.targets])).toEqual([['shell-south-bank', ['port-selin']]]);
    // The other side has no order that reaches its own city.
    expect(actionsAt(tutorial, s, 'south', { kind: 'place', id: 'port-selin' })).toEqual([]);
  });

  it('a country: the orders aimed at any of its places', () => {
    const at = actionsAt(tutorial, s, 'north', { kind: 'country', iso: '100' });
    expect(at.map((x) => [x.option.action.id, x.targets])).toEqual([
      ['shell-south-bank', ['brenna', 'port-selin']],
    ]);
  });

  it("the mediator's own badge: every aimed order that sets out from it, with each target", () => {
    const e = initialState(envoy, { seed: 1 });
    const at = actionsAt(envoy, e, 'commission', { kind: 'badge', id: 'commission-seat' });
    expect(at.map((x) => [x.option.action.id, x.targets])).toEqual([
      ['commission-envoy', ['arvel', 'brenna']],
    ]);
    expect(actionsAt(envoy, e, 'commission', { kind: 'place', id: 'brenna' }).map((x) => x.targets)).toEqual([
      ['brenna'],
    ]);
  });

  it('a closed order comes with the engine’s own reason and no target to choose', () => {
    const sc = loadFile('tests/fixtures/map/tutorial-envoy.json');
    const waits = compile({
      ...sc,
      actions: sc.actions.map((a) =>
        a.id === 'commission-envoy' ? { ...a, requires: { mediation: 'accepted' as const } } : a,
      ),
    });
    const e = initialState(waits, { seed: 1 });
    const [x] = actionsAt(waits, e, 'commission', { kind: 'place', id: 'arvel' });
    const reason = options(waits, e, 'commission').find(
      (o) => o.action.id === 'commission-envoy',
    )?.unavailable;
    expect(reason).toMatch(/\w/);
    expect(x?.option.unavailable).toBe(reason);
    expect(x?.targets).toEqual([]);
  });
});

// The one store of drafted orders (src/ui/drafts.ts) that the orders panel and the map's menus share.
import { describe, expect, it } from 'vitest';
import { Drafts, draftsOf, onDrafts } from '../../src/ui/drafts.ts';

describe('drafted orders', () => {
  it('keeps one draft a round with one action a round: a new choice replaces the last', () => {
    const d = new Drafts();
    d.put(1, 'north', { action: 'strike', target: 'a' }, 1);
    d.put(1, 'north', { action: 'envoy', target: 'b' }, 1);
    expect(d.of(1, 'north')).toEqual([{ action: 'envoy', target: 'b' }]);
  });

  it('with several actions a round, adds them, and a new target replaces the same action in place', () => {
    const d = new Drafts();
    d.put(1, 'north', { action: 'strike', target: 'a' }, 2);
    d.put(1, 'north', { action: 'envoy', target: 'b' }, 2);
    d.put(1, 'north', { action: 'strike', target: 'c' }, 2);
    expect(d.of(1, 'north')).toEqual([
      { action: 'strike', target: 'c' },
      { action: 'envoy', target: 'b' },
    ]);
    d.remove(1, 'north', 'strike');
    expect(d.of(1, 'north')).toEqual([{ action: 'envoy', target: 'b' }]);
    d.clear(1, 'north');
    expect(d.of(1, 'north')).toEqual([]);
  });

  it("keeps each seat's and each round's drafts apart, and one store per game", () => {
    const d = new Drafts();
    d.put(1, 'north', { action: 'strike', target: 'a' }, 1);
    expect(d.of(1, 'south')).toEqual([]);
    expect(d.of(2, 'north')).toEqual([]);
    const game = {};
    expect(draftsOf(game)).toBe(draftsOf(game));
    expect(draftsOf({})).not.toBe(draftsOf(game));
  });

  it('tells its listeners of every change, and not of a change that changes nothing', () => {
    let told = 0;
    onDrafts(() => told++);
    const d = new Drafts();
    d.put(1, 'north', { action: 'strike', target: 'a' }, 1);
    d.put(1, 'north', { action: 'strike', target: 'a' }, 1);
    d.remove(1, 'north', 'nothing-drafted');
    expect(told).toBe(1);
  });
});

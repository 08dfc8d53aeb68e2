import { describe, expect, it } from 'vitest';
import { freshCues, type KeyedCue, toneLevel } from '../../src/map/state.ts';

const cue = (key: string): KeyedCue => ({ key, kind: 'strike', at: 'kabul' });

describe('the map state', () => {
  it('plays each cue once, however often the same snapshot is shown', () => {
    const played = new Set<string>();
    expect(freshCues(played, [cue('1:0'), cue('1:1')]).map((c) => c.key)).toEqual(['1:0', '1:1']);
    expect(freshCues(played, [cue('1:0'), cue('1:1')])).toEqual([]);
    expect(freshCues(played, [cue('1:0'), cue('1:1'), cue('1:2')]).map((c) => c.key)).toEqual(['1:2']);
  });

  it('forgets the keys no longer listed, so that a cue shown again after them plays again', () => {
    const played = new Set<string>();
    freshCues(played, [cue('a'), cue('b')]);
    expect(freshCues(played, [cue('c')]).map((c) => c.key)).toEqual(['c']);
    expect([...played]).toEqual(['c']);
    expect(freshCues(played, [cue('a')]).map((c) => c.key)).toEqual(['a']);
  });

  it('reads the tone from the rung: 0 on the first, 1 on the last, 0 for a ladder of one or nonsense', () => {
    expect(toneLevel(0, 4)).toBe(0);
    expect(toneLevel(2, 5)).toBe(0.5);
    expect(toneLevel(3, 4)).toBe(1);
    expect(toneLevel(9, 4)).toBe(1);
    expect(toneLevel(0, 1)).toBe(0);
    expect(toneLevel(Number.NaN, 4)).toBe(0);
  });
});

import { describe, expect, it } from 'vitest';
import { arrowFrame, iconEntries, iconFrame } from '../../src/map/icons.ts';
import type { Place } from '../../src/map/model.ts';

const place = (id: string, kind: Place['kind'], colour: number, open?: boolean): Place => ({
  id,
  name: id,
  kind,
  colour,
  world: { x: 0, y: 0 },
  ...(open === undefined ? {} : { open }),
});

describe('the icons drawn into the atlas', () => {
  const places = [
    place('a', 'capital', 0xaa0000),
    place('b', 'capital', 0xaa0000),
    place('c', 'capital', 0x00aa00),
    place('d', 'crossing', 0x888888, true),
  ];

  it('draws one frame per kind and colour, shared by the places that look alike', () => {
    const frames = iconEntries(places, [], 2).map((e) => e.frame);
    expect(new Set(frames).size).toBe(frames.length);
    expect(frames).toContain(iconFrame(places[0] as Place));
    expect(iconFrame(places[0] as Place)).toBe(iconFrame(places[1] as Place));
    expect(iconFrame(places[0] as Place)).not.toBe(iconFrame(places[2] as Place));
  });

  it('draws both states of a crossing, since it can close and open during a game, and names each apart', () => {
    const frames = iconEntries(places, [], 2).map((e) => e.frame);
    const open = iconFrame({ kind: 'crossing', colour: 0x888888, open: true });
    const closed = iconFrame({ kind: 'crossing', colour: 0x888888, open: false });
    expect(open).not.toBe(closed);
    expect(frames).toEqual(expect.arrayContaining([open, closed]));
    // A crossing the scenario leaves unstated starts open.
    expect(iconFrame({ kind: 'crossing', colour: 0x888888 })).toBe(open);
  });

  it("draws an arrow for each badge colour, at the bake's scale, and every icon centred in a square frame", () => {
    const entries = iconEntries(places, [0x123456, 0x123456, 0x654321], 2);
    const arrows = entries.filter((e) => e.frame.startsWith('arrow:')).map((e) => e.frame);
    expect(arrows.sort()).toEqual([arrowFrame(0x123456), arrowFrame(0x654321)].sort());
    for (const e of entries) expect(e.scale).toBe(2);
    for (const e of entries.filter((x) => x.frame.startsWith('icon:'))) expect(e.w).toBe(e.h);
  });
});

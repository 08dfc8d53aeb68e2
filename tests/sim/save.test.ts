import { describe, expect, it } from 'vitest';
import { startGame } from '../../src/sim/game.ts';
import { checkSave, restoreGame, saveGame } from '../../src/sim/save.ts';
import { duel } from './helpers.ts';

const sc = duel();

function finish(a: ReturnType<typeof startGame>): string {
  while (a.getSnapshot().status === 'active') a.send({ type: 'NEXT' });
  return JSON.stringify(a.getSnapshot().context);
}

describe('saving and restoring', () => {
  it('a game restored from a save (through JSON) continues exactly as the original', () => {
    const a = startGame(sc, { seed: 9 });
    a.send({ type: 'BEGIN' });
    a.send({ type: 'NEXT' });
    a.send({ type: 'NEXT' });
    const save = JSON.parse(JSON.stringify(saveGame(a, sc)));
    const roundAtSave = a.getSnapshot().context.round;
    const original = finish(a);
    const r = restoreGame(save, sc);
    if (!r.ok) throw new Error(r.message);
    r.actor.start();
    expect(r.actor.getSnapshot().context.round).toBe(roundAtSave);
    expect(finish(r.actor)).toBe(original);
  });

  it('refuses a save from another scenario or another version with a clear message', () => {
    const a = startGame(sc, { seed: 1 });
    const save = saveGame(a, sc);
    const other = { ...sc, meta: { ...sc.meta, id: 'other' } };
    expect(checkSave(save, other)).toMatch(/belongs to scenario "duel", not "other"/);
    const newer = { ...sc, meta: { ...sc.meta, version: '2.0.0' } };
    expect(checkSave(save, newer)).toMatch(/version "1\.0\.0" of "duel"; this is version 2\.0\.0/);
  });

  it('refuses corrupt saves without throwing', () => {
    const a = startGame(sc, { seed: 1 });
    const good = saveGame(a, sc);
    for (const bad of [
      null,
      42,
      'text',
      [],
      {},
      { ...good, format: 'x' },
      { ...good, version: 9 },
      { ...good, snapshot: null },
      { ...good, snapshot: { context: {} } },
    ]) {
      const r = restoreGame(bad, sc);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.message).toMatch(/save/i);
    }
  });
});

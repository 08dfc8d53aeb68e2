// The seed scenario gained its seats for every role with version 1.3.0, and each capital's own trust in each
// mediator, disputed crossings and format 2's conditions with 1.4.0: saves and logs of 1.3.0, played with one
// trust per mediator, are refused with the existing clear message, never replayed under rules they were not
// played with, and nothing throws.
import { describe, expect, it } from 'vitest';
import { startGame } from '../../src/sim/game.ts';
import { checkLog, newLog, sendLogged } from '../../src/sim/log.ts';
import { checkSave, restoreGame, saveGame } from '../../src/sim/save.ts';
import { loadFile } from './helpers.ts';

const current = loadFile('scenarios/pakistan-afghanistan-2026.json');
const previous = { ...current, meta: { ...current.meta, version: '1.3.0' } };

describe('the seed scenario’s version', () => {
  it('is 1.4.0, the version whose roles, endings and rules the calibration measures', () => {
    expect(current.meta.version).toBe('1.4.0');
  });

  it('a save of version 1.3.0 is refused with the clear message, without throwing', () => {
    const a = startGame(previous, { seed: 4 });
    a.send({ type: 'BEGIN' });
    const save = JSON.parse(JSON.stringify(saveGame(a, previous)));
    a.stop();
    expect(checkSave(save, current)).toMatch(
      /version "1\.3\.0" of "pakistan-afghanistan-2026"; this is version 1\.4\.0/,
    );
    const r = restoreGame(save, current);
    expect(r.ok).toBe(false);
  });

  it('a game log of version 1.3.0 is refused with the clear message', () => {
    const a = startGame(previous, { seed: 4 });
    const log = sendLogged(a, newLog(previous, 4, {}), { type: 'BEGIN' });
    a.stop();
    expect(checkLog(JSON.parse(JSON.stringify(log)), current)).toMatch(/version "1\.3\.0".*version 1\.4\.0/);
  });
});

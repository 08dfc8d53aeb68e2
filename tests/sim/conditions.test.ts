import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { explainUnmet, holds } from '../../src/sim/conditions.ts';
import { initialState } from '../../src/sim/state.ts';
import { duel } from './helpers.ts';

const c = compile(duel());
const s = { ...initialState(c, { seed: 1 }), round: 1 };

describe('why a condition does not hold, in the scenario’s words', () => {
  it('says nothing when it holds, and what is needed when it does not', () => {
    expect(explainUnmet({ ceasefire: 'none' }, { c, s })).toBeNull();
    expect(explainUnmet({ ceasefire: 'holding' }, { c, s })).toBe('needs ceasefire holding');
    expect(explainUnmet({ any: [{ mediation: 'offered' }, { mediation: 'accepted' }] }, { c, s })).toBe(
      'needs mediation offered, or needs mediation accepted',
    );
  });

  it('reads a flag that must be unset as what it forbids', () => {
    const curbed = { ...s, flags: { ...s.flags, 'cell-curbed': true } };
    expect(explainUnmet({ flag: 'cell-curbed', is: false }, { c, s: curbed })).toBe(
      'not allowed while: South has curbed the Cell',
    );
    expect(explainUnmet({ flag: 'cell-curbed', is: true }, { c, s })).toBe('needs South has curbed the Cell');
  });
});

describe('who plays a seat', () => {
  it('takes an actor no one can play as run by the computer', () => {
    const unplayable = duel().actors.find((a) => !a.playable)?.id ?? '';
    expect(unplayable).not.toBe('');
    expect(s.seats[unplayable]).toBeUndefined();
    expect(holds({ playedBy: { actor: unplayable, is: 'computer' } }, { c, s })).toBe(true);
    expect(holds({ playedBy: { actor: unplayable, is: 'person' } }, { c, s })).toBe(false);
  });
});

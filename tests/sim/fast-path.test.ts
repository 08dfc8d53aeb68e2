// The rollout fast path (the round's pure functions, no actor) and the machine play the same games:
// 1,000 seeded computer-only games of the seed scenario end in the same state both ways.
import { describe, expect, it } from 'vitest';
import { seatsFor } from '../../src/sim/batch.ts';
import { compile } from '../../src/sim/compile.ts';
import { playAuto, playRounds } from '../../src/sim/game.ts';
import { createGameMachine } from '../../src/sim/machine.ts';
import { gameSeed } from '../../src/sim/seeds.ts';
import { loadFile } from './helpers.ts';

const GAMES = 1000;

describe('the fast path and the machine', () => {
  it(`agree on ${GAMES} seeded games (final states equal)`, { timeout: 300_000 }, () => {
    const sc = loadFile('scenarios/pakistan-afghanistan-2026.json');
    const c = compile(sc);
    const machine = createGameMachine(sc);
    const endings = new Set<string>();
    for (let i = 0; i < GAMES; i++) {
      const seed = gameSeed(1, i);
      const input = { seed, seats: seatsFor(sc, seed, 'mix') };
      const fast = playRounds(c, input).state;
      const slow = playAuto(sc, input, machine).state;
      // One comparison per game, and a failure names the seed.
      if (JSON.stringify(fast) !== JSON.stringify(slow)) expect(fast, `seed ${seed}`).toEqual(slow);
      endings.add(fast.ending?.id ?? 'none');
    }
    expect(endings.size).toBeGreaterThan(3);
  });
});

// A computer-only game plays every role (issue 23): 1,000 all-computer games of the tutorial, whose
// River Commission is a mediator with actions of its own, end without errors, score every role and
// take every role's actions.
import { describe, expect, it } from 'vitest';
import { runGames } from '../../src/sim/batch.ts';
import { compile } from '../../src/sim/compile.ts';
import { loadFile } from './helpers.ts';

const tutorial = loadFile('scenarios/tutorial.json');

describe('every seat a computer player', () => {
  it('1,000 all-computer games end without errors, score every role and take every role’s actions', () => {
    const c = compile(tutorial);
    expect(c.seated).toEqual(['north', 'south', 'commission']);
    const games = runGames(tutorial, 1, 0, 1000, 'mix');
    expect(games).toHaveLength(1000);
    expect(games.flatMap((g) => g.faults)).toEqual([]);
    expect(games.filter((g) => g.ending === 'none')).toEqual([]);
    for (const g of games) expect(Object.keys(g.scores).sort()).toEqual([...c.seated].sort());
    const taken = new Set(games.flatMap((g) => g.chosen));
    for (const actor of c.seated)
      for (const a of c.actionsOf.get(actor) ?? []) expect(taken, `${actor}: ${a.id}`).toContain(a.id);
    // The mediator's computer player drafts, and third parties sign texts on.
    expect(games.some((g) => g.signed)).toBe(true);
  }, 120_000);
});

// verificationNotice: a round's independent counts in one line, the other news as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../src/scenario/schema.ts';
import { compile } from '../../src/sim/compile.ts';
import { startGame } from '../../src/sim/game.ts';
import { options } from '../../src/sim/orders.ts';
import type { GameState } from '../../src/sim/types.ts';
import { newsOfRound } from '../../src/ui/facts.ts';
import { verificationNotice } from '../../src/ui/news.ts';

const sc = Scenario.parse(
  JSON.parse(readFileSync('scenarios/pakistan-afghanistan-2026.json', 'utf8')) as unknown,
);
const c = compile(sc);

/** Seed 4242, Pakistan giving its first open military action each round, up to round `last`'s report. */
function play(last: number): GameState {
  const actor = startGame(sc, {
    seed: 4242,
    seats: {
      pakistan: { by: 'person', policy: 'tit-for-tat' },
      taliban: { by: 'computer', policy: 'tit-for-tat' },
    },
  });
  actor.send({ type: 'BEGIN' });
  while (
    actor.getSnapshot().context.round < last ||
    !actor.getSnapshot().matches({ playing: { round: 'report' } })
  ) {
    const snap = actor.getSnapshot();
    if (snap.matches({ playing: { round: 'report' } })) actor.send({ type: 'NEXT' });
    else {
      const o = options(c, snap.context, 'pakistan').find(
        (x) => x.unavailable === null && x.action.category === 'military',
      );
      const orders = o
        ? [
            o.action.targets.type === 'none'
              ? { action: o.action.id }
              : { action: o.action.id, target: o.targets[0] ?? '' },
          ]
        : [];
      actor.send({ type: 'ORDERS', actor: 'pakistan', orders });
    }
  }
  return actor.getSnapshot().context;
}

describe('verificationNotice', () => {
  it('sums up a round’s independent counts in one line, by side, and keeps the other news', () => {
    const s = play(4);
    const news = newsOfRound(s, 4);
    const counts = news.filter((n) => n.headline.startsWith('Independent count'));
    expect(counts.length).toBe(2);
    const { items, notice } = verificationNotice(c, s, news);
    expect(items).toEqual(news.filter((n) => !counts.includes(n)));
    expect(notice).toMatch(/^Independent counts verified 2 earlier reports this round: .+ \+\d+/);
    // The figures are those the counts added to the verified tolls.
    const added = counts.map((n) => Number(/: (\d+) /.exec(n.headline)?.[1])).reduce((a, b) => a + b, 0);
    const said = [...(notice ?? '').matchAll(/\+(\d+)/g)].map((m) => Number(m[1])).reduce((a, b) => a + b, 0);
    expect(said).toBe(added);
  });

  it('leaves a round without counts as it is', () => {
    const s = play(1);
    const news = newsOfRound(s, 1);
    expect(verificationNotice(c, s, news)).toEqual({ items: news, notice: null });
  });
});

// verificationNotice: a round's independent counts in one line, the other news as it was.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../src/scenario/schema.ts';
import { compile } from '../../src/sim/compile.ts';
import { startGame } from '../../src/sim/game.ts';
import { options } from '../../src/sim/orders.ts';
import type { GameState, NewsItem } from '../../src/sim/types.ts';
import { newsOfRound } from '../../src/ui/facts.ts';
import { verificationNotice } from '../../src/ui/news.ts';

const sc = Scenario.parse(
  JSON.parse(readFileSync('scenarios/pakistan-afghanistan-2026.json', 'utf8')) as unknown,
);
const c = compile(sc);

/** Seed 4242, Pakistan giving its first open military action each round, up to round `last`'s report or the ending. */
function play(last: number): GameState {
  const actor = startGame(sc, {
    seed: 4242,
    seats: {
      pakistan: { by: 'person', policy: 'tit-for-tat' },
      taliban: { by: 'computer', policy: 'tit-for-tat' },
    },
  });
  actor.send({ type: 'BEGIN' });
  const over = () => actor.getSnapshot().status !== 'active' || !!actor.getSnapshot().context.ending;
  while (
    !over() &&
    (actor.getSnapshot().context.round < last ||
      !actor.getSnapshot().matches({ playing: { round: 'report' } }))
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

const count = (news: NewsItem[]) => news.filter((n) => n.headline.startsWith('Independent count')).length;

describe('verificationNotice', () => {
  it('sums up a round’s independent counts in one line, by side, and keeps the other news', () => {
    const s = play(8);
    // The round of this game with the most independent counts (at least two, so the line sums them).
    const rounds = Array.from({ length: s.round }, (_, i) => newsOfRound(s, i + 1));
    const news = rounds.reduce((a, b) => (count(b) > count(a) ? b : a));
    const counts = news.filter((n) => n.headline.startsWith('Independent count'));
    expect(counts.length).toBeGreaterThanOrEqual(2);
    const { items, notice } = verificationNotice(c, s, news);
    expect(items).toEqual(news.filter((n) => !counts.includes(n)));
    expect(notice).toMatch(
      new RegExp(`^Independent counts verified ${counts.length} earlier reports this round: .+ \\+\\d+`),
    );
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

// The balance preview: a few hundred computer games of a scenario, through the same batch code as
// `npm run simulate`, boiled down to the ending distribution and the content never in play.
import type { Scenario } from '../scenario/schema.ts';
import { runGames, summarise } from '../sim/batch.ts';
import { type Balance, PREVIEW_GAMES, PREVIEW_SEED } from './protocol.ts';

/** Plays `games` computer games (policies mixed per seat) and reports their balance. */
export function balanceOf(scenario: Scenario, games = PREVIEW_GAMES): Balance {
  const r = summarise(scenario, runGames(scenario, PREVIEW_SEED, 0, games, 'mix'));
  const endings = Object.entries(r.endings).sort((a, b) => b[1] - a[1]);
  return {
    games: r.games,
    endings,
    never: {
      actions: Object.entries(r.content.actions)
        .filter(([, a]) => a.taken === 0)
        .map(([id]) => id),
      reactions: Object.entries(r.content.reactions)
        .filter(([, n]) => n === 0)
        .map(([id]) => id),
      endings: r.content.unreachedEndings,
    },
  };
}

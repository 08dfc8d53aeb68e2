// A news feed: headline, body, the "Simulation"/"Historical" label, each side's claims beside the
// verified figure, and a "Why?" button leading to the causes the engine recorded.
import type { NewsItem } from '../sim/types.ts';
import { causeChain } from './causes.ts';
import { button, el } from './dom.ts';
import { claimsOf, verifiedOf } from './facts.ts';
import { newsTag, verificationLine, withoutCounts } from './news-groups.ts';
import type { App, Game } from './types.ts';

/** Renders news items as a list; `why` adds a "Why?" button, `debrief` adds the true toll. */
export function newsList(
  app: App,
  game: Game,
  items: NewsItem[],
  why: boolean,
  debrief = false,
): HTMLElement {
  const s = game.actor.getSnapshot().context;
  if (items.length === 0) return el('p', { class: 'hint' }, 'No news.');
  const counts = verificationLine(game.c, s, items);
  return el(
    'ul',
    { class: 'news' },
    withoutCounts(s, items).map((item, i) => {
      const hid = `news-${item.round}-${i}-${item.cause}`;
      const claims = claimsOf(game.c, item);
      const verified = verifiedOf(game.c, s, item);
      const whyId = `why-${hid}`;
      return el(
        'li',
        {},
        el(
          'article',
          { 'aria-labelledby': hid, class: 'news-item' },
          el('h4', { id: hid, class: 'headline' }, item.headline),
          el('p', { class: newsTag(s, item).cls }, newsTag(s, item).text),
          item.body && el('p', {}, item.body),
          claimsLine(claims, verified),
          debrief &&
            item.killed !== undefined &&
            el('p', { class: 'claims' }, `True toll (debrief only): ${item.killed}.`),
          why &&
            button(
              ['Why?', el('span', { class: 'visually-hidden' }, ` (${item.headline})`)],
              () => {
                const node = causeChain(game.c, s, item.cause);
                app.showWhy({ title: `“${item.headline}”`, nodes: node ? [node] : [], returnTo: whyId });
              },
              { class: 'why', id: whyId },
            ),
        ),
      );
    }),
    counts && el('li', { class: 'news-counts' }, el('p', {}, counts)),
  );
}

/** Each side's claimed toll beside the verified figure (or that it is pending), or nothing without claims. */
export function claimsLine(
  claims: ReturnType<typeof claimsOf>,
  verified: ReturnType<typeof verifiedOf>,
): HTMLElement | false {
  return (
    claims.length > 0 &&
    el(
      'p',
      { class: 'claims' },
      `Claimed dead: ${claims.map((x) => `${x.who} says ${x.figure}`).join('; ')}.`,
      verified === 'pending' && ' Verified figure: pending an independent count.',
      typeof verified === 'number' && ` Verified figure: ${verified}.`,
    )
  );
}

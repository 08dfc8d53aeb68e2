// News as a student reads it: each item labelled by where it comes from (the historical opening, the
// simulation, the trainer), and the trainer's
// injects of the round in progress, shown at once. Pure readings of the state, plus their templates.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { GameState, NewsItem } from '../sim/types.ts';

/** Where a news item comes from. */
export type NewsSource = 'historical' | 'simulation' | 'trainer' | 'verification';

/** The source of an item, read from the cause the engine recorded for it. */
export function sourceOf(s: GameState, item: NewsItem): NewsSource {
  if (!item.simulated) return 'historical';
  const cause = s.causes.find((x) => x.id === item.cause);
  if (cause?.kind === 'inject') return 'trainer';
  if (cause?.kind === 'rule' && cause.ref === 'verification') return 'verification';
  return 'simulation';
}

const TAGS: Record<NewsSource, { text: string; cls: string }> = {
  historical: { text: 'Historical', cls: 'tag hist' },
  simulation: { text: 'Simulation', cls: 'tag sim' },
  verification: { text: 'Simulation', cls: 'tag sim' },
  trainer: { text: 'From the trainer', cls: 'tag trainer' },
};

/** The label an item carries, and its class. */
export function newsTag(s: GameState, item: NewsItem): { text: string; cls: string } {
  return TAGS[sourceOf(s, item)];
}

/** A computer player's act carries the reason it gave (a person's has none): its line under the item. */
export function playerReason(s: GameState, item: NewsItem): TemplateResult | typeof nothing {
  const cause = s.causes[item.cause];
  const because = cause?.kind === 'action' ? cause.reason : undefined;
  return because ? html`<p class="player-reason">Computer player's reasoning: ${because}</p>` : nothing;
}

/** The trainer's injects of `round`, newest first: the players see them the moment they are sent. */
export function trainerNews(s: GameState, round: number): NewsItem[] {
  return s.news.filter((n) => n.round === round && sourceOf(s, n) === 'trainer').reverse();
}

/** The trainer's news of the round in progress, above the panel. */
export function trainerNewsView(items: NewsItem[]): TemplateResult | typeof nothing {
  if (items.length === 0) return nothing;
  return html`<section class="from-trainer" aria-label="From the trainer" data-testid="trainer-news">
    ${items.map(
      (n) => html`<article class="news-item trainer">
        <p class="tag trainer">From the trainer</p>
        <h3 class="headline">${n.headline}</h3>
        ${n.body ? html`<p>${n.body}</p>` : nothing}
      </article>`,
    )}
  </section>`;
}

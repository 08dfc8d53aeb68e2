// A news feed: headline, body, the "Simulation"/"Historical" label, each side's claims beside the
// verified figure, and a "Why?" button leading to the causes the engine recorded. A round's independent
// verifications are summarised in one line (verificationNotice), not listed one by one.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Compiled } from '../sim/compile.ts';
import type { GameState, NewsItem } from '../sim/types.ts';
import { causeChain } from './causes.ts';
import { num } from './dom.ts';
import { claimsOf, verifiedOf } from './facts.ts';
import { newsTag, playerReason, sourceOf } from './news-groups.ts';
import type { App, Game } from './types.ts';

/**
 * Splits news into the items to list and one line for the independent counts among them: how many were
 * verified and the dead each count added, by side, in the order the metrics are listed. Pure.
 */
export function verificationNotice(
  c: Compiled,
  s: GameState,
  items: NewsItem[],
): { items: NewsItem[]; notice: string | null } {
  const counts = items.filter((n) => sourceOf(s, n) === 'verification');
  if (counts.length === 0) return { items, notice: null };
  const causes = new Set(counts.map((n) => n.cause));
  const dead = new Map<string, number>();
  for (const ch of s.changes) {
    const m = c.metrics.get(ch.subject.slice('metric:'.length));
    if (!causes.has(ch.cause) || m?.role !== 'casualties-verified') continue;
    if (typeof ch.to === 'number' && typeof ch.from === 'number')
      dead.set(m.name, (dead.get(m.name) ?? 0) + ch.to - ch.from);
  }
  const figures = [...dead].map(([name, n]) => `${name} +${num(n)}`).join(', ');
  const what = counts.length === 1 ? 'an earlier report' : `${counts.length} earlier reports`;
  return {
    items: items.filter((n) => !causes.has(n.cause)),
    notice: `Independent counts verified ${what} this round${figures ? `: ${figures}` : ''}.`,
  };
}

/** Each side's claimed toll beside the verified figure (or that it is pending), or nothing without claims. */
export function claimsLine(
  claims: ReturnType<typeof claimsOf>,
  verified: ReturnType<typeof verifiedOf>,
): TemplateResult | typeof nothing {
  if (claims.length === 0) return nothing;
  const v =
    verified === 'pending'
      ? ' Verified figure: pending an independent count.'
      : typeof verified === 'number'
        ? ` Verified figure: ${verified}.`
        : '';
  return html`<p class="claims">Claimed dead: ${claims.map((x) => `${x.who} says ${x.figure}`).join('; ')}.${v}</p>`;
}

/** Renders news items as a list; `why` adds a "Why?" button, `debrief` adds the true toll. */
export function newsList(
  app: App,
  game: Game,
  all: NewsItem[],
  why: boolean,
  debrief = false,
): TemplateResult {
  const s = game.actor.getSnapshot().context;
  const { items, notice } = verificationNotice(game.c, s, all);
  const noticeLine = notice ? html`<p class="verification-notice">${notice}</p>` : nothing;
  if (items.length === 0) return html`${noticeLine}${notice ? nothing : html`<p class="hint">No news.</p>`}`;
  const item = (n: NewsItem, i: number) => {
    const hid = `news-${n.round}-${i}-${n.cause}`;
    const whyId = `why-${hid}`;
    const ask = () => {
      const node = causeChain(game.c, s, n.cause);
      app.showWhy({ title: `“${n.headline}”`, nodes: node ? [node] : [], returnTo: whyId });
    };
    return html`<li><article aria-labelledby=${hid} class="news-item">
      <h4 id=${hid} class="headline">${n.headline}</h4>
      <p class=${newsTag(s, n).cls}>${newsTag(s, n).text}</p>
      ${n.body ? html`<p>${n.body}</p>` : nothing}
      ${playerReason(s, n)}
      ${claimsLine(claimsOf(game.c, n), verifiedOf(game.c, s, n))}
      ${debrief && n.killed !== undefined ? html`<p class="claims">True toll (debrief only): ${n.killed}.</p>` : nothing}
      ${
        why
          ? html`<button type="button" class="why" id=${whyId} @click=${ask}>Why?<span class="visually-hidden"> (${n.headline})</span></button>`
          : nothing
      }
    </article></li>`;
  };
  return html`${noticeLine}<ul class="news">${items.map(item)}</ul>`;
}

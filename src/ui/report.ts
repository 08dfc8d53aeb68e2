// The resolution of a round, in tabs: its news; the public meters (value and change), the escalation
// ladder, mediation and the ceasefire; the negotiation; then "Next round".
import { html, nothing, type TemplateResult } from 'lit-html';
import { endingAhead } from '../sim/endings.ts';
import { metricValue, roundDate } from '../sim/text.ts';
import { nameOf, whyChange } from './causes.ts';
import { biggestChanges } from './changes.ts';
import { heading, signed } from './dom.ts';
import { meters, newsOfRound } from './facts.ts';
import { renderNegotiation } from './negotiation.ts';
import { newsList } from './news.ts';
import { saveBar } from './savebar.ts';
import { type Pane, tabbed } from './tabs.ts';
import type { App, Game } from './types.ts';
import { seenBy } from './viewer.ts';
import { renderWhy } from './why.ts';

const PHASES: Record<string, string> = {
  none: 'No mediation under way.',
  offered: 'A mediator has offered its good offices.',
  accepted: 'One side has accepted mediation; the other has not yet.',
  talks: 'Talks are under way.',
  agreement: 'The talks reached an agreement.',
  collapsed: 'Mediation has collapsed.',
};

/** The meters, the ladder, mediation and the ceasefire; `why` adds "Why?" buttons to changed meters. */
export function situation(app: App, game: Game, why: boolean): TemplateResult {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const ahead = endingAhead(c, s);
  const row = (m: ReturnType<typeof meters>[number]) => {
    const whyId = `why-metric-${m.metric.id}`;
    const ask = () =>
      app.showWhy({
        title: `${m.metric.name} ${signed(m.delta)}`,
        nodes: whyChange(c, s, `metric:${m.metric.id}`, s.round),
        returnTo: whyId,
      });
    return html`<tr>
      <th scope="row">${m.metric.name}</th>
      <td>${metricValue(m.metric, m.value)} (${m.metric.min}–${m.metric.max})</td>
      <td>${signed(m.delta)}</td>
      ${
        why
          ? html`<td>${
              m.delta !== 0
                ? html`<button type="button" class="why" id=${whyId} @click=${ask}>Why?<span class="visually-hidden"> (${m.metric.name})</span></button>`
                : nothing
            }</td>`
          : nothing
      }
    </tr>`;
  };
  const rung = (r: { name: string; description: string }, i: number) =>
    html`<li class=${i === s.rung ? 'current' : nothing} aria-current=${i === s.rung ? 'step' : nothing}><strong>${r.name}</strong>${i === s.rung ? ' — current rung: ' : ': '}${r.description}</li>`;
  const rungChanged = why && s.changes.some((x) => x.round === s.round && x.subject === 'rung');
  const askRung = () =>
    app.showWhy({ title: 'The ladder moved', nodes: whyChange(c, s, 'rung', s.round), returnTo: 'why-rung' });
  const m = s.mediation;
  const mediators = m.mediators.map((x) => nameOf(c, x)).join(', ');
  const cf = s.ceasefire;
  const ceasefire =
    cf.status === 'none'
      ? 'No ceasefire.'
      : cf.status === 'holding'
        ? `A ceasefire holds since round ${cf.since}${cf.monitored ? ', monitored' : ''}${cf.guaranteed ? ', guaranteed by a third party' : ''}.`
        : 'The ceasefire has broken down.';
  return html`<div class="situation">
    <section>
      <h3>Meters</h3>
      <table class="meters">
        <caption>Meters (public)</caption>
        <thead><tr>
          <th scope="col">Meter</th><th scope="col">Value</th><th scope="col">Change this round</th>
          ${why ? html`<th scope="col">Why</th>` : nothing}
        </tr></thead>
        <tbody>${meters(c, s).map(row)}</tbody>
      </table>
    </section>
    <section>
      <h3>Escalation ladder</h3>
      <p>Current rung: ${c.scenario.ladder[s.rung]?.name ?? s.rung} (highest rung first).</p>
      ${
        ahead
          ? html`<p class="warning" role="status">One more round like this ends the game: ${ahead.title}.</p>`
          : nothing
      }
      <ol class="ladder" reversed>${c.scenario.ladder.map(rung).reverse()}</ol>
      ${
        rungChanged
          ? html`<button type="button" class="why" id="why-rung" @click=${askRung}>Why did the ladder move?</button>`
          : nothing
      }
    </section>
    <section>
      <h3>Mediation and ceasefire</h3>
      <p>Mediation: ${PHASES[m.phase] ?? m.phase}${mediators ? ` Mediators: ${mediators}.` : ''}${m.accepted.length ? ` Accepted by: ${m.accepted.map((x) => nameOf(c, x)).join(', ')}.` : ''}</p>
      <p>Ceasefire: ${ceasefire}</p>
    </section>
  </div>`;
}

/** The resolution screen of the round just played; after the last round, its button leads to the ending. */
export function renderResolution(app: App, game: Game, last = false): TemplateResult {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  // A shared screen: a shuttle's private steps (an answer, an unpassed version) stay off it.
  const items = newsOfRound(seenBy(game, null), s.round);
  const moved = biggestChanges(c, s, s.round);
  const panes: Pane[] = [
    {
      id: 'news',
      label: `News (${items.length})`,
      content: html`<section>
        <h3>News this round</h3>
        ${moved ? html`<p class="moved">${moved} The Situation tab has every meter.</p>` : nothing}
        ${newsList(app, game, items, true)}
      </section>`,
    },
    { id: 'situation', label: 'Situation', content: situation(app, game, true) },
  ];
  if (c.scenario.clauses.length > 0)
    panes.push({ id: 'negotiation', label: 'Negotiation', content: renderNegotiation(app, game, null) });
  const end = () => {
    app.ui.endingShown = true;
    app.render();
  };
  return html`<div class="screen resolution">
    ${heading(2, `Round ${s.round} of ${c.scenario.meta.maxRounds}: what happened`)}
    <p class="hint">${roundDate(c, s.round)}</p>
    ${app.ui.why ? renderWhy(app, app.ui.why) : nothing}
    ${tabbed(`Round ${s.round}`, panes)}
    ${
      last
        ? html`<button type="button" class="primary next" @click=${end}>See the ending</button>`
        : html`<button type="button" class="primary next" @click=${() => app.send({ type: 'NEXT' })}>Next round</button>`
    }
    ${saveBar(app)}
  </div>`;
}

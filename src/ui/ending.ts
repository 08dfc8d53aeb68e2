// The ending: outcome, each role's score against its objectives, the debrief timeline.
import { html, nothing, type TemplateResult } from 'lit-html';
import { holds } from '../sim/conditions.ts';
import { endingText } from '../sim/endings.ts';
import { roundDate } from '../sim/text.ts';
import { heading, num } from './dom.ts';
import { meters, newsOfRound } from './facts.ts';
import { newsList } from './news.ts';
import { saveBar } from './savebar.ts';
import type { App, Game } from './types.ts';

/** Renders the ending screen. */
export function renderEnding(app: App, game: Game): TemplateResult {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const end = s.ending;
  const ending = c.scenario.endings.find((e) => e.id === end?.id);
  const { title, description } = endingText(c, s);
  const scored = c.scenario.actors.filter((a) => end && a.id in end.scores);
  const debrief = () => {
    app.ui.debrief = true;
    app.render();
  };
  const score = (a: (typeof scored)[number]) => {
    const seat = s.seats[a.id];
    const who = seat ? (seat.by === 'person' ? ' (played by a person)' : ` (computer, ${seat.policy})`) : '';
    return html`<div class="score">
      <h4>${a.name}${who}: ${end?.scores[a.id] ?? 0} points</h4>
      ${
        a.objectives.length > 0
          ? html`<ul>${a.objectives.map((o) => {
              const met = holds(o.when, { c, s });
              return html`<li class=${met ? 'met' : 'unmet'}><strong>${met ? 'Met: ' : 'Not met: '}</strong>${o.description} (${o.points} points)</li>`;
            })}</ul>`
          : nothing
      }
      ${ending?.scores[a.id] !== undefined ? html`<p>This ending gives ${ending.scores[a.id]} points.</p>` : nothing}
    </div>`;
  };
  return html`<div class="screen ending">
    ${heading(2, `The end: ${title}`)}
    <p>${description}</p>
    <p class="hint">The game ended in round ${end?.round ?? s.round}.</p>
    <section><h3>Scores</h3>${scored.map(score)}</section>
    <div class="buttons">
      <button type="button" class="primary" @click=${debrief}>Debrief</button>
      <button type="button" @click=${() => app.newGame()}>New game</button>
    </div>
    ${saveBar(app)}
  </div>`;
}

/** The lazily loaded review, once it has arrived. */
let review: typeof import('./debrief.ts') | null = null;

/**
 * The after-action review (charts, timeline, decision points, forks, exports), loaded on demand so
 * that uPlot stays out of the start screen's bundle. A line says it is loading until it arrives.
 */
function fullDebrief(app: App, game: Game): TemplateResult {
  if (review) return review.renderFullDebrief(app, game);
  void import('./debrief.ts').then((m) => {
    review = m;
    app.render();
  });
  return html`<div class="full-debrief-host" aria-busy="true"><p>Loading the review…</p></div>`;
}

/** Renders the debrief: the full review once loaded (every round's news with claims, true tolls and verified figures before), and every metric. */
export function renderDebrief(app: App, game: Game): TemplateResult {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const rounds = Array.from({ length: s.round + 1 }, (_, r) => r);
  const back = () => {
    app.ui.debrief = false;
    app.render();
  };
  return html`<div class=${review ? 'screen debrief loaded' : 'screen debrief'}>
    ${heading(2, 'Debrief: the whole timeline')}
    ${fullDebrief(app, game)}
    ${
      // Until the review arrives, the news of every round stands in for its timeline.
      review
        ? nothing
        : rounds.map(
            (r) =>
              html`<section class="simple-timeline"><h3>${r === 0 ? 'The opening (historical)' : `Round ${r}: ${roundDate(c, r)}`}</h3>${newsList(app, game, newsOfRound(s, r), false, true)}</section>`,
          )
    }
    <section class="final-values">
      <h3>Final values, hidden metrics included</h3>
      <ul>${meters(c, s, true).map((m) => html`<li>${m.metric.name}: ${num(m.value)}${m.metric.public ? '' : ' (hidden during play)'}</li>`)}</ul>
    </section>
    <div class="buttons">
      <button type="button" @click=${back}>Back to the ending</button>
      <button type="button" class="primary" @click=${() => app.newGame()}>New game</button>
    </div>
  </div>`;
}

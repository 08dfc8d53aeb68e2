// The briefing: the shared situation (timeline, opening news, precedent), then each human role's
// private brief and objectives. In hot-seat play each private brief sits behind a pass-the-device screen.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Actor } from '../scenario/schema.ts';
import { actorName } from '../sim/compile.ts';
import { briefSummary, briefSummaryView } from './brief-summary.ts';
import { heading } from './dom.ts';
import { newsList } from './news.ts';
import type { App, Game } from './types.ts';

/** The human roles of a game, in the scenario's order. */
export function humans(game: Game): string[] {
  const s = game.actor.getSnapshot().context;
  return game.c.playable.filter((a) => s.seats[a]?.by === 'person');
}

/** The shared briefing (step 0); with a single human role it includes that role's private brief. */
export function renderBriefing(app: App, game: Game): TemplateResult {
  const sc = game.loaded.scenario;
  const s = game.actor.getSnapshot().context;
  const people = humans(game);
  const opening = s.news.filter((n) => n.round === 0);
  const single = people.length === 1 ? people[0] : undefined;
  const who = (id: string) => {
    const seat = s.seats[id];
    return seat?.by === 'person' ? 'a person' : `the computer (${seat?.policy ?? 'tit-for-tat'})`;
  };
  const next = () => {
    app.ui.briefingStep = 1;
    app.render();
  };
  // One screen to read first; the rest unfolds on demand.
  const more = (title: string, content: unknown) =>
    html`<details class="brief-more"><summary>${title}</summary>${content}</details>`;
  return html`<div class="screen briefing">
    ${heading(2, `Briefing: ${sc.meta.title}`)}
    <div class="brief-first">${briefSummaryView(briefSummary(game.c, s, single ?? null))}</div>
    ${more(
      'How it began',
      html`<ol class="timeline">${sc.opening.timeline.map((t) => html`<li><strong>${t.when}: </strong>${t.text}</li>`)}</ol>`,
    )}
    ${opening.length > 0 ? more('The opening, as reported', newsList(app, game, opening, false)) : nothing}
    ${sc.opening.precedent ? more('The precedent', html`<p>${sc.opening.precedent}</p>`) : nothing}
    ${more(
      'Who plays',
      html`<ul>${game.c.playable.map((id) => html`<li>${actorName(game.c, id)}: ${who(id)}</li>`)}</ul>`,
    )}
    ${
      single
        ? html`${more('Your private brief', html`<p>${game.c.actors.get(single)?.briefing ?? 'No private brief is written for this role.'}</p>`)}
            <button type="button" class="primary" @click=${() => app.send({ type: 'BEGIN' })}>Begin round 1</button>`
        : html`<p>Each role now reads its private brief alone: pass the device to each team in turn.</p>
            <button type="button" class="primary" @click=${next}>Continue to the private briefs</button>`
    }
  </div>`;
}

/** One role's private brief with its objectives. */
function privateBrief(actor: Actor | undefined): TemplateResult {
  if (!actor) return html`<section></section>`;
  return html`<section class="private">
    <h3>Your role: ${actor.name}</h3>
    <p>${actor.briefing ?? 'No private brief is written for this role.'}</p>
    ${
      actor.objectives.length > 0
        ? html`<div><h4>Your objectives</h4>
            <ul>${actor.objectives.map((o) => html`<li>${o.description} (${o.points} points)</li>`)}</ul></div>`
        : nothing
    }
  </section>`;
}

/** A hot-seat private brief (step k ≥ 1); its button hides it and moves on (the last one begins the game). */
export function renderPrivateBrief(app: App, game: Game, role: string, last: boolean): TemplateResult {
  const actor = game.c.actors.get(role);
  const done = () => {
    if (last) app.send({ type: 'BEGIN' });
    else {
      app.ui.briefingStep += 1;
      app.render();
    }
  };
  return html`<div class="screen brief">
    ${heading(2, `Private brief: ${actor?.name ?? role}`)}
    ${privateBrief(actor)}
    <button type="button" class="primary" @click=${done}>${last ? 'Hide my brief and begin round 1' : 'Hide my brief'}</button>
  </div>`;
}

/** The pass-the-device screen: nothing of the next role's brief or orders shows until it is confirmed. */
export function renderPass(app: App, game: Game, role: string, purpose: string): TemplateResult {
  const name = actorName(game.c, role);
  const confirm = () => {
    app.ui.passedTo = role;
    app.render();
  };
  return html`<div class="screen pass">
    ${heading(2, `Pass the device to ${name}`)}
    <p>The next screen is for ${name} only: ${purpose}. Everyone else, please look away.</p>
    <button type="button" class="primary" @click=${confirm}>I am ${name}: continue</button>
  </div>`;
}

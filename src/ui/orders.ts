// The orders screen for one human role, in tabs: the actions open to it by category (cost, Goldstein
// weight), a target picker and submit, which sends ORDERS, with the closed ones apart and why; the situation;
// and the negotiation. The form is patched in place on every snapshot (a trainer's inject, a proposal sent,
// a place clicked on the map), so what the player has ticked, and where the keyboard is, stay as they were.
import { html, nothing, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';
import { CATEGORY_ORDER } from '../sim/compile.ts';
import { awaitingAnswers } from '../sim/negotiation.ts';
import { checkOrders, type Option, options } from '../sim/orders.ts';
import { roundDate } from '../sim/text.ts';
import { actionEffects } from './action-text.ts';
import { advisorBox } from './advisor.ts';
import { humans } from './briefing.ts';
import { nameOf } from './causes.ts';
import { heading } from './dom.ts';
import { draftsOf } from './drafts.ts';
import { renderNegotiation } from './negotiation.ts';
import { draftedList } from './placemenu.ts';
import { situation } from './report.ts';
import { saveBar } from './savebar.ts';
import { type Pane, tabbed } from './tabs.ts';
import type { App, Game } from './types.ts';

const CATEGORY_NAMES: Record<string, string> = {
  diplomatic: 'Diplomatic',
  humanitarian: 'Humanitarian',
  economic: 'Economic',
  information: 'Information',
  military: 'Military',
};

/** The actions not open this round, each with its category and why, folded away under a count. */
function closedActions(closed: Option[]): TemplateResult | typeof nothing {
  if (closed.length === 0) return nothing;
  // A reason quoting a description may already end its sentence.
  const stop = (o: Option) => (/[.!?]$/.test(o.unavailable ?? '') ? '' : '.');
  return html`<details class="closed-actions"><summary>Not open this round (${closed.length})</summary><ul>${closed.map(
    (o) =>
      html`<li data-closed=${o.action.id}><strong>${o.action.name}</strong> (${(CATEGORY_NAMES[o.action.category] ?? o.action.category).toLowerCase()}): ${o.unavailable}${stop(o)}<div class="hint">${o.action.description}</div></li>`,
  )}</ul></details>`;
}

/** Renders the orders screen for a role. */
export function renderOrders(app: App, game: Game, role: string): TemplateResult {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const max = c.scenario.meta.actionsPerRound;
  const single = max === 1;
  const roleName = nameOf(c, role);
  const opts = options(c, s, role);
  // Closed actions are listed apart, with why, so the choices stay short.
  const open = opts.filter((o) => o.unavailable === null);
  const closed = opts.filter((o) => o.unavailable !== null);
  // What is ticked is the draft store's (drafts.ts), which the map's menus fill too.
  const drafts = draftsOf(game.actor);
  const mine = drafts.of(s.round, role);
  const draft = (action: string, target?: string) =>
    drafts.put(s.round, role, target === undefined ? { action } : { action, target }, max);

  const action = (o: Option) => {
    const id = `act-${o.action.id}`;
    const drafted = mine.find((x) => x.action === o.action.id);
    const targetOf = () =>
      o.action.targets.type === 'none'
        ? undefined
        : (document.querySelector<HTMLSelectElement>(`#${id}-target`)?.value ?? o.targets[0]);
    const tick = (e: Event) => {
      if ((e.currentTarget as HTMLInputElement).checked) draft(o.action.id, targetOf());
      else drafts.remove(s.round, role, o.action.id);
    };
    // Choosing a target is choosing the action.
    const choose = (e: Event) => draft(o.action.id, (e.currentTarget as HTMLSelectElement).value);
    const target =
      o.action.targets.type === 'none'
        ? nothing
        : html`<div class="target"><label for=${`${id}-target`}>Target for ${o.action.name}</label><select id=${`${id}-target`} data-target-for=${o.action.id} @change=${choose}>${o.targets.map(
            (t) => {
              const kind = c.locations.get(t)?.kind;
              return html`<option value=${t} .selected=${t === drafted?.target}>${kind ? `${nameOf(c, t)} (${kind})` : nameOf(c, t)}</option>`;
            },
          )}</select></div>`;
    return html`<div class="choice action">
      <input type=${single ? 'radio' : 'checkbox'} name="order" id=${id} value=${o.action.id}
        .checked=${drafted !== undefined} @change=${tick}
        aria-describedby=${`${id}-desc`} data-action=${o.action.id}><label for=${id}>${o.action.name}</label>
      <div id=${`${id}-desc`} class="hint"><p>${o.action.description}</p><div class="action-effects">${actionEffects(c, o.action)}</div></div>
      ${target}
    </div>`;
  };
  const categories = CATEGORY_ORDER.map((category) => ({
    category,
    actions: open.filter((o) => o.action.category === category),
  })).filter((x) => x.actions.length > 0);

  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const error = form.querySelector('.error') as HTMLElement;
    const orders = [...mine];
    const problem = checkOrders(c, s, role, orders);
    if (problem) {
      error.textContent = `These orders cannot be given: ${problem}.`;
      return;
    }
    app.send({ type: 'ORDERS', actor: role, orders });
    if (game.actor.getSnapshot().context.orders[role] !== undefined) drafts.clear(s.round, role);
  };
  const form = html`<form class="orders" novalidate @submit=${submit}>
      <p>${single ? 'Choose one action for this round, or hold.' : `Choose up to ${max} actions for this round (or none).`} You can also pick a place on the map.</p>
      ${draftedList(game, role)}
      ${
        single
          ? html`<div class="choice"><input type="radio" name="order" id="act-hold" value=""
              .checked=${mine.length === 0} @change=${() => drafts.clear(s.round, role)}><label for="act-hold">Hold: take no action this round</label></div>`
          : nothing
      }
      ${repeat(
        categories,
        (x) => x.category,
        (x) =>
          html`<fieldset class="category"><legend>${CATEGORY_NAMES[x.category] ?? x.category}</legend>${repeat(x.actions, (o) => o.action.id, action)}</fieldset>`,
      )}
      <p class="error" role="alert"></p>
      ${s.paused ? html`<p class="hint paused-hint">The trainer has paused the game: orders can be sent once it resumes.</p>` : nothing}
      <button type="submit" class="primary" ?disabled=${s.paused}>Submit orders for ${roleName}</button>
    </form>`;

  const panes: Pane[] = [
    {
      id: 'orders',
      label: 'Orders',
      content: html`<div>${advisorBox(game, role)}${form}${closedActions(closed)}</div>`,
    },
    { id: 'situation', label: 'Situation', content: situation(app, game, false) },
  ];
  if (c.scenario.clauses.length > 0)
    panes.push({
      id: 'negotiation',
      label: awaitingAnswers(c, s).includes(role) ? 'Negotiation: your answer is awaited' : 'Negotiation',
      content: renderNegotiation(app, game, role),
    });
  return html`<div class="screen orders-screen">
    ${heading(2, `Orders for ${roleName}: round ${s.round} of ${c.scenario.meta.maxRounds}`)}
    <p class="hint">${roundDate(c, s.round)}</p>
    ${tabbed(`Round ${s.round}: ${roleName}`, panes)}
    ${saveBar(app, humans(game).length <= 1)}
  </div>`;
}

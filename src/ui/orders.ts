// The orders screen for one human role, in tabs: the actions open to it by category (cost, Goldstein
// weight), a target picker and submit, which sends ORDERS, with the closed ones apart and why; the situation;
// and the negotiation. What the player has ticked is kept (memory.ts), so a re-render (a trainer's
// inject, a proposal sent, a place clicked on the map) never loses it.
import { CATEGORY_ORDER } from '../sim/compile.ts';
import { awaitingAnswer } from '../sim/negotiation.ts';
import { checkOrders, type Option, options } from '../sim/orders.ts';
import { roundDate } from '../sim/text.ts';
import type { Order } from '../sim/types.ts';
import { actionEffects } from './action-text.ts';
import { humans } from './briefing.ts';
import { nameOf } from './causes.ts';
import { el, heading, nextId } from './dom.ts';
import { keepForm } from './memory.ts';
import { renderNegotiation } from './negotiation.ts';
import { situation } from './report.ts';
import { saveBar } from './savebar.ts';
import { litNode } from './screen.ts';
import { tabbed } from './tabs.ts';
import type { App, Game } from './types.ts';

const CATEGORY_NAMES: Record<string, string> = {
  diplomatic: 'Diplomatic',
  humanitarian: 'Humanitarian',
  economic: 'Economic',
  information: 'Information',
  military: 'Military',
};

/** The actions not open this round, each with its category and why, folded away under a count. */
function closedActions(closed: Option[]): HTMLElement | null {
  if (closed.length === 0) return null;
  return el(
    'details',
    { class: 'closed-actions' },
    el('summary', {}, `Not open this round (${closed.length})`),
    el(
      'ul',
      {},
      closed.map((o) =>
        el(
          'li',
          { 'data-closed': o.action.id },
          el('strong', {}, o.action.name),
          ` (${(CATEGORY_NAMES[o.action.category] ?? o.action.category).toLowerCase()}): ${o.unavailable}`,
          // A reason quoting a description may already end its sentence.
          /[.!?]$/.test(o.unavailable ?? '') ? '' : '.',
          el('div', { class: 'hint' }, o.action.description),
        ),
      ),
    ),
  );
}

/** Renders the orders screen for a role. */
export function renderOrders(app: App, game: Game, role: string): HTMLElement {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const max = c.scenario.meta.actionsPerRound;
  const single = max === 1;
  const opts = options(c, s, role);
  const roleName = nameOf(c, role);
  const group = nextId('order');
  const rows: { input: HTMLInputElement; option: Option; select: HTMLSelectElement | null }[] = [];

  const form = el('form', { class: 'orders', novalidate: true });
  form.append(
    el(
      'p',
      {},
      single
        ? 'Choose one action for this round, or hold.'
        : `Choose up to ${max} actions for this round (or none).`,
    ),
  );
  if (single) {
    const holdId = nextId('hold');
    const hold = el('input', { type: 'radio', name: group, id: holdId, value: '', 'data-keep': 'choice' });
    hold.checked = true;
    form.append(
      el('div', { class: 'choice' }, hold, el('label', { for: holdId }, 'Hold: take no action this round')),
    );
  }
  // Closed actions are listed apart, with why, so the choices stay short.
  const open = opts.filter((o) => o.unavailable === null);
  const closed = opts.filter((o) => o.unavailable !== null);
  for (const category of CATEGORY_ORDER) {
    const inCat = open.filter((o) => o.action.category === category);
    if (inCat.length === 0) continue;
    const fs = el('fieldset', { class: 'category' }, el('legend', {}, CATEGORY_NAMES[category] ?? category));
    for (const o of inCat) {
      const id = nextId(`act-${o.action.id}`);
      const descId = `${id}-desc`;
      const input = el('input', {
        type: single ? 'radio' : 'checkbox',
        name: group,
        id,
        value: o.action.id,
        'aria-describedby': descId,
        'data-action': o.action.id,
        'data-keep': single ? 'choice' : `act:${o.action.id}`,
      });
      let select: HTMLSelectElement | null = null;
      const parts: HTMLElement[] = [];
      if (o.action.targets.type !== 'none') {
        const sid = `${id}-target`;
        select = el(
          'select',
          { id: sid, 'data-target-for': o.action.id, 'data-keep': `target:${o.action.id}` },
          o.targets.map((t) => {
            const kind = c.locations.get(t)?.kind;
            return el('option', { value: t }, kind ? `${nameOf(c, t)} (${kind})` : nameOf(c, t));
          }),
        );
        // Choosing a target is choosing the action.
        select.addEventListener('change', () => {
          input.checked = true;
        });
        parts.push(
          el('div', { class: 'target' }, el('label', { for: sid }, `Target for ${o.action.name}`), select),
        );
      }
      rows.push({ input, option: o, select });
      fs.append(
        el(
          'div',
          { class: 'choice action' },
          input,
          el('label', { for: id }, o.action.name),
          el(
            'div',
            { id: descId, class: 'hint' },
            el('p', {}, o.action.description),
            litNode(actionEffects(c, o.action), 'action-effects'),
          ),
          ...parts,
        ),
      );
    }
    form.append(fs);
  }
  const error = el('p', { class: 'error', role: 'alert' });
  form.append(error, el('button', { type: 'submit', class: 'primary' }, `Submit orders for ${roleName}`));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const orders: Order[] = rows
      .filter((r) => r.input.checked)
      .map((r) =>
        r.select ? { action: r.option.action.id, target: r.select.value } : { action: r.option.action.id },
      );
    const problem = checkOrders(c, s, role, orders);
    if (problem) {
      error.textContent = `These orders cannot be given: ${problem}.`;
      return;
    }
    app.send({ type: 'ORDERS', actor: role, orders });
  });
  keepForm(app, 'orders', form);

  const panes = [
    { id: 'orders', label: 'Orders', content: el('div', {}, form, closedActions(closed)) },
    { id: 'situation', label: 'Situation', content: situation(app, game, false) },
  ];
  if (c.scenario.clauses.length > 0)
    panes.push({
      id: 'negotiation',
      label: awaitingAnswer(c, s) === role ? 'Negotiation: your answer is awaited' : 'Negotiation',
      content: renderNegotiation(app, game, role),
    });
  return el(
    'div',
    { class: 'screen orders-screen' },
    heading(2, `Orders for ${roleName}: round ${s.round} of ${c.scenario.meta.maxRounds}`),
    el('p', { class: 'hint' }, roundDate(c, s.round)),
    tabbed(app, `Round ${s.round}: ${roleName}`, panes),
    saveBar(app, humans(game).length <= 1),
  );
}

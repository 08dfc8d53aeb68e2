// Choosing on the map: the menu of the orders a seat can aim at a place, badge or country (the same
// menu from a click on the map, a tap, or the map-as-text list), the drafted orders as the map marks
// them, and what a drafted order could touch, in words. Every choice goes into the one draft store
// (drafts.ts) that the orders panel reads too.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { PendingMark } from '../map/state.ts';
import type { Compiled } from '../sim/compile.ts';
import { actionsAt, orderReach, type Spot } from '../sim/reach.ts';
import type { Order } from '../sim/types.ts';
import { describeAction } from './action-text.ts';
import { nameOf } from './causes.ts';
import { draftsOf, touch, touching } from './drafts.ts';
import type { App, Game } from './types.ts';

/** An order in words: "Shell the south bank: Brenna". */
export function orderName(c: Compiled, order: Order): string {
  const name = c.actions.get(order.action)?.name ?? order.action;
  return order.target ? `${name}: ${nameOf(c, order.target)}` : name;
}

/** The name of a spot: its place, badge or country. */
export function spotName(c: Compiled, spot: Spot): string {
  if (spot.kind !== 'country') return nameOf(c, spot.id);
  return c.scenario.map.countries.find((x) => x.iso === spot.iso)?.name ?? spot.iso;
}

/** The marks the map draws for `role`'s drafted orders. */
export function pendingMarks(c: Compiled, role: string, orders: readonly Order[]): PendingMark[] {
  return orders.flatMap((o) =>
    orderReach(c, role, o).marks.map((m, i) => ({
      key: `${o.action}:${i}`,
      kind: m.kind,
      ...(m.from ? { from: m.from } : {}),
      at: m.at,
      actor: role,
      label: `Drafted, not sent: ${orderName(c, o)}`,
    })),
  );
}

/** The drafted order whose mark lands at or sets out from place `id`, if any. */
export function draftAt(c: Compiled, role: string, orders: readonly Order[], id: string): Order | undefined {
  return orders.find((o) => orderReach(c, role, o).marks.some((m) => m.at === id || m.from === id));
}

/** The places the drafted order under the pointer or focus could touch, if it is one of `role`'s. */
export function touchedPlaces(c: Compiled, role: string, orders: readonly Order[]): string[] {
  const t = touching();
  const order = t?.role === role ? orders.find((o) => o.action === t.action) : undefined;
  return order ? orderReach(c, role, order).places.map((p) => p.id) : [];
}

const percent = (p: number) => (p >= 0.999 ? 'certain' : `${Math.round(p * 100)}% chance`);

/** What `order` could touch, in words, labelled as possibilities: places, meters and lives. */
export function reachText(c: Compiled, role: string, order: Order): string {
  const r = orderReach(c, role, order);
  const parts: string[] = [];
  if (r.places.length > 0)
    parts.push(`places: ${r.places.map((p) => `${nameOf(c, p.id)} (${percent(p.chance)})`).join(', ')}`);
  const ways = { up: 'up', down: 'down', set: 'reset' } as const;
  if (r.meters.length > 0)
    parts.push(
      `meters: ${r.meters.map((m) => `${nameOf(c, m.metric)} ${ways[m.way]} (${percent(m.chance)})`).join(', ')}`,
    );
  for (const d of r.deaths)
    parts.push(`lives: up to ${d.most} on the ${nameOf(c, d.side)} side (${percent(d.chance)})`);
  if (parts.length === 0) return 'Possibilities, not predictions: nothing the map or the meters show.';
  return `Possibilities, not predictions. It could touch ${parts.join('; ')}.`;
}

/** Moves focus back to where it was before a menu opened (or to the map, if that element is gone). */
export function refocus(selector: string): void {
  const el =
    document.querySelector<HTMLElement>(selector) ?? document.querySelector<HTMLElement>('#map canvas');
  el?.focus();
}

/** The place menu for the seat giving its orders, or nothing when it is closed. */
export function renderPlaceMenu(app: App, game: Game, role: string | null): TemplateResult | typeof nothing {
  const menu = app.ui.placeMenu;
  if (!menu || !role) return nothing;
  const c = game.c;
  const s = game.actor.getSnapshot().context;
  const name = spotName(c, menu.spot);
  const items = actionsAt(c, s, role, menu.spot);
  const drafts = draftsOf(game.actor);
  const mine = drafts.of(s.round, role);
  const close = (then: () => void) => () => {
    app.ui.placeMenu = null;
    then();
    app.render();
  };
  const back = () => refocus(menu.returnTo);
  const choose = (order: Order) =>
    close(() => {
      drafts.put(s.round, role, order, c.scenario.meta.actionsPerRound);
      queueMicrotask(back);
    });
  const history = close(() => {
    if (menu.spot.kind === 'country') return;
    app.ui.selectedPlace = menu.spot.id;
    queueMicrotask(() => document.getElementById('place-heading')?.focus());
  });
  const onKey = (e: KeyboardEvent) => {
    if (e.key !== 'Escape') return;
    e.preventDefault();
    close(() => queueMicrotask(back))();
  };
  const open = items.filter((x) => x.option.unavailable === null);
  const closed = items.filter((x) => x.option.unavailable !== null);
  const choice = (order: Order, i: number) => {
    const drafted = mine.some((o) => o.action === order.action && o.target === order.target);
    const action = c.actions.get(order.action);
    return html`<li>
      <button type="button" class="menu-choice" data-action=${order.action} data-target=${order.target ?? ''}
        aria-describedby=${`menu-does-${i}`} @click=${choose(order)}>${orderName(c, order)}${drafted ? ' (drafted)' : ''}</button>
      <p class="hint" id=${`menu-does-${i}`}>${action ? describeAction(c, action) : ''}</p>
    </li>`;
  };
  const orders = open.flatMap((x) => x.targets.map((target) => ({ action: x.option.action.id, target })));
  // A drafted order marked here can be taken back from here too.
  const here = menu.spot.kind === 'country' ? undefined : draftAt(c, role, mine, menu.spot.id);
  const takeBack = (order: Order) =>
    close(() => {
      drafts.remove(s.round, role, order.action);
      queueMicrotask(back);
    });
  return html`<section class="place place-menu" aria-labelledby="place-menu-heading" @keydown=${onKey}>
    <h3 id="place-menu-heading" tabindex="-1">Orders at ${name}</h3>
    <p class="hint">Choosing one drafts it in your orders for round ${s.round}; nothing is sent until you submit them.</p>
    ${
      orders.length === 0
        ? html`<p>No order of yours can be aimed at ${name} this round.</p>`
        : html`<ul class="plain menu-choices">${orders.map(choice)}</ul>`
    }
    ${
      closed.length === 0
        ? nothing
        : html`<h4>Not open this round</h4><ul class="plain">${closed.map(
            (x) =>
              html`<li data-closed=${x.option.action.id}><strong>${x.option.action.name}</strong>: ${x.option.unavailable}</li>`,
          )}</ul>`
    }
    <div class="buttons">
      ${here ? html`<button type="button" class="menu-remove" data-action=${here.action} @click=${takeBack(here)}>Remove the drafted order: ${orderName(c, here)}</button>` : nothing}
      ${menu.spot.kind === 'country' ? nothing : html`<button type="button" class="menu-history" @click=${history}>History of ${name}</button>`}
      <button type="button" class="menu-close" @click=${close(() => queueMicrotask(back))}>Close</button>
    </div>
  </section>`;
}

/** Opens the place menu on `spot`, remembering where focus goes back to, and moves focus into it. */
export function openPlaceMenu(app: App, spot: Spot, returnTo: string): void {
  app.ui.placeMenu = { spot, returnTo };
  app.ui.selectedPlace = null;
  app.render();
  document.getElementById('place-menu-heading')?.focus();
}

/**
 * The seat's drafted orders, each with what it could touch and a button to take it back; hovering or
 * focusing one rings on the map the places it could touch.
 */
export function draftedList(game: Game, role: string): TemplateResult | typeof nothing {
  const c = game.c;
  const round = game.actor.getSnapshot().context.round;
  const drafts = draftsOf(game.actor);
  const mine = drafts.of(round, role);
  if (mine.length === 0) return nothing;
  const over = (o: Order) => () => touch({ role, action: o.action });
  const out = () => touch(null);
  const remove = (o: Order) => () => {
    touch(null);
    drafts.remove(round, role, o.action);
    queueMicrotask(() => document.querySelector<HTMLElement>('form.orders input[name="order"]')?.focus());
  };
  return html`<section class="drafted" aria-labelledby="drafted-heading">
    <h3 id="drafted-heading">Drafted, not sent</h3>
    <ul class="plain">${mine.map(
      (o, i) => html`<li class="draft" data-draft=${o.action} @mouseenter=${over(o)} @mouseleave=${out}
        @focusin=${over(o)} @focusout=${out}>
        <strong>${orderName(c, o)}</strong>
        <button type="button" class="remove-draft" aria-describedby=${`draft-reach-${i}`} @click=${remove(o)}>Remove</button>
        <p class="hint reach" id=${`draft-reach-${i}`}>${reachText(c, role, o)}</p>
      </li>`,
    )}</ul>
  </section>`;
}

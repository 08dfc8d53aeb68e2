// The advisor on a person's orders screen, when the trainer has switched it on for that seat: what the
// planner would do in the seat and why (its best two or three options with the expected score and the
// risk of war), worked out from the seat's own view. It never chooses: a button puts an option into the
// seat's drafts, and the player still sends them. It is part of that seat's orders screen, so in hot-seat
// play it goes with the rest of the seat's orders when the device is passed.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Advice } from '../sim/plan-protocol.ts';
import type { Order } from '../sim/types.ts';
import { draftsOf } from './drafts.ts';
import { planning } from './planning.ts';
import type { Game } from './types.ts';

/** How many of the planner's options the advisor shows. */
const SHOWN = 3;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Puts `orders` in the seat's drafts (the store the orders form and the map show), in place of what was
 * drafted: the player still sends them. Focus goes to the first drafted order in the form.
 */
function putInDrafts(game: Game, role: string, orders: readonly Order[]): void {
  const round = game.actor.getSnapshot().context.round;
  const drafts = draftsOf(game.actor);
  drafts.clear(round, role);
  for (const o of orders) drafts.put(round, role, o, game.c.scenario.meta.actionsPerRound);
  // The form is drawn again on the store's change; focus follows once it is.
  queueMicrotask(() =>
    document.querySelector<HTMLElement>('form.orders input[name="order"]:checked')?.focus(),
  );
}

/** The advisor's box for a person's seat of the local game, or nothing when its advisor is off. */
export function advisorBox(game: Game, role: string): TemplateResult | typeof nothing {
  const seat = game.actor.getSnapshot().context.seats[role];
  if (seat?.by !== 'person' || seat.advisor !== true) return nothing;
  return advisorView(planning()?.advice(role) ?? { status: 'thinking' }, role, (orders) =>
    putInDrafts(game, role, orders),
  );
}

/**
 * The advisor's box for a seat's advice, on the local game's orders screen or a room's (whose advice comes
 * from the server); `use` puts an option's orders in the seat's drafts.
 */
export function advisorView(
  advice: Advice,
  role: string,
  use: (orders: readonly Order[]) => void,
): TemplateResult {
  let body: TemplateResult;
  if (advice.status === 'thinking') body = html`<p class="hint">The advisor is weighing your options…</p>`;
  else if (advice.status === 'failed') body = html`<p class="hint">${advice.message}</p>`;
  else {
    const options = advice.plan.ranking.slice(0, SHOWN);
    body = html`<p class="advisor-reason">${advice.plan.reason}</p>
      <ol class="advisor-options">${options.map(
        (r, i) =>
          html`<li data-option=${i}><span>${r.label}: expected score ${Math.round(r.expected)}, war risk ${pct(r.warRisk)}.</span>
            <button type="button" class="advisor-use" @click=${() => use(r.orders)}>Put this in my orders<span class="visually-hidden"> (${r.label})</span></button></li>`,
      )}</ol>`;
  }
  return html`<section class="advisor" aria-labelledby="advisor-heading" data-advisor-for=${role}>
    <h3 id="advisor-heading">Advisor: what the planner would do in your seat</h3>
    <p class="hint">Worked out only from what your role knows. It does not choose for you: you decide and send your orders.</p>
    <div aria-live="polite">${body}</div>
  </section>`;
}

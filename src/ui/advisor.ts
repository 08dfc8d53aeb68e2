// The advisor on a person's orders screen, when the trainer has switched it on for that seat: what the
// planner would do in the seat and why (its best two or three options with the expected score and the
// risk of war), worked out from the seat's own view. It never chooses: a button puts an option into the
// orders form, and the player still sends them. It is part of that seat's orders screen, so in hot-seat
// play it goes with the rest of the seat's orders when the device is passed.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Order } from '../sim/types.ts';
import { planning } from './planning.ts';
import type { Game } from './types.ts';

/** How many of the planner's options the advisor shows. */
const SHOWN = 3;

const pct = (x: number) => `${Math.round(x * 100)}%`;

/** Ticks `orders` in the orders form (and nothing else), choosing their targets: the player still sends them. */
function putInForm(from: HTMLElement, orders: readonly Order[]): void {
  const form = from.closest('.orders-screen')?.querySelector<HTMLFormElement>('form.orders');
  if (!form) return;
  for (const input of form.querySelectorAll<HTMLInputElement>('input[name="order"]'))
    input.checked = orders.length === 0 && input.id === 'act-hold';
  for (const o of orders) {
    const input = form.querySelector<HTMLInputElement>(`input[data-action="${CSS.escape(o.action)}"]`);
    if (input) input.checked = true;
    const target = form.querySelector<HTMLSelectElement>(`select[data-target-for="${CSS.escape(o.action)}"]`);
    if (target && o.target !== undefined) target.value = o.target;
  }
  form.querySelector<HTMLElement>('input[name="order"]:checked')?.focus();
}

/** The advisor's box for a person's seat, or nothing when its advisor is off. */
export function advisorBox(game: Game, role: string): TemplateResult | typeof nothing {
  const seat = game.actor.getSnapshot().context.seats[role];
  if (seat?.by !== 'person' || seat.advisor !== true) return nothing;
  const advice = planning()?.advice(role) ?? { status: 'thinking' as const };
  let body: TemplateResult;
  if (advice.status === 'thinking') body = html`<p class="hint">The advisor is weighing your options…</p>`;
  else if (advice.status === 'failed') body = html`<p class="hint">${advice.message}</p>`;
  else {
    const options = advice.plan.ranking.slice(0, SHOWN);
    body = html`<p class="advisor-reason">${advice.plan.reason}</p>
      <ol class="advisor-options">${options.map(
        (r, i) =>
          html`<li data-option=${i}><span>${r.label}: expected score ${Math.round(r.expected)}, war risk ${pct(r.warRisk)}.</span>
            <button type="button" class="advisor-use" @click=${(e: Event) => putInForm(e.currentTarget as HTMLElement, r.orders)}>Put this in my orders<span class="visually-hidden"> (${r.label})</span></button></li>`,
      )}</ol>`;
  }
  return html`<section class="advisor" aria-labelledby="advisor-heading" data-advisor-for=${role}>
    <h3 id="advisor-heading">Advisor: what the planner would do in your seat</h3>
    <p class="hint">Worked out only from what your role knows. It does not choose for you: you decide and send your orders.</p>
    <div aria-live="polite">${body}</div>
  </section>`;
}

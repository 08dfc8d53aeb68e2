// The forms of the negotiation panel that start or carry a text: a draft (by a party, directly or through a
// mediator; by a mediator, with bridging clauses and its own, for the parties it chooses, carried by shuttle
// or put to every party at once), passing a version on (shuttle diplomacy), and a third party signing the
// text in force as guarantor or monitor. Every check is the engine's own (proposalError, passError,
// signError), read on the desk's rules state; its words are shown when it refuses.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { Clause } from '../scenario/schema.ts';
import { agreementInForce, defaultParams, termText } from '../sim/clauses.ts';
import type { Compiled } from '../sim/compile.ts';
import {
  bridgingDrafts,
  canMediate,
  currentVersion,
  mayDraft,
  passError,
  proposalError,
  type SignAs,
  signError,
  textParties,
} from '../sim/negotiation.ts';
import type { TextVersion } from '../sim/types.ts';
import { nameOf } from './causes.ts';
import { paramControl, paramsIn } from './clause-params.ts';
import type { Desk } from './desk.ts';

/** Shows a refusal in the form's error line, or clears it; true when there was one. */
function refused(form: HTMLFormElement, what: string, problem: string | null): boolean {
  (form.querySelector('.error') as HTMLElement).textContent = problem ? `${what}: ${problem}.` : '';
  return problem !== null;
}

/** The parties ticked in a form's "parties" fieldset. */
const partiesIn = (form: HTMLFormElement): string[] =>
  [...form.querySelectorAll<HTMLInputElement>('input[data-party]:checked')].map((x) => x.value);

/** One checkbox per party, named by `data-party`. */
function partyChoices(c: Compiled, id: string, parties: readonly string[], checked: (p: string) => boolean) {
  return parties.map(
    (p) =>
      html`<span class="choice"><input type="checkbox" id=${`${id}-${p}`} value=${p} data-party ?checked=${checked(p)}><label for=${`${id}-${p}`}>${nameOf(c, p)}</label></span>`,
  );
}

/**
 * The private draft form of a party or a mediator: the clauses it may draft with their parameters, the
 * parties the text binds, and how it travels ("every party at once" where the game runs here: it passes the
 * new version on as soon as the engine has it).
 */
export function draftForm(desk: Desk, role: string): TemplateResult {
  const { c, rules: s } = desk;
  const mediator = !c.parties.includes(role) && canMediate(c, role);
  const clauses = c.scenario.clauses.filter((k) => mayDraft(c, role, k));
  const bridging = mediator ? bridgingDrafts(c, s) : [];
  const chosenIn = (form: HTMLFormElement, k: Clause) =>
    form.querySelector<HTMLInputElement>(`input[data-clause="${k.id}"]`)?.checked ?? false;
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const chosen = clauses
      .filter((k) => chosenIn(form, k))
      .map((k) => ({ clause: k.id, params: paramsIn(form, k) }));
    const via = mediator
      ? role
      : form.querySelector<HTMLSelectElement>('select[data-channel]')?.value || null;
    const parties = partiesIn(form);
    if (refused(form, 'This proposal cannot be sent', proposalError(c, s, role, chosen, via, parties)))
      return;
    const toAll = mediator && form.querySelector<HTMLInputElement>('input[data-delivery="all"]')?.checked;
    // Sent: the next draft starts afresh, and the keyboard stays on the button.
    form.reset();
    desk.send({ type: 'PROPOSE', actor: role, clauses: chosen, via, parties });
    const v = desk.now ? currentVersion(desk.now()) : undefined;
    if (toAll && v && v.author === role)
      desk.send({ type: 'PASS', actor: role, version: v.n, to: textParties(c, v) });
  };
  const fillBridging = (e: Event) => {
    const form = (e.currentTarget as HTMLElement).closest('form');
    for (const d of bridging) {
      const box = form?.querySelector<HTMLInputElement>(`input[data-clause="${d.clause}"]`);
      if (box) box.checked = true;
    }
  };
  return html`<form class=${mediator ? 'draft-form mediator-draft' : 'draft-form'} novalidate @submit=${submit}>
    <h4>${mediator ? 'Draft a text as mediator (private until sent)' : 'Draft a proposal (private until sent)'}</h4>
    ${clauses.map((k) => {
      const id = `draft-${k.id}`;
      const defaults = defaultParams(c, k, s.round);
      // The clause as it would read with the defaults, never with its raw placeholders.
      const text = termText(c, { clause: k.id, params: defaults, by: role }, mediator ? role : null);
      const own = k.from !== 'party' ? ' (a mediator’s clause)' : '';
      return html`<div class="choice clause"><input type="checkbox" id=${id} data-clause=${k.id}><label for=${id}>${k.name}${own}</label>
        <div class="hint">${text}</div>
        ${k.params.map((p) => paramControl(c, s, p, defaults[p.id], `${id}-${p.id}`, `${k.id}:${p.id}`))}</div>`;
    })}
    ${
      bridging.length > 0
        ? html`<p class="bridging"><span class="hint">Bridging clauses (no party loses by them): ${bridging
            .map((d) => c.scenario.clauses.find((k) => k.id === d.clause)?.name ?? d.clause)
            .join(
              ', ',
            )}. </span><button type="button" class="bridge" @click=${fillBridging}>Tick the bridging clauses</button></p>`
        : nothing
    }
    <fieldset class="parties"><legend>Parties bound by the text</legend>${partyChoices(c, 'draft-party', c.parties, () => true)}</fieldset>
    ${
      mediator
        ? html`<fieldset class="delivery"><legend>How the text travels</legend>
            <span class="choice"><input type="radio" name="delivery" id="delivery-shuttle" data-delivery="shuttle" checked><label for="delivery-shuttle">Shuttle: I pass it on to each party myself</label></span>
            ${
              desk.now
                ? html`<span class="choice"><input type="radio" name="delivery" id="delivery-all" data-delivery="all"><label for="delivery-all">Put it to every party at once</label></span>`
                : nothing
            }
            <p class="hint">Either way each party’s answer reaches you alone.</p></fieldset>`
        : html`<p><label for="draft-channel">Channel </label><select id="draft-channel" data-channel>
            <option value="">${c.parties.length > 2 ? 'Directly to the other parties' : 'Directly to the other side'}</option>
            ${c.scenario.actors
              .filter((a) => a.mediator)
              .map(
                (a) =>
                  html`<option value=${a.id}>Through ${a.name} (shuttle: the parties never meet)</option>`,
              )}
          </select></p>`
    }
    <p class="error" role="alert"></p>
    <button type="submit">${mediator ? 'Send the draft' : 'Send proposal'}</button>
  </form>`;
}

/** The carrier's form to pass the current version on to parties who do not have it yet. */
export function passForm(desk: Desk, role: string, v: TextVersion): TemplateResult {
  const { c, rules: s } = desk;
  const has = new Set(v.shown ?? []);
  const waiting = textParties(c, v).filter((p) => !has.has(p));
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const to = partiesIn(form);
    if (refused(form, 'This text cannot be passed on', passError(c, s, role, v.n, to))) return;
    desk.send({ type: 'PASS', actor: role, version: v.n, to });
  };
  return html`<form class="pass-form" novalidate @submit=${submit}>
    <h4>Pass version ${v.n} on</h4>
    ${
      waiting.length > 0
        ? html`<fieldset class="parties"><legend>To</legend>${partyChoices(c, `pass-${v.n}`, waiting, () => false)}</fieldset>`
        : html`<p>Every party of version ${v.n} has it.</p>`
    }
    <p class="error" role="alert"></p>
    <button type="submit">Pass version ${v.n} on</button>
  </form>`;
}

const SIGN_WORDS: Record<SignAs, string> = { guarantor: 'Sign as guarantor', monitor: 'Sign as monitor' };

/**
 * A third party's buttons to sign the agreement in force as guarantor or monitor. Both stay while the text is
 * in force (the keyboard stays on the one pressed); the engine's signError says when one is refused.
 */
export function signForm(desk: Desk, role: string): TemplateResult | typeof nothing {
  const { c, rules: s } = desk;
  const a = agreementInForce(s);
  if (!a || c.parties.includes(role)) return nothing;
  const mine = (['guarantor', 'monitor'] as const).filter((as) =>
    (as === 'guarantor' ? a.guarantors : (a.monitors ?? [])).includes(role),
  );
  const sign = (as: SignAs) => (e: Event) => {
    const group = (e.currentTarget as HTMLElement).closest('.sign-form');
    const problem = signError(c, s, role, as);
    const error = group?.querySelector('.error');
    if (error) error.textContent = problem ? `It cannot be signed so: ${problem}.` : '';
    if (!problem) desk.send({ type: 'SIGN', actor: role, as });
  };
  return html`<div class="sign-form" role="group" aria-labelledby="sign-heading">
    <h4 id="sign-heading">Sign the agreement in force (version ${a.version})</h4>
    <p class="hint">A guarantor answers for the text (it loses trust when the text is broken); a monitor watches the ceasefire.
      ${mine.length > 0 ? `You have signed it as ${mine.join(' and ')}.` : 'You have not signed it.'}</p>
    ${(['guarantor', 'monitor'] as const).map(
      (as) => html`<button type="button" data-sign=${as} @click=${sign(as)}>${SIGN_WORDS[as]}</button> `,
    )}
    <p class="error" role="alert"></p>
  </div>`;
}

// The negotiation panel: the current text and who accepted which clause, the version history with a
// diff between versions, the mediator's channel, the signed agreement and its violations; and, for a
// role, the answer form and a private draft form. It only sends PROPOSE and ANSWER events. The forms are
// patched in place, so a half-written answer or draft survives every snapshot until it is sent.
import { html, nothing, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import type { Clause, ClauseParam } from '../scenario/schema.ts';
import { agreementInForce, clauseOf, defaultParams, paramText, termText } from '../sim/clauses.ts';
import { violationBy } from '../sim/compliance.ts';
import { answerError, awaitingAnswer, currentVersion, proposalError } from '../sim/negotiation.ts';
import type { ClauseAnswer, GameState, ParamValue, TextVersion } from '../sim/types.ts';
import { nameOf } from './causes.ts';
import type { App, Game } from './types.ts';

const ANSWER_WORDS: Record<ClauseAnswer, string> = {
  accept: 'accepted',
  reject: 'rejected',
  change: 'changed',
};

/** The lines that differ between two versions: added, removed and changed clauses. */
export function diffVersions(game: Game, from: TextVersion | undefined, to: TextVersion): string[] {
  const c = game.c;
  const before = new Map((from?.terms ?? []).map((t) => [t.clause, t]));
  const out: string[] = [];
  for (const t of to.terms) {
    const old = before.get(t.clause);
    if (!old) out.push(`+ added: ${termText(c, t, to.via)}`);
    else if (JSON.stringify(old.params) !== JSON.stringify(t.params))
      out.push(`~ changed: ${termText(c, old, from?.via)} → ${termText(c, t, to.via)}`);
    before.delete(t.clause);
  }
  for (const t of before.values()) out.push(`− removed: ${termText(c, t, from?.via)}`);
  return out.length ? out : ['no change in the clauses'];
}

/** The values a parameter may take, as [value, words]: rounds from now on, numbers in ten steps. */
function paramChoices(
  game: Game,
  s: GameState,
  p: ClauseParam,
  v: ParamValue | undefined,
): [string, string][] {
  const c = game.c;
  if (p.kind === 'place' || p.kind === 'crossings') return (p.options ?? []).map((o) => [o, nameOf(c, o)]);
  const values: number[] = [];
  if (p.kind === 'round') for (let r = s.round; r <= c.scenario.meta.maxRounds; r++) values.push(r);
  else {
    const lo = p.min ?? 1;
    const hi = p.max ?? (p.kind === 'rounds' ? c.scenario.meta.maxRounds : lo + 100);
    const step = p.kind === 'number' ? Math.max(1, Math.round((hi - lo) / 10)) : 1;
    for (let x = lo; x <= hi; x += step) values.push(x);
    if (typeof v === 'number' && !values.includes(v)) values.push(v);
    values.sort((a, b) => a - b);
  }
  return values.map((x) => [String(x), paramText(c, p, x)]);
}

/** One control for a clause parameter, with its label; `key` (clause:param) names it for paramsIn. */
function paramControl(
  game: Game,
  s: GameState,
  p: ClauseParam,
  v: ParamValue | undefined,
  id: string,
  key: string,
) {
  const choices = paramChoices(game, s, p, v);
  if (p.kind === 'crossings')
    return html`<fieldset class="param"><legend>${p.name}</legend>${choices.map(
      ([o, name]) =>
        html`<span class="choice"><input type="checkbox" id=${`${id}-${o}`} value=${o} data-param=${key}
          ?checked=${Array.isArray(v) && v.includes(o)}><label for=${`${id}-${o}`}>${name}</label></span>`,
    )}</fieldset>`;
  return html`<span class="param"><label for=${id}>${p.name} </label><select id=${id} data-param=${key}>${choices.map(
    ([x, words]) =>
      html`<option value=${x} ?selected=${v !== undefined && String(v) === x}>${words}</option>`,
  )}</select></span>`;
}

/** A clause's parameters as entered in `form`. */
function paramsIn(form: HTMLFormElement, clause: Clause): Record<string, ParamValue> {
  const controls = (p: ClauseParam) =>
    [...form.querySelectorAll<HTMLInputElement | HTMLSelectElement>('[data-param]')].filter(
      (x) => x.dataset.param === `${clause.id}:${p.id}`,
    );
  return Object.fromEntries(
    clause.params.map((p): [string, ParamValue] => {
      const all = controls(p);
      if (p.kind === 'crossings')
        return [p.id, all.filter((x) => (x as HTMLInputElement).checked).map((x) => x.value)];
      const value = all[0]?.value ?? '';
      return [p.id, p.kind === 'place' ? value : Number(value)];
    }),
  );
}

/** The current text as a table: each clause, and each party's answer to it. */
function currentText(game: Game, v: TextVersion): TemplateResult {
  const c = game.c;
  return html`<table class="negotiation-text">
    <caption>Version ${v.n}, by ${nameOf(c, v.author)}${v.via ? `, through ${nameOf(c, v.via)}` : ', sent directly'}</caption>
    <thead><tr><th scope="col">Clause</th>${c.parties.map((x) => html`<th scope="col">${nameOf(c, x)}</th>`)}</tr></thead>
    <tbody>${v.terms.map(
      (t) =>
        html`<tr data-clause=${t.clause}><th scope="row">${termText(c, t, v.via)}</th>${c.parties.map((x) => {
          const a = v.answers[x]?.[t.clause];
          return html`<td data-answer=${a ?? 'pending'}>${a ? ANSWER_WORDS[a] : 'not yet answered'}</td>`;
        })}</tr>`,
    )}</tbody>
  </table>`;
}

/** The answer form for the party the current version waits on. */
function answerForm(app: App, game: Game, s: GameState, role: string, v: TextVersion): TemplateResult {
  const c = game.c;
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const answers: Record<string, ClauseAnswer> = {};
    const changes: Record<string, Record<string, ParamValue>> = {};
    for (const t of v.terms) {
      const picked = form.querySelector<HTMLInputElement>(`input[data-answer-for="${t.clause}"]:checked`);
      const a = (picked?.value ?? 'accept') as ClauseAnswer;
      answers[t.clause] = a;
      const clause = clauseOf(c, t.clause);
      if (a === 'change' && clause) changes[t.clause] = paramsIn(form, clause);
    }
    const problem = answerError(c, s, role, v.n, answers, changes);
    if (problem) {
      (form.querySelector('.error') as HTMLElement).textContent = `This answer cannot be sent: ${problem}.`;
      return;
    }
    app.send({ type: 'ANSWER', actor: role, version: v.n, answers, changes });
  };
  const LABELS = { accept: 'Accept', reject: 'Reject', change: 'Accept with a change' } as const;
  return html`<form class="answer-form" novalidate @submit=${submit}>
    <h4>Answer version ${v.n}, clause by clause</h4>
    ${v.terms.map((t) => {
      const clause = clauseOf(c, t.clause);
      const group = `ans-${v.n}-${t.clause}`;
      const params = clause?.params ?? [];
      const kinds = (['accept', 'reject', 'change'] as const).filter(
        (k) => k !== 'change' || params.length > 0,
      );
      return html`<fieldset class="clause"><legend>${termText(c, t, v.via)}</legend>${kinds.map(
        (k) =>
          html`<span class="choice"><input type="radio" name=${group} id=${`${group}-${k}`} value=${k}
            data-answer-for=${t.clause} ?checked=${k === 'accept'}><label for=${`${group}-${k}`}>${LABELS[k]}</label></span>`,
      )}${
        params.length > 0
          ? html`<div class="hint">For a change: ${params.map((p) =>
              paramControl(game, s, p, t.params[p.id], `${group}-p-${p.id}`, `${t.clause}:${p.id}`),
            )}</div>`
          : nothing
      }</fieldset>`;
    })}
    <p class="error" role="alert"></p>
    <button type="submit">Send answer</button>
  </form>`;
}

/** The private draft form: the party's clauses with their parameters, and the channel. */
function draftForm(app: App, game: Game, s: GameState, role: string): TemplateResult {
  const c = game.c;
  const clauses = c.scenario.clauses.filter((x) => x.from === 'party');
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const chosen = clauses
      .filter((k) => form.querySelector<HTMLInputElement>(`input[data-clause="${k.id}"]`)?.checked)
      .map((k) => ({ clause: k.id, params: paramsIn(form, k) }));
    const via = form.querySelector<HTMLSelectElement>('select[data-channel]')?.value || null;
    const problem = proposalError(c, s, role, chosen, via);
    const error = form.querySelector('.error') as HTMLElement;
    if (problem) {
      error.textContent = `This proposal cannot be sent: ${problem}.`;
      return;
    }
    // Sent: the next draft starts afresh, and the keyboard stays on the button.
    error.textContent = '';
    form.reset();
    app.send({ type: 'PROPOSE', actor: role, clauses: chosen, via });
  };
  return html`<form class="draft-form" novalidate @submit=${submit}>
    <h4>Draft a proposal (private until sent)</h4>
    ${clauses.map((k) => {
      const id = `draft-${k.id}`;
      const defaults = defaultParams(c, k, s.round);
      // The clause as it would read with the defaults, never with its raw placeholders.
      const text = termText(c, { clause: k.id, params: defaults, by: role }, null);
      return html`<div class="choice clause"><input type="checkbox" id=${id} data-clause=${k.id}><label for=${id}>${k.name}</label>
        <div class="hint">${text}</div>
        ${k.params.map((p) => paramControl(game, s, p, defaults[p.id], `${id}-${p.id}`, `${k.id}:${p.id}`))}</div>`;
    })}
    <p><label for="draft-channel">Channel </label><select id="draft-channel" data-channel>
      <option value="">Directly to the other side</option>
      ${c.scenario.actors
        .filter((a) => a.mediator)
        .map((a) => html`<option value=${a.id}>Through ${a.name} (shuttle: the parties never meet)</option>`)}
    </select></p>
    <p class="error" role="alert"></p>
    <button type="submit">Send proposal</button>
  </form>`;
}

/** The signed agreement (or the collapsed one) with its terms and violations. */
function agreement(game: Game, s: GameState): TemplateResult | typeof nothing {
  const c = game.c;
  const last = s.negotiation.agreements.at(-1);
  if (!last) return nothing;
  const v = s.negotiation.versions.find((x) => x.n === last.version);
  return html`<div class=${last.status === 'in-force' ? 'signed' : 'signed collapsed'} role="status" data-agreement=${last.status}>
    <p><strong>${
      last.status === 'in-force'
        ? `Signed: version ${last.version} is in force since round ${last.round}.`
        : `The agreement signed in round ${last.round} has collapsed (round ${last.collapsedRound}).`
    }</strong></p>
    <ul>${last.terms.map((t) => html`<li>${termText(c, t, v?.via)}</li>`)}</ul>
    ${
      last.violations.length > 0
        ? html`<ul class="violations">${last.violations.map(
            (x) =>
              html`<li>Round ${x.round}: ${nameOf(c, x.actor)} broke “${clauseOf(c, x.clause)?.name ?? x.clause}” (${violationBy(c, x)}).</li>`,
          )}</ul>`
        : nothing
    }
  </div>`;
}

/** The negotiation panel; `role` is the party at the device (null: read only, e.g. on the report screen). */
export function renderNegotiation(app: App, game: Game, role: string | null): TemplateResult {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const neg = s.negotiation;
  const cur = currentVersion(s);
  const waiting = awaitingAnswer(c, s);
  const relayed = neg.versions.filter((v) => v.via);
  return html`<section class="negotiation" aria-labelledby="negotiation-heading">
    <h3 id="negotiation-heading">Negotiation</h3>
    ${agreement(game, s)}
    ${cur ? currentText(game, cur) : html`<p>No text on the table yet.</p>`}
    ${cur && waiting ? html`<p class="hint">Waiting for ${nameOf(c, waiting)} to answer version ${cur.n}.</p>` : nothing}
    ${
      neg.versions.length > 0
        ? html`<details class="history"><summary>Version history (${neg.versions.length})</summary><ol>${neg.versions.map(
            (v, i) =>
              html`<li data-version=${v.n}>Version ${v.n} (round ${v.round}) by ${nameOf(c, v.author)}${v.via ? ` through ${nameOf(c, v.via)}` : ''}.
                <ul class="diff">${diffVersions(game, i > 0 ? neg.versions[i - 1] : undefined, v).map((d) => html`<li>${d}</li>`)}</ul>
                ${Object.entries(v.reasons).map(([who, r]) => html`<p class="hint">${nameOf(c, who)}: ${r}</p>`)}</li>`,
          )}</ol></details>`
        : nothing
    }
    ${
      relayed.length > 0
        ? html`<div class="channel"><h4>Mediator’s channel</h4><ul>${relayed.map((v) => html`<li>Version ${v.n}: ${v.relayed ?? ''}</li>`)}</ul></div>`
        : nothing
    }
    ${role && cur && waiting === role ? keyed(cur.n, answerForm(app, game, s, role, cur)) : nothing}
    ${role && !agreementInForce(s) && c.parties.includes(role) ? draftForm(app, game, s, role) : nothing}
  </section>`;
}

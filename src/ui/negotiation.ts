// The negotiation panel for every kind of seat: the current text and each party's answer to each clause as
// the viewer may see it, the text's status in plain words (who has it, who answered, who signed, in force or
// broken), the version history with a diff between versions, the mediator's channel, the signed agreement
// and its violations; and, for the seat at the device, the forms its place allows: a party's answer, a draft
// (a party's, or a mediator's own), passing a version on, signing as guarantor or monitor. Everything shown
// comes from the viewer's projection (the desk's `seen`; viewer.ts in the local game). textPanel takes a desk
// (desk.ts), so a networked room's client can draw the same panel from its seat's view. The forms are patched
// in place, so a half-written answer or draft survives every snapshot until it is sent.
import { html, nothing, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import { clauseOf, termText } from '../sim/clauses.ts';
import type { Compiled } from '../sim/compile.ts';
import { violationBy } from '../sim/compliance.ts';
import {
  agreementParties,
  answerError,
  awaitingAnswers,
  canMediate,
  currentVersion,
  isShuttle,
  isSigned,
  seesVersion,
  textParties,
} from '../sim/negotiation.ts';
import type { Agreement, ClauseAnswer, GameState, ParamValue, TextVersion } from '../sim/types.ts';
import { nameOf } from './causes.ts';
import { paramControl, paramsIn } from './clause-params.ts';
import type { Desk } from './desk.ts';
import { draftForm, passForm, signForm } from './text-forms.ts';
import type { App, Game } from './types.ts';
import { seenBy } from './viewer.ts';

const ANSWER_WORDS: Record<ClauseAnswer, string> = {
  accept: 'accepted',
  reject: 'rejected',
  change: 'changed',
};

/** The lines that differ between two versions: added, removed and changed clauses. */
export function diffVersions(c: Compiled, from: TextVersion | undefined, to: TextVersion): string[] {
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

/** Names joined in plain words: "A", "A and B", "A, B and C". */
function names(c: Compiled, ids: readonly string[]): string {
  const n = ids.map((x) => nameOf(c, x));
  return n.length <= 1 ? (n[0] ?? '') : `${n.slice(0, -1).join(', ')} and ${n.at(-1)}`;
}

/** Whether a party's answers to a version are kept from this viewer: a shuttle's answers reach the carrier alone. */
const answerHidden = (v: TextVersion, viewer: string | null, party: string) =>
  isShuttle(v) && viewer !== v.via && viewer !== party;

/** The current text as a table: each clause, and each of its parties' answer to it as the viewer may see it. */
function currentText(c: Compiled, s: GameState, v: TextVersion, viewer: string | null): TemplateResult {
  const parties = textParties(c, v);
  const cell = (x: string, clause: string) => {
    const a = v.answers[x]?.[clause];
    if (a) return html`<td data-answer=${a}>${ANSWER_WORDS[a]}</td>`;
    // A signed text was accepted by every party, whoever may see each answer.
    if (isSigned(s, v.n)) return html`<td data-answer="accept">${ANSWER_WORDS.accept}</td>`;
    if (answerHidden(v, viewer, x))
      return html`<td data-answer="private">reaches ${nameOf(c, v.via ?? '')} only</td>`;
    if (!seesVersion(v, x)) return html`<td data-answer="not-passed">not passed on yet</td>`;
    return html`<td data-answer="pending">not yet answered</td>`;
  };
  return html`<table class="negotiation-text">
    <caption>Version ${v.n}, by ${nameOf(c, v.author)}${v.via ? `, through ${nameOf(c, v.via)}` : ', sent directly'}</caption>
    <thead><tr><th scope="col">Clause</th>${parties.map((x) => html`<th scope="col">${nameOf(c, x)}</th>`)}</tr></thead>
    <tbody>${v.terms.map(
      (t) =>
        html`<tr data-clause=${t.clause}><th scope="row">${termText(c, t, v.via)}</th>${parties.map((x) => cell(x, t.clause))}</tr>`,
    )}</tbody>
  </table>`;
}

/** The current text's status in plain words, for this viewer: who has it, who answered, who is awaited. */
function textStatus(c: Compiled, s: GameState, v: TextVersion, viewer: string | null): TemplateResult {
  const parties = textParties(c, v);
  const lines: string[] = [`It binds ${names(c, parties)}.`];
  if (isShuttle(v) && v.via) {
    const carrier = nameOf(c, v.via);
    const has = parties.filter((p) => seesVersion(v, p) && p !== v.via);
    lines.push(
      has.length > 0
        ? `${carrier} carries it and has passed it to ${names(c, has)}.`
        : `${carrier} carries it and has not passed it on yet.`,
    );
    if (viewer !== null && viewer !== v.via && parties.includes(viewer))
      lines.push(`Answers go to ${carrier} alone: no party sees another’s.`);
  }
  if (isSigned(s, v.n)) lines.push('Every party accepted every clause: it is signed.');
  else {
    const answered = parties.filter((p) => v.answers[p] !== undefined);
    const known = parties.filter((p) => !answerHidden(v, viewer, p));
    const awaited = known.filter((p) => v.answers[p] === undefined && seesVersion(v, p));
    if (answered.length > 0) lines.push(`Answered: ${names(c, answered)}.`);
    if (awaited.length > 0) lines.push(`Awaited: ${names(c, awaited)}.`);
  }
  return html`<ul class="text-status" aria-label="Where the text stands">${lines.map((l) => html`<li>${l}</li>`)}</ul>`;
}

/** The answer form for the party the current version waits on. */
function answerForm(desk: Desk, role: string, v: TextVersion): TemplateResult {
  const { c, rules: s } = desk;
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
    desk.send({ type: 'ANSWER', actor: role, version: v.n, answers, changes });
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
              paramControl(c, s, p, t.params[p.id], `${group}-p-${p.id}`, `${t.clause}:${p.id}`),
            )}</div>`
          : nothing
      }</fieldset>`;
    })}
    <p class="error" role="alert"></p>
    <button type="submit">Send answer</button>
  </form>`;
}

/** Who signed an agreement, by name: its parties, then its guarantors and monitors. */
function signatories(c: Compiled, a: Agreement): string {
  const role = (word: string, ids: readonly string[]) =>
    ids.length > 0 ? `; ${word}${ids.length > 1 ? 's' : ''}: ${names(c, ids)}` : '';
  return `Signed by ${names(c, agreementParties(c, a))}${role('guarantor', a.guarantors)}${role('monitor', a.monitors ?? [])}.`;
}

/** The signed agreement (in force, or broken) with its signatories, terms and violations. */
function agreement(c: Compiled, s: GameState): TemplateResult | typeof nothing {
  const last = s.negotiation.agreements.at(-1);
  if (!last) return nothing;
  const v = s.negotiation.versions.find((x) => x.n === last.version);
  return html`<div class=${last.status === 'in-force' ? 'signed' : 'signed collapsed'} role="status" data-agreement=${last.status}>
    <p><strong>${
      last.status === 'in-force'
        ? `Signed: version ${last.version} is in force since round ${last.round}.`
        : `Broken: the agreement signed in round ${last.round} has collapsed (round ${last.collapsedRound}).`
    }</strong></p>
    <p class="signatories">${signatories(c, last)}</p>
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

/**
 * The negotiation panel on a desk (the local game's or a room's); `role` is the seat at the device (null: a
 * shared screen, read only).
 */
export function textPanel(desk: Desk, role: string | null): TemplateResult {
  const { c, seen: s } = desk;
  const neg = s.negotiation;
  const cur = currentVersion(s);
  const relayed = neg.versions.filter((v) => v.via);
  const inForce = neg.agreements.at(-1)?.status === 'in-force';
  const party = role !== null && c.parties.includes(role);
  const answering = role !== null && cur !== undefined && awaitingAnswers(c, desk.rules).includes(role);
  const carrying = role !== null && cur?.via === role && isShuttle(cur) && !isSigned(s, cur.n);
  return html`<section class="negotiation" aria-labelledby="negotiation-heading">
    <h3 id="negotiation-heading">Negotiation</h3>
    ${agreement(c, s)}
    ${cur ? html`${currentText(c, s, cur, role)}${textStatus(c, s, cur, role)}` : html`<p>No text on the table yet.</p>`}
    ${
      neg.versions.length > 0
        ? html`<details class="history"><summary>Version history (${neg.versions.length})</summary><ol>${neg.versions.map(
            (v, i) =>
              html`<li data-version=${v.n}>Version ${v.n} (round ${v.round}) by ${nameOf(c, v.author)}${v.via ? ` through ${nameOf(c, v.via)}` : ''}.
                <ul class="diff">${diffVersions(c, i > 0 ? neg.versions[i - 1] : undefined, v).map((d) => html`<li>${d}</li>`)}</ul>
                ${Object.entries(v.reasons).map(([who, r]) => html`<p class="hint">${nameOf(c, who)}: ${r}</p>`)}</li>`,
          )}</ol></details>`
        : nothing
    }
    ${
      relayed.length > 0
        ? html`<div class="channel"><h4>Mediator’s channel</h4><ul>${relayed.map((v) => html`<li>Version ${v.n}: ${v.relayed ?? ''}</li>`)}</ul></div>`
        : nothing
    }
    ${role && cur && answering ? keyed(cur.n, answerForm(desk, role, cur)) : nothing}
    ${role && cur && carrying ? keyed(cur.n, passForm(desk, role, cur)) : nothing}
    ${role && !inForce && (party || canMediate(c, role)) ? draftForm(desk, role) : nothing}
    ${role && inForce ? signForm(desk, role) : nothing}
  </section>`;
}

/** The negotiation panel of the local game; `role` is the seat at the device (null: a shared screen). */
export function renderNegotiation(app: App, game: Game, role: string | null): TemplateResult {
  const now = () => game.actor.getSnapshot().context;
  return textPanel(
    { c: game.c, seen: seenBy(game, role), rules: now(), send: (e) => app.send(e), now },
    role,
  );
}

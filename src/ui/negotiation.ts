// The negotiation panel: the current text and who accepted which clause, the version history with a
// diff between versions, the mediator's channel, the signed agreement and its violations; and, for a
// role, the answer form and a private draft form. It only sends PROPOSE and ANSWER events.
import type { ClauseParam } from '../scenario/schema.ts';
import { agreementInForce, clauseOf, defaultParams, paramText, termText } from '../sim/clauses.ts';
import { violationBy } from '../sim/compliance.ts';
import { answerError, awaitingAnswer, currentVersion, proposalError } from '../sim/negotiation.ts';
import type { ClauseAnswer, GameState, ParamValue, Term, TextVersion } from '../sim/types.ts';
import { nameOf } from './causes.ts';
import { el, nextId } from './dom.ts';
import { forgetForm, keepForm } from './memory.ts';
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

/** One control for a clause parameter, with its label; returns the element and a reader. `keep` names it for memory.ts. */
function paramControl(
  game: Game,
  s: GameState,
  p: ClauseParam,
  v: ParamValue | undefined,
  idBase: string,
  keep: string,
) {
  const id = `${idBase}-${p.id}`;
  const c = game.c;
  if (p.kind === 'crossings') {
    const boxes = (p.options ?? []).map((o) => {
      const box = el('input', { type: 'checkbox', id: `${id}-${o}`, value: o, 'data-keep': `${keep}:${o}` });
      box.checked = Array.isArray(v) && v.includes(o);
      return {
        box,
        node: el('span', { class: 'choice' }, box, el('label', { for: `${id}-${o}` }, nameOf(c, o))),
      };
    });
    return {
      node: el(
        'fieldset',
        { class: 'param' },
        el('legend', {}, p.name),
        boxes.map((b) => b.node),
      ),
      read: (): ParamValue => boxes.filter((b) => b.box.checked).map((b) => b.box.value),
    };
  }
  let select: HTMLSelectElement;
  if (p.kind === 'place')
    select = el(
      'select',
      { id, 'data-keep': keep },
      (p.options ?? []).map((o) => el('option', { value: o }, nameOf(c, o))),
    );
  else if (p.kind === 'round') {
    const rounds: number[] = [];
    for (let r = s.round; r <= c.scenario.meta.maxRounds; r++) rounds.push(r);
    select = el(
      'select',
      { id, 'data-keep': keep },
      rounds.map((r) => el('option', { value: r }, paramText(c, p, r))),
    );
  } else {
    const lo = p.min ?? 1;
    const hi = p.max ?? (p.kind === 'rounds' ? c.scenario.meta.maxRounds : lo + 100);
    const step = p.kind === 'number' ? Math.max(1, Math.round((hi - lo) / 10)) : 1;
    const values: number[] = [];
    for (let x = lo; x <= hi; x += step) values.push(x);
    if (typeof v === 'number' && !values.includes(v)) values.push(v);
    values.sort((a, b) => a - b);
    select = el(
      'select',
      { id, 'data-keep': keep },
      values.map((x) => el('option', { value: x }, paramText(c, p, x))),
    );
  }
  if (v !== undefined && !Array.isArray(v)) select.value = String(v);
  return {
    node: el('span', { class: 'param' }, el('label', { for: id }, `${p.name} `), select),
    read: (): ParamValue => (p.kind === 'place' ? select.value : Number(select.value)),
  };
}

/** The current text as a table: each clause, and each party's answer to it. */
function currentText(game: Game, v: TextVersion): HTMLElement {
  const c = game.c;
  return el(
    'table',
    { class: 'negotiation-text' },
    el(
      'caption',
      {},
      `Version ${v.n}, by ${nameOf(c, v.author)}${v.via ? `, through ${nameOf(c, v.via)}` : ', sent directly'}`,
    ),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Clause'),
        c.parties.map((x) => el('th', { scope: 'col' }, nameOf(c, x))),
      ),
    ),
    el(
      'tbody',
      {},
      v.terms.map((t) =>
        el(
          'tr',
          { 'data-clause': t.clause },
          el('th', { scope: 'row' }, termText(c, t, v.via)),
          c.parties.map((x) => {
            const a = v.answers[x]?.[t.clause];
            return el('td', { 'data-answer': a ?? 'pending' }, a ? ANSWER_WORDS[a] : 'not yet answered');
          }),
        ),
      ),
    ),
  );
}

/** The answer form for the party the current version waits on. */
function answerForm(app: App, game: Game, s: GameState, role: string, v: TextVersion): HTMLElement {
  const c = game.c;
  const rows: {
    t: Term;
    radios: Record<ClauseAnswer, HTMLInputElement>;
    params: { p: ClauseParam; read: () => ParamValue }[];
  }[] = [];
  const form = el(
    'form',
    { class: 'answer-form', novalidate: true },
    el('h4', {}, `Answer version ${v.n}, clause by clause`),
  );
  for (const t of v.terms) {
    const clause = clauseOf(c, t.clause);
    const group = nextId(`ans-${t.clause}`);
    const radios = {} as Record<ClauseAnswer, HTMLInputElement>;
    const choices = (['accept', 'reject', 'change'] as const)
      .filter((k) => k !== 'change' || (clause?.params.length ?? 0) > 0)
      .map((k) => {
        const r = el('input', {
          type: 'radio',
          name: group,
          id: `${group}-${k}`,
          value: k,
          'data-answer-for': t.clause,
          'data-keep': `answer:${t.clause}`,
        });
        r.checked = k === 'accept';
        radios[k] = r;
        const label = k === 'accept' ? 'Accept' : k === 'reject' ? 'Reject' : 'Accept with a change';
        return el('span', { class: 'choice' }, r, el('label', { for: `${group}-${k}` }, label));
      });
    const params = (clause?.params ?? []).map((p) => ({
      p,
      ...paramControl(game, s, p, t.params[p.id], `${group}-p`, `change:${t.clause}:${p.id}`),
    }));
    rows.push({ t, radios, params });
    form.append(
      el(
        'fieldset',
        { class: 'clause' },
        el('legend', {}, termText(c, t, v.via)),
        choices,
        params.length > 0 &&
          el(
            'div',
            { class: 'hint' },
            'For a change: ',
            params.map((x) => x.node),
          ),
      ),
    );
  }
  const error = el('p', { class: 'error', role: 'alert' });
  form.append(error, el('button', { type: 'submit' }, 'Send answer'));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const answers: Record<string, ClauseAnswer> = {};
    const changes: Record<string, Record<string, ParamValue>> = {};
    for (const r of rows) {
      const a = (Object.keys(r.radios) as ClauseAnswer[]).find((k) => r.radios[k].checked) ?? 'accept';
      answers[r.t.clause] = a;
      if (a === 'change') changes[r.t.clause] = Object.fromEntries(r.params.map((x) => [x.p.id, x.read()]));
    }
    const problem = answerError(c, s, role, v.n, answers, changes);
    if (problem) {
      error.textContent = `This answer cannot be sent: ${problem}.`;
      return;
    }
    app.send({ type: 'ANSWER', actor: role, version: v.n, answers, changes });
  });
  keepForm(app, `answer-${v.n}`, form);
  return form;
}

/** The private draft form: the party's clauses with their parameters, and the channel. */
function draftForm(app: App, game: Game, s: GameState, role: string): HTMLElement {
  const c = game.c;
  const form = el(
    'form',
    { class: 'draft-form', novalidate: true },
    el('h4', {}, 'Draft a proposal (private until sent)'),
  );
  const rows: { id: string; box: HTMLInputElement; params: { p: ClauseParam; read: () => ParamValue }[] }[] =
    [];
  for (const k of c.scenario.clauses.filter((x) => x.from === 'party')) {
    const id = nextId(`draft-${k.id}`);
    const box = el('input', { type: 'checkbox', id, 'data-clause': k.id, 'data-keep': `clause:${k.id}` });
    const defaults = defaultParams(c, k, s.round);
    const params = k.params.map((p) => ({
      p,
      ...paramControl(game, s, p, defaults[p.id], id, `param:${k.id}:${p.id}`),
    }));
    rows.push({ id: k.id, box, params });
    form.append(
      el(
        'div',
        { class: 'choice clause' },
        box,
        el('label', { for: id }, k.name),
        el('div', { class: 'hint' }, k.text),
        params.map((x) => x.node),
      ),
    );
  }
  const chId = nextId('channel');
  const channel = el(
    'select',
    { id: chId, 'data-channel': true, 'data-keep': 'channel' },
    el('option', { value: '' }, 'Directly to the other side'),
    c.scenario.actors
      .filter((a) => a.mediator)
      .map((a) => el('option', { value: a.id }, `Through ${a.name} (shuttle: the parties never meet)`)),
  );
  const error = el('p', { class: 'error', role: 'alert' });
  form.append(
    el('p', {}, el('label', { for: chId }, 'Channel '), channel),
    error,
    el('button', { type: 'submit' }, 'Send proposal'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const clauses = rows
      .filter((r) => r.box.checked)
      .map((r) => ({ clause: r.id, params: Object.fromEntries(r.params.map((x) => [x.p.id, x.read()])) }));
    const via = channel.value || null;
    const problem = proposalError(c, s, role, clauses, via);
    if (problem) {
      error.textContent = `This proposal cannot be sent: ${problem}.`;
      return;
    }
    forgetForm(app, 'draft'); // sent: the next draft starts afresh
    app.send({ type: 'PROPOSE', actor: role, clauses, via });
  });
  keepForm(app, 'draft', form);
  return form;
}

/** The negotiation panel; `role` is the party at the device (null: read only, e.g. on the report screen). */
export function renderNegotiation(app: App, game: Game, role: string | null): HTMLElement {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const neg = s.negotiation;
  const root = el(
    'section',
    { class: 'negotiation', 'aria-labelledby': 'negotiation-heading' },
    el('h3', { id: 'negotiation-heading' }, 'Negotiation'),
  );
  const inForce = agreementInForce(s);
  const last = neg.agreements.at(-1);
  if (last) {
    const v = neg.versions.find((x) => x.n === last.version);
    root.append(
      el(
        'div',
        {
          class: last.status === 'in-force' ? 'signed' : 'signed collapsed',
          role: 'status',
          'data-agreement': last.status,
        },
        el(
          'p',
          {},
          el(
            'strong',
            {},
            last.status === 'in-force'
              ? `Signed: version ${last.version} is in force since round ${last.round}.`
              : `The agreement signed in round ${last.round} has collapsed (round ${last.collapsedRound}).`,
          ),
        ),
        el(
          'ul',
          {},
          last.terms.map((t) => el('li', {}, termText(c, t, v?.via))),
        ),
        last.violations.length > 0 &&
          el(
            'ul',
            { class: 'violations' },
            last.violations.map((x) =>
              el(
                'li',
                {},
                `Round ${x.round}: ${nameOf(c, x.actor)} broke “${clauseOf(c, x.clause)?.name ?? x.clause}” (${violationBy(c, x)}).`,
              ),
            ),
          ),
      ),
    );
  }
  const cur = currentVersion(s);
  if (!cur) root.append(el('p', {}, 'No text on the table yet.'));
  else root.append(currentText(game, cur));
  const waiting = awaitingAnswer(c, s);
  if (cur && waiting)
    root.append(el('p', { class: 'hint' }, `Waiting for ${nameOf(c, waiting)} to answer version ${cur.n}.`));
  if (neg.versions.length > 0)
    root.append(
      el(
        'details',
        { class: 'history' },
        el('summary', {}, `Version history (${neg.versions.length})`),
        el(
          'ol',
          {},
          neg.versions.map((v, i) =>
            el(
              'li',
              { 'data-version': v.n },
              `Version ${v.n} (round ${v.round}) by ${nameOf(c, v.author)}${v.via ? ` through ${nameOf(c, v.via)}` : ''}.`,
              el(
                'ul',
                { class: 'diff' },
                diffVersions(game, i > 0 ? neg.versions[i - 1] : undefined, v).map((d) => el('li', {}, d)),
              ),
              Object.entries(v.reasons).map(([who, r]) =>
                el('p', { class: 'hint' }, `${nameOf(c, who)}: ${r}`),
              ),
            ),
          ),
        ),
      ),
    );
  const relayed = neg.versions.filter((v) => v.via);
  if (relayed.length > 0)
    root.append(
      el(
        'div',
        { class: 'channel' },
        el('h4', {}, 'Mediator’s channel'),
        el(
          'ul',
          {},
          relayed.map((v) => el('li', {}, `Version ${v.n}: ${v.relayed ?? ''}`)),
        ),
      ),
    );
  if (role && cur && waiting === role) root.append(answerForm(app, game, s, role, cur));
  if (role && !inForce && c.parties.includes(role)) root.append(draftForm(app, game, s, role));
  return root;
}

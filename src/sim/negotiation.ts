// The negotiated text: proposals (direct or relayed by a mediator), clause-by-clause answers,
// counter-proposals, signing, and the agreement that results. Every step is a cause.
import { applySigned, clauseOf, defaultParams, termError, termText } from './clauses.ts';
import type { Compiled } from './compile.ts';
import type { Draft } from './events.ts';
import { reveal } from './mediation.ts';
import type { Step } from './step.ts';
import type {
  Agreement,
  ClauseAnswer,
  GameState,
  NegotiationState,
  ParamValue,
  Term,
  TextVersion,
} from './types.ts';

/** Design choice: trust a mediator gains when a text it relayed is signed. */
export const SIGN_TRUST = 10;
/** Design choice: each party's credibility at the start (0–100). */
export const START_CREDIBILITY = 50;

/** What a party drafts: clauses and their parameters (its schema is with the events'). */
export type { Draft };

/** The negotiation before anything is proposed. */
export function emptyNegotiation(c: Compiled): NegotiationState {
  return {
    versions: [],
    current: null,
    agreements: [],
    credibility: Object.fromEntries(c.sides.map((x) => [x, START_CREDIBILITY])),
  };
}

/** The current version of the text, if any. */
export function currentVersion(s: GameState): TextVersion | undefined {
  const n = s.negotiation.current;
  return n === null ? undefined : s.negotiation.versions.find((v) => v.n === n);
}

/** Whether a version has been signed. */
export function isSigned(s: GameState, n: number): boolean {
  return s.negotiation.agreements.some((a) => a.version === n);
}

/** Whether every party has accepted every clause of a version. */
export function allAccepted(c: Compiled, v: TextVersion): boolean {
  return c.sides.every((side) => v.terms.every((t) => v.answers[side]?.[t.clause] === 'accept'));
}

/** The party that must answer the current version now, or undefined when none must. */
export function awaitingAnswer(c: Compiled, s: GameState): string | undefined {
  const v = currentVersion(s);
  if (!v || isSigned(s, v.n)) return undefined;
  return c.sides.find((x) => x !== v.author && v.answers[x] === undefined);
}

const mediatorName = (c: Compiled, id: string) => c.actors.get(id)?.name ?? id;

/** Why a party cannot send this proposal now, or null when it can. */
export function proposalError(
  c: Compiled,
  s: GameState,
  actor: string,
  drafts: readonly Draft[],
  via: string | null,
): string | null {
  if (c.scenario.clauses.length === 0) return 'this scenario has no clauses to negotiate';
  if (!c.sides.includes(actor)) return `${actor} is not a party to the conflict`;
  const last = s.negotiation.agreements.at(-1);
  if (last?.status === 'in-force') return 'an agreement is in force';
  if (drafts.length === 0) return 'a proposal needs at least one clause';
  if (new Set(drafts.map((d) => d.clause)).size !== drafts.length) return 'a clause appears twice';
  if (via !== null && !c.actors.get(via)?.mediator) return `${via} is not a mediator`;
  for (const d of drafts) {
    const clause = clauseOf(c, d.clause);
    if (!clause) return `unknown clause "${d.clause}"`;
    if (clause.from !== 'party') return `only a mediator may add "${clause.name}"`;
    const e = termError(c, clause, d.params, s.round);
    if (e) return e;
  }
  return null;
}

/** The mediator's own clause for a relayed text: the first mediator clause open to it and not yet in the text. */
function mediatorClause(st: Step, via: string, text: number, terms: readonly Term[]): Term | undefined {
  const { c, s } = st;
  const earlier = s.negotiation.versions.filter((v) => v.text === text);
  if (earlier.some((v) => v.terms.some((t) => t.by === via))) return undefined;
  const clause = c.scenario.clauses.find(
    (x) =>
      x.from === 'mediator' &&
      (!x.mediators || x.mediators.includes(via)) &&
      !terms.some((t) => t.clause === x.id),
  );
  return clause ? { clause: clause.id, params: defaultParams(c, clause, s.round), by: via } : undefined;
}

/** Adds a version to the log, as the current one, and records it as a cause and a change. */
function addVersion(
  st: Step,
  v: Omit<TextVersion, 'n' | 'text' | 'cause' | 'round'>,
  cause: number,
): TextVersion {
  const { s } = st;
  const neg = s.negotiation;
  const prev = currentVersion(s);
  const lastAgreement = neg.agreements.at(-1);
  const newText = !prev || (lastAgreement !== undefined && lastAgreement.version >= prev.n);
  const version: TextVersion = {
    ...v,
    n: (neg.versions.at(-1)?.n ?? 0) + 1,
    text: newText ? (prev?.text ?? 0) + 1 : prev.text,
    round: s.round,
    cause,
  };
  st.record('negotiation', prev ? `version ${prev.n}` : 'no text', `version ${version.n}`, cause);
  s.negotiation = { ...neg, versions: [...neg.versions, version], current: version.n };
  return version;
}

/**
 * Mediated talks succeed: the mediators sign both sides up to a bridging text, every clause a party may
 * propose that both sides value at 0 or more (but none that only reopens talks), with each mediator's
 * own first clause (a guarantee, aid). Fearon: the mediator proposes what each side would accept.
 */
export function bridge(st: Step, mediators: readonly string[], after: number): Agreement | undefined {
  const { c, s } = st;
  const lead = mediators[0];
  if (!lead) return undefined;
  const terms: Term[] = c.scenario.clauses
    .filter(
      (x) =>
        x.from === 'party' &&
        !x.mechanics.includes('talks') &&
        c.sides.every((side) => (x.value[side] ?? 0) >= 0),
    )
    .map((x) => ({ clause: x.id, params: defaultParams(c, x, s.round), by: lead }));
  for (const m of mediators) {
    const own = mediatorClause(st, m, Number.NaN, terms);
    if (own) terms.push(own);
  }
  const cause = st.cause({ kind: 'negotiation', ref: 'propose', actor: lead, after: [after] });
  const all = Object.fromEntries(terms.map((t) => [t.clause, 'accept' as const]));
  const v = addVersion(
    st,
    {
      author: lead,
      via: lead,
      basedOn: currentVersion(s)?.n ?? null,
      terms,
      relayed: `${mediatorName(c, lead)} puts a bridging text to both sides at the talks.`,
      answers: Object.fromEntries(c.sides.map((x) => [x, all])),
      reasons: {},
    },
    cause,
  );
  return sign(st, v, cause);
}

/** A party proposes a text, directly or through a mediator who relays it (and may add a clause of its own). */
export function propose(
  st: Step,
  actor: string,
  drafts: readonly Draft[],
  via: string | null,
  reason?: string,
): TextVersion {
  const { c, s } = st;
  const cause = st.cause({ kind: 'negotiation', ref: 'propose', actor, reason });
  let terms: Term[] = drafts.map((d) => ({ clause: d.clause, params: { ...d.params }, by: actor }));
  const prev = currentVersion(s);
  const sameText = prev && !isSigned(s, prev.n) ? prev.text : (prev?.text ?? 0) + 1;
  let relayed: string | undefined;
  if (via) {
    const own = mediatorClause(st, via, sameText, terms);
    if (own) terms = [...terms, own];
    reveal(st, [via]);
    relayed = `${mediatorName(c, via)} relays the text from ${mediatorName(c, actor)} in its own words, as commitments of both sides${own ? `, and adds: ${termText(c, own, via)}` : ''}.`;
  }
  const answers: Record<string, Record<string, ClauseAnswer>> = {
    [actor]: Object.fromEntries(terms.map((t) => [t.clause, 'accept' as const])),
  };
  const v = addVersion(
    st,
    {
      author: actor,
      via,
      basedOn: prev?.n ?? null,
      terms,
      relayed,
      answers,
      reasons: reason ? { [actor]: reason } : {},
    },
    cause,
  );
  st.log('news').push({
    round: s.round,
    cause,
    actor,
    headline: via
      ? `${mediatorName(c, via)} carries a proposal from ${mediatorName(c, actor)} (version ${v.n})`
      : `${mediatorName(c, actor)} sends a proposal (version ${v.n})`,
    body: terms.map((t) => termText(c, t, via)).join(' '),
    simulated: true,
  });
  return v;
}

/** Why this answer cannot be given now, or null when it can. */
export function answerError(
  c: Compiled,
  s: GameState,
  actor: string,
  version: number,
  answers: Readonly<Record<string, ClauseAnswer>>,
  changes: Readonly<Record<string, Record<string, ParamValue>>> = {},
): string | null {
  const v = currentVersion(s);
  if (!v || v.n !== version) return `version ${version} is not the current text`;
  if (isSigned(s, v.n)) return 'this text is already signed';
  if (!c.sides.includes(actor)) return `${actor} is not a party to the conflict`;
  if (v.answers[actor] !== undefined) return `${actor} has already answered this version`;
  for (const t of v.terms) {
    const a = answers[t.clause];
    if (a !== 'accept' && a !== 'reject' && a !== 'change') return `no answer to clause "${t.clause}"`;
    if (a === 'change') {
      const clause = clauseOf(c, t.clause);
      const p = changes[t.clause];
      if (!clause || !p) return `clause "${t.clause}" is changed but no new parameters are given`;
      const e = termError(c, clause, p, s.round);
      if (e) return e;
    }
  }
  const extra = Object.keys(answers).find((k) => !v.terms.some((t) => t.clause === k));
  return extra ? `clause "${extra}" is not in version ${v.n}` : null;
}

/**
 * A party answers the current version clause by clause. All accepted by both: signed. Any change, or a
 * mix of acceptances and rejections: a counter-proposal of the accepted and changed clauses.
 */
export function answer(
  st: Step,
  actor: string,
  answers: Readonly<Record<string, ClauseAnswer>>,
  changes: Readonly<Record<string, Record<string, ParamValue>>> = {},
  reason?: string,
): void {
  const { c, s } = st;
  const v = currentVersion(s);
  if (!v) return;
  const cause = st.cause({ kind: 'negotiation', ref: 'answer', actor, reason, after: [v.cause] });
  const mine = Object.fromEntries(v.terms.map((t) => [t.clause, answers[t.clause] ?? 'reject']));
  const updated: TextVersion = {
    ...v,
    answers: { ...v.answers, [actor]: mine },
    reasons: reason ? { ...v.reasons, [actor]: reason } : v.reasons,
  };
  const neg = s.negotiation;
  s.negotiation = { ...neg, versions: neg.versions.map((x) => (x.n === v.n ? updated : x)) };
  const values = Object.values(mine);
  const name = mediatorName(c, actor);
  const accepted = values.filter((a) => a === 'accept').length;
  st.log('news').push({
    round: s.round,
    cause,
    actor,
    headline:
      accepted === values.length
        ? `${name} accepts version ${v.n} of the text`
        : `${name} answers version ${v.n}: ${accepted} of ${values.length} clauses accepted`,
    body: reason,
    simulated: true,
  });
  if (accepted === values.length) {
    if (allAccepted(c, updated)) sign(st, updated, cause);
    return;
  }
  const kept: Term[] = [];
  for (const t of v.terms) {
    const a = mine[t.clause];
    if (a === 'accept') kept.push(t);
    else if (a === 'change') kept.push({ ...t, params: { ...(changes[t.clause] ?? t.params) } });
  }
  if (kept.length === 0) return;
  addVersion(
    st,
    {
      author: actor,
      via: v.via,
      basedOn: v.n,
      terms: kept,
      relayed: v.via
        ? `${mediatorName(c, v.via)} carries back a counter-proposal from ${name}, without the clauses it refused.`
        : undefined,
      answers: { [actor]: Object.fromEntries(kept.map((t) => [t.clause, 'accept' as const])) },
      reasons: reason ? { [actor]: reason } : {},
    },
    st.cause({ kind: 'negotiation', ref: 'counter', actor, reason, after: [cause] }),
  );
}

/** Both parties accepted the same version: it is signed and becomes the agreement in force. */
export function sign(st: Step, v: TextVersion, after: number): Agreement {
  const { c, s } = st;
  const cause = st.cause({
    kind: 'negotiation',
    ref: 'sign',
    after: [after, v.cause],
    reason: `Both parties accepted every clause of version ${v.n}.`,
  });
  const guarantors = [
    ...new Set([...(v.via ? [v.via] : []), ...v.terms.map((t) => t.by).filter((b) => !c.sides.includes(b))]),
  ];
  const agreement: Agreement = {
    version: v.n,
    round: s.round,
    terms: v.terms,
    status: 'in-force',
    guarantors,
    violations: [],
    collapsedRound: -1,
    cause,
  };
  const neg = s.negotiation;
  st.record('agreement', neg.agreements.length > 0 ? 'collapsed' : 'none', 'signed', cause);
  s.negotiation = { ...neg, agreements: [...neg.agreements, agreement] };
  for (const g of guarantors) {
    const trust = c.actors.get(g)?.mediator?.trust;
    if (trust) st.addMetric(trust, SIGN_TRUST, cause);
  }
  st.log('news').push({
    round: s.round,
    cause,
    headline: `Agreement signed (version ${v.n})`,
    body: v.terms.map((t) => termText(c, t, v.via)).join(' '),
    simulated: true,
  });
  applySigned(st, agreement, cause);
  return agreement;
}

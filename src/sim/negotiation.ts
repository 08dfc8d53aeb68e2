// The negotiated text among any number of parties: proposals (direct, relayed by a mediator, or drafted by
// the mediator itself), shuttle diplomacy (a mediator passes a text on to each party, and each party's
// answer reaches only the mediator), clause-by-clause answers, counter-proposals, signing by every party,
// and third parties who sign on as guarantors or monitors. Every step is a cause; a shuttle step's cause
// names who may see it (`to`), and projectFor (projection.ts) keeps it from everyone else.
import type { Clause } from '../scenario/schema.ts';
import { cover } from './ceasefire.ts';
import { agreementInForce, applySigned, clauseOf, defaultParams, termError, termText } from './clauses.ts';
import { actorName, type Compiled } from './compile.ts';
import type { Draft } from './events.ts';
import { addTrust, reveal } from './mediation.ts';
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
/** math: a text binds at least two parties (a pledge by one is an action, not a text). */
const MIN_PARTIES = 2;

/** What a party drafts: clauses and their parameters (its schema is with the events'). */
export type { Draft };

/** The negotiation before anything is proposed. */
export function emptyNegotiation(c: Compiled): NegotiationState {
  return {
    versions: [],
    current: null,
    agreements: [],
    credibility: Object.fromEntries(c.parties.map((x) => [x, START_CREDIBILITY])),
  };
}

/** The parties whose acceptance signs a version (a save from before format 2: every party of the scenario). */
export const textParties = (c: Compiled, v: Pick<TextVersion, 'parties'>): string[] => v.parties ?? c.parties;

/** The parties that signed an agreement. */
export const agreementParties = (c: Compiled, a: Pick<Agreement, 'parties'>): string[] =>
  a.parties ?? c.parties;

/** Whether a version travels by shuttle: a mediator carries it, and only those it is passed to see it. */
export const isShuttle = (v: Pick<TextVersion, 'shown'>): boolean => v.shown !== undefined;

/** Whether an actor sees a version: its author and carrier always; in a shuttle, the parties it was passed to. */
export function seesVersion(v: TextVersion, actor: string): boolean {
  return !isShuttle(v) || actor === v.author || actor === v.via || (v.shown ?? []).includes(actor);
}

/** Who may see a step on a version: everyone (undefined) unless it travels by shuttle. */
const audience = (
  v: Pick<TextVersion, 'author' | 'via' | 'shown'>,
  ...also: string[]
): string[] | undefined =>
  isShuttle(v) ? [...new Set([v.author, ...(v.via ? [v.via] : []), ...(v.shown ?? []), ...also])] : undefined;

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
  return textParties(c, v).every((p) => v.terms.every((t) => v.answers[p]?.[t.clause] === 'accept'));
}

/** The parties that must answer the current version now: those it has reached and who have not answered. */
export function awaitingAnswers(c: Compiled, s: GameState): string[] {
  const v = currentVersion(s);
  if (!v || isSigned(s, v.n)) return [];
  return textParties(c, v).filter((x) => v.answers[x] === undefined && seesVersion(v, x));
}

/** The first party that must answer the current version now, or undefined when none must. */
export function awaitingAnswer(c: Compiled, s: GameState): string | undefined {
  return awaitingAnswers(c, s)[0];
}

/** Whether a mediator can carry texts: it has a mediator section. */
export const canMediate = (c: Compiled, id: string | null): boolean =>
  id !== null && !!c.actors.get(id)?.mediator;

/** Whether an actor may put a clause in a text it drafts: anyone a party's clause; a mediator its own clauses too. */
export const mayDraft = (c: Compiled, actor: string, clause: Pick<Clause, 'from' | 'mediators'>): boolean =>
  clause.from === 'party' ||
  (!c.parties.includes(actor) && (!clause.mediators || clause.mediators.includes(actor)));

/** A person holds the mediator's seat: it passes texts on itself; a computer mediator passes every text on at once. */
const personCarries = (s: GameState, via: string): boolean => s.seats[via]?.by === 'person';

/**
 * Why this proposal cannot be sent now, or null when it can. A party drafts (directly, or through a
 * mediator); a mediator drafts its own text (`via` itself), with bridging clauses and its own. `parties`
 * are the signatories, at least two (every party to the conflict when omitted).
 */
export function proposalError(
  c: Compiled,
  s: GameState,
  actor: string,
  drafts: readonly Draft[],
  via: string | null,
  parties?: readonly string[],
): string | null {
  if (c.scenario.clauses.length === 0) return 'this scenario has no clauses to negotiate';
  const isParty = c.parties.includes(actor);
  if (!isParty && !canMediate(c, actor))
    return `${actorName(c, actor)} is neither a party to the conflict nor a mediator`;
  if (!isParty && via !== actor) return `a mediator carries its own text: "via" must be ${actor}`;
  const signers = parties ?? c.parties;
  if (new Set(signers).size !== signers.length) return 'a party is listed twice';
  if (signers.length < MIN_PARTIES) return `a text needs at least ${MIN_PARTIES} parties`;
  const stranger = signers.find((x) => !c.parties.includes(x));
  if (stranger !== undefined) return `${actorName(c, stranger)} is not a party to the conflict`;
  if (isParty && !signers.includes(actor)) return `${actorName(c, actor)} must be one of the text's parties`;
  const last = s.negotiation.agreements.at(-1);
  if (last?.status === 'in-force') return 'an agreement is in force';
  if (drafts.length === 0) return 'a proposal needs at least one clause';
  if (new Set(drafts.map((d) => d.clause)).size !== drafts.length) return 'a clause appears twice';
  if (via !== null && !canMediate(c, via)) return `${via} is not a mediator`;
  for (const d of drafts) {
    const clause = clauseOf(c, d.clause);
    if (!clause) return `unknown clause "${d.clause}"`;
    if (!mayDraft(c, actor, clause))
      return `only ${isParty ? 'a mediator' : 'another mediator'} may add "${clause.name}"`;
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
 * Mediated talks succeed: the mediators sign every party up to a bridging text, every clause a party may
 * propose that every party values at 0 or more (but none that only reopens talks), with each mediator's
 * own first clause (a guarantee, aid). Fearon: the mediator proposes what each side would accept.
 */
export function bridge(st: Step, mediators: readonly string[], after: number): Agreement | undefined {
  const { c, s } = st;
  const lead = mediators[0];
  if (!lead) return undefined;
  const terms: Term[] = bridgingDrafts(c, s).map((d) => ({ ...d, by: lead }));
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
      relayed: `${actorName(c, lead)} puts a bridging text to the parties at the talks.`,
      parties: c.parties,
      answers: Object.fromEntries(c.parties.map((x) => [x, all])),
      reasons: {},
    },
    cause,
  );
  return sign(st, v, cause);
}

/** The bridging clauses: every clause a party may propose that every party values at 0 or more, none that only reopens talks. */
export function bridgingDrafts(c: Compiled, s: GameState): Draft[] {
  return c.scenario.clauses
    .filter(
      (x) =>
        x.from === 'party' &&
        !x.mechanics.includes('talks') &&
        c.parties.every((p) => (x.value[p] ?? 0) >= 0),
    )
    .map((x) => ({ clause: x.id, params: defaultParams(c, x, s.round) }));
}

/**
 * A party proposes a text, directly or through a mediator who relays it (and may add a clause of its own),
 * or a mediator drafts one itself. A text a mediator carries travels by shuttle: a computer mediator passes
 * it on to every party at once; a person holding the mediator's seat passes it on (`pass`).
 */
export function propose(
  st: Step,
  actor: string,
  drafts: readonly Draft[],
  via: string | null,
  reason?: string,
  parties?: readonly string[],
): TextVersion {
  const { c, s } = st;
  const signers = [...(parties ?? c.parties)];
  const drafter = !c.parties.includes(actor);
  let terms: Term[] = drafts.map((d) => ({ clause: d.clause, params: { ...d.params }, by: actor }));
  const prev = currentVersion(s);
  const sameText = prev && !isSigned(s, prev.n) ? prev.text : (prev?.text ?? 0) + 1;
  let relayed: string | undefined;
  let shown: string[] | undefined;
  if (via) {
    const own = drafter ? undefined : mediatorClause(st, via, sameText, terms);
    if (own) terms = [...terms, own];
    reveal(st, [via]);
    relayed = drafter
      ? `${actorName(c, via)} drafts a text of its own for ${signers.map((x) => actorName(c, x)).join(', ')}.`
      : `${actorName(c, via)} relays the text from ${actorName(c, actor)} in its own words, as commitments of every party${own ? `, and adds: ${termText(c, own, via)}` : ''}.`;
    shown = personCarries(s, via) ? [] : signers.filter((x) => x !== actor);
  }
  const draft = { author: actor, via, shown };
  const cause = st.cause({
    kind: 'negotiation',
    ref: 'propose',
    actor,
    reason,
    ...(shown ? { to: audience(draft) } : {}),
  });
  const answers: Record<string, Record<string, ClauseAnswer>> = drafter
    ? {}
    : { [actor]: Object.fromEntries(terms.map((t) => [t.clause, 'accept' as const])) };
  const v = addVersion(
    st,
    {
      author: actor,
      via,
      basedOn: prev?.n ?? null,
      terms,
      relayed,
      parties: signers,
      ...(shown ? { shown } : {}),
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
      ? drafter
        ? `${actorName(c, via)} drafts a text (version ${v.n})`
        : `${actorName(c, via)} carries a proposal from ${actorName(c, actor)} (version ${v.n})`
      : `${actorName(c, actor)} sends a proposal (version ${v.n})`,
    body: terms.map((t) => termText(c, t, via)).join(' '),
    simulated: true,
  });
  return v;
}

/** Why a mediator cannot pass this version on to these parties now, or null when it can. */
export function passError(
  c: Compiled,
  s: GameState,
  actor: string,
  version: number,
  to: readonly string[],
): string | null {
  const v = currentVersion(s);
  if (!v || v.n !== version) return `version ${version} is not the current text`;
  if (isSigned(s, v.n)) return 'this text is already signed';
  if (v.via !== actor || !isShuttle(v)) return `${actorName(c, actor)} does not carry version ${v.n}`;
  if (to.length === 0) return 'pass the text on to at least one party';
  const stranger = to.find((x) => !textParties(c, v).includes(x));
  if (stranger !== undefined) return `${actorName(c, stranger)} is not a party to version ${v.n}`;
  return null;
}

/**
 * Shuttle diplomacy: the mediator passes the current version on to some parties, who may then answer it.
 * Each relay lets the mediator reveal what the others will accept (Fearon).
 */
export function pass(st: Step, actor: string, to: readonly string[]): void {
  const { c, s } = st;
  const v = currentVersion(s);
  if (!v) return;
  const shown = [...new Set([...(v.shown ?? []), ...to])];
  const cause = st.cause({
    kind: 'negotiation',
    ref: 'pass',
    actor,
    after: [v.cause],
    to: audience({ ...v, shown }),
  });
  const neg = s.negotiation;
  s.negotiation = { ...neg, versions: neg.versions.map((x) => (x.n === v.n ? { ...x, shown } : x)) };
  reveal(st, [actor]);
  st.log('news').push({
    round: s.round,
    cause,
    actor,
    headline: `${actorName(c, actor)} passes version ${v.n} of the text to ${to.map((x) => actorName(c, x)).join(', ')}`,
    body: v.terms.map((t) => termText(c, t, actor)).join(' '),
    simulated: true,
  });
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
  if (!textParties(c, v).includes(actor)) return `${actorName(c, actor)} is not a party to version ${v.n}`;
  if (!seesVersion(v, actor)) return `version ${v.n} has not been passed on to ${actorName(c, actor)}`;
  if (v.answers[actor] !== undefined) return `${actorName(c, actor)} has already answered this version`;
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
 * A party answers the current version clause by clause. All accepted by every party: signed. Any change, or
 * a mix of acceptances and rejections: a counter-proposal of the accepted and changed clauses. In a shuttle
 * the answer reaches the mediator only, and so does the counter-proposal until the mediator passes it on.
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
  const privately = isShuttle(v) ? { to: [actor, ...(v.via ? [v.via] : [])] } : {};
  const cause = st.cause({
    kind: 'negotiation',
    ref: 'answer',
    actor,
    reason,
    after: [v.cause],
    ...privately,
  });
  const mine = Object.fromEntries(v.terms.map((t) => [t.clause, answers[t.clause] ?? 'reject']));
  const updated: TextVersion = {
    ...v,
    answers: { ...v.answers, [actor]: mine },
    reasons: reason ? { ...v.reasons, [actor]: reason } : v.reasons,
  };
  const neg = s.negotiation;
  s.negotiation = { ...neg, versions: neg.versions.map((x) => (x.n === v.n ? updated : x)) };
  const values = Object.values(mine);
  const name = actorName(c, actor);
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
  const shown =
    !v.via || !isShuttle(v)
      ? v.shown
      : personCarries(s, v.via)
        ? []
        : textParties(c, v).filter((x) => x !== actor);
  const counter = { author: actor, via: v.via, shown };
  addVersion(
    st,
    {
      author: actor,
      via: v.via,
      basedOn: v.n,
      terms: kept,
      parties: textParties(c, v),
      ...(shown ? { shown } : {}),
      relayed: v.via
        ? `${actorName(c, v.via)} carries back a counter-proposal from ${name}, without the clauses it refused.`
        : undefined,
      answers: { [actor]: Object.fromEntries(kept.map((t) => [t.clause, 'accept' as const])) },
      reasons: reason ? { [actor]: reason } : {},
    },
    st.cause({
      kind: 'negotiation',
      ref: 'counter',
      actor,
      reason,
      after: [cause],
      ...(shown ? { to: audience(counter) } : {}),
    }),
  );
}

/** Every party accepted the same version: it is signed and becomes the agreement in force. */
export function sign(st: Step, v: TextVersion, after: number): Agreement {
  const { c, s } = st;
  const parties = textParties(c, v);
  const names = parties.map((x) => actorName(c, x));
  const cause = st.cause({
    kind: 'negotiation',
    ref: 'sign',
    after: [after, v.cause],
    reason: `${names.join(', ')} accepted every clause of version ${v.n}.`,
  });
  const guarantors = [
    ...new Set([...(v.via ? [v.via] : []), ...v.terms.map((t) => t.by).filter((b) => !parties.includes(b))]),
  ];
  const agreement: Agreement = {
    version: v.n,
    round: s.round,
    terms: v.terms,
    status: 'in-force',
    parties,
    guarantors,
    monitors: [],
    violations: [],
    collapsedRound: -1,
    cause,
  };
  const neg = s.negotiation;
  st.record('agreement', neg.agreements.length > 0 ? 'collapsed' : 'none', 'signed', cause);
  s.negotiation = { ...neg, agreements: [...neg.agreements, agreement] };
  for (const g of guarantors) addTrust(st, g, SIGN_TRUST, cause);
  st.log('news').push({
    round: s.round,
    cause,
    headline: `Agreement signed by ${names.join(', ')}${guarantors.length ? `, with ${guarantors.map((x) => actorName(c, x)).join(', ')} as guarantor` : ''} (version ${v.n})`,
    body: v.terms.map((t) => termText(c, t, v.via)).join(' '),
    simulated: true,
  });
  applySigned(st, agreement, cause);
  return agreement;
}

/** How a third party signs a text in force: as a guarantor (deterrence) or a monitor. */
export type SignAs = 'guarantor' | 'monitor';

/** Why this actor cannot sign the agreement in force as a guarantor or monitor now, or null when it can. */
export function signError(c: Compiled, s: GameState, actor: string, as: SignAs): string | null {
  const a = agreementInForce(s);
  if (!a) return 'no agreement is in force';
  if (agreementParties(c, a).includes(actor)) return `${actorName(c, actor)} signed it as a party`;
  if (c.parties.includes(actor))
    return `${actorName(c, actor)} is a party to the conflict, not a third party`;
  const already = as === 'guarantor' ? a.guarantors : (a.monitors ?? []);
  return already.includes(actor) ? `${actorName(c, actor)} already signed it as ${as}` : null;
}

/**
 * A third party signs the agreement in force as guarantor or monitor: the ceasefire gets the cover
 * (guaranteeRounds or monitoringRounds), and a guarantor answers for the text (it loses trust when it is broken).
 */
export function signAs(st: Step, actor: string, as: SignAs, reason?: string): void {
  const { c, s } = st;
  const a = agreementInForce(s);
  if (!a) return;
  const cause = st.cause({ kind: 'negotiation', ref: `sign-${as}`, actor, reason, after: [a.cause] });
  const updated: Agreement =
    as === 'guarantor'
      ? { ...a, guarantors: [...a.guarantors, actor] }
      : { ...a, monitors: [...(a.monitors ?? []), actor] };
  const neg = s.negotiation;
  s.negotiation = { ...neg, agreements: neg.agreements.map((x) => (x === a ? updated : x)) };
  st.record(
    `${as}s`,
    (as === 'guarantor' ? a.guarantors : (a.monitors ?? [])).join(','),
    (as === 'guarantor' ? updated.guarantors : (updated.monitors ?? [])).join(','),
    cause,
  );
  const d = c.scenario.dynamics;
  if (s.ceasefire.status === 'holding')
    cover(
      st,
      as === 'guarantor' ? 'guaranteed' : 'monitored',
      as === 'guarantor' ? d.guaranteeRounds : d.monitoringRounds,
      cause,
    );
  st.log('news').push({
    round: s.round,
    cause,
    actor,
    headline: `${actorName(c, actor)} signs the agreement (version ${a.version}) as ${as}`,
    body: reason,
    simulated: true,
  });
}

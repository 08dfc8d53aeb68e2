// Computer negotiators: they judge a text by their own interests (each clause's `value`) and the
// moment (ripeness, pain, the other side's conduct and credibility, trust in the mediator), then
// accept, reject or counter clause by clause, and say why in one line.
import type { ClauseParam } from '../scenario/schema.ts';
import { asState } from './belief.ts';
import { agreementInForce, clauseOf, defaultParams } from './clauses.ts';
import { actorName, type Compiled } from './compile.ts';
import { isRipe } from './dynamics.ts';
import { TRUST_PAR, trustIn } from './mediation.ts';
import {
  answer,
  awaitingAnswers,
  bridgingDrafts,
  currentVersion,
  type Draft,
  isSigned,
  pass,
  proposalError,
  propose,
  START_CREDIBILITY,
  signAs,
  signError,
  textParties,
} from './negotiation.ts';
import { mediatorOptions, partyOptions, plannedAnswer, plannedText, plansTalks } from './planner-talks.ts';
import { netWeight } from './policies.ts';
import type { Step } from './step.ts';
import type { ClauseAnswer, GameState, ParamValue, PolicyName, TalkRecord, Term } from './types.ts';

/** Design choice: a clause this far below acceptance is countered (its parameters softened), not rejected. */
export const COUNTER_MARGIN = 3;
/** Design choice: the chance per round that a willing computer party drafts a proposal. */
export const PROPOSE_CHANCE = 0.5;
/** Design choice: the most clauses a computer party puts in one proposal. */
export const MAX_CLAUSES = 4;

/**
 * Design choice: the disposition's weights. Ripeness (Zartman, ../shared/escalation-model.md), pain,
 * the policy, tit-for-tat's memory of the last round; credibility and trust count (x − 50) / scale;
 * the commitment term is commitmentWeight × (commitment − credibility / 100); resolve counts from its
 * midpoint.
 */
export const W = {
  ripe: 3,
  hurting: 1.5,
  dove: 2,
  hawk: 3,
  struck: 2,
  cooperated: 1,
  scale: 25,
  commitment: 1.5,
  resolve: 0.5,
} as const;

/** How disposed a party is to settle now, and the reasons, strongest first. */
export function disposition(
  c: Compiled,
  s: GameState,
  actor: string,
  policy: PolicyName,
  via: string | null,
): { score: number; why: string[] } {
  const why: [number, string][] = [];
  // Zartman: a mutually hurting stalemate makes parties settle (../shared/escalation-model.md).
  if (isRipe({ c, s })) why.push([W.ripe, 'every party is hurting']);
  const pain = c.pain.get(actor);
  if (pain && (s.metrics[pain] ?? 0) >= c.scenario.dynamics.painThreshold)
    why.push([W.hurting, 'it is hurting']);
  if (policy === 'dove') why.push([W.dove, 'it wants a way down']);
  if (policy === 'hawk') why.push([-W.hawk, 'it expects to win by force']);
  const adversaries = (c.against.get(actor) ?? []).filter((x) => c.parties.includes(x));
  const last = netWeight(s, adversaries, s.round - 1);
  if (policy === 'tit-for-tat' && last < 0) why.push([-W.struck, 'the other side struck last round']);
  if (policy === 'tit-for-tat' && last > 0) why.push([W.cooperated, 'the other side cooperated last round']);
  // The least credible party it faces is the one whose word counts.
  const cred = adversaries.length
    ? Math.min(...adversaries.map((x) => s.negotiation.credibility[x] ?? START_CREDIBILITY))
    : START_CREDIBILITY;
  if (cred !== START_CREDIBILITY)
    why.push([
      (cred - START_CREDIBILITY) / W.scale,
      cred < START_CREDIBILITY ? 'the other side broke its word' : 'the other side kept its word',
    ]);
  // Fearon: doubt about the other side's resolve and red lines, and a word nobody will hold it to.
  const d = c.scenario.dynamics;
  const doubt = s.doubt[actor] ?? 0;
  if (doubt > 0) why.push([-d.doubtWeight * doubt, 'it cannot tell what the other side will really accept']);
  if (via === null && d.commitmentWeight > 0)
    why.push([
      -d.commitmentWeight * (W.commitment - cred / 100), // math: credibility is out of 100
      'no third party would hold the other side to its word',
    ]);
  const resolve = s.resolve[actor];
  if (resolve !== undefined && d.resolveWeight > 0)
    why.push([
      -d.resolveWeight * (resolve - W.resolve),
      resolve > W.resolve ? 'its resolve is high' : 'its resolve is wavering',
    ]);
  if (via && (c.trust.get(via) ?? []).length > 0) {
    const t = trustIn(c, s, via, actor);
    why.push([
      (t - TRUST_PAR) / W.scale,
      `${t >= TRUST_PAR ? 'it trusts' : 'it distrusts'} ${actorName(c, via)}`,
    ]);
  }
  why.sort((a, b) => Math.abs(b[0]) - Math.abs(a[0]));
  return { score: why.reduce((x, [w]) => x + w, 0), why: why.filter(([w]) => w !== 0).map(([, t]) => t) };
}

/** A softer version of a clause's parameters for a counter-proposal, or null when none is softer. */
export function soften(p: ClauseParam, v: ParamValue | undefined, maxRound: number): ParamValue | null {
  if (p.kind === 'round' && typeof v === 'number' && v < Math.min(maxRound, p.max ?? maxRound)) return v + 1;
  if (p.kind === 'rounds' && typeof v === 'number' && v > Math.max(1, p.min ?? 1))
    return Math.max(1, Math.floor(v / 2)); // design choice: half the duration
  if (p.kind === 'crossings' && Array.isArray(v) && v.length > 1) return v.slice(0, 1);
  return null;
}

/** A term's parameters, each softened where it can be (a counter-proposal's), or null when none is softer. */
export function softened(c: Compiled, t: Term): Record<string, ParamValue> | null {
  const clause = clauseOf(c, t.clause);
  if (!clause) return null;
  const params = { ...t.params };
  let changed = false;
  for (const p of clause.params) {
    const softer = soften(p, params[p.id], c.scenario.meta.maxRounds);
    if (softer !== null) {
      params[p.id] = softer;
      changed = true;
    }
  }
  return changed ? params : null;
}

/** A computer party's answer to a version: per clause, the changed parameters, and its reason. */
export function judge(
  c: Compiled,
  s: GameState,
  actor: string,
  policy: PolicyName,
  terms: readonly Term[],
  via: string | null,
): {
  answers: Record<string, ClauseAnswer>;
  changes: Record<string, Record<string, ParamValue>>;
  reason: string;
} {
  const mood = disposition(c, s, actor, policy, via);
  const answers: Record<string, ClauseAnswer> = {};
  const changes: Record<string, Record<string, ParamValue>> = {};
  const said: Record<ClauseAnswer, string[]> = { accept: [], reject: [], change: [] };
  for (const t of terms) {
    const clause = clauseOf(c, t.clause);
    const v = (clause?.value[actor] ?? 0) + mood.score;
    let a: ClauseAnswer = v >= 0 ? 'accept' : 'reject';
    const params = a === 'reject' && v >= -COUNTER_MARGIN ? softened(c, t) : null;
    if (params) {
      a = 'change';
      changes[t.clause] = params;
    }
    answers[t.clause] = a;
    said[a].push(clause?.name ?? t.clause);
  }
  const name = actorName(c, actor);
  const parts = [
    said.accept.length ? `accepts ${said.accept.join(', ')}` : '',
    said.change.length ? `asks to change ${said.change.join(', ')}` : '',
    said.reject.length ? `rejects ${said.reject.join(', ')}` : '',
  ].filter(Boolean);
  const because = mood.why.length ? ` because ${mood.why.slice(0, 2).join(' and ')}` : '';
  return { answers, changes, reason: `${name} ${parts.join('; ')}${because}.` };
}

/** The proposal a willing computer party drafts: the clauses it wants, best first, via its most trusted mediator (directly when it trusts none at least at par). */
export function draftFor(c: Compiled, s: GameState, actor: string): { drafts: Draft[]; via: string | null } {
  const wanted = c.scenario.clauses
    .filter((x) => x.from === 'party' && (x.value[actor] ?? 0) >= 0)
    .sort((a, b) => (b.value[actor] ?? 0) - (a.value[actor] ?? 0))
    .slice(0, MAX_CLAUSES);
  const mediators = c.scenario.actors.filter((a) => a.mediator && !c.parties.includes(a.id));
  let via: string | null = null;
  // A mediator trusted below par is not used: the party then talks directly.
  let best = TRUST_PAR - 1;
  for (const m of mediators) {
    const t = trustIn(c, s, m.id, actor);
    if (t > best) {
      best = t;
      via = m.id;
    }
  }
  return { drafts: wanted.map((x) => ({ clause: x.id, params: defaultParams(c, x, s.round) })), via };
}

/**
 * Each computer player's negotiating move this round: parties answer or propose; third parties carry, draft
 * and sign on. `record` collects the planner seats' decisions with their keys (the pre-play, preplay.ts).
 */
export function negotiateRound(st: Step, record?: TalkRecord[]): void {
  const { c } = st;
  if (c.scenario.clauses.length === 0) return;
  for (const actor of c.parties) {
    const seat = st.s.seats[actor];
    if (seat?.by !== 'computer') continue;
    const s = st.s;
    const waiting = awaitingAnswers(c, s);
    const planner = plansTalks(s, actor);
    if (waiting.includes(actor)) {
      const v = currentVersion(s);
      if (!v) continue;
      const j =
        (planner ? plannedAnswer(c, s, actor, softened, record) : null) ??
        judge(c, s, actor, seat.policy, v.terms, v.via);
      answer(st, actor, j.answers, j.changes, j.reason);
      continue;
    }
    if (agreementInForce(s)) continue;
    if (waiting.length > 0 || carrying(st) !== undefined) continue; // a text is waiting for others
    if (planner) {
      // The planner drafts what it wants, as draftFor does, from its own view; whether and which by its numbers.
      const t = plannedText(
        c,
        s,
        actor,
        (view) => {
          const mine = draftFor(c, asState(view), actor);
          return partyOptions(c, actor, mine.drafts, mine.via);
        },
        record,
      );
      if (t && t.drafts.length > 0) propose(st, actor, t.drafts, t.via, t.reason);
      continue;
    }
    const { drafts, via } = draftFor(c, s, actor);
    const mood = disposition(c, s, actor, seat.policy, via);
    if (mood.score <= 0 || st.rng.next() >= PROPOSE_CHANCE) continue;
    if (drafts.length === 0) continue;
    const name = actorName(c, actor);
    propose(st, actor, drafts, via, `${name} proposes terms because ${mood.why.slice(0, 2).join(' and ')}.`);
  }
  for (const actor of c.seated) {
    if (c.parties.includes(actor) || st.s.seats[actor]?.by !== 'computer') continue;
    thirdPartyMove(st, actor, record);
  }
}

/** The mediator carrying the current text when it has not yet reached every party, if any. */
function carrying(st: Step): string | undefined {
  const v = currentVersion(st.s);
  if (!v?.via || !v.shown || isSigned(st.s, v.n)) return undefined;
  const left = textParties(st.c, v).filter((x) => x !== v.author && !v.shown?.includes(x));
  return left.length > 0 ? v.via : undefined;
}

/**
 * A computer third party's negotiating move (design choices): a mediator passes on a text it carries,
 * and, as the lead mediator while its good offices are engaged and the parties are stuck, may draft a
 * bridging text of the clauses every party values at 0 or more; once a mediated text is in force a great
 * power signs on as guarantor, an organisation as monitor, a mediator as guarantor.
 */
function thirdPartyMove(st: Step, actor: string, record?: TalkRecord[]): void {
  const { c, s } = st;
  const me = c.actors.get(actor);
  if (!me) return;
  const name = me.name;
  if (carrying(st) === actor) {
    const v = currentVersion(s);
    if (v)
      pass(
        st,
        actor,
        textParties(c, v).filter((x) => x !== v.author),
      );
    return;
  }
  const inForce = agreementInForce(s);
  if (inForce) {
    // A text the parties reached alone has no mediator asking others to stand behind it: third parties sign
    // on to a mediated text only (one with guarantors at signing), so a direct deal stays the parties' own.
    if (inForce.guarantors.length === 0) return;
    const as = me.role === 'organisation' ? 'monitor' : me.role === 'spoiler' ? null : 'guarantor';
    if (as && signError(c, s, actor, as) === null)
      signAs(st, actor, as, `${name} signs on as ${as} to hold the parties to their word.`);
    return;
  }
  const engaged =
    s.mediation.mediators.includes(actor) && ['offered', 'accepted', 'talks'].includes(s.mediation.phase);
  // One lead mediator drafts, and only when the parties are stuck: the crisis is ripe (a mutually hurting
  // stalemate: Zartman) and a text of their own is on the table unsigned, rather than every engaged
  // mediator putting its own text before the parties have tried theirs.
  const lead = s.mediation.mediators[0] === actor;
  const v = currentVersion(s);
  const stuck = isRipe({ c, s }) && v !== undefined && c.parties.includes(v.author) && !isSigned(s, v.n);
  if (!me.mediator || !engaged || awaitingAnswers(c, s).length > 0) return;
  if (plansTalks(s, actor)) {
    // A planner mediator drafts whenever its numbers favour a text over none this round, lead or not.
    const t = plannedText(c, s, actor, (view) => mediatorOptions(c, view, actor), record);
    if (t && t.drafts.length > 0) propose(st, actor, t.drafts, actor, t.reason);
    return;
  }
  if (!lead || !stuck) return;
  if (st.rng.next() >= PROPOSE_CHANCE) return;
  const drafts = bridgingDrafts(c, s);
  if (drafts.length === 0 || proposalError(c, s, actor, drafts, actor) !== null) return;
  propose(st, actor, drafts, actor, `${name} drafts a bridging text of the clauses every party can accept.`);
}

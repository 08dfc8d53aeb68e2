// Compliance with a signed agreement: a party's action, or a reaction of a party's, that breaks a clause
// in force is a violation — news, lost credibility and standing for the violator, lost trust in the
// guarantors, and a chance of collapse.
import type { Action, Effect, Outcome, Reaction } from '../scenario/schema.ts';
import { breakCeasefire } from './ceasefire.ts';
import { agreementInForce, clauseOf, termCrossings, termInForce } from './clauses.ts';
import { actorName, type Compiled } from './compile.ts';
import { addTrust } from './mediation.ts';
import { agreementParties, START_CREDIBILITY } from './negotiation.ts';
import type { Step } from './step.ts';
import type { Agreement, GameState, Violation } from './types.ts';

/** Design choice: credibility a party loses with each violation (0–100 scale). */
export const CREDIBILITY_LOSS = 15;
/** Design choice: standing a violator loses with each violation. */
export const STANDING_LOSS = 3;
/** Design choice: trust each guarantor loses when the agreement it guaranteed is violated. */
export const GUARANTOR_TRUST_LOSS = 5;
/**
 * Design choice: the chance that a violation collapses the agreement, before earlier violations;
 * each earlier violation of the same agreement adds half as much again (trust erodes).
 */
export const COLLAPSE_CHANCE = 0.3;
/** Design choice: each earlier violation adds this share of COLLAPSE_CHANCE. */
export const EROSION = 0.5;

/** What a party did that may break a clause: an action it took (with the outcome drawn), or a reaction of its that fired. */
export type Deed =
  | { kind: 'action'; action: Action; outcome: Outcome }
  | { kind: 'reaction'; reaction: Reaction };

const deedId = (d: Deed) => (d.kind === 'action' ? d.action.id : d.reaction.id);
const deedEffects = (d: Deed): readonly Effect[] =>
  d.kind === 'action' ? d.outcome.effects : d.reaction.effects;
/** The deed in words: the action's name, or the reaction's headline (its id when it has none). */
const deedName = (d: Deed) =>
  d.kind === 'action' ? d.action.name : (d.reaction.news?.headline ?? d.reaction.id);

/** What broke a clause, in words: the action's name, or the reaction's headline. */
export function violationBy(c: Compiled, v: Violation): string {
  if (v.by === 'reaction') {
    const reaction = c.scenario.reactions.find((r) => r.id === v.action);
    return reaction ? deedName({ kind: 'reaction', reaction }) : v.action;
  }
  return c.actions.get(v.action)?.name ?? v.action;
}

/** The clauses of the agreement in force that this party's deed breaks. */
export function brokenClauses(c: Compiled, s: GameState, actor: string, deed: Deed): string[] {
  const a = agreementInForce(s);
  if (!a || !agreementParties(c, a).includes(actor)) return [];
  const closes = deedEffects(deed).flatMap((e) =>
    'crossing' in e && e.status === 'closed' ? [e.crossing] : [],
  );
  const out: string[] = [];
  for (const t of a.terms) {
    const clause = clauseOf(c, t.clause);
    if (!clause || !termInForce(c, t, a.round, s.round)) continue;
    const hit =
      deed.kind === 'action'
        ? clause.violatedBy.actions.includes(deed.action.id) ||
          deed.action.tags.some((x) => clause.violatedBy.tags.includes(x))
        : clause.violatedBy.reactions.includes(deed.reaction.id);
    if (!hit) continue;
    const chosen = termCrossings(c, t);
    if (chosen && closes.length > 0 && !closes.some((x) => chosen.includes(x))) continue;
    out.push(t.clause);
  }
  return out;
}

/** The chance that a violation collapses this agreement. */
export function collapseChance(a: Agreement): number {
  return Math.min(1, COLLAPSE_CHANCE * (1 + EROSION * a.violations.length));
}

/** Checks a party's deed against the agreement in force and records every violation it makes. */
export function checkCompliance(st: Step, actor: string, deed: Deed, after: number): void {
  const { c, s } = st;
  const broken = brokenClauses(c, s, actor, deed);
  if (broken.length === 0) return;
  const a = agreementInForce(s);
  if (!a) return;
  const name = actorName(c, actor);
  const names = broken.map((id) => clauseOf(c, id)?.name ?? id);
  const cause = st.cause({
    kind: 'negotiation',
    ref: 'violation',
    actor,
    after: [after, a.cause],
    reason: `${deedName(deed)} breaks ${names.join(', ')} of the agreement signed in round ${a.round}.`,
  });
  const found: Violation[] = broken.map((clause) => ({
    round: s.round,
    actor,
    clause,
    action: deedId(deed),
    ...(deed.kind === 'reaction' ? { by: 'reaction' as const } : {}),
    cause,
  }));
  st.record('violations', a.violations.length, a.violations.length + found.length, cause);
  const cred = s.negotiation.credibility[actor] ?? START_CREDIBILITY;
  const lower = Math.max(0, cred - CREDIBILITY_LOSS * found.length);
  st.record(`credibility:${actor}`, cred, lower, cause);
  const standing = c.standing.get(actor);
  if (standing) st.addMetric(standing, -STANDING_LOSS * found.length, cause);
  for (const g of a.guarantors) addTrust(st, g, -GUARANTOR_TRUST_LOSS, cause);
  st.log('news').push({
    round: s.round,
    cause,
    actor,
    headline: `Violation: ${name} breaks the agreement (${names.join(', ')})`,
    body: `${deed.kind === 'action' ? deed.action.name : `Its reaction (${deedName(deed)})`} breaks what ${name} signed in round ${a.round}.`,
    simulated: true,
  });
  const collapses = st.rng.next() < collapseChance(a);
  const updated: Agreement = {
    ...a,
    violations: [...a.violations, ...found],
    status: collapses ? 'collapsed' : 'in-force',
    collapsedRound: collapses ? s.round : a.collapsedRound,
  };
  const neg = s.negotiation;
  s.negotiation = {
    ...neg,
    credibility: { ...neg.credibility, [actor]: lower },
    agreements: [...neg.agreements.slice(0, -1), updated],
  };
  if (collapses) collapseAgreement(st, cause);
}

/** The agreement collapses: recorded, reported, and its ceasefire ends. */
export function collapseAgreement(st: Step, after: number): void {
  const { s } = st;
  const a = s.negotiation.agreements.at(-1);
  if (!a) return;
  const cause = st.cause({ kind: 'negotiation', ref: 'collapse', after: [after] });
  if (a.status === 'in-force') {
    const neg = s.negotiation;
    s.negotiation = {
      ...neg,
      agreements: [...neg.agreements.slice(0, -1), { ...a, status: 'collapsed', collapsedRound: s.round }],
    };
  }
  st.record('agreement', 'signed', 'collapsed', cause);
  breakCeasefire(st, cause);
  st.log('news').push({
    round: s.round,
    cause,
    headline: `The agreement signed in round ${a.round} collapses`,
    simulated: true,
  });
}

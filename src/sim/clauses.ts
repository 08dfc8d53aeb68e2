// Clauses of a negotiated text: their parameters, their wording, when they are in force, and what a
// signed clause does to the engine's rules (docs/engine-rules.md, "Negotiation").
import type { Clause, ClauseParam } from '../scenario/schema.ts';
import { cover, declareCeasefire } from './ceasefire.ts';
import { actorName, type Compiled } from './compile.ts';
import { applyEffects } from './effects.ts';
import { accept, offer } from './mediation.ts';
import type { Step } from './step.ts';
import { roundDate } from './text.ts';
import type { Agreement, GameState, ParamValue, Term } from './types.ts';

/** Design choice: armed groups' reactions fire at this share of their probability under a `spoilers` clause. */
export const SPOILER_FACTOR = 0.4;
/** Design choice: the humanitarian clock runs at this share of its speed under a `humanitarian` clause. */
export const HUMANITARIAN_FACTOR = 0.5;

/** The clause definition of a term, if the scenario has it. */
export function clauseOf(c: Compiled, id: string): Clause | undefined {
  return c.scenario.clauses.find((x) => x.id === id);
}

/** Why a parameter value is not acceptable, or null when it is. */
export function paramError(
  c: Compiled,
  p: ClauseParam,
  v: ParamValue | undefined,
  round: number,
): string | null {
  if (v === undefined) return `"${p.name}" is missing`;
  switch (p.kind) {
    case 'round':
    case 'rounds':
    case 'number': {
      if (typeof v !== 'number' || !Number.isFinite(v)) return `"${p.name}" must be a number`;
      if ((p.kind === 'round' || p.kind === 'rounds') && !Number.isInteger(v))
        return `"${p.name}" must be a whole number`;
      const lo =
        p.kind === 'round'
          ? Math.max(round, p.min ?? round)
          : (p.min ?? (p.kind === 'rounds' ? 1 : -Infinity));
      const hi =
        p.kind === 'round' ? Math.min(c.scenario.meta.maxRounds, p.max ?? Infinity) : (p.max ?? Infinity);
      if (v < lo || v > hi) return `"${p.name}" must be from ${lo} to ${hi}`;
      return null;
    }
    case 'place':
      if (typeof v !== 'string' || !(p.options ?? []).includes(v))
        return `"${p.name}" must be one of its options`;
      return null;
    case 'crossings':
      if (!Array.isArray(v) || v.length === 0) return `"${p.name}" needs at least one crossing`;
      if (new Set(v).size !== v.length || v.some((x) => !(p.options ?? []).includes(x)))
        return `"${p.name}" must list distinct crossings among its options`;
      return null;
  }
}

/** Why a clause with these parameters cannot stand in a text at this round, or null. */
export function termError(
  c: Compiled,
  clause: Clause,
  params: Record<string, ParamValue>,
  round: number,
): string | null {
  for (const p of clause.params) {
    const e = paramError(c, p, params[p.id], round);
    if (e) return `clause "${clause.name}": ${e}`;
  }
  const extra = Object.keys(params).find((k) => !clause.params.some((p) => p.id === k));
  return extra ? `clause "${clause.name}" has no parameter "${extra}"` : null;
}

/** The parameters a new draft of a clause starts with (a round default counts from the current round). */
export function defaultParams(c: Compiled, clause: Clause, round: number): Record<string, ParamValue> {
  const out: Record<string, ParamValue> = {};
  for (const p of clause.params) {
    const d = p.default;
    if (p.kind === 'round')
      out[p.id] = Math.min(c.scenario.meta.maxRounds, round + (typeof d === 'number' ? d : 0));
    else if (p.kind === 'crossings') out[p.id] = Array.isArray(d) ? d.slice() : [];
    else out[p.id] = Array.isArray(d) ? (d[0] ?? '') : d;
  }
  return out;
}

/** A place's or a badge's name. */
const placeName = (c: Compiled, id: string) =>
  c.locations.get(id)?.name ?? c.scenario.map.badges.find((b) => b.id === id)?.name ?? id;

/** A parameter value in words: a round as its date, crossings and places by name. */
export function paramText(c: Compiled, p: ClauseParam | undefined, v: ParamValue | undefined): string {
  if (v === undefined) return '?';
  if (Array.isArray(v)) return v.map((id) => placeName(c, id)).join(' and ');
  if (typeof v === 'string') return placeName(c, v);
  if (p?.kind === 'round') return `${roundDate(c, v)} (round ${v})`;
  if (p?.kind === 'rounds') return `${v} round${v === 1 ? '' : 's'}`;
  return p?.unit ? `${v} ${p.unit}` : String(v);
}

/** The wording of a term: the clause text with its parameters (and the mediator) filled in. */
export function termText(c: Compiled, t: Term, mediator?: string | null): string {
  const clause = clauseOf(c, t.clause);
  if (!clause) return t.clause;
  return clause.text.replace(/\{([a-z][a-z0-9-]*)\}/g, (m, key: string) => {
    if (key === 'mediator') return mediator ? actorName(c, mediator) : 'the mediator';
    const p = clause.params.find((x) => x.id === key);
    return p ? paramText(c, p, t.params[key]) : m;
  });
}

/** The round from which a term applies: its first `round` parameter, or the signing round. */
export function termFrom(c: Compiled, t: Term, signed: number): number {
  const p = clauseOf(c, t.clause)?.params.find((x) => x.kind === 'round');
  const v = p ? t.params[p.id] : undefined;
  return typeof v === 'number' ? Math.max(v, signed) : signed;
}

/** A term's duration in rounds, when it has one. */
function termRounds(c: Compiled, t: Term): number | undefined {
  const p = clauseOf(c, t.clause)?.params.find((x) => x.kind === 'rounds');
  const d = p ? t.params[p.id] : undefined;
  return typeof d === 'number' ? d : undefined;
}

/** Whether a term of an agreement applies in a round: from its start, and until its duration lapses. */
export function termInForce(c: Compiled, t: Term, signed: number, round: number): boolean {
  const from = termFrom(c, t, signed);
  if (round < from) return false;
  const d = termRounds(c, t);
  return d === undefined || round < from + d;
}

/** The agreement in force, if any: the last one signed, unless it has collapsed. */
export function agreementInForce(s: GameState): Agreement | undefined {
  const a = s.negotiation.agreements.at(-1);
  return a?.status === 'in-force' ? a : undefined;
}

/** The terms of the agreement in force that apply now and change the given mechanic. */
export function activeTerms(c: Compiled, s: GameState, mechanic: Clause['mechanics'][number]): Term[] {
  const a = agreementInForce(s);
  if (!a) return [];
  return a.terms.filter(
    (t) => clauseOf(c, t.clause)?.mechanics.includes(mechanic) && termInForce(c, t, a.round, s.round),
  );
}

/** The factor on armed groups' reaction probabilities (SPOILER_FACTOR under a `spoilers` clause, else 1). */
export function spoilerFactor(c: Compiled, s: GameState): number {
  return activeTerms(c, s, 'spoilers').length > 0 ? SPOILER_FACTOR : 1;
}

/** The factor on the humanitarian clock (HUMANITARIAN_FACTOR under a `humanitarian` clause, else 1). */
export function humanitarianFactor(c: Compiled, s: GameState): number {
  return activeTerms(c, s, 'humanitarian').length > 0 ? HUMANITARIAN_FACTOR : 1;
}

/** A term's parameters of one kind, flattened to ids (crossings or places). */
function idsOf(c: Compiled, t: Term, kind: ClauseParam['kind']): string[] {
  const clause = clauseOf(c, t.clause);
  return (clause?.params ?? [])
    .filter((p) => p.kind === kind)
    .flatMap((p) => {
      const v = t.params[p.id];
      return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
    });
}

/** The crossings a term names, if it has a crossings parameter (for violations). */
export function termCrossings(c: Compiled, t: Term): string[] | undefined {
  const clause = clauseOf(c, t.clause);
  if (!clause?.params.some((p) => p.kind === 'crossings')) return undefined;
  return idsOf(c, t, 'crossings');
}

/**
 * Applies one term's mechanics at the round it comes into force. Monitoring and guarantees lower the
 * ceasefire's hazard (../shared/escalation-model.md: "ceasefires last longer with monitoring,
 * third-party guarantees"); the rest are design choices documented in docs/engine-rules.md.
 */
function startTerm(st: Step, t: Term, guarantors: readonly string[], cause: number): void {
  const { c, s } = st;
  const d = c.scenario.dynamics;
  const clause = clauseOf(c, t.clause);
  if (!clause) return;
  for (const m of clause.mechanics) {
    if (m === 'ceasefire') declareCeasefire(st, cause);
    else if (m === 'monitoring') cover(st, 'monitored', termRounds(c, t) ?? d.monitoringRounds, cause);
    else if (m === 'guarantee') cover(st, 'guaranteed', termRounds(c, t) ?? d.guaranteeRounds, cause);
    else if (m === 'trade') {
      for (const x of idsOf(c, t, 'crossings')) {
        if (s.crossings[x] === false) {
          st.record(`crossing:${x}`, 'closed', 'open', cause);
          s.crossings[x] = true;
        }
      }
    } else if (m === 'talks') {
      const venue = idsOf(c, t, 'place')[0];
      const mediator =
        c.scenario.actors.find((a) => a.mediator && a.home === venue)?.id ?? guarantors[0] ?? undefined;
      if (mediator && s.mediation.phase !== 'talks' && s.mediation.phase !== 'agreement') {
        offer(st, mediator, cause);
        for (const party of c.parties) accept(st, party, cause);
      }
    }
  }
}

/** On signing: each clause's one-off effects, and the mechanics of the terms already in force. */
export function applySigned(st: Step, a: Agreement, cause: number): void {
  for (const t of a.terms) {
    const clause = clauseOf(st.c, t.clause);
    if (!clause) continue;
    applyEffects(st, clause.effects, { cause });
    if (termInForce(st.c, t, a.round, st.s.round)) startTerm(st, t, a.guarantors, cause);
  }
}

/** Each round: terms whose start round has come begin to apply (a ceasefire "from a given hour"). */
export function clausesRound(st: Step, cause: number): void {
  const { c, s } = st;
  const a = agreementInForce(s);
  if (!a || a.round === s.round) return;
  for (const t of a.terms) if (termFrom(c, t, a.round) === s.round) startTerm(st, t, a.guarantors, cause);
}

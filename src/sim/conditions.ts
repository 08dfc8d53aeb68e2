// Evaluates the scenario's condition language against the state.
import type { Condition, TextStatus } from '../scenario/schema.ts';
import { agreementInForce } from './clauses.ts';
import { type Compiled, placeOrActorName, sustainedKey } from './compile.ts';
import { agreementParties, currentVersion, isSigned, textParties } from './negotiation.ts';
import type { Rng } from './rng.ts';
import type { GameState } from './types.ts';

/** What a condition is evaluated against. Without an rng, `chance` counts as possible (true). */
export interface View {
  c: Compiled;
  s: GameState;
  rng?: Rng;
}

const compare = (a: number, op: string, b: number): boolean => {
  switch (op) {
    case '<':
      return a < b;
    case '<=':
      return a <= b;
    case '>':
      return a > b;
    case '>=':
      return a >= b;
    case '==':
      return a === b;
    default:
      return a !== b;
  }
};

/** A condition's compiled check. */
export type Test = (v: View) => boolean;

// Conditions are checked many times a round (every action's `requires`, reactions, endings), so each
// is turned once into a closure; the scenario's condition objects never change after loading.
const tests = new WeakMap<Condition, Test>();

/** Whether a condition holds now. */
export function holds(cond: Condition, v: View): boolean {
  return conditionTest(cond, v.c)(v);
}

/** A condition's test, built on first use; callers that check one condition often may keep it. */
export function conditionTest(cond: Condition, c: Compiled): Test {
  let test = tests.get(cond);
  if (test === undefined) {
    test = build(cond, c);
    tests.set(cond, test);
  }
  return test;
}

/** The test of one condition; sub-conditions are evaluated in file order, stopping as soon as the answer is known. */
function build(cond: Condition, c: Compiled): Test {
  if ('all' in cond) {
    const parts = cond.all.map((x) => build(x, c));
    return (v) => {
      for (const p of parts) if (!p(v)) return false;
      return true;
    };
  }
  if ('any' in cond) {
    const parts = cond.any.map((x) => build(x, c));
    return (v) => {
      for (const p of parts) if (p(v)) return true;
      return false;
    };
  }
  if ('not' in cond) {
    const inner = build(cond.not, c);
    return (v) => !inner(v);
  }
  if ('metric' in cond) {
    const { metric, op, value } = cond;
    return (v) => compare(v.s.metrics[metric] ?? 0, op, value);
  }
  if ('compare' in cond) {
    const { metric, op, than } = cond.compare;
    return ({ s }) => compare(s.metrics[metric] ?? 0, op, s.metrics[than] ?? 0);
  }
  if ('engaged' in cond) {
    const m = cond.engaged;
    return ({ s }) => engaged(s, m);
  }
  if ('text' in cond) {
    const { status, by } = cond.text;
    return ({ s }) => textIs(c, s, status, by);
  }
  if ('rung' in cond) {
    const idx = (id: string | undefined) => (id === undefined ? undefined : c.rungIndex.get(id));
    const least = idx(cond.rung.atLeast);
    const most = idx(cond.rung.atMost);
    const is = idx(cond.rung.is);
    return ({ s }) =>
      (least === undefined || s.rung >= least) &&
      (most === undefined || s.rung <= most) &&
      (is === undefined || s.rung === is);
  }
  if ('mediation' in cond) {
    const phase = cond.mediation;
    return (v) => v.s.mediation.phase === phase;
  }
  if ('ceasefire' in cond) {
    const status = cond.ceasefire;
    return (v) => v.s.ceasefire.status === status;
  }
  if ('round' in cond) {
    const { op, value } = cond.round;
    return (v) => compare(v.s.round, op, value);
  }
  if ('timeUp' in cond) {
    const last = c.scenario.meta.maxRounds;
    return (v) => v.s.round >= last;
  }
  if ('flag' in cond) {
    const { flag } = cond;
    const want = cond.is ?? true;
    return (v) => (v.s.flags[flag] ?? false) === want;
  }
  if ('crossing' in cond) {
    const { crossing } = cond;
    const open = cond.status === 'open';
    return (v) => (v.s.crossings[crossing] ?? true) === open;
  }
  if ('taken' in cond) {
    const t = cond.taken;
    return ({ s }) => {
      const since = t.withinRounds === undefined ? -Infinity : s.round - t.withinRounds + 1;
      for (let i = s.taken.length - 1; i >= 0; i--) {
        const x = s.taken[i];
        if (!x || x.round < since) break;
        if (x.action === t.action && (t.by === undefined || x.actor === t.by)) return true;
      }
      return false;
    };
  }
  if ('targetKind' in cond) {
    const kind = cond.targetKind;
    return (v) => v.s.struckKinds.includes(kind);
  }
  if ('playedBy' in cond) {
    const { actor, is } = cond.playedBy;
    // An actor no one can play has no seat: the computer runs it.
    return (v) => (v.s.seats[actor]?.by ?? 'computer') === is;
  }
  if ('pressure' in cond) {
    const { by, withinRounds, atLeast } = cond.pressure;
    return ({ s }) => pressure(c, s, by, withinRounds) >= atLeast;
  }
  if ('agreement' in cond) {
    const { rounds, via } = cond.agreement;
    return ({ s }) => agreementRounds(s, via) >= rounds;
  }
  if ('sustained' in cond) {
    const key = sustainedKey(cond.sustained);
    const rounds = cond.rounds;
    return (v) => (v.s.sustained[key] ?? 0) >= rounds;
  }
  const chance = cond.chance;
  return (v) => (v.rng ? v.rng.next() < chance : true);
}

/**
 * An actor's pressure over the last `within` rounds (this one included, the opening never): the summed
 * hostile weight (−Goldstein) of its actions, those aimed inside its own borders (tag `internal`) apart.
 */
export function pressure(c: Compiled, s: GameState, by: string, within: number): number {
  const since = Math.max(1, s.round - within + 1);
  let sum = 0;
  for (let i = s.taken.length - 1; i >= 0; i--) {
    const t = s.taken[i];
    if (!t || t.round < since) break;
    if (t.actor === by && t.goldstein < 0 && !c.actions.get(t.action)?.tags.includes('internal'))
      sum -= t.goldstein;
  }
  return sum;
}

/** Phases in which a mediator's offer or talks are under way (or have reached agreement). */
const ENGAGED_PHASES: readonly string[] = ['offered', 'accepted', 'talks', 'agreement'];

/** Whether a mediator is engaged: its offer or talks, the text it carries, or a text in force it guarantees or monitors. */
export function engaged(s: GameState, mediator: string): boolean {
  if (s.mediation.mediators.includes(mediator) && ENGAGED_PHASES.includes(s.mediation.phase)) return true;
  const v = currentVersion(s);
  if (v?.via === mediator && !isSigned(s, v.n)) return true;
  const a = agreementInForce(s);
  return !!a && (a.guarantors.includes(mediator) || (a.monitors ?? []).includes(mediator));
}

/** Whether a text is on the table, signed or in force, optionally one this actor is party to or signed. */
export function textIs(c: Compiled, s: GameState, status: TextStatus, by?: string): boolean {
  if (status === 'proposed') {
    const v = currentVersion(s);
    return !!v && !isSigned(s, v.n) && (by === undefined || textParties(c, v).includes(by));
  }
  const pool = status === 'in-force' ? [agreementInForce(s)] : s.negotiation.agreements;
  return pool.some(
    (a) =>
      a !== undefined &&
      (by === undefined ||
        agreementParties(c, a).includes(by) ||
        a.guarantors.includes(by) ||
        (a.monitors ?? []).includes(by)),
  );
}

/**
 * For how many rounds, this one included, the agreement in force has been: 0 when none is, when it
 * was reached the other way than `via`, or when a ceasefire broke since it was signed (read back
 * through the log of changes to the signing).
 */
export function agreementRounds(s: GameState, via?: 'mediator' | 'direct'): number {
  const a = s.negotiation.agreements.at(-1);
  if (a?.status !== 'in-force') return 0;
  if (via && (a.guarantors.length > 0 ? 'mediator' : 'direct') !== via) return 0;
  for (let i = s.changes.length - 1; i >= 0; i--) {
    const ch = s.changes[i];
    if (!ch || (ch.subject === 'agreement' && ch.to === 'signed')) break;
    if (ch.subject === 'ceasefire' && ch.to === 'broken') return 0;
  }
  return s.round - a.round + 1;
}

/** A short, readable account of why a condition does not hold (for "why is this unavailable?"). */
export function explainUnmet(cond: Condition, v: View): string | null {
  if (holds(cond, v)) return null;
  const { c } = v;
  if ('all' in cond) {
    const first = cond.all.find((x) => !holds(x, v));
    return first ? explainUnmet(first, v) : null;
  }
  if ('any' in cond) return cond.any.map((x) => explainUnmet(x, v)).join(', or ');
  if ('not' in cond) return `not allowed while: ${describe(cond.not, c)}`;
  // A flag that must be unset reads as what it forbids, not as "needs not: …".
  if ('flag' in cond && cond.is === false)
    return `not allowed while: ${c.scenario.flags.find((x) => x.id === cond.flag)?.description ?? cond.flag}`;
  return `needs ${describe(cond, c)}`;
}

/** Describes a condition in words, using the scenario's names. */
export function describe(cond: Condition, c: Compiled): string {
  const name = (id: string) => placeOrActorName(c, id);
  if ('all' in cond) return cond.all.map((x) => describe(x, c)).join(' and ');
  if ('any' in cond) return cond.any.map((x) => describe(x, c)).join(' or ');
  if ('not' in cond) return `not (${describe(cond.not, c)})`;
  if ('metric' in cond) return `${c.metrics.get(cond.metric)?.name ?? cond.metric} ${cond.op} ${cond.value}`;
  if ('rung' in cond) {
    const rn = (id: string) => c.scenario.ladder[c.rungIndex.get(id) ?? 0]?.name ?? id;
    const r = cond.rung;
    return [
      r.atLeast && `escalation at least "${rn(r.atLeast)}"`,
      r.atMost && `escalation at most "${rn(r.atMost)}"`,
      r.is && `escalation at "${rn(r.is)}"`,
    ]
      .filter(Boolean)
      .join(' and ');
  }
  if ('mediation' in cond) return `mediation ${cond.mediation}`;
  if ('ceasefire' in cond) return `ceasefire ${cond.ceasefire}`;
  if ('round' in cond) return `round ${cond.round.op} ${cond.round.value}`;
  if ('timeUp' in cond) return 'time has run out';
  if ('flag' in cond) {
    const f = c.scenario.flags.find((x) => x.id === cond.flag);
    return `${cond.is === false ? 'not: ' : ''}${f?.description ?? cond.flag}`;
  }
  if ('crossing' in cond) return `${name(cond.crossing)} ${cond.status}`;
  if ('taken' in cond) {
    const a = c.actions.get(cond.taken.action)?.name ?? cond.taken.action;
    const by = cond.taken.by ? ` by ${name(cond.taken.by)}` : '';
    const when = cond.taken.withinRounds ? ` in the last ${cond.taken.withinRounds} round(s)` : '';
    return `"${a}"${by}${when}`;
  }
  if ('targetKind' in cond) return `a strike on a ${cond.targetKind} this round`;
  if ('compare' in cond) {
    const m = (id: string) => c.metrics.get(id)?.name ?? id;
    return `${m(cond.compare.metric)} ${cond.compare.op} ${m(cond.compare.than)}`;
  }
  if ('engaged' in cond) return `${name(cond.engaged)} engaged as mediator`;
  if ('text' in cond) {
    const what = { proposed: 'a text on the table', signed: 'a signed text', 'in-force': 'a text in force' };
    return `${what[cond.text.status]}${cond.text.by ? ` with ${name(cond.text.by)}` : ''}`;
  }
  if ('playedBy' in cond) return `${name(cond.playedBy.actor)} played by a ${cond.playedBy.is}`;
  if ('pressure' in cond) {
    const p = cond.pressure;
    return `pressure by ${name(p.by)} of at least ${p.atLeast} over the last ${p.withinRounds} round(s)`;
  }
  if ('agreement' in cond) {
    const a = cond.agreement;
    const how =
      a.via === 'mediator' ? ' reached through a mediator' : a.via === 'direct' ? ' negotiated directly' : '';
    return `a signed agreement${how} in force for ${a.rounds} round(s)`;
  }
  if ('sustained' in cond) return `${describe(cond.sustained, c)} for ${cond.rounds} rounds in a row`;
  return `luck (${Math.round(cond.chance * 100)}%)`;
}

// The planner at the table: a planner party answers a text clause by clause, and a planner (party or
// mediator) chooses which text to put forward, by playing each possible move on in continuations from its own
// view (the same sampled worlds and round functions as planner.ts) and comparing the role's own score and the
// risk of war. Each answer and each text comes with its reason from those numbers.
import { asState, type SeatView, sampleWorld } from './belief.ts';
import { clauseOf, termError } from './clauses.ts';
import { actorName, type Compiled } from './compile.ts';
import { scoreNow } from './endings.ts';
import type { AnswerDecision, TalkRecord, TextDecision } from './events.ts';
import { wideDigest } from './log.ts';
import {
  answer,
  awaitingAnswers,
  bridgingDrafts,
  currentVersion,
  type Draft,
  proposalError,
  propose,
} from './negotiation.ts';
import { LEVELS, levelOf, type PlanOptions, type Ranked, reasonOf } from './planner.ts';
import { projectFor } from './projection.ts';
import { playRound } from './rollout.ts';
import { startRound } from './round.ts';
import { hashText, mix32, planSeed } from './seeds.ts';
import { openStep, type Step } from './step.ts';
import type { ClauseAnswer, GameState, ParamValue, Term } from './types.ts';

/** One move's numbers: its mean score over the continuations and their share reaching the ladder's top. */
export interface Outcome {
  expected: number;
  warRisk: number;
}

/** A planner's answer to a text: per clause, the changed parameters, the reason, and each clause's numbers. */
export interface TalkAnswer {
  answers: Record<string, ClauseAnswer>;
  changes: Record<string, Record<string, ParamValue>>;
  reason: string;
  /** Per clause: the whole text accepted (`with`) against the clause rejected or changed (`without`). */
  clauses: { clause: string; answer: ClauseAnswer; with: Outcome; without: Outcome }[];
  /** The text rejected as a whole. */
  none: Outcome;
  continuations: number;
}

/** A text a planner may put forward (no drafts: none this round), and who carries it. */
export interface TextOption {
  label: string;
  drafts: Draft[];
  via: string | null;
}

/** A planner's choice of text, every option ranked best first. */
export interface TextChoice {
  choice: TextOption;
  reason: string;
  ranking: (Ranked & { option: TextOption })[];
  continuations: number;
}

/** Design choice: the least continuations each move gets, whatever the level's budget. */
export const MIN_PER_MOVE = 8;

/**
 * The planner's own stream for its negotiating moves: its action plan's seed (planSeed) folded with "talks",
 * so the two decisions of one round draw differently and neither draws from the game's generator.
 */
export const talkSeed = (s: { seed: number; round: number }, actor: string): number =>
  mix32(planSeed(s, actor) ^ hashText('talks'));

/**
 * Whether this seat's negotiating move is the planner's. Not inside a continuation of the planner's own
 * action plan: rollout.ts plays the planner's first round as a planner seat whose orders are fixed with an
 * empty reason (a real plan always has one), and its talks there are the scripted negotiator's.
 */
export function plansTalks(s: GameState, actor: string): boolean {
  const seat = s.seats[actor];
  return seat?.by === 'computer' && seat.policy === 'planner' && s.planned?.[actor]?.reason !== '';
}

/** The seat's view and the options of its planner, from the true state (what the engine calls). */
function talkInput(c: Compiled, s: GameState, actor: string): { view: SeatView; opts: PlanOptions } {
  return {
    view: projectFor(c.scenario, { seat: actor }, s).state,
    opts: { level: levelOf(s.seats[actor] ?? {}), seed: talkSeed(s, actor) },
  };
}

/**
 * Plays each move on from the same sampled worlds (common random numbers): the move is made in the world,
 * then the round and the level's later rounds are played with the engine's functions, the seat itself as
 * the world models it (tit-for-tat, belief.ts). The level's budget is shared among the moves, so a talks
 * decision costs about what an action decision does.
 */
export function compareMoves(
  c: Compiled,
  view: SeatView,
  actor: string,
  moves: readonly ((st: Step) => void)[],
  opts: PlanOptions,
): { outcomes: Outcome[]; continuations: number } {
  const level = LEVELS[opts.level];
  const budget = Math.max(1, Math.floor(opts.budget ?? level.continuations));
  const per = Math.max(MIN_PER_MOVE, Math.floor(budget / Math.max(1, moves.length)));
  const top = c.scenario.ladder.length - 1;
  const sums = moves.map(() => ({ score: 0, war: 0 }));
  for (let j = 0; j < per; j++) {
    const world = sampleWorld(c, view, actor, mix32(opts.seed ^ mix32(j)));
    moves.forEach((move, i) => {
      const st = openStep(c, world);
      move(st);
      let s = playRound(c, st.done());
      let peak = s.rung;
      for (let h = 1; h < level.horizon && s.ending === null; h++) {
        s = playRound(c, startRound(s));
        peak = Math.max(peak, s.rung);
      }
      const sum = sums[i];
      if (!sum) return;
      sum.score += scoreNow(c, s, actor);
      if (peak >= top) sum.war++;
    });
  }
  return {
    outcomes: sums.map((x) => ({ expected: x.score / per, warRisk: x.war / per })),
    continuations: per * moves.length,
  };
}

/** How the negotiator softens a term for a counter-proposal (negotiator.ts passes its own: one rule). */
export type Softener = (c: Compiled, t: Term) => Record<string, ParamValue> | null;

/** The softened parameters of a term when the rules take them at this round, else null. */
function change(c: Compiled, t: Term, round: number, soften: Softener): Record<string, ParamValue> | null {
  const clause = clauseOf(c, t.clause);
  const params = soften(c, t);
  return clause && params && termError(c, clause, params, round) === null ? params : null;
}

const score = (n: number) => Math.round(n);
const pct = (p: number) => `${Math.round(100 * p)}%`;

/**
 * A planner party's answer to the current text, from its view. Moves: every clause accepted, the text
 * rejected whole, and for each clause every other accepted with that clause changed (softened, when it can
 * be) or rejected. A clause is accepted when the text with it scores at least as well as without; the text
 * is rejected whole when that scores above every other move. Null when no text waits on the seat.
 */
export function planAnswer(
  c: Compiled,
  view: SeatView,
  actor: string,
  opts: PlanOptions,
  soften: Softener,
): TalkAnswer | null {
  const s = asState(view);
  const v = currentVersion(s);
  if (!v || !awaitingAnswers(c, s).includes(actor)) return null;
  const all: Record<string, ClauseAnswer> = Object.fromEntries(v.terms.map((t) => [t.clause, 'accept']));
  const none: Record<string, ClauseAnswer> = Object.fromEntries(v.terms.map((t) => [t.clause, 'reject']));
  const alternatives = v.terms.map((t) => {
    const params = change(c, t, s.round, soften);
    return params
      ? { answers: { ...all, [t.clause]: 'change' as const }, changes: { [t.clause]: params } }
      : { answers: { ...all, [t.clause]: 'reject' as const }, changes: {} };
  });
  const moves = [{ answers: all, changes: {} }, { answers: none, changes: {} }, ...alternatives].map(
    (m) => (st: Step) => answer(st, actor, m.answers, m.changes),
  );
  const { outcomes, continuations } = compareMoves(c, view, actor, moves, opts);
  const [withAll, withNone, ...without] = outcomes;
  if (!withAll || !withNone) return null;
  const rejectWhole =
    without.every((o) => withNone.expected > o.expected) && withNone.expected > withAll.expected;
  const answers: Record<string, ClauseAnswer> = {};
  const changes: Record<string, Record<string, ParamValue>> = {};
  const clauses: TalkAnswer['clauses'] = [];
  const said: string[] = [];
  v.terms.forEach((t, i) => {
    const alt = alternatives[i];
    const out = without[i];
    if (!alt || !out) return;
    const keep = !rejectWhole && withAll.expected >= out.expected;
    const a: ClauseAnswer = rejectWhole ? 'reject' : keep ? 'accept' : (alt.answers[t.clause] ?? 'reject');
    answers[t.clause] = a;
    const changed = alt.changes[t.clause];
    if (a === 'change' && changed) changes[t.clause] = changed;
    clauses.push({ clause: t.clause, answer: a, with: withAll, without: out });
    if (!rejectWhole) said.push(clauseReason(clauseOf(c, t.clause)?.name ?? t.clause, a, withAll, out));
  });
  const name = actorName(c, actor);
  const whole = rejectWhole
    ? [
        `Reject the text as a whole: expected score ${score(withNone.expected)} without it, ${score(withAll.expected)} with every clause; war risk ${pct(withNone.warRisk)} against ${pct(withAll.warRisk)}.`,
      ]
    : [];
  return {
    answers,
    changes,
    reason: withinLimit(`${name} (planner): ${[...whole, ...said].join(' ')}`),
    clauses,
    none: withNone,
    continuations,
  };
}

/** One clause's sentence: what the seat does with it and the numbers with and without it. */
function clauseReason(name: string, a: ClauseAnswer, withIt: Outcome, without: Outcome): string {
  const w = `${score(withIt.expected)}`;
  const o = `${score(without.expected)}`;
  if (a === 'accept')
    return `Accept ${name}: expected score ${w} with it, ${o} without; war risk ${pct(withIt.warRisk)} against ${pct(without.warRisk)}.`;
  if (a === 'change')
    return `Change ${name}: expected score ${o} with the change, ${w} as drafted; war risk ${pct(without.warRisk)} against ${pct(withIt.warRisk)}.`;
  return `Reject ${name}: expected score ${o} without it, ${w} with it; war risk ${pct(without.warRisk)} against ${pct(withIt.warRisk)}.`;
}

/** math: a reason is at most 1,000 characters (events.ts `Reason`). */
const REASON_MAX = 1000;
const withinLimit = (text: string) =>
  text.length <= REASON_MAX ? text : `${text.slice(0, REASON_MAX - 1)}…`;

/**
 * Chooses among texts to put forward (the first option should be none, i.e. no text this round) by the same
 * comparison; options the rules refuse are left out. The reason names the winner's numbers and the runner-up.
 */
export function planText(
  c: Compiled,
  view: SeatView,
  actor: string,
  options: readonly TextOption[],
  opts: PlanOptions,
): TextChoice | null {
  const s = asState(view);
  const open = options.filter(
    (o) => o.drafts.length === 0 || proposalError(c, s, actor, o.drafts, o.via) === null,
  );
  if (open.length === 0) return null;
  const moves = open.map((o) => (st: Step) => {
    if (o.drafts.length > 0) propose(st, actor, o.drafts, o.via);
  });
  const { outcomes, continuations } = compareMoves(c, view, actor, moves, opts);
  const ranking = open
    .map((option, i) => ({
      option,
      label: option.label,
      orders: [],
      ...(outcomes[i] ?? { expected: 0, warRisk: 0 }),
    }))
    .sort((a, b) => b.expected - a.expected);
  const best = ranking[0];
  if (!best) return null;
  const name = actorName(c, actor);
  return {
    choice: best.option,
    reason: withinLimit(`${name} (planner): ${reasonOf(ranking)}`),
    ranking,
    continuations,
  };
}

const clauseNames = (c: Compiled, drafts: readonly Draft[]) =>
  drafts.map((d) => clauseOf(c, d.clause)?.name ?? d.clause).join(', ');

/** A text option labelled by what it holds and who carries it. */
function option(c: Compiled, actor: string, drafts: Draft[], via: string | null): TextOption {
  const carrier = via && via !== actor ? ` through ${actorName(c, via)}` : '';
  return { label: `Propose ${clauseNames(c, drafts)}${carrier}`, drafts, via };
}

/** Design choice: the options a planner weighs — none this round, a text, and that text less each of its clauses. */
function withSubsets(c: Compiled, actor: string, drafts: Draft[], via: string | null): TextOption[] {
  if (drafts.length === 0) return [];
  const out = [option(c, actor, drafts, via)];
  if (drafts.length > 1)
    for (const d of drafts)
      out.push(
        option(
          c,
          actor,
          drafts.filter((x) => x !== d),
          via,
        ),
      );
  return out;
}

export const NO_TEXT: TextOption = { label: 'No text this round', drafts: [], via: null };

/** A mediator's options: its bridging text (every clause each party values at 0 or more) and that text less each clause. */
export function mediatorOptions(c: Compiled, view: SeatView, actor: string): TextOption[] {
  return [NO_TEXT, ...withSubsets(c, actor, bridgingDrafts(c, asState(view)), actor)];
}

/** A party's options: the clauses it wants through the carrier it chose (negotiator's draftFor), directly, and less each clause. */
export function partyOptions(c: Compiled, actor: string, drafts: Draft[], via: string | null): TextOption[] {
  return [
    NO_TEXT,
    ...withSubsets(c, actor, drafts, via),
    ...(via !== null ? [option(c, actor, drafts, null)] : []),
  ];
}

/**
 * The fingerprint of a planner decision's input: the seat's view and how it plans (level, seed, kind). It
 * leaves out the round's orders, plans and pacing, which no plan reads (belief.ts samples its world without
 * them), so the key of a view made a moment before the last orders came in is the key at resolution.
 */
export function inputKey(view: SeatView, how: unknown): string {
  const {
    orders: _o,
    planned: _p,
    plannedTalks: _t,
    deadline: _d,
    paused: _x,
    pausedAt: _a,
    ...known
  } = view;
  return wideDigest({ known, how });
}

interface Decisions {
  answer: AnswerDecision;
  text: TextDecision;
}

/**
 * A planner seat's talk decision at this point of the round's negotiation: the one pre-played for exactly
 * this input when the state holds it (PLANNED's talks), else planned here from the seat's view. `record`
 * collects each decision planned here with its key (the pre-play, preplay.ts). A record is used only when
 * its key is this input's, and it was made by the same functions from that input: the game is the same
 * with or without it.
 */
function decide<K extends keyof Decisions>(
  c: Compiled,
  s: GameState,
  actor: string,
  kind: K,
  make: (view: SeatView, opts: PlanOptions) => Decisions[K] | null,
  record?: TalkRecord[],
): Decisions[K] | null {
  const { view, opts } = talkInput(c, s, actor);
  if (!record && !s.plannedTalks?.length) return make(view, opts);
  const key = inputKey(view, { kind, ...opts });
  const hit = s.plannedTalks?.find((r) => r.actor === actor && r.kind === kind && r.key === key);
  if (hit) return hit.decision as Decisions[K] | null;
  const decision = make(view, opts);
  record?.push({ actor, kind, key, decision } as TalkRecord);
  return decision;
}

/** The planner party's answer to the text waiting on it, planned from its own view, or null when none waits. */
export function plannedAnswer(
  c: Compiled,
  s: GameState,
  actor: string,
  soften: Softener,
  record?: TalkRecord[],
): AnswerDecision | null {
  return decide(
    c,
    s,
    actor,
    'answer',
    (view, opts) => {
      const a = planAnswer(c, view, actor, opts, soften);
      return a && { answers: a.answers, changes: a.changes, reason: a.reason };
    },
    record,
  );
}

/** The planner's choice of text among its options (built from its view), planned from its own view. */
export function plannedText(
  c: Compiled,
  s: GameState,
  actor: string,
  optionsFor: (view: SeatView) => TextOption[],
  record?: TalkRecord[],
): TextDecision | null {
  return decide(
    c,
    s,
    actor,
    'text',
    (view, opts) => {
      const t = planText(c, view, actor, optionsFor(view), opts);
      return t && { drafts: t.choice.drafts, via: t.choice.via, reason: t.reason };
    },
    record,
  );
}

// The whole state of a game as a schema, for what comes back from outside: a save, a stored log's
// replay. Every object is strict, so a field added to GameState (types.ts) without a line here fails
// the test that parses real games' states, and a save carrying a field the engine does not know is
// refused rather than kept.
import * as z from 'zod';
import { shown } from '../errors.ts';
import { MediationPhase } from '../scenario/effect-schema.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type Compiled, compile } from './compile.ts';
import { ClauseAnswer, Id, issueText, Order, ParamValue, Reason, Seat, TalkRecord, Time } from './events.ts';
import type { GameState } from './types.ts';

const Text = z.string().max(10_000);
const Int = z.number().int();
const Round = Int.min(-1).max(10_000);
/** The longest list a state may hold: far beyond any game of 200 rounds. */
const MAX_LIST = 200_000;
const list = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_LIST);
const Value = z.union([z.number(), z.string().max(10_000), z.boolean()]);

const Cause = z.strictObject({
  id: Int.min(0),
  round: Round,
  kind: z.enum(['action', 'reaction', 'inject', 'rule', 'opening', 'negotiation']),
  ref: Text,
  actor: Id.optional(),
  target: Id.optional(),
  outcome: Text.optional(),
  after: z.array(Int).max(MAX_LIST).optional(),
  reason: Text.optional(),
  to: list(Id).optional(),
});

const Term = z.strictObject({ clause: Id, params: z.record(Id, ParamValue), by: Id });

const Agreement = z.strictObject({
  version: Int,
  round: Round,
  terms: list(Term),
  status: z.enum(['in-force', 'collapsed']),
  parties: list(Id).optional(),
  guarantors: list(Id),
  monitors: list(Id).optional(),
  violations: list(
    z.strictObject({
      round: Round,
      actor: Id,
      clause: Id,
      action: Id,
      by: z.literal('reaction').optional(),
      cause: Int,
    }),
  ),
  collapsedRound: Round,
  cause: Int,
});

/** The structure of a state, every number finite. */
export const GameStateSchema = z.strictObject({
  scenarioId: Id,
  scenarioVersion: z.string().max(64),
  seed: Int,
  rng: z.array(Int).length(4),
  round: Round.min(0),
  metrics: z.record(Id, z.number()),
  flags: z.record(Id, z.boolean()),
  crossings: z.record(Id, z.boolean()),
  rung: Int.min(0),
  peakRung: Int.min(0),
  mediation: z.strictObject({ phase: MediationPhase, mediators: list(Id), accepted: list(Id) }),
  ceasefire: z.strictObject({
    status: z.enum(['none', 'holding', 'broken']),
    since: Round,
    monitored: z.boolean(),
    guaranteed: z.boolean(),
    monitoredUntil: Round,
    guaranteedUntil: Round,
  }),
  negotiation: z.strictObject({
    versions: list(
      z.strictObject({
        n: Int.min(1),
        text: Int.min(0),
        round: Round,
        author: Id,
        via: Id.nullable(),
        basedOn: Int.nullable(),
        terms: list(Term),
        relayed: Text.optional(),
        answers: z.record(Id, z.record(Id, ClauseAnswer)),
        reasons: z.record(Id, Text),
        parties: list(Id).optional(),
        shown: list(Id).optional(),
        cause: Int,
      }),
    ),
    current: Int.nullable(),
    agreements: list(Agreement),
    credibility: z.record(Id, z.number()),
  }),
  seats: z.record(Id, Seat),
  orders: z.record(Id, z.array(Order).max(50)),
  planned: z.record(Id, z.strictObject({ orders: z.array(Order).max(50), reason: Reason })).optional(),
  plannedTalks: list(TalkRecord).optional(),
  taken: list(
    z.strictObject({
      round: Round,
      actor: Id,
      action: Id,
      target: Id.optional(),
      outcome: Text,
      goldstein: z.number(),
      cause: Int,
    }),
  ),
  pending: list(
    z.strictObject({ due: Round, side: Id, attacker: Id.optional(), killed: z.number(), cause: Int }),
  ),
  hurtStreak: Int.min(0),
  resolve: z.record(Id, z.number().min(0).max(1)),
  doubt: z.record(Id, z.number().min(0).max(1)),
  reactions: z.record(Id, z.strictObject({ fired: Int.min(0), last: Round })),
  sustained: z.record(z.string().max(10_000), Int.min(0)),
  struckKinds: list(Id),
  causes: list(Cause),
  changes: list(z.strictObject({ round: Round, cause: Int, subject: Text, from: Value, to: Value })),
  news: list(
    z.strictObject({
      round: Round,
      cause: Int,
      actor: Id.optional(),
      headline: Text,
      body: Text.optional(),
      simulated: z.boolean(),
      claims: z.record(Id, z.number()).optional(),
      killed: z.number().optional(),
    }),
  ),
  cues: list(
    z.strictObject({
      round: Round,
      cause: Int,
      kind: Id,
      from: Id.optional(),
      at: Id,
      actor: Id.optional(),
    }),
  ),
  // Indexed by round: a round without actions is a hole, which JSON writes as null.
  goldstein: z.record(Id, list(z.number().nullish()) as unknown as z.ZodType<number[]>),
  milestones: z.strictObject({
    offered: Round,
    accepted: Round,
    talks: Round,
    agreement: Round,
    collapsed: Round,
  }),
  deadline: Time.nullable(),
  paused: z.boolean(),
  pausedAt: Time.nullable().optional(),
  ending: z.strictObject({ id: Id, round: Round, scores: z.record(Id, z.number()) }).nullable(),
}) satisfies z.ZodType<GameState>;

/** A state as projectFor gives it to a view: the same, except that the generator's state may be left out. */
export const ProjectedStateSchema = GameStateSchema.extend({ rng: z.array(Int).max(4) });

/**
 * Why a value is not a state of a game of this scenario, or null when it is: its structure, then what
 * only the scenario can say (its metrics within their ranges, its rungs, seats, flags and crossings).
 */
export function checkState(scenario: Scenario, value: unknown): string | null {
  const r = GameStateSchema.safeParse(value);
  if (!r.success) return issueText(r.error.issues[0]);
  return scenarioMismatch(compile(scenario), r.data);
}

function scenarioMismatch(c: Compiled, s: GameState): string | null {
  const sc = c.scenario;
  const sameKeys = (what: string, have: Record<string, unknown>, want: readonly string[]) => {
    const extra = Object.keys(have).find((k) => !want.includes(k));
    if (extra !== undefined) return `${what}: ${shown(extra, 24)} is not one of this scenario`;
    const missing = want.find((k) => !(k in have));
    return missing === undefined ? null : `${what}: "${missing}" is missing`;
  };
  if (s.scenarioId !== sc.meta.id) return `it belongs to scenario ${shown(s.scenarioId)}`;
  const keys =
    sameKeys('metrics', s.metrics, [...c.metrics.keys()]) ??
    sameKeys(
      'flags',
      s.flags,
      sc.flags.map((f) => f.id),
    ) ??
    sameKeys('crossings', s.crossings, c.crossings) ??
    sameKeys('seats', s.seats, c.seated);
  if (keys) return keys;
  for (const m of sc.metrics) {
    const v = s.metrics[m.id] ?? m.start;
    if (v < m.min || v > m.max) return `metrics: "${m.id}" is ${shown(v)}, outside ${m.min} to ${m.max}`;
  }
  if (s.round > sc.meta.maxRounds) return `round: ${shown(s.round)} is past the last, ${sc.meta.maxRounds}`;
  const top = sc.ladder.length - 1;
  if (s.rung > top || s.peakRung > top)
    return `rung: ${shown(Math.max(s.rung, s.peakRung))} is above the ladder's top, ${top}`;
  // 'time-up' is the engine's own ending when the last round passes with none of the scenario's (round.ts).
  if (s.ending && s.ending.id !== 'time-up' && !sc.endings.some((e) => e.id === s.ending?.id))
    return `ending: ${shown(s.ending.id, 24)} is not an ending of this scenario`;
  return null;
}

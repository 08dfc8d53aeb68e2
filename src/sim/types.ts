// The engine's state: plain data only, so snapshots serialise and replay bit for bit.
import type { MediationPhase } from '../scenario/schema.ts';
import type { RngState } from './rng.ts';

/** Who sits in a seat: a person, or a computer player with a policy. */
export type PolicyName = 'hawk' | 'dove' | 'tit-for-tat';
export interface Seat {
  by: 'person' | 'computer';
  policy: PolicyName;
}

/** One order: an action and, when the action takes one, a target id. */
export interface Order {
  action: string;
  target?: string;
}

/** Why something happened: an action, reaction, inject, rule or the historical opening. */
export interface Cause {
  id: number;
  round: number;
  kind: 'action' | 'reaction' | 'inject' | 'rule' | 'opening';
  /** The action, reaction or inject id, or the rule's name. */
  ref: string;
  actor?: string;
  target?: string;
  outcome?: string;
  /** Causes that led to this one (the round's actions for a reaction or a rule). */
  after?: number[];
  /** A computer player's one-line reason, or a rule's explanation. */
  reason?: string;
}

/** A recorded change of a metric, the rung, mediation, the ceasefire, a crossing or a flag. */
export interface Change {
  round: number;
  cause: number;
  subject: string;
  from: number | string | boolean;
  to: number | string | boolean;
}

/** A news item, rendered when it happened; `simulated` is false only for the historical opening. */
export interface NewsItem {
  round: number;
  cause: number;
  actor?: string;
  headline: string;
  body?: string;
  simulated: boolean;
  /** Each claimant's figure for this event, and the true number (shown only in the debrief). */
  claims?: Record<string, number>;
  killed?: number;
}

/** A map cue the engine reports: ids of locations or badges, resolved from "actor" and "target". */
export interface CueRecord {
  round: number;
  cause: number;
  kind: string;
  from?: string;
  at: string;
  actor?: string;
}

/** An action that was resolved. */
export interface Taken {
  round: number;
  actor: string;
  action: string;
  target?: string;
  outcome: string;
  goldstein: number;
  cause: number;
}

/** A casualty figure awaiting independent verification. */
export interface PendingVerification {
  due: number;
  side: string;
  attacker?: string;
  killed: number;
  cause: number;
}

export interface MediationState {
  phase: MediationPhase;
  mediators: string[];
  accepted: string[];
}

export interface CeasefireState {
  status: 'none' | 'holding' | 'broken';
  since: number;
  monitored: boolean;
  guaranteed: boolean;
}

/** The machine's context: the whole game. */
export interface GameState {
  scenarioId: string;
  scenarioVersion: string;
  seed: number;
  rng: RngState;
  /** 0 during the opening, then 1..maxRounds. */
  round: number;
  metrics: Record<string, number>;
  flags: Record<string, boolean>;
  /** Open (true) or closed (false), by crossing id. */
  crossings: Record<string, boolean>;
  rung: number;
  peakRung: number;
  mediation: MediationState;
  ceasefire: CeasefireState;
  seats: Record<string, Seat>;
  orders: Record<string, Order[]>;
  taken: Taken[];
  pending: PendingVerification[];
  /** Consecutive rounds in which both sides hurt (Zartman's ripeness). */
  hurtStreak: number;
  reactions: Record<string, { fired: number; last: number }>;
  /** Consecutive-round counters of the scenario's `sustained` conditions, by key. */
  sustained: Record<string, number>;
  /** Location kinds struck this round (for `targetKind` conditions). */
  struckKinds: string[];
  causes: Cause[];
  changes: Change[];
  news: NewsItem[];
  cues: CueRecord[];
  /** Summed Goldstein weight of each actor's actions, per round (index = round). */
  goldstein: Record<string, number[]>;
  /** Mediation milestones for statistics: rounds at which each happened, or -1. */
  milestones: { offered: number; accepted: number; talks: number; agreement: number; collapsed: number };
  /** Deadline for this round's orders (ms since epoch), driven by events, never by timers. */
  deadline: number | null;
  paused: boolean;
  ending: { id: string; round: number; scores: Record<string, number> } | null;
}

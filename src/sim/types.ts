// The engine's state: plain data only, so snapshots serialise and replay bit for bit.
import type { MediationPhase } from '../scenario/schema.ts';
import type {
  ClauseAnswer,
  Order,
  ParamValue,
  PlannerLevel,
  PolicyName,
  Seat,
  TalkRecord,
} from './events.ts';
import type { RngState } from './rng.ts';

// Who sits in a seat, an order, a clause's parameter value and a party's answer travel in events too:
// their types come from the events' schema (events.ts).
export type { ClauseAnswer, Order, ParamValue, PlannerLevel, PolicyName, Seat, TalkRecord };

/** A computer player's orders for a round with the reason it gives. */
export interface Planned {
  orders: Order[];
  reason: string;
}

/** Why something happened: an action, reaction, inject, rule or the historical opening. */
export interface Cause {
  id: number;
  round: number;
  kind: 'action' | 'reaction' | 'inject' | 'rule' | 'opening' | 'negotiation';
  /** The action, reaction or inject id, the rule's name, or a negotiation step (propose, answer, sign, violation, collapse). */
  ref: string;
  actor?: string;
  target?: string;
  outcome?: string;
  /** Causes that led to this one (the round's actions for a reaction or a rule). */
  after?: number[];
  /** A computer player's one-line reason, or a rule's explanation. */
  reason?: string;
  /** Who may see it (a shuttle step: the mediator and the parties it concerns); everyone when absent. */
  to?: string[];
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
  /** The round from which monitoring and the guarantee have lapsed (meaningful while they are on). */
  monitoredUntil: number;
  guaranteedUntil: number;
}

/** One clause of a text, with its parameters and who put it there (a party, or the relaying mediator). */
export interface Term {
  clause: string;
  params: Record<string, ParamValue>;
  by: string;
}

/** One version of the negotiated text. Every version is kept. */
export interface TextVersion {
  /** 1, 2, 3… across the whole game. */
  n: number;
  /** Which text it belongs to: a new text starts after a signed agreement collapses. */
  text: number;
  round: number;
  /** The party that drafted it (a proposal, or a counter-proposal). */
  author: string;
  /** The mediator relaying it (shuttle mode), or null when sent directly. */
  via: string | null;
  /** The version it answers or revises, or null for the first of a text. */
  basedOn: number | null;
  terms: Term[];
  /** The mediator's rephrasing, shown to the receiving party. */
  relayed?: string;
  /** Each party's answer per clause id; the author accepts its own version. */
  answers: Record<string, Record<string, ClauseAnswer>>;
  /** Each answering party's one-line reason (computer negotiators always give one). */
  reasons: Record<string, string>;
  /** The parties whose acceptance signs it: two or more (absent in older saves: every party). */
  parties?: string[];
  /** Shuttle: the parties the mediator has passed it on to (absent: a text everyone sees). */
  shown?: string[];
  cause: number;
}

/** A breach of a signed clause. */
export interface Violation {
  round: number;
  actor: string;
  clause: string;
  /** The id of the action that broke the clause, or of the reaction when `by` is 'reaction'. */
  action: string;
  by?: 'reaction';
  cause: number;
}

/** A signed agreement: the version every party accepted, and what became of it. */
export interface Agreement {
  version: number;
  round: number;
  terms: Term[];
  status: 'in-force' | 'collapsed';
  /** The parties that signed it (absent in older saves: every party). */
  parties?: string[];
  /** Mediators who relayed or guaranteed it: they lose trust when it is violated. */
  guarantors: string[];
  /** Third parties who signed on as monitors. */
  monitors?: string[];
  violations: Violation[];
  collapsedRound: number;
  cause: number;
}

/** The negotiation: every version of the text, the current one, and the agreements signed. */
export interface NegotiationState {
  versions: TextVersion[];
  /** The number `n` of the current version, or null before any proposal or once it is signed. */
  current: number | null;
  agreements: Agreement[];
  /** Each party's trust in the other's word (0–100): violations lower the violator's. */
  credibility: Record<string, number>;
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
  negotiation: NegotiationState;
  seats: Record<string, Seat>;
  orders: Record<string, Order[]>;
  /** This round's orders of planner seats planned off the machine (PLANNED); absent when none. */
  planned?: Record<string, Planned>;
  /** Planner seats' negotiating decisions pre-played for this round's resolution (PLANNED); absent when none. */
  plannedTalks?: TalkRecord[];
  taken: Taken[];
  pending: PendingVerification[];
  /** Each party's private resolve, 0–1, drawn per game and never shown to the others (Fearon). */
  resolve: Record<string, number>;
  /** Each party's doubt about the others' resolve and red lines, 0–1: costly signals and mediators lower it (Fearon). */
  doubt: Record<string, number>;
  /** Consecutive rounds in which every party hurt (Zartman's ripeness). */
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
  /** When the trainer paused (ms since epoch), if the pause said; absent in saves made before it was kept. */
  pausedAt?: number | null;
  ending: { id: string; round: number; scores: Record<string, number> } | null;
}

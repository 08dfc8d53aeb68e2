// Many computer-only games and their statistics: shared by `npm run simulate`, its workers and the bench.
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compile.ts';
import { endingFaults } from './endings.ts';
import { PlannerLevel } from './events.ts';
import { playRounds } from './game.ts';
import { isOpen } from './orders.ts';
import { POLICIES } from './policies.ts';
import { openRng, seedRng } from './rng.ts';
import { startRound } from './round.ts';
import { gameSeed } from './seeds.ts';
import { allMetricSeries } from './series.ts';
import type { GameState, PolicyName, Seat } from './types.ts';

export { POLICIES };

/** Who plays: one policy (or `mix`, drawn per seat and game) for every seat, or one per role (unlisted roles: `mix`). */
export type PolicySpec = PolicyChoice | Readonly<Record<string, PolicyChoice>>;

/** What a seat of a run plays: a policy, `mix`, or the planner at a level (`planner:deep`). */
export type PolicyChoice = PolicyName | 'mix' | `planner:${PlannerLevel}`;

/** Every policy choice a run accepts, in the order its usage lists them. */
export const POLICY_CHOICES: readonly PolicyChoice[] = [
  ...POLICIES,
  'planner',
  ...PlannerLevel.options.map((l) => `planner:${l}` as const),
  'mix',
];

/** One ceasefire of a game: the round it began, the round it broke (null if it held to the end), and whether it was ever monitored or guaranteed. */
export interface CeasefireSpell {
  from: number;
  to: number | null;
  covered: boolean;
}

/** What one game leaves for the statistics. */
export interface GameSummary {
  /** The game's seed (seeds.ts): the same seed and seats replay it. */
  seed: number;
  ending: string;
  rounds: number;
  peakRung: number;
  /** The rung the game ended on. */
  finalRung: number;
  offered: boolean;
  accepted: boolean;
  agreement: boolean;
  /** An agreement was reached and its ceasefire later broke. */
  agreementCollapsed: boolean;
  /** A negotiated text was signed by both parties. */
  signed: boolean;
  /** A signed text later collapsed (after violations). */
  signedCollapsed: boolean;
  /** The rungs the game passed through (consecutive repeats folded) and its ending. */
  path: string;
  events: number;
  /** Actions open to a computer player at the start of some round of this game. */
  available: string[];
  /** Actions a computer player took. */
  chosen: string[];
  /** Reactions that fired. */
  fired: string[];
  /** The policy in each seat. */
  policies: Record<string, PolicyName>;
  /** Each role's score at the end. */
  scores: Record<string, number>;
  /** The game's ceasefires. */
  ceasefires: CeasefireSpell[];
  /** What the ending claims that the game's log contradicts (endings.ts): none in a sound game. */
  faults: string[];
  /** Each metric's value at the end of every round, 0 (the opening) to the last. */
  metrics: Record<string, number[]>;
}

/** The seats of game `index`: every playable role a computer player, with its policy or one drawn per seat. */
export function seatsFor(scenario: Scenario, seed: number, policy: PolicySpec): Record<string, Seat> {
  // Any constant mixed into the seed would do: it keeps the seat draws apart from the game's own.
  const rng = openRng(seedRng(seed ^ 0x5eed));
  const seats: Record<string, Seat> = {};
  for (const a of scenario.actors.filter((x) => x.playable)) {
    const p = typeof policy === 'string' ? policy : (policy[a.id] ?? 'mix');
    // Parsed only when it names a level: a schema's parse per seat per game costs more than the seat's draw.
    const level = p.startsWith('planner:') ? PlannerLevel.safeParse(p.slice('planner:'.length)) : null;
    seats[a.id] = level?.success
      ? { by: 'computer', policy: 'planner', level: level.data }
      : {
          by: 'computer',
          policy: p === 'mix' ? (POLICIES[rng.int(0, POLICIES.length - 1)] ?? 'hawk') : (p as PolicyName),
        };
  }
  return seats;
}

/** The ceasefires of a game, from its log of changes. */
export function ceasefireSpells(s: GameState): CeasefireSpell[] {
  const out: CeasefireSpell[] = [];
  let open: CeasefireSpell | null = null;
  const cover = { 'ceasefire.monitored': false, 'ceasefire.guaranteed': false };
  for (const ch of s.changes) {
    if (ch.subject === 'ceasefire.monitored' || ch.subject === 'ceasefire.guaranteed') {
      cover[ch.subject] = ch.to === true;
      if (open && ch.to === true) open.covered = true;
    } else if (ch.subject === 'ceasefire' && ch.to === 'holding') {
      open = {
        from: ch.round,
        to: null,
        covered: cover['ceasefire.monitored'] || cover['ceasefire.guaranteed'],
      };
      out.push(open);
    } else if (ch.subject === 'ceasefire' && ch.to === 'broken' && open) {
      open.to = ch.round;
      open = null;
    }
  }
  return out;
}

/** Plays games `from`..`to`−1 of the run with seed `seed` (game i's seed: gameSeed in seeds.ts) and summarises each. */
export function runGames(
  scenario: Scenario,
  seed: number,
  from: number,
  to: number,
  policy: PolicySpec,
  onGame?: () => void,
): GameSummary[] {
  const c = compile(scenario);
  const out: GameSummary[] = [];
  for (let i = from; i < to; i++) {
    const s = gameSeed(seed, i);
    const available = new Set<string>();
    const seats = seatsFor(scenario, s, policy);
    const { state, events } = playRounds(c, { seed: s, seats }, (before) => {
      const round = startRound(before);
      // An action found open once stays counted: only the others are checked again.
      for (const a of c.seated)
        for (const action of c.actionsOf.get(a) ?? [])
          if (!available.has(action.id) && isOpen(c, round, action)) available.add(action.id);
    });
    const rungs: string[] = [];
    for (const ch of state.changes)
      if (ch.subject === 'rung' && rungs.at(-1) !== ch.to) rungs.push(String(ch.to));
    const agreement = state.milestones.agreement >= 0;
    out.push({
      seed: s,
      ending: state.ending?.id ?? 'none',
      rounds: state.round,
      peakRung: state.peakRung,
      finalRung: state.rung,
      offered: state.milestones.offered >= 0,
      accepted: state.milestones.accepted >= 0 || state.milestones.talks >= 0,
      agreement,
      agreementCollapsed:
        agreement &&
        state.changes.some(
          (ch) => ch.subject === 'ceasefire' && ch.to === 'broken' && ch.round >= state.milestones.agreement,
        ),
      signed: state.negotiation.agreements.length > 0,
      signedCollapsed: state.negotiation.agreements.some((a) => a.status === 'collapsed'),
      path: [...rungs, `⇒ ${state.ending?.id ?? 'none'}`].join(' → '),
      events,
      available: [...available],
      chosen: distinct(state.causes, 'action'),
      fired: distinct(state.causes, 'reaction'),
      policies: Object.fromEntries(Object.entries(seats).map(([id, x]) => [id, x.policy])),
      scores: state.ending?.scores ?? {},
      ceasefires: ceasefireSpells(state),
      faults: endingFaults(c, state),
      metrics: Object.fromEntries(allMetricSeries(c, state).map((m) => [m.id, m.values])),
    });
    onGame?.();
  }
  return out;
}

/** The distinct refs of the causes of one kind, in order of first appearance. */
function distinct(causes: GameState['causes'], kind: 'action' | 'reaction'): string[] {
  const seen = new Set<string>();
  for (const x of causes) if (x.kind === kind) seen.add(x.ref);
  return [...seen];
}

/** The statistics `npm run simulate` prints. */
export interface BatchReport {
  games: number;
  endings: Record<string, number>;
  meanRounds: number;
  peakRung: { mean: number; distribution: Record<string, number> };
  mediation: { offered: number; accepted: number; succeeded: number };
  /** Games with an agreement (mediated or negotiated), and with one that later failed; `negotiated` counts signed texts alone. */
  agreements: { signed: number; collapsed: number; negotiated: { signed: number; collapsed: number } };
  paths: { path: string; games: number }[];
  /**
   * How much of the scenario came into play: for each action of a playable role, the games in which it
   * was open and in which it was taken; for each reaction, the games in which it fired; the endings never reached.
   */
  content: {
    actions: Record<string, { open: number; taken: number }>;
    reactions: Record<string, number>;
    unreachedEndings: string[];
  };
}

/** Design choice: the report lists this many of the commonest paths. */
const TOP_PATHS = 5;

/** Aggregates game summaries. */
export function summarise(scenario: Scenario, games: readonly GameSummary[]): BatchReport {
  const count = (xs: string[]) => {
    const acc: Record<string, number> = {};
    for (const x of xs) acc[x] = (acc[x] ?? 0) + 1;
    return acc;
  };
  const n = games.length || 1;
  const paths = Object.entries(count(games.map((g) => g.path)))
    .sort((a, b) => b[1] - a[1])
    .slice(0, TOP_PATHS)
    .map(([path, k]) => ({ path, games: k }));
  return {
    games: games.length,
    endings: count(games.map((g) => g.ending)),
    meanRounds: games.reduce((a, g) => a + g.rounds, 0) / n,
    peakRung: {
      mean: games.reduce((a, g) => a + g.peakRung, 0) / n,
      distribution: count(games.map((g) => scenario.ladder[g.peakRung]?.id ?? String(g.peakRung))),
    },
    mediation: {
      offered: games.filter((g) => g.offered).length,
      accepted: games.filter((g) => g.accepted).length,
      succeeded: games.filter((g) => g.agreement).length,
    },
    agreements: {
      signed: games.filter((g) => g.agreement || g.signed).length,
      collapsed: games.filter((g) => g.agreementCollapsed || g.signedCollapsed).length,
      negotiated: {
        signed: games.filter((g) => g.signed).length,
        collapsed: games.filter((g) => g.signedCollapsed).length,
      },
    },
    paths,
    content: contentIn(scenario, games),
  };
}

/** Per action and reaction, the number of games in which it came into play; and the endings never reached. */
function contentIn(scenario: Scenario, games: readonly GameSummary[]): BatchReport['content'] {
  const playable = new Set(compile(scenario).seated);
  const actions: BatchReport['content']['actions'] = {};
  for (const a of scenario.actions)
    if (a.actors.some((x) => playable.has(x))) actions[a.id] = { open: 0, taken: 0 };
  const reactions: Record<string, number> = Object.fromEntries(scenario.reactions.map((r) => [r.id, 0]));
  const reached = new Set<string>();
  for (const g of games) {
    reached.add(g.ending);
    for (const id of g.available) if (actions[id]) actions[id].open++;
    for (const id of g.chosen) if (actions[id]) actions[id].taken++;
    for (const id of g.fired) if (id in reactions) reactions[id] = (reactions[id] ?? 0) + 1;
  }
  return {
    actions,
    reactions,
    unreachedEndings: scenario.endings.map((e) => e.id).filter((id) => !reached.has(id)),
  };
}

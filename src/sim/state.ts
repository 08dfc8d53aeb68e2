// The state a game starts from, before and after the historical opening.
import type { Compiled } from './compile.ts';
import { emptyNegotiation } from './negotiation.ts';
import { openRng, seedRng } from './rng.ts';
import { playOpening } from './round.ts';
import type { GameState, Seat } from './types.ts';

/** How a game is set up: the seed, and who plays each playable role (computer hawk... by default). */
export interface GameInput {
  seed: number;
  seats?: Record<string, Partial<Seat>>;
}

/**
 * The seed of the historical opening's own draws (true tolls behind the reported figures). History is
 * the same in every game, whatever the game's seed; design choice.
 */
export const HISTORY_SEED = 0;

const openings = new WeakMap<Compiled, GameState>();

/** The state after the opening, ready for the briefing: the shared history, then this game's seed and seats. */
export function initialState(c: Compiled, input: GameInput): GameState {
  let opening = openings.get(c);
  if (!opening) {
    // Replayed once per scenario: states are never mutated, so games can share it.
    opening = openingState(c);
    openings.set(c, opening);
  }
  const seats: Record<string, Seat> = {};
  for (const id of c.seated) {
    const given = input.seats?.[id];
    // Only a playable actor can be given to a person; the others are always computer players.
    const by = c.playable.includes(id) ? (given?.by ?? 'computer') : 'computer';
    seats[id] = { by, policy: given?.policy ?? 'tit-for-tat' };
    if (given?.level !== undefined) seats[id].level = given.level;
    if (given?.advisor !== undefined) seats[id].advisor = given.advisor;
  }
  // Each party's resolve is its own secret, drawn from the game's seed before anything else (Fearon).
  const rng = openRng(seedRng(input.seed));
  const resolve = Object.fromEntries(c.parties.map((x) => [x, rng.next()]));
  return { ...opening, seed: input.seed, rng: rng.state(), seats, resolve };
}

function openingState(c: Compiled): GameState {
  const sc = c.scenario;
  const seats: Record<string, Seat> = {};
  const base: GameState = {
    scenarioId: sc.meta.id,
    scenarioVersion: sc.meta.version,
    seed: HISTORY_SEED,
    rng: seedRng(HISTORY_SEED),
    round: 0,
    metrics: Object.fromEntries(sc.metrics.map((m) => [m.id, m.start])),
    flags: Object.fromEntries(sc.flags.map((f) => [f.id, f.start])),
    crossings: Object.fromEntries(c.crossings.map((id) => [id, c.locations.get(id)?.open ?? true])),
    rung: 0,
    peakRung: 0,
    mediation: { phase: 'none', mediators: [], accepted: [] },
    ceasefire: {
      status: 'none',
      since: -1,
      monitored: false,
      guaranteed: false,
      monitoredUntil: -1,
      guaranteedUntil: -1,
    },
    negotiation: emptyNegotiation(c),
    seats,
    orders: {},
    taken: [],
    pending: [],
    resolve: {},
    doubt: Object.fromEntries(c.parties.map((x) => [x, sc.dynamics.initialDoubt])),
    hurtStreak: 0,
    reactions: {},
    sustained: {},
    struckKinds: [],
    causes: [],
    changes: [],
    news: [],
    cues: [],
    goldstein: {},
    milestones: { offered: -1, accepted: -1, talks: -1, agreement: -1, collapsed: -1 },
    deadline: null,
    paused: false,
    pausedAt: null,
    ending: null,
  };
  return playOpening(c, base);
}

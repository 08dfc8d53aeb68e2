// What each viewer may see of a game. Everything that leaves the engine for a view (the classroom
// channel, the presenter, exports, later the room server's message to each client) goes through
// projectFor, so one place says what is private: the random generator's state, the seed, the metrics
// not marked public (with their changes and the true tolls behind the news), this round's orders of
// every other seat, each side's resolve and doubt, and every private brief.
import type { Scenario } from '../scenario/schema.ts';
import { type Compiled, compile } from './compile.ts';
import type { GameState } from './types.ts';

/** Who looks: a seat (the actor a player plays), the projector, or the trainer. */
export type Viewer = 'presenter' | 'trainer' | { seat: string };

/** A state as a viewer may see it, with the roles that have given this round's orders (public). */
export interface Projection {
  state: GameState;
  submitted: string[];
}

/**
 * The state for a viewer. The trainer sees everything but the generator's state is kept for the
 * trainer only (the console's exact inject preview draws from it); nobody else sees it or the seed.
 */
export function projectFor(scenario: Scenario, viewer: Viewer, state: GameState): Projection {
  const submitted = Object.keys(state.orders).filter((a) => state.orders[a] !== undefined);
  if (viewer === 'trainer') return { state, submitted };
  const c = compile(scenario);
  const own = typeof viewer === 'object' ? viewer.seat : null;
  const hidden = hiddenMetrics(c);
  const isHidden = (subject: string) =>
    subject.startsWith(METRIC) && hidden.has(subject.slice(METRIC.length));
  return {
    submitted,
    state: {
      ...state,
      seed: 0,
      rng: [],
      metrics: Object.fromEntries(Object.entries(state.metrics).filter(([id]) => !hidden.has(id))),
      changes: state.changes.filter((ch) => !isHidden(ch.subject)),
      // The true tolls behind claims show only in the debrief.
      news: state.news.map(({ killed: _, ...n }) => n),
      pending: [],
      orders: own !== null && state.orders[own] !== undefined ? { [own]: state.orders[own] } : {},
      // A side's resolve and its doubt about the other's are its own private information (Fearon).
      resolve: pick(state.resolve, own),
      doubt: pick(state.doubt, own),
    },
  };
}

/** How a change's subject names a metric. */
const METRIC = 'metric:';

/** Only the viewer's own entry of a per-side record. */
function pick(record: Record<string, number>, own: string | null): Record<string, number> {
  return own !== null && record[own] !== undefined ? { [own]: record[own] } : {};
}

/** The scenario as a viewer may read it: without the private briefs and objectives of other seats. */
export function scenarioFor(scenario: Scenario, viewer: Viewer): Scenario {
  if (viewer === 'trainer') return scenario;
  const own = typeof viewer === 'object' ? viewer.seat : null;
  return {
    ...scenario,
    actors: scenario.actors.map((a) => {
      if (a.id === own) return a;
      const { briefing: _, ...rest } = a;
      return { ...rest, objectives: [] };
    }),
  };
}

const hiddenCache = new WeakMap<Compiled, Set<string>>();
function hiddenMetrics(c: Compiled): Set<string> {
  let h = hiddenCache.get(c);
  if (!h) {
    h = new Set(c.scenario.metrics.filter((m) => !m.public).map((m) => m.id));
    hiddenCache.set(c, h);
  }
  return h;
}

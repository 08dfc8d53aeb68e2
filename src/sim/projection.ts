// What each viewer may see of a game. Everything that leaves the engine for a view (the classroom
// channel, the presenter, exports, later the room server's message to each client) goes through
// projectFor, so one place says what is private: the random generator's state, the seed, the metrics
// not marked public (with their changes and the true tolls behind the news), this round's orders of
// every other seat, each party's resolve and doubt, every private brief, and what a mediator's shuttle
// keeps between itself and each party (a text not passed on to the viewer, another party's answers).
import type { Scenario } from '../scenario/schema.ts';
import { type Compiled, compile } from './compile.ts';
import { isShuttle, seesVersion } from './negotiation.ts';
import type { GameState, NegotiationState, TextVersion } from './types.ts';

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
  // A shuttle step is seen only by those it names; its news and changes go with it.
  const privateCauses = new Set(
    state.causes.filter((x) => x.to !== undefined && (own === null || !x.to.includes(own))).map((x) => x.id),
  );
  // Pre-played talks were made from the true state (other seats' answers in a shuttle among them).
  const { plannedTalks: _, ...rest } = state;
  return {
    submitted,
    state: {
      ...rest,
      seed: 0,
      rng: [],
      metrics: Object.fromEntries(Object.entries(state.metrics).filter(([id]) => !hidden.has(id))),
      changes: state.changes.filter((ch) => !isHidden(ch.subject) && !privateCauses.has(ch.cause)),
      // The true tolls behind claims show only in the debrief.
      news: state.news.filter((n) => !privateCauses.has(n.cause)).map(({ killed: _, ...n }) => n),
      // Causes are found by their id (their place in the list): a private one stays as a bare placeholder.
      causes: state.causes.map((x) =>
        privateCauses.has(x.id) ? { id: x.id, round: x.round, kind: x.kind, ref: 'private' } : x,
      ),
      negotiation: shuttleFor(state, own),
      pending: [],
      orders: own !== null && state.orders[own] !== undefined ? { [own]: state.orders[own] } : {},
      ...(state.planned ? { planned: keep(state.planned, own) } : {}),
      // A party's resolve and its doubt about the others' are its own private information (Fearon).
      resolve: keep(state.resolve, own),
      doubt: keep(state.doubt, own),
    },
  };
}

/**
 * The negotiation as a viewer may see it. In a shuttle, the carrying mediator sees every version and every
 * answer; a party sees the versions passed on to it (and its own), with only its own answers and reasons;
 * the projector sees a shuttle text only once signed. Direct texts and talks are public.
 */
function shuttleFor(state: GameState, own: string | null): NegotiationState {
  const neg = state.negotiation;
  const signed = new Set(neg.agreements.map((a) => a.version));
  const visible: TextVersion[] = [];
  for (const v of neg.versions) {
    if (!isShuttle(v) || (own !== null && v.via === own)) {
      visible.push(v);
      continue;
    }
    if (!signed.has(v.n) && (own === null || !seesVersion(v, own))) continue;
    visible.push({ ...v, answers: keep(v.answers, own), reasons: keep(v.reasons, own) });
  }
  const current = visible.some((v) => v.n === neg.current) ? neg.current : null;
  return { ...neg, versions: visible, current };
}

/** Only the viewer's own entry of a per-party record. */
function keep<T>(record: Record<string, T>, own: string | null): Record<string, T> {
  return own !== null && record[own] !== undefined ? { [own]: record[own] } : {};
}

/** How a change's subject names a metric. */
const METRIC = 'metric:';

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

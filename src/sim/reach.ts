// What an order could touch, and which orders a seat could aim at a place: read from the scenario's own
// targets and outcomes, never from the state's dice. Possibilities with their chances, not predictions.
import type { Action, MapEffect } from '../scenario/schema.ts';
import type { Compiled } from './compile.ts';
import { cuePlace } from './effects.ts';
import { type Option, options } from './orders.ts';
import type { GameState, Order } from './types.ts';

/** A mark the map may draw for an order not yet sent: a cue of one of its outcomes, resolved to places. */
export interface OrderMark {
  kind: MapEffect['kind'];
  /** Where a route starts (a location or badge id), if it has one. */
  from?: string;
  at: string;
  /** The summed chance of the outcomes that draw it. */
  chance: number;
}

/** Everything an order could touch, each with the summed chance of the outcomes that bring it. */
export interface Reach {
  /** Places on the map: the cues' ends, where people may be killed, crossings opened or closed. */
  places: { id: string; chance: number }[];
  /** Public meters moved, by outcome or cost (chance 1), with the way they may go. */
  meters: { metric: string; chance: number; way: 'up' | 'down' | 'set' }[];
  /** Whose people may be killed, and how many at most. */
  deaths: { side: string; chance: number; most: number }[];
  /** What the map draws for it before it is sent. */
  marks: OrderMark[];
}

/** Adds `chance` to the entry of `key`, creating it with `make` the first time. */
function tally<T extends { chance: number }>(
  into: Map<string, T>,
  key: string,
  chance: number,
  make: () => T,
) {
  const had = into.get(key) ?? make();
  had.chance = Math.min(1, had.chance + chance);
  into.set(key, had);
  return had;
}

/** What `order` of `actor` could touch, from the action's outcomes and cost. */
export function orderReach(c: Compiled, actor: string, order: Order): Reach {
  const action = c.actions.get(order.action);
  const places = new Map<string, { id: string; chance: number }>();
  const meters = new Map<string, Reach['meters'][number]>();
  const deaths = new Map<string, Reach['deaths'][number]>();
  const marks = new Map<string, OrderMark>();
  if (!action) return { places: [], meters: [], deaths: [], marks: [] };
  const place = (ref: string | undefined) => cuePlace(c, ref, actor, order.target);
  const target = place('target');
  for (const o of action.outcomes) {
    // Each thing counted once per outcome, so that chances add up across outcomes only.
    const seen = new Set<string>();
    const once = (key: string, fn: () => void) => {
      if (seen.has(key)) return;
      seen.add(key);
      fn();
    };
    for (const m of o.map) {
      const at = place(m.at);
      if (!at) continue;
      const from = place(m.from);
      once(`mark:${m.kind}:${from}:${at}`, () =>
        tally(marks, `${m.kind}:${from}:${at}`, o.probability, () => ({
          kind: m.kind,
          ...(from && from !== at ? { from } : {}),
          at,
          chance: 0,
        })),
      );
      once(`place:${at}`, () => tally(places, at, o.probability, () => ({ id: at, chance: 0 })));
    }
    for (const e of o.effects) {
      if ('metric' in e) {
        const m = c.metrics.get(e.metric);
        if (!m?.public) continue;
        const way = e.set !== undefined ? 'set' : (e.add ?? 0) < 0 || (e.scale ?? 1) < 1 ? 'down' : 'up';
        if (way !== 'set' && !e.add && (e.scale ?? 1) === 1) continue;
        once(`metric:${m.id}:${way}`, () =>
          tally(meters, `${m.id}:${way}`, o.probability, () => ({ metric: m.id, chance: 0, way })),
        );
      } else if ('casualties' in e) {
        const { side, killed, location } = e.casualties;
        once(`deaths:${side}`, () => {
          const d = tally(deaths, side, o.probability, () => ({ side, chance: 0, most: 0 }));
          d.most = Math.max(d.most, killed[1]);
        });
        const at = location ?? target;
        if (at) once(`place:${at}`, () => tally(places, at, o.probability, () => ({ id: at, chance: 0 })));
      } else if ('crossing' in e) {
        once(`place:${e.crossing}`, () =>
          tally(places, e.crossing, o.probability, () => ({ id: e.crossing, chance: 0 })),
        );
      }
    }
  }
  for (const x of action.cost) {
    const m = c.metrics.get(x.metric);
    if (!m?.public || x.add === 0) continue;
    const way = x.add < 0 ? 'down' : 'up';
    tally(meters, `${m.id}:${way}`, 1, () => ({ metric: m.id, chance: 0, way })).chance = 1;
  }
  return {
    places: [...places.values()],
    meters: [...meters.values()],
    deaths: [...deaths.values()],
    marks: [...marks.values()],
  };
}

/** What a player picked on the map: a location, an off-map badge or a country (ISO code). */
export type Spot = { kind: 'place' | 'badge'; id: string } | { kind: 'country'; iso: string };

/** An action a seat could aim at a spot: open with the targets that fit it, or closed with why. */
export interface SpotAction {
  option: Option;
  /** The targets of the action at this spot (empty for a closed action). */
  targets: string[];
}

/** Whether an action's map cues start from the acting actor's home (an envoy's or a strike's route). */
function leavesHome(action: Action): boolean {
  return action.outcomes.some((o) => o.map.some((m) => m.from === 'actor'));
}

/**
 * The actions `actor` could aim at `spot` this round, in the scenario's order: a place takes the actions
 * aimed at it or at the actor whose home it is; a country, those aimed at its places or its actor; a badge,
 * those aimed at its actor, and, at the seat's own home, every aimed action that sets out from there.
 * Closed actions come with the engine's reason (options), and only those that could ever aim there.
 */
export function actionsAt(c: Compiled, s: GameState, actor: string, spot: Spot): SpotAction[] {
  const home = c.actors.get(actor)?.home;
  const fits = (action: Action, t: string): boolean => {
    if (spot.kind === 'country') {
      const loc = c.locations.get(t);
      if (loc) return loc.country === spot.iso || (loc.claimedBy ?? []).includes(spot.iso);
      return c.scenario.map.countries.some((x) => x.iso === spot.iso && x.actor === t);
    }
    if (t === spot.id || c.actors.get(t)?.home === spot.id) return true;
    return spot.kind === 'badge' && spot.id === home && leavesHome(action);
  };
  const out: SpotAction[] = [];
  for (const option of options(c, s, actor)) {
    if (option.action.targets.type === 'none') continue;
    const candidates = c.targets.get(option.action.id) ?? [];
    const targets = candidates.filter((t) => fits(option.action, t));
    if (targets.length === 0) continue;
    out.push({ option, targets: option.unavailable === null ? targets : [] });
  }
  return out;
}

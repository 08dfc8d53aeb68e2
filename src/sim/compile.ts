// Indexes a validated scenario once, so rules look things up by id or role in constant time.
import type { Action, Actor, Condition, Location, Metric, Scenario } from '../scenario/schema.ts';
import { validTargets } from '../scenario/targets.ts';

/** The order in which categories resolve within a round (documented in docs/engine-rules.md). */
export const CATEGORY_ORDER = ['diplomatic', 'humanitarian', 'economic', 'information', 'military'] as const;

/** A scenario with its lookups. Never stored in the machine's context: it is rebuilt from the scenario. */
export interface Compiled {
  scenario: Scenario;
  actors: Map<string, Actor>;
  actorOrder: Map<string, number>;
  locations: Map<string, Location>;
  /** Location and badge ids, for cue resolution. */
  places: Set<string>;
  actions: Map<string, Action>;
  /** Each action's outcome probabilities, in order, for the draw of every order taken. */
  outcomeWeights: Map<string, number[]>;
  metrics: Map<string, Metric>;
  rungIndex: Map<string, number>;
  escalation: Metric;
  /** Hostility metric id by hostile actor. */
  hostility: Map<string, string>;
  /** Pain metric id by actor. */
  pain: Map<string, string>;
  casualtiesTrue: Map<string, string>;
  casualtiesVerified: Map<string, string>;
  /** Claim metric id by "claimant>side". */
  claims: Map<string, string>;
  standing: Map<string, string>;
  humanitarian: string[];
  trade: string[];
  /** The parties to the conflict: the actors whose role is belligerent, in file order. */
  parties: string[];
  /** Actors a person may play. */
  playable: string[];
  /** Actors with a seat: every playable actor, and every other actor with actions (a computer player takes it). */
  seated: string[];
  /** Whom each actor is in conflict with: its own `against` list and every actor that lists it. */
  against: Map<string, string[]>;
  /** Each mediator's trust metrics: one per party that holds it (`about`), or one shared (no `about`). */
  trust: Map<string, { metric: string; about?: string }[]>;
  /** Valid targets of each action ([] for actions without targets). */
  targets: Map<string, string[]>;
  /** Actions each actor may take, in file order. */
  actionsOf: Map<string, Action[]>;
  /** Every `sustained` sub-condition in the scenario, by its key. */
  sustained: Map<string, { cond: Condition; rounds: number }>;
  crossings: string[];
}

const cache = new WeakMap<Scenario, Compiled>();

/** An actor's name as players read it (its id when the scenario has no such actor). */
export const actorName = (c: Compiled, id: string): string => c.actors.get(id)?.name ?? id;

/** An actor's or a place's name (a target, a condition's subject); the id itself when it names neither. */
export const placeOrActorName = (c: Compiled, id: string): string =>
  c.actors.get(id)?.name ?? c.locations.get(id)?.name ?? id;

/** The compiled form of a scenario (cached per scenario object). */
export function compile(scenario: Scenario): Compiled {
  const hit = cache.get(scenario);
  if (hit) return hit;
  const byRole = (role: Metric['role']) => scenario.metrics.filter((m) => m.role === role);
  const roleMap = (role: Metric['role']) =>
    new Map(byRole(role).flatMap((m) => (m.actor ? [[m.actor, m.id] as const] : [])));
  const escalation = byRole('escalation')[0];
  if (!escalation)
    throw new Error('scenario has no escalation metric (the validator should have caught this)');
  const locations = new Map(scenario.locations.map((l) => [l.id, l]));
  const actors = new Map(scenario.actors.map((a) => [a.id, a]));
  const targets = new Map<string, string[]>();
  const actionsOf = new Map<string, Action[]>();
  for (const a of scenario.actions) {
    targets.set(a.id, validTargets(a, scenario));
    for (const who of a.actors) actionsOf.set(who, [...(actionsOf.get(who) ?? []), a]);
  }
  const sustained = new Map<string, { cond: Condition; rounds: number }>();
  const visit = (c: Condition | undefined): void => {
    if (!c) return;
    if ('all' in c) c.all.forEach(visit);
    else if ('any' in c) c.any.forEach(visit);
    else if ('not' in c) visit(c.not);
    else if ('sustained' in c) {
      sustained.set(sustainedKey(c.sustained), { cond: c.sustained, rounds: c.rounds });
      visit(c.sustained);
    }
  };
  for (const e of scenario.endings) visit(e.when);
  for (const r of scenario.reactions) visit(r.when);
  for (const a of scenario.actions) visit(a.requires);
  for (const a of scenario.actors) for (const o of a.objectives) visit(o.when);

  const compiled: Compiled = {
    scenario,
    actors,
    actorOrder: new Map(scenario.actors.map((a, i) => [a.id, i])),
    locations,
    places: new Set([...locations.keys(), ...scenario.map.badges.map((b) => b.id)]),
    actions: new Map(scenario.actions.map((a) => [a.id, a])),
    outcomeWeights: new Map(scenario.actions.map((a) => [a.id, a.outcomes.map((x) => x.probability)])),
    metrics: new Map(scenario.metrics.map((m) => [m.id, m])),
    rungIndex: new Map(scenario.ladder.map((r, i) => [r.id, i])),
    escalation,
    // An actor's own hostility metric, unless a metric with the hostility role names it.
    hostility: new Map([
      ...scenario.actors.flatMap((a) => (a.hostility ? [[a.id, a.hostility] as const] : [])),
      ...roleMap('hostility'),
    ]),
    pain: roleMap('pain'),
    casualtiesTrue: roleMap('casualties-true'),
    casualtiesVerified: roleMap('casualties-verified'),
    claims: new Map(
      byRole('casualties-claimed').flatMap((m) =>
        m.actor && m.about ? [[`${m.actor}>${m.about}`, m.id] as const] : [],
      ),
    ),
    standing: roleMap('standing'),
    humanitarian: byRole('humanitarian').map((m) => m.id),
    trade: byRole('trade').map((m) => m.id),
    parties: scenario.actors.filter((a) => a.role === 'belligerent').map((a) => a.id),
    playable: scenario.actors.filter((a) => a.playable).map((a) => a.id),
    seated: scenario.actors.filter((a) => a.playable || actionsOf.has(a.id)).map((a) => a.id),
    against: new Map(
      scenario.actors.map((a) => [
        a.id,
        scenario.actors
          .filter((b) => b.id !== a.id && (a.against.includes(b.id) || b.against.includes(a.id)))
          .map((b) => b.id),
      ]),
    ),
    trust: new Map(
      scenario.actors.map((a) => [
        a.id,
        byRole('trust')
          .filter((m) => m.actor === a.id)
          .map((m) => (m.about ? { metric: m.id, about: m.about } : { metric: m.id })),
      ]),
    ),
    targets,
    actionsOf,
    sustained,
    crossings: scenario.locations.filter((l) => l.kind === 'crossing').map((l) => l.id),
  };
  cache.set(scenario, compiled);
  return compiled;
}

const keys = new WeakMap<Condition, string>();

/** The stable key of a sustained sub-condition (remembered per object: conditions are checked every round). */
export function sustainedKey(c: Condition): string {
  let key = keys.get(c);
  if (key === undefined) {
    key = JSON.stringify(c);
    keys.set(c, key);
  }
  return key;
}

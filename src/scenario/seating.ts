// How a class might fill a scenario's seats: which roles people take, in teams of what size, and which
// are left to the computer, each with a one-line reason. Read from the scenario's data alone (who is a
// party to the conflict, the mediators' leverage and trust, the levers each role has), as Model Diplomacy
// fits its roles to the size of the class.
import type { Scenario } from './schema.ts';

/**
 * Design choice: the smallest team that shares out one role's work (reading the brief, negotiating,
 * giving the orders); with fewer students than that per role, fewer roles are seated.
 */
export const TEAM = 3;

/** A role people play, with how many students take it and why it is seated. */
export interface SeatedRole {
  actor: string;
  name: string;
  students: number;
  reason: string;
}

/** A role the computer plays, and why. */
export interface ComputerRole {
  actor: string;
  name: string;
  reason: string;
}

/** The suggestion for one class, or why there is none. */
export type Seating =
  | { ok: true; students: number; seated: SeatedRole[]; computer: ComputerRole[] }
  | { ok: false; message: string };

type Actor = Scenario['actors'][number];

/** A playable role with its place in the order of seating and the reason for that place. */
interface Ranked {
  actor: Actor;
  /** 0: a party to the conflict, 1: a mediator, 2: any other role. */
  tier: number;
  /** Within a tier, compared in order, higher first. */
  weight: number[];
  why: string;
}

function rank(scenario: Scenario, a: Actor): Ranked {
  const name = (id: string) => scenario.actors.find((x) => x.id === id)?.name ?? id;
  if (a.role === 'belligerent')
    return {
      actor: a,
      tier: 0,
      weight: [],
      why: `a party to the conflict (against ${a.against.map(name).join(' and ')}): the game turns on its orders and signature`,
    };
  if (a.mediator) {
    // Each party holds its own trust in a mediator: the parties' mean at the start.
    const held = scenario.metrics.filter((m) => m.role === 'trust' && m.actor === a.id).map((m) => m.start);
    const trust = held.length > 0 ? Math.round(held.reduce((x, y) => x + y, 0) / held.length) : 0;
    return {
      actor: a,
      tier: 1,
      // Leverage first; trust at the start breaks ties (both raise the chance of a deal).
      weight: [a.mediator.leverage, trust],
      why: `a mediator with leverage ${a.mediator.leverage} and trust ${trust} at the start`,
    };
  }
  const levers = scenario.actions.filter((x) => x.actors.includes(a.id)).length;
  return {
    actor: a,
    tier: 2,
    weight: [levers],
    why: `an outside party with ${levers} action${levers === 1 ? '' : 's'} of its own`,
  };
}

/** Orders two weights, compared item by item, the higher first (0 when equal: file order stays). */
function before(x: readonly number[], y: readonly number[]): number {
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (y[i] ?? 0) - (x[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * Suggests how `students` people fill the seats of `scenario`: the parties to the conflict first, then
 * the mediators with most leverage, then the other roles with most actions; as many roles as teams of
 * `TEAM` allow (never fewer than the parties the class can staff), the students shared out as evenly as
 * possible, the higher-ranked roles taking the larger teams.
 */
export function suggestSeating(scenario: Scenario, students: number): Seating {
  if (!Number.isInteger(students) || students < 1)
    return { ok: false, message: `A class needs a whole number of students, 1 or more: got ${students}.` };
  const playable = scenario.actors
    .filter((a) => a.playable)
    .map((a) => rank(scenario, a))
    .sort((x, y) => x.tier - y.tier || before(x.weight, y.weight));
  if (playable.length === 0) return { ok: false, message: 'This scenario has no role a person may play.' };
  const parties = playable.filter((r) => r.tier === 0).length;
  const roles = Math.min(
    playable.length,
    Math.max(1, Math.min(parties, students), Math.floor(students / TEAM)),
  );
  const base = Math.floor(students / roles);
  const extra = students % roles;
  const seated = playable.slice(0, roles).map((r, i) => ({
    actor: r.actor.id,
    name: r.actor.name,
    students: base + (i < extra ? 1 : 0),
    reason: `Seated: ${r.why}.`,
  }));
  const computer: ComputerRole[] = [
    ...playable.slice(roles).map((r) => ({
      actor: r.actor.id,
      name: r.actor.name,
      reason: `Left to the computer: ${students} student${students === 1 ? '' : 's'} staff ${roles} role${roles === 1 ? '' : 's'} in teams of ${TEAM} or more, and it ranks after them (${r.why}).`,
    })),
    ...scenario.actors
      .filter((a) => !a.playable)
      .map((a) => ({
        actor: a.id,
        name: a.name,
        reason: 'Computer only: the scenario does not offer this role to people.',
      })),
  ];
  return { ok: true, students, seated, computer };
}

// What an action may be aimed at: one definition for the validator and the engine.
// Type-only imports keep the engine free of the schema library at run time.
import type { Action, Scenario } from './schema.ts';

/** The ids an action may be aimed at, as the validator and the engine both compute them. */
export function validTargets(a: Action, s: Scenario): string[] {
  const t = a.targets;
  if (t.type === 'none') return [];
  if (t.type === 'actor') return s.actors.map((x) => x.id).filter((x) => !t.ids || t.ids.includes(x));
  return s.locations
    .filter(
      (l) =>
        (!t.kinds || t.kinds.includes(l.kind)) &&
        (!t.countries || [l.country, ...(l.claimedBy ?? [])].some((x) => t.countries?.includes(x))) &&
        (!t.ids || t.ids.includes(l.id)),
    )
    .map((l) => l.id);
}

// Format versions: each change of the scenario format comes with a migration from format N to N+1, applied
// on load to older files with a notice naming what changed (`npm run validate -- --migrate FILE` writes the
// upgraded file). Migrations work on the parsed JSON before the structure pass, so an old file is checked
// as the format it became.
import { FORMAT_VERSION } from './schema.ts';

/** A plain JSON object, as a migration receives and returns it. */
export type JsonObject = Record<string, unknown>;

/** One step of the format: from version `from` to `from + 1`. */
export interface Migration {
  from: number;
  /** What changed, in a designer's words: shown in the notice, e.g. "meta.name is now meta.title". */
  changes: string;
  /** The file's value in the next format; must not change its input. */
  migrate(value: JsonObject): JsonObject;
  /** Where a path of the upgraded file was in the older one (a renamed field), so problems are placed as written. */
  placeBack?(path: readonly (string | number)[]): (string | number)[];
}

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);
const isList = (v: unknown): v is unknown[] => Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/**
 * Format 1 to 2: N parties. Format 1 had two "sides" (the playable actors with an `opponent`) and one
 * trust metric per mediator; format 2 names each actor's role and whom it is against, finds trust
 * metrics by role (one may be held by each party), and lets a person's seat take the place of the
 * actor's scripted reactions. The step keeps what a format 1 file meant: its sides become belligerents,
 * its other actors get the role their kind suggests, and its reactions of playable actors bind people.
 */
function toFormat2(value: JsonObject): JsonObject {
  const actors = isList(value.actors) ? value.actors : [];
  const playable = new Set<string>();
  const trustOf = new Map<string, string>();
  const upgraded = actors.map((raw) => {
    if (!isObject(raw)) return raw;
    const { opponent, ...a } = raw;
    const id = str(a.id) ?? '';
    if (a.playable === true) playable.add(id);
    const kind = str(a.kind);
    const role =
      a.playable === true && opponent !== undefined
        ? 'belligerent'
        : kind === 'armed-group' || opponent !== undefined
          ? 'spoiler'
          : kind === 'organisation'
            ? 'organisation'
            : kind === 'mediator' || isObject(a.mediator)
              ? 'mediator'
              : 'great-power';
    const out: JsonObject = { ...a, role, against: typeof opponent === 'string' ? [opponent] : [] };
    if (isObject(a.mediator)) {
      const { trust, ...mediator } = a.mediator;
      const metric = str(trust);
      if (metric !== undefined) trustOf.set(metric, id);
      out.mediator = mediator;
    }
    return out;
  });
  const metrics = isList(value.metrics)
    ? value.metrics.map((m) => {
        const mediator = isObject(m) ? trustOf.get(str(m.id) ?? '') : undefined;
        return isObject(m) && mediator !== undefined ? { ...m, role: 'trust', actor: mediator } : m;
      })
    : value.metrics;
  const reactions = isList(value.reactions)
    ? value.reactions.map((r) =>
        isObject(r) && playable.has(str(r.actor) ?? '') ? { ...r, bindsPeople: true } : r,
      )
    : value.reactions;
  return {
    ...value,
    actors: upgraded,
    ...(metrics === undefined ? {} : { metrics }),
    ...(reactions === undefined ? {} : { reactions }),
  };
}

/** The format's migrations, oldest first. */
export const MIGRATIONS: readonly Migration[] = [
  {
    from: 1,
    changes:
      'N parties: each actor has a "role" (the playable actors with an "opponent" are "belligerent"; the others "spoiler", "mediator", "organisation" or "great-power" by kind) and "opponent" is now the list "against"; "mediator.trust" is dropped, the mediator\'s trust metric is found by its role (its "about" may name the party that holds it); reactions of playable actors get "bindsPeople": true, as format 1 fired them whoever played',
    migrate: toFormat2,
    // An actor's `against[0]` was its `opponent`.
    placeBack: (path) =>
      path[0] === 'actors' && path[2] === 'against' && path[3] === 0
        ? [path[0], path[1] ?? 0, 'opponent', ...path.slice(4)]
        : [...path],
  },
];

/** What migrating a file did: the value in the current format and a notice per step, or why it could not. */
export type Migrated =
  | { ok: true; value: unknown; from?: number; notices: string[]; steps: readonly Migration[] }
  | { ok: false; message: string; expected: string };

/**
 * Brings a parsed file up to `current` through `migrations`. A value that is not an object, has no whole
 * `formatVersion`, or is already current (or newer) is passed through: the structure pass reports it.
 */
export function migrate(
  value: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = FORMAT_VERSION,
): Migrated {
  if (!isObject(value)) return { ok: true, value, notices: [], steps: [] };
  const from = value.formatVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from >= current)
    return { ok: true, value, notices: [], steps: [] };
  let v: JsonObject = value;
  const notices: string[] = [];
  const steps: Migration[] = [];
  for (let n = from; n < current; n++) {
    const step = migrations.find((m) => m.from === n);
    if (!step) {
      const oldest = Math.min(current, ...migrations.map((m) => m.from));
      return {
        ok: false,
        message: `format ${from} is too old to be upgraded: no migration from format ${n} to ${n + 1}`,
        expected:
          oldest < current ? `"formatVersion" from ${oldest} to ${current}` : `"formatVersion": ${current}`,
      };
    }
    v = { ...step.migrate(v), formatVersion: n + 1 };
    notices.push(`format ${n} to ${n + 1}: ${step.changes}`);
    steps.push(step);
  }
  return { ok: true, value: v, from, notices, steps };
}

/** The one-line notice of a migration, as validate prints it and the game shows it. */
export const migratedNotice = (from: number, notices: readonly string[], current: number = FORMAT_VERSION) =>
  `migrated from format ${from} to ${current} (${notices.join('; ')})`;

/** A path of an upgraded file as it was in the file as written, through each step's placeBack, newest first. */
export function placedBack(
  steps: readonly Migration[],
  path: readonly (string | number)[],
): (string | number)[] {
  return steps.reduceRight<(string | number)[]>((p, m) => (m.placeBack ? m.placeBack(p) : p), [...path]);
}

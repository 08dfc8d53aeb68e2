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
}

/**
 * The format's migrations, oldest first. Format 1 is the first, so there are none yet: the first real
 * change of the format (issue 23) adds the step from 1 to 2 here, with FORMAT_VERSION raised to 2.
 */
export const MIGRATIONS: readonly Migration[] = [];

/** What migrating a file did: the value in the current format and a notice per step, or why it could not. */
export type Migrated =
  | { ok: true; value: unknown; from?: number; notices: string[] }
  | { ok: false; message: string; expected: string };

const isObject = (v: unknown): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Brings a parsed file up to `current` through `migrations`. A value that is not an object, has no whole
 * `formatVersion`, or is already current (or newer) is passed through: the structure pass reports it.
 */
export function migrate(
  value: unknown,
  migrations: readonly Migration[] = MIGRATIONS,
  current: number = FORMAT_VERSION,
): Migrated {
  if (!isObject(value)) return { ok: true, value, notices: [] };
  const from = value.formatVersion;
  if (typeof from !== 'number' || !Number.isInteger(from) || from >= current)
    return { ok: true, value, notices: [] };
  let v: JsonObject = value;
  const notices: string[] = [];
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
  }
  return { ok: true, value: v, from, notices };
}

/** The one-line notice of a migration, as validate prints it and the game shows it. */
export const migratedNotice = (from: number, notices: readonly string[], current: number = FORMAT_VERSION) =>
  `migrated from format ${from} to ${current} (${notices.join('; ')})`;

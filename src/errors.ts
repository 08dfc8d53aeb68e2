// What went wrong, in words: the one way every part of the game turns a caught value into a message.

/** The message of an Error, or whatever else was thrown as text (a script may throw anything). */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** The longest piece of an untrusted value a message repeats. */
export const SHOWN_LENGTH = 60;

/**
 * An untrusted value as a message repeats it: text quoted and cut to `max` characters (saying how long it
 * was), a number as written (NaN and Infinity included), anything else by its kind. A 50 MB id in a file
 * must not become a 50 MB alert.
 */
export function shown(value: unknown, max = SHOWN_LENGTH): string {
  if (typeof value === 'string')
    return value.length > max
      ? `${JSON.stringify(value.slice(0, max))}… (${value.length} characters)`
      : JSON.stringify(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null || value === undefined)
    return String(value);
  if (Array.isArray(value)) return `a list of ${value.length}`;
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

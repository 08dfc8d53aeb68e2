// What went wrong, in words: the one way every part of the game turns a caught value into a message.

/** The message of an Error, or whatever else was thrown as text (a script may throw anything). */
export function reason(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

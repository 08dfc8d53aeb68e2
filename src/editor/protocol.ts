// The messages between the editor and its workers: text to check or to play, and what came of it.
import type { Problem } from '../scenario/problem.ts';

/** What the editor asks a worker: the validator's problems, or a balance preview of computer games. */
export type Request =
  | { kind: 'check'; seq: number; text: string }
  | { kind: 'preview'; seq: number; text: string };

/** The balance of a scenario over computer games: how they end, and what never came into play. */
export interface Balance {
  games: number;
  /** Games per ending id, commonest first; endings never reached are listed under `never`. */
  endings: [string, number][];
  never: { actions: string[]; reactions: string[]; endings: string[] };
}

/** A worker's answer to the request of the same `seq`. */
export type Reply =
  | { kind: 'checked'; seq: number; problems: Problem[]; notice?: string }
  | { kind: 'preview'; seq: number; balance: Balance }
  | { kind: 'preview'; seq: number; invalid: true };

/** Games played for a preview: enough for the commonest endings to show, few enough to follow typing. */
export const PREVIEW_GAMES = 200;

/** The preview's games start from this seed, so the same text gives the same preview. */
export const PREVIEW_SEED = 1;

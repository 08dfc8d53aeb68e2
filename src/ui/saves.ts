// Saves in localStorage (one per scenario file: its id, version and content hash), and save files to
// download and open. A save that fails to read never touches the running game or any other save.
import type { Actor } from 'xstate';
import { reason } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GameMachine } from '../sim/machine.ts';
import { type SaveFile, saveGame, scenarioHash } from '../sim/save.ts';
import { download } from './dom.ts';

const SAVE_PREFIX = 'brink:save:';
const SCENARIO_PREFIX = 'brink:scenario:';

/** Which scenario file a save or a kept text belongs to: a designer's file never collides with a bundled one. */
export interface ScenarioKey {
  scenarioId: string;
  scenarioVersion: string;
  scenarioHash?: string | undefined;
}

/** A scenario's key. */
export const keyOf = (sc: Scenario): ScenarioKey => ({
  scenarioId: sc.meta.id,
  scenarioVersion: sc.meta.version,
  scenarioHash: scenarioHash(sc),
});

const suffix = (k: ScenarioKey) => `${k.scenarioId}@${k.scenarioVersion}#${k.scenarioHash ?? ''}`;

/** The localStorage key of a scenario file's autosave. */
export function saveKey(k: ScenarioKey): string {
  return `${SAVE_PREFIX}${suffix(k)}`;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null; // storage disabled (private mode, sandbox): the game still plays, unsaved
  }
}

/** Writes the game's autosave; returns false when storage is unavailable or full. */
export function autosave(actor: Actor<GameMachine>, scenario: Scenario): boolean {
  return writeSave(saveGame(actor, scenario));
}

/** Stores a save file as its scenario's autosave; false when the browser refused (full or no storage). */
export function writeSave(save: SaveFile): boolean {
  try {
    storage()?.setItem(saveKey(save), JSON.stringify(save));
    // The autosave an earlier build kept under the scenario id alone is taken over by this one.
    storage()?.removeItem(`${SAVE_PREFIX}${save.scenarioId}`);
    return storage() !== null;
  } catch {
    return false;
  }
}

/** A stored autosave by its storage key, parsed, or null when there is none or it is not JSON. */
export function readSave(key: string): unknown {
  const raw = storage()?.getItem(key);
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return { corrupt: raw.length };
  }
}

/** Removes a scenario's autosave (after a game ends or is abandoned). */
export function deleteSave(scenario: Scenario): void {
  storage()?.removeItem(saveKey(keyOf(scenario)));
}

/** A stored autosave as listed on the start screen. */
export interface SaveSummary {
  /** Its storage key. */
  key: string;
  scenarioId: string;
  savedAt: string;
  round: number | null;
  /** Whether the saved game has ended: nothing is left to resume. */
  ended: boolean;
}

/** Every stored autosave, newest first. */
export function listSaves(): SaveSummary[] {
  const st = storage();
  if (!st) return [];
  const out: SaveSummary[] = [];
  for (let i = 0; i < st.length; i++) {
    const key = st.key(i);
    if (!key?.startsWith(SAVE_PREFIX)) continue;
    const v = readSave(key) as Partial<SaveFile> | null;
    const snap = v?.snapshot as
      | { status?: unknown; context?: { round?: unknown; ending?: unknown } }
      | undefined;
    const round = snap?.context?.round;
    out.push({
      key,
      scenarioId: typeof v?.scenarioId === 'string' ? v.scenarioId : key.slice(SAVE_PREFIX.length),
      savedAt: typeof v?.savedAt === 'string' ? v.savedAt : '',
      round: typeof round === 'number' ? round : null,
      ended: snap?.status === 'done' || !!snap?.context?.ending,
    });
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Keeps the text of a scenario opened from a file, so its saved game can be resumed after a reload. */
export function storeScenarioText(scenario: Scenario, text: string): void {
  try {
    storage()?.setItem(`${SCENARIO_PREFIX}${suffix(keyOf(scenario))}`, text);
  } catch {
    // Too large for storage: the game plays on; resuming will ask for the file again.
  }
}

/** The stored text of the file-opened scenario a save belongs to, or null. */
export function storedScenarioText(k: ScenarioKey): string | null {
  return storage()?.getItem(`${SCENARIO_PREFIX}${suffix(k)}`) ?? null;
}

/** Parses a save file's text: the value, or a clear message when it is not JSON. */
export function parseSaveText(text: string): { ok: true; value: unknown } | { ok: false; message: string } {
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch (e) {
    return {
      ok: false,
      message: `The file is not a Brink save: it is not valid JSON (${reason(e)}).`,
    };
  }
}

/** The scenario id a save claims to belong to, if it says. */
export function saveScenarioId(value: unknown): string | null {
  return saveScenarioKey(value)?.scenarioId ?? null;
}

/** The scenario file a save claims to belong to (id, version and, for newer saves, content hash). */
export function saveScenarioKey(value: unknown): ScenarioKey | null {
  if (!value || typeof value !== 'object') return null;
  const v = value as { scenarioId?: unknown; scenarioVersion?: unknown; scenarioHash?: unknown };
  if (typeof v.scenarioId !== 'string') return null;
  return {
    scenarioId: v.scenarioId,
    scenarioVersion: typeof v.scenarioVersion === 'string' ? v.scenarioVersion : '',
    scenarioHash: typeof v.scenarioHash === 'string' ? v.scenarioHash : undefined,
  };
}

/** Offers a save as a .json download. */
export function downloadSave(save: SaveFile): void {
  download(
    `brink-${save.scenarioId}-round-${roundOf(save)}.json`,
    'application/json',
    JSON.stringify(save, null, 2),
  );
}

function roundOf(save: SaveFile): string {
  const r = (save.snapshot as { context?: { round?: unknown } }).context?.round;
  return typeof r === 'number' ? String(r) : 'x';
}

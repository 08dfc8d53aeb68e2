// Saves in localStorage (one per scenario), and save files to download and open. A save that fails
// to read never touches the running game or any other save.
import type { Actor } from 'xstate';
import { reason } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { GameMachine } from '../sim/machine.ts';
import { type SaveFile, saveGame } from '../sim/save.ts';

const SAVE_PREFIX = 'brink:save:';
const SCENARIO_PREFIX = 'brink:scenario:';

/** The localStorage key of a scenario's autosave. */
export function saveKey(scenarioId: string): string {
  return `${SAVE_PREFIX}${scenarioId}`;
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

/** Stores a save file as its scenario's autosave. */
export function writeSave(save: SaveFile): boolean {
  try {
    storage()?.setItem(saveKey(save.scenarioId), JSON.stringify(save));
    return storage() !== null;
  } catch {
    return false;
  }
}

/** The stored autosave of a scenario, parsed, or null when there is none or it is not JSON. */
export function readSave(scenarioId: string): unknown {
  const raw = storage()?.getItem(saveKey(scenarioId));
  if (!raw) return null;
  try {
    return JSON.parse(raw) as unknown;
  } catch {
    return { corrupt: raw.length };
  }
}

/** Removes a scenario's autosave (after a game ends or is abandoned). */
export function deleteSave(scenarioId: string): void {
  storage()?.removeItem(saveKey(scenarioId));
}

/** A stored autosave as listed on the start screen. */
export interface SaveSummary {
  scenarioId: string;
  savedAt: string;
  round: number | null;
}

/** Every stored autosave, newest first. */
export function listSaves(): SaveSummary[] {
  const st = storage();
  if (!st) return [];
  const out: SaveSummary[] = [];
  for (let i = 0; i < st.length; i++) {
    const key = st.key(i);
    if (!key?.startsWith(SAVE_PREFIX)) continue;
    const id = key.slice(SAVE_PREFIX.length);
    const v = readSave(id) as Partial<SaveFile> | null;
    const round = (v?.snapshot as { context?: { round?: unknown } } | undefined)?.context?.round;
    out.push({
      scenarioId: id,
      savedAt: typeof v?.savedAt === 'string' ? v.savedAt : '',
      round: typeof round === 'number' ? round : null,
    });
  }
  return out.sort((a, b) => b.savedAt.localeCompare(a.savedAt));
}

/** Keeps the text of a scenario opened from a file, so its saved game can be resumed after a reload. */
export function storeScenarioText(scenarioId: string, text: string): void {
  try {
    storage()?.setItem(`${SCENARIO_PREFIX}${scenarioId}`, text);
  } catch {
    // Too large for storage: the game plays on; resuming will ask for the file again.
  }
}

/** The stored text of a file-opened scenario, or null. */
export function storedScenarioText(scenarioId: string): string | null {
  return storage()?.getItem(`${SCENARIO_PREFIX}${scenarioId}`) ?? null;
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
  if (!value || typeof value !== 'object') return null;
  const id = (value as { scenarioId?: unknown }).scenarioId;
  return typeof id === 'string' ? id : null;
}

/** Offers a save as a .json download. */
export function downloadSave(save: SaveFile): void {
  const blob = new Blob([JSON.stringify(save, null, 2)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = `brink-${save.scenarioId}-round-${roundOf(save)}.json`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function roundOf(save: SaveFile): string {
  const r = (save.snapshot as { context?: { round?: unknown } }).context?.round;
  return typeof r === 'number' ? String(r) : 'x';
}

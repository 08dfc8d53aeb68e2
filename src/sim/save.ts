// Saving and restoring a game: XState's persisted snapshot, with the scenario's id and version beside it.
import { type Actor, createActor, type Snapshot } from 'xstate';
import { reason } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compile.ts';
import { checkEnvelope } from './envelope.ts';
import { createGameMachine, type GameMachine } from './machine.ts';
import { emptyNegotiation } from './negotiation.ts';

/** The save file's format marker and version. */
export const SAVE_FORMAT = 'brink-save';
export const SAVE_VERSION = 1;

/** A saved game. */
export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  scenarioId: string;
  scenarioVersion: string;
  savedAt: string;
  snapshot: Snapshot<unknown>;
}

/** Saves a running game. */
export function saveGame(
  actor: Actor<GameMachine>,
  scenario: Scenario,
  savedAt = new Date().toISOString(),
): SaveFile {
  return {
    format: SAVE_FORMAT,
    version: SAVE_VERSION,
    scenarioId: scenario.meta.id,
    scenarioVersion: scenario.meta.version,
    savedAt,
    snapshot: actor.getPersistedSnapshot(),
  };
}

/** Why a value cannot be restored for this scenario, or null when it can. */
export function checkSave(value: unknown, scenario: Scenario): string | null {
  const header = checkEnvelope(
    value,
    { noun: 'save', kind: 'save file', format: SAVE_FORMAT, version: SAVE_VERSION },
    scenario,
  );
  if (header) return header;
  const v = value as Partial<SaveFile>;
  const snap = v.snapshot as
    | { status?: unknown; context?: { scenarioId?: unknown; round?: unknown } }
    | undefined;
  if (!snap || typeof snap !== 'object' || !snap.context || typeof snap.context.round !== 'number')
    return 'The save is damaged: its game snapshot is missing or incomplete.';
  if (snap.context.scenarioId !== scenario.meta.id)
    return 'The save is damaged: its snapshot belongs to another scenario.';
  return null;
}

/** The saved snapshot, with an empty negotiation added when the save predates negotiation. */
function withNegotiation(save: SaveFile, scenario: Scenario): Snapshot<unknown> {
  const snap = save.snapshot as Snapshot<unknown> & { context?: Record<string, unknown> };
  if (!snap.context || snap.context.negotiation !== undefined) return save.snapshot;
  return {
    ...snap,
    context: { ...snap.context, negotiation: emptyNegotiation(compile(scenario)) },
  } as unknown as Snapshot<unknown>;
}

/** Restores a saved game, or explains why it cannot. The actor is created but not started. */
export function restoreGame(
  value: unknown,
  scenario: Scenario,
  machine: GameMachine = createGameMachine(scenario),
): { ok: true; actor: Actor<GameMachine> } | { ok: false; message: string } {
  const problem = checkSave(value, scenario);
  if (problem) return { ok: false, message: problem };
  try {
    const actor = createActor(machine, {
      snapshot: withNegotiation(value as SaveFile, scenario),
      input: { seed: 0 },
    });
    return { ok: true, actor };
  } catch (e) {
    return { ok: false, message: `The save is damaged: ${reason(e)}` };
  }
}

// Saving and restoring a game: XState's persisted snapshot, with the scenario's id and version beside it.
import { type Actor, createActor, type Snapshot } from 'xstate';
import * as z from 'zod';
import { reason } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import { compile } from './compile.ts';
import { checkEnvelope } from './envelope.ts';
import { issueText } from './events.ts';
import { digest } from './log.ts';
import { CEASEFIRE_STATES, createGameMachine, type GameMachine, MEDIATION_STATES } from './machine.ts';
import { emptyNegotiation } from './negotiation.ts';
import { checkState } from './state-schema.ts';
import type { GameState } from './types.ts';

/** The save file's format marker and version. */
export const SAVE_FORMAT = 'brink-save';
export const SAVE_VERSION = 1;

/** A saved game. */
export interface SaveFile {
  format: typeof SAVE_FORMAT;
  version: typeof SAVE_VERSION;
  scenarioId: string;
  scenarioVersion: string;
  /** A fingerprint of the scenario's content, so a file reusing another's id and version never takes its saves. */
  scenarioHash?: string;
  savedAt: string;
  snapshot: Snapshot<unknown>;
}

/** The fingerprint of a scenario's content. */
export function scenarioHash(scenario: Scenario): string {
  let h = hashes.get(scenario);
  if (h === undefined) {
    h = digest(scenario);
    hashes.set(scenario, h);
  }
  return h;
}
const hashes = new WeakMap<Scenario, string>();

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
    scenarioHash: scenarioHash(scenario),
    savedAt,
    snapshot: actor.getPersistedSnapshot(),
  };
}

const Phase = z.enum(['orders', 'resolution', 'reactions', 'report']);
/** XState's persisted snapshot of this machine, its context apart (checked by the state schema). */
const SnapshotSchema = z.strictObject({
  status: z.enum(['active', 'done']),
  value: z.union([
    z.literal('briefing'),
    z.literal('ended'),
    z.strictObject({
      playing: z.strictObject({
        round: Phase,
        ladder: z.string().max(64),
        mediation: z.enum(MEDIATION_STATES),
        ceasefire: z.enum(CEASEFIRE_STATES),
      }),
    }),
  ]),
  context: z.unknown(),
  historyValue: z.record(z.string().max(200), z.unknown()).optional(),
  children: z.strictObject({}),
  output: z.unknown().optional(),
  error: z.unknown().optional(),
});

/** Why a value cannot be restored for this scenario, or null when it can. */
export function checkSave(value: unknown, scenario: Scenario): string | null {
  const header = checkEnvelope(
    value,
    { noun: 'save', kind: 'save file', format: SAVE_FORMAT, version: SAVE_VERSION },
    scenario,
  );
  if (header) return header;
  const damaged = (why: string) => `The save is damaged: ${why}.`;
  const v = value as Partial<SaveFile>;
  // Saves made before the fingerprint was kept have none; they are read as before.
  if (v.scenarioHash !== undefined && v.scenarioHash !== scenarioHash(scenario))
    return `The save was made with another file of "${scenario.meta.id}" version ${scenario.meta.version}: its content differs from this one.`;
  const raw = v.snapshot as { context?: unknown } | undefined;
  if (!raw || typeof raw !== 'object' || !raw.context || typeof raw.context !== 'object')
    return damaged('its game snapshot is missing or incomplete');
  const snap = SnapshotSchema.safeParse(withNegotiation(v as SaveFile, scenario));
  if (!snap.success) return damaged(`snapshot: ${issueText(snap.error.issues[0])}`);
  const problem = checkState(scenario, snap.data.context);
  if (problem) return damaged(problem);
  const s = snap.data.context as GameState;
  const { status, value: at } = snap.data;
  if ((status === 'done') !== (at === 'ended') || (at === 'ended') !== (s.ending !== null))
    return damaged(`its status (${status}) and its ending (${s.ending ? s.ending.id : 'none'}) disagree`);
  if (typeof at === 'object') {
    const p = at.playing;
    if (
      p.ladder !== scenario.ladder[s.rung]?.id ||
      p.mediation !== s.mediation.phase ||
      p.ceasefire !== s.ceasefire.status
    )
      return damaged('its statechart does not match its state (rung, mediation or ceasefire)');
    if (s.round < 1) return damaged('it is playing round 0');
  } else if (at === 'briefing' && s.round !== 0) return damaged(`it is in the briefing at round ${s.round}`);
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
  const snapshot = withNegotiation(value as SaveFile, scenario);
  try {
    const trial = playsOn(machine, snapshot);
    if (trial) return { ok: false, message: `The save is damaged: ${trial}.` };
    return { ok: true, actor: createActor(machine, { snapshot, input: { seed: 0 } }) };
  } catch (e) {
    return { ok: false, message: `The save is damaged: ${reason(e)}` };
  }
}

/**
 * Why a saved game cannot be played on, or null: a trial copy is started from it and played to its end
 * by computer players, so a save that would break on Resume or at its first event is refused before it
 * replaces anything.
 */
function playsOn(machine: GameMachine, snapshot: Snapshot<unknown>): string | null {
  let broken: unknown = null;
  const trial = createActor(machine, { snapshot, input: { seed: 0 } });
  trial.subscribe({ error: (e) => (broken = e) });
  trial.start();
  const s0 = trial.getSnapshot().context;
  if (s0.paused) trial.send({ type: 'RESUME' });
  for (const actor of Object.keys(s0.seats))
    trial.send({
      type: 'SET_SEAT',
      actor,
      seat: { by: 'computer', policy: s0.seats[actor]?.policy ?? 'hawk' },
    });
  if (trial.getSnapshot().matches('briefing')) trial.send({ type: 'BEGIN' });
  for (let i = 0; i <= 10_000 && broken === null && trial.getSnapshot().status === 'active'; i++) {
    const before = trial.getSnapshot();
    trial.send({ type: 'NEXT' });
    if (trial.getSnapshot() === before) break;
  }
  const end = trial.getSnapshot();
  trial.stop();
  if (broken !== null) return `it breaks when played on (${reason(broken)})`;
  return end.status === 'error' ? 'it breaks when played on' : null;
}

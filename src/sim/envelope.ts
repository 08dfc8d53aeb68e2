// The header every Brink file carries (format, version, scenario id and version), checked in one place
// for saves and game logs.
import { shown } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';

/** What a kind of file is called and which format marker and version it carries. */
export interface FileKind {
  /** How a message names the file: "save" or "log". */
  noun: string;
  /** How a message names the kind: "save file" or "game log". */
  kind: string;
  format: string;
  version: number;
}

/** Why a value does not carry the header of this kind of file for this scenario, or null when it does. */
export function checkEnvelope(value: unknown, k: FileKind, scenario: Scenario): string | null {
  const not = k.noun === 'save' ? 'The save is not' : 'The file is not';
  if (!value || typeof value !== 'object' || Array.isArray(value))
    return `${not} a Brink ${k.kind} (expected a JSON object).`;
  const v = value as { format?: unknown; version?: unknown; scenarioId?: unknown; scenarioVersion?: unknown };
  if (v.format !== k.format) return `${not} a Brink ${k.kind} (its "format" is not "${k.format}").`;
  if (v.version !== k.version)
    return `The ${k.noun} has format version ${shown(v.version)}; this build reads version ${k.version}.`;
  if (v.scenarioId !== scenario.meta.id)
    return `The ${k.noun} belongs to scenario ${shown(v.scenarioId)}, not "${scenario.meta.id}".`;
  if (v.scenarioVersion !== scenario.meta.version)
    return `The ${k.noun} was made with version ${shown(v.scenarioVersion)} of "${scenario.meta.id}"; this is version ${scenario.meta.version}.`;
  return null;
}

// Reads a scenario file for a command-line tool, through the same checks as the game's loader.
import { readFileSync } from 'node:fs';
import { reason } from '../errors.ts';
import { formatProblems, loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The scenario in `file`, or the validator's report of why it cannot be used. */
export function readScenario(
  file: string,
): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      ok: false,
      message: `${file}: cannot read the file (${reason(e)})`,
    };
  }
  const r = loadScenario(text, file);
  return r.ok ? r : { ok: false, message: formatProblems(r.problems, text) };
}

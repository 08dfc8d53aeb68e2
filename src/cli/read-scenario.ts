// Reads a scenario file for a command-line tool, through the same checks as the game's loader.
import { readFileSync } from 'node:fs';
import { Scenario } from '../scenario/schema.ts';

/** The scenario in `file`, or the reason it cannot be used. */
export function readScenario(
  file: string,
): { ok: true; scenario: Scenario } | { ok: false; message: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    return {
      ok: false,
      message: `${file}: cannot read the file (${e instanceof Error ? e.message : String(e)})`,
    };
  }
  try {
    const r = Scenario.safeParse(JSON.parse(text));
    if (r.success) return { ok: true, scenario: r.data };
    return { ok: false, message: `${file}: not a valid scenario; run npm run validate -- ${file}` };
  } catch {
    return { ok: false, message: `${file}: not valid JSON; run npm run validate -- ${file}` };
  }
}

// The scenarios a room may be created with: the bundled files, checked by the full validator once at start.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { scenarioFiles } from '../scenario/bundled-plugin.ts';
import { validateScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The valid scenarios of a folder by id; a file that fails is reported through `warn` and left out. */
export function loadScenarios(dir: string, warn: (line: string) => void): Map<string, Scenario> {
  const out = new Map<string, Scenario>();
  for (const file of scenarioFiles(dir)) {
    const v = validateScenario(readFileSync(join(dir, file), 'utf8'), file);
    if (v.ok) out.set(v.scenario.meta.id, v.scenario);
    else warn(`scenario ${file} left out: ${v.problems[0] ?? 'invalid'}`);
  }
  return out;
}

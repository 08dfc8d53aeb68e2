// Where scenarios come from: the bundled files (loaded lazily, as raw text) or a file the player opens.
// Every scenario goes through `validateScenario`, the one place to swap in the full validator.
import { formatProblems, loadScenario } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

/** The scenario shown and offered first. */
export const DEFAULT_SCENARIO_ID = 'pakistan-afghanistan-2026';

/** A validated scenario with the text it came from (kept so a file-opened one can be resumed). */
export interface LoadedScenario {
  scenario: Scenario;
  text: string;
  file: string;
  bundled: boolean;
}

/** The result of validating scenario text: the scenario, or readable problems. */
export type Validation = { ok: true; scenario: Scenario } | { ok: false; problems: string[] };

/**
 * Validates scenario text with the full validator (syntax, structure, meaning). Each problem becomes
 * one readable block: where (file:line:column and JSON path), what, and the lines around it.
 */
export function validateScenario(text: string, file: string): Validation {
  const r = loadScenario(text, file);
  if (r.ok) return { ok: true, scenario: r.scenario };
  // formatProblems ends with a count line ("1 problem in 1 file"): drop it, one block per problem.
  return {
    ok: false,
    problems: r.problems.map((p) => formatProblems([p], text).split('\n\n')[0] ?? p.message),
  };
}

// URLs of the files, fetched as text (so the validator can point at lines): scenarios ship as data
// files, not as JavaScript. The JSON Schema itself is not a scenario.
const bundledFiles = import.meta.glob<string>(['/scenarios/*.json', '!/scenarios/scenario.schema.json'], {
  query: '?url',
  import: 'default',
});

async function fetchText(url: string): Promise<string> {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`cannot load ${url}: HTTP ${res.status}`);
  return res.text();
}

/** A bundled scenario file that failed validation, with its problems. */
export interface BrokenScenario {
  file: string;
  problems: string[];
}

let bundledCache: Promise<{ ok: LoadedScenario[]; broken: BrokenScenario[] }> | undefined;

/** Loads and validates every bundled scenario once; the default scenario comes first. */
export function bundledScenarios(): Promise<{ ok: LoadedScenario[]; broken: BrokenScenario[] }> {
  bundledCache ??= (async () => {
    const ok: LoadedScenario[] = [];
    const broken: BrokenScenario[] = [];
    const entries = Object.entries(bundledFiles).sort(([a], [b]) => a.localeCompare(b));
    // Fetched together, validated one by one: the network waits once.
    const texts = await Promise.all(entries.map(async ([, load]) => fetchText(await load())));
    for (const [i, [path]] of entries.entries()) {
      const file = path.split('/').pop() ?? path;
      const text = texts[i] ?? '';
      const v = validateScenario(text, file);
      if (v.ok) ok.push({ scenario: v.scenario, text, file, bundled: true });
      else broken.push({ file, problems: v.problems });
    }
    ok.sort((a, b) => rank(a) - rank(b));
    return { ok, broken };
  })();
  return bundledCache;
}

const rank = (s: LoadedScenario) => (s.scenario.meta.id === DEFAULT_SCENARIO_ID ? 0 : 1);

/** The default scenario: the Pakistan–Afghanistan one when bundled, else the first valid file. */
export async function defaultScenario(): Promise<LoadedScenario | undefined> {
  return (await bundledScenarios()).ok[0];
}

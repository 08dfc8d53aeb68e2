// Where scenarios come from: the bundled files, validated when the game was built (bundled-plugin.ts),
// or a file the player opens, validated here. Both go through the same validator.
import bundledFiles from 'virtual:brink-scenarios';
import { reason } from '../errors.ts';
import type { BundledScenario, Validation } from '../scenario/load.ts';
import type { Scenario } from '../scenario/schema.ts';

/**
 * Validates scenario text with the full validator. The validator (Zod, the position-keeping parser and the
 * meaning checks: more than half of the page's script) loads only now, the first time a file is opened:
 * bundled scenarios were validated when the game was built, so the start screen never waits for it.
 */
export async function validateScenario(text: string, file: string): Promise<Validation> {
  let validate: (text: string, file: string) => Validation;
  try {
    ({ validateScenario: validate } = await import('../scenario/load.ts'));
  } catch (e) {
    // Offline since the page loaded, say: the file is not read, and nothing else changes.
    const why = reason(e);
    return {
      ok: false,
      problems: [`${file}: the validator could not be loaded (${why}); try again once connected.`],
    };
  }
  return validate(text, file);
}

/** Reads a scenario file the player opened and validates it; a file that cannot be read is a problem too. */
export async function readScenarioFile(file: File): Promise<{ text: string; validation: Validation }> {
  let text: string;
  try {
    text = await file.text();
  } catch (e) {
    // The file vanished or was locked since it was chosen.
    const why = reason(e);
    return {
      text: '',
      validation: { ok: false, problems: [`${file.name}: the file could not be read (${why}).`] },
    };
  }
  return { text, validation: await validateScenario(text, file.name) };
}

/** The scenario shown and offered first. */
export const DEFAULT_SCENARIO_ID = 'pakistan-afghanistan-2026';

/**
 * A validated scenario. One opened from a file keeps its text, so that a game of it can be resumed after a
 * reload; a bundled one is found again by its id.
 */
export type LoadedScenario = { scenario: Scenario; file: string } & (
  | { bundled: true }
  | { bundled: false; text: string }
);

/** A bundled scenario file that failed validation, with its problems. */
export interface BrokenScenario {
  file: string;
  problems: string[];
}

let bundledCache: Promise<{ ok: LoadedScenario[]; broken: BrokenScenario[] }> | undefined;

/** Loads every bundled scenario once, as validated at build time; the default scenario comes first. */
export function bundledScenarios(): Promise<{ ok: LoadedScenario[]; broken: BrokenScenario[] }> {
  bundledCache ??= (async () => {
    const ok: LoadedScenario[] = [];
    const broken: BrokenScenario[] = [];
    // Fetched together: the network waits once.
    const results = await Promise.all(bundledFiles.map(({ file, url }) => fetchResult(file, url)));
    for (const r of results) {
      if (r.ok) ok.push({ scenario: r.scenario, file: r.file, bundled: true });
      else broken.push({ file: r.file, problems: r.problems });
    }
    ok.sort((a, b) => rank(a) - rank(b));
    return { ok, broken };
  })();
  return bundledCache;
}

/** One bundled file's validation; a file that cannot be fetched is listed as broken, with why. */
async function fetchResult(file: string, url: string): Promise<BundledScenario> {
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`HTTP ${res.status}`);
    return (await res.json()) as BundledScenario;
  } catch (e) {
    return {
      file,
      ok: false,
      problems: [`${file}: could not be loaded from ${url} (${(e as Error).message})`],
    };
  }
}

const rank = (s: LoadedScenario) => (s.scenario.meta.id === DEFAULT_SCENARIO_ID ? 0 : 1);

/** The default scenario: the Pakistan–Afghanistan one when bundled, else the first valid file. */
export async function defaultScenario(): Promise<LoadedScenario | undefined> {
  return (await bundledScenarios()).ok[0];
}

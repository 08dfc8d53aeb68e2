// Vite plugin (Node side): validates every bundled scenario file when the game is built (or, under the
// dev server, when the page asks), with the very validator the browser would run, and ships the result
// as a small JSON asset: the scenario as the validator gives it back (defaults filled in), or its
// problems. The start screen reads these with one JSON.parse, instead of building a position tree and
// running the schema on every page load: on a slow machine that took 200-300 ms before the first click.
// The game finds the files through the virtual module `virtual:brink-scenarios`.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';
import { hashedAsset, type JsonAsset, jsonAssetsPlugin } from '../build/json-assets.ts';
import { type BundledScenario, validateScenario } from './load.ts';

/** One scenario file's validation, serialised as an asset. */
export interface ValidatedFile extends JsonAsset {
  file: string;
}

/** The scenario files of a folder, by name: every `.json` but the JSON Schema. */
export function scenarioFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .sort();
}

/** Validates every scenario file in `dir`; a file that fails keeps its problems, to be shown on the start screen. */
export function validateScenarioFiles(dir: string, assetsDir = 'assets'): ValidatedFile[] {
  return scenarioFiles(dir).map((file) => {
    const result: BundledScenario = {
      file,
      ...validateScenario(readFileSync(join(dir, file), 'utf8'), file),
    };
    return {
      file,
      ...hashedAsset(assetsDir, 'scenarios', file.replace(/\.json$/, ''), JSON.stringify(result)),
    };
  });
}

/** The Vite plugin: `virtual:brink-scenarios` exports `[{ file, url }]` of the validated scenario files. */
export function brinkScenarios(options: { dir?: string } = {}): Plugin {
  return jsonAssetsPlugin<ValidatedFile>({
    name: 'brink-scenarios',
    virtualId: 'virtual:brink-scenarios',
    dir: options.dir ?? 'scenarios',
    make: validateScenarioFiles,
    exports: (files, url) => files.map((f) => ({ file: f.file, url: url(f) })),
    // The start screen needs them first of all.
    preload: true,
  });
}

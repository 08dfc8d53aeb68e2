// Vite plugin (Node side): validates every bundled scenario file when the game is built (or, under the
// dev server, when the page asks), with the very validator the browser would run, and ships the result
// as a small JSON asset: the scenario as the validator gives it back (defaults filled in), or its
// problems. The start screen reads these with one JSON.parse, instead of building a position tree and
// running the schema on every page load: on a slow machine that took 200-300 ms before the first click.
// The game finds the files through the virtual module `virtual:brink-scenarios`.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Plugin } from 'vite';
import { type BundledScenario, validateScenario } from './load.ts';

const VIRTUAL_ID = 'virtual:brink-scenarios';
const RESOLVED_ID = `\0${VIRTUAL_ID}`;

/** One scenario file's validation, serialised as an asset. */
export interface ValidatedFile {
  file: string;
  /** The path of the asset below the base, e.g. `assets/scenarios/tutorial-1a2b3c4d.json`. */
  fileName: string;
  json: string;
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
    const json = JSON.stringify(result);
    const hash = createHash('sha256').update(json).digest('hex').slice(0, 8);
    return { file, fileName: `${assetsDir}/scenarios/${file.replace(/\.json$/, '')}-${hash}.json`, json };
  });
}

/** The Vite plugin: `virtual:brink-scenarios` exports `[{ file, url }]` of the validated scenario files. */
export function brinkScenarios(options: { dir?: string } = {}): Plugin {
  let root = process.cwd();
  let base = '/';
  let assetsDir = 'assets';
  let files: ValidatedFile[] | undefined;
  const dir = () => resolve(root, options.dir ?? 'scenarios');
  const getFiles = () => {
    files ??= validateScenarioFiles(dir(), assetsDir);
    return files;
  };
  return {
    name: 'brink-scenarios',
    configResolved(config) {
      root = config.root;
      base = config.base;
      assetsDir = config.build.assetsDir;
    },
    resolveId(id) {
      return id === VIRTUAL_ID ? RESOLVED_ID : undefined;
    },
    load(id) {
      if (id !== RESOLVED_ID) return undefined;
      for (const file of scenarioFiles(dir())) this.addWatchFile(join(dir(), file));
      const list = getFiles().map((f) => ({ file: f.file, url: `${base}${f.fileName}` }));
      return `export default ${JSON.stringify(list)};\n`;
    },
    // The start screen needs them first of all: the page asks for them before its script has even loaded.
    transformIndexHtml() {
      return getFiles().map((f) => ({
        tag: 'link',
        attrs: { rel: 'preload', href: `${base}${f.fileName}`, as: 'fetch', crossorigin: 'anonymous' },
        injectTo: 'head' as const,
      }));
    },
    generateBundle() {
      for (const f of getFiles()) this.emitFile({ type: 'asset', fileName: f.fileName, source: f.json });
    },
    configureServer(server) {
      // A designer editing a scenario under the dev server sees the result on reload, problems included.
      server.watcher.add(dir());
      server.watcher.on('all', (_event, path) => {
        if (!path.startsWith(dir()) || !path.endsWith('.json')) return;
        files = undefined;
        const mod = server.moduleGraph.getModuleById(RESOLVED_ID);
        if (mod) server.moduleGraph.invalidateModule(mod);
      });
      server.middlewares.use((req, res, next) => {
        const path = req.url?.split('?')[0] ?? '';
        const f = getFiles().find((x) => `${base}${x.fileName}` === path);
        if (!f) return next();
        res.setHeader('Content-Type', 'application/json');
        res.end(f.json);
      });
    },
  };
}

// A worker thread's TypeScript entry built once into one JavaScript file with its packages (esbuild), so
// each thread loads one plain script instead of tsx compiling the engine again and Node resolving each
// package's modules. The file is cached in node_modules/.cache/brink under the hash of every source it was
// built from: an edit to any of them builds it again.
import { createHash, randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, version } from 'esbuild';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CACHE = join(ROOT, 'node_modules/.cache/brink');

/** What a cached bundle was built from: its sources (relative to the project) and their hash. */
interface Manifest {
  key: string;
  inputs: string[];
}

/** How every bundle is built: a change here builds it again (it is part of the key). */
const OPTIONS = { bundle: true, platform: 'node', format: 'esm', target: 'node24' } as const;

/** The hash of the sources' contents, with esbuild's version and the options (either may change the output). */
function contentKey(inputs: readonly string[]): string | null {
  const h = createHash('sha256').update(version).update(JSON.stringify(OPTIONS));
  for (const file of inputs) {
    try {
      h.update(file)
        .update('\0')
        .update(readFileSync(join(ROOT, file)))
        .update('\0');
    } catch {
      return null; // a source is gone: build again
    }
  }
  return h.digest('hex').slice(0, 16);
}

function readManifest(file: string): Manifest | null {
  try {
    const m = JSON.parse(readFileSync(file, 'utf8')) as Partial<Manifest>;
    return typeof m.key === 'string' && Array.isArray(m.inputs) ? { key: m.key, inputs: m.inputs } : null;
  } catch {
    return null;
  }
}

/** Writes through a temporary file and a rename, so a process reading the cache never sees half a file. */
function writeWhole(file: string, text: string): void {
  // Unique per writer: test files build it in parallel, in threads of one process too.
  const tmp = `${file}.${randomUUID()}.tmp`;
  writeFileSync(tmp, text);
  renameSync(tmp, file);
}

/** The path of the JavaScript bundle of `entry` (a TypeScript module), built now if its sources changed. */
export async function workerBundle(entry: URL): Promise<string> {
  const name = basename(fileURLToPath(entry)).replace(/\.ts$/, '');
  mkdirSync(CACHE, { recursive: true });
  const manifestFile = join(CACHE, `${name}.json`);
  const cached = readManifest(manifestFile);
  const hit = cached && contentKey(cached.inputs) === cached.key && join(CACHE, `${name}-${cached.key}.mjs`);
  if (hit && existsSync(hit)) return hit;
  const out = await build({
    ...OPTIONS,
    entryPoints: [fileURLToPath(entry)],
    write: false,
    metafile: true,
    logLevel: 'silent',
  });
  const text = out.outputFiles[0]?.text;
  if (text === undefined) throw new Error(`esbuild gave no output for ${fileURLToPath(entry)}`);
  // The metafile names the sources relative to the working directory; the manifest keeps them relative to the project.
  const inputs = Object.keys(out.metafile.inputs)
    .map((f) => relative(ROOT, resolve(f)))
    .sort();
  const key = contentKey(inputs);
  if (key === null) throw new Error(`a source of ${name} vanished while it was built`);
  const file = join(CACHE, `${name}-${key}.mjs`);
  // Bundles of older sources go: the cache holds one per entry (another process may be writing this one).
  for (const old of readdirSync(CACHE))
    if (old.startsWith(`${name}-`) && old.endsWith('.mjs') && old !== basename(file))
      rmSync(join(CACHE, old), { force: true });
  writeWhole(file, text);
  writeWhole(manifestFile, JSON.stringify({ key, inputs } satisfies Manifest));
  return file;
}

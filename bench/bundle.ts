import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig } from 'vite';

/** Sums the gzipped size (level 9) of every .js file under `dir`, in bytes. */
export function gzippedJs(dir: string): number {
  let total = 0;
  for (const entry of readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const path = join(dir, entry);
    if (entry.endsWith('.js') && statSync(path).isFile())
      total += gzipSync(readFileSync(path), { level: 9 }).length;
  }
  return total;
}

/**
 * The JavaScript a page of the build loads before any dynamic import: the entry and modulepreload files
 * named in `dir`/index.html and every file they import statically, with their gzipped sizes (level 9).
 * Chunks reached only through import() (the map, the editor, the validator) are left out.
 */
export function pageJs(dir: string): Map<string, number> {
  const html = readFileSync(join(dir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/<(?:script|link)\b[^>]*?(?:src|href)="\/([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const sizes = new Map<string, number>();
  const visit = (file: string) => {
    if (sizes.has(file)) return;
    const code = readFileSync(join(dir, file));
    sizes.set(file, gzipSync(code, { level: 9 }).length);
    // Static imports only: `import x from"./a.js"` or `import"./a.js"`, never `import("./a.js")`.
    for (const m of code
      .toString('utf8')
      .matchAll(/\bimport\s*(?:[\w$*{},\s]*?\bfrom\s*)?["']\.\/([^"']+\.js)["']/g))
      visit(join(dirname(file), m[1] ?? ''));
  };
  for (const f of named) visit(f);
  return sizes;
}

/** Runs a quiet production build with the given config and returns its output folder. */
export async function buildInto(outDir: string, config: InlineConfig = {}): Promise<string> {
  await build({ ...config, logLevel: 'warn', build: { ...config.build, outDir, emptyOutDir: true } });
  return outDir;
}

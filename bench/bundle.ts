import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { build, type InlineConfig, type PreviewServer, preview } from 'vite';

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

// Pages whose frames are timed are served cross-origin isolated, so that their clock ticks in 5 µs steps
// rather than Chromium's jittered 100 µs: without it, frames paced exactly at 60 Hz read 16.6–16.8 ms
// apart, and their p95 16.8 ms. Pages timed from navigation are not: the isolated page's own process
// switch would add ~130 ms to each load.
const ISOLATED = {
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Embedder-Policy': 'require-corp',
};

/** Serves a built folder the way the game is served; `isolated` adds the headers for a fine clock. */
export async function serve(
  outDir: string,
  isolated = false,
): Promise<{ url: string; server: PreviewServer }> {
  const server = await preview({
    configFile: false,
    root: dirname(outDir),
    build: { outDir: basename(outDir) },
    preview: { port: 0, host: '127.0.0.1', ...(isolated ? { headers: ISOLATED } : {}) },
    logLevel: 'warn',
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error('vite preview did not report a local URL');
  return { url, server };
}

export const close = (s: PreviewServer) => new Promise<void>((done) => s.httpServer.close(() => done()));

/** The median of some figures. */
export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? Number.NaN;
};

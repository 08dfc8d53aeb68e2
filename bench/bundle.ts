import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
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

/** Runs a quiet production build with the given config and returns its output folder. */
export async function buildInto(outDir: string, config: InlineConfig = {}): Promise<string> {
  await build({ ...config, logLevel: 'warn', build: { ...config.build, outDir, emptyOutDir: true } });
  return outDir;
}

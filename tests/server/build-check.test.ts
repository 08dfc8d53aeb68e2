// `npm start` builds the game again when dist/ is missing, older than what the build reads, or a build made
// in another mode than production (the browser tests leave a test-mode build in dist/).
import { mkdirSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { build, resolveConfig } from 'vite';
import { describe, expect, it } from 'vitest';
import { BUILD_MODE_FILE, buildMode } from '../../src/build/build-mode.ts';
import { staleBuild } from '../../src/server/build-check.ts';
import { tempDir } from './process.ts';

/** A project root with one source file, and its dist/ built at `builtAt` (seconds) in `mode`, if any. */
function project(mode: string | null, sourceAt: number, builtAt: number): { root: string; dist: string } {
  const root = tempDir();
  mkdirSync(join(root, 'src'));
  writeFileSync(join(root, 'src', 'main.ts'), '');
  utimesSync(join(root, 'src', 'main.ts'), sourceAt, sourceAt);
  const dist = join(root, 'dist');
  mkdirSync(dist);
  writeFileSync(join(dist, 'index.html'), '');
  if (mode !== null) writeFileSync(join(dist, BUILD_MODE_FILE), `${mode}\n`);
  utimesSync(join(dist, 'index.html'), builtAt, builtAt);
  return { root, dist };
}

describe('whether npm start builds the game again', () => {
  it('keeps a current production build and rebuilds a test-mode, unmarked, older or missing one', () => {
    const ok = project('production', 1_000, 2_000);
    expect(staleBuild(ok.root, ok.dist)).toBeNull();
    const test = project('test', 1_000, 2_000);
    expect(staleBuild(test.root, test.dist)).toBe('dist/ was built in test mode, not production');
    const unmarked = project(null, 1_000, 2_000);
    expect(staleBuild(unmarked.root, unmarked.dist)).toBe('dist/ was built in unknown mode, not production');
    const old = project('production', 3_000, 2_000);
    expect(staleBuild(old.root, old.dist)).toBe('src changed since dist/ was built');
    const none = tempDir();
    expect(staleBuild(none, join(none, 'dist'))).toBe('dist/ holds no build');
  });

  it('reads the mode a build writes: production by default, test when asked; the game’s config writes it', async () => {
    for (const mode of ['production', 'test']) {
      const root = tempDir();
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>');
      const outDir = join(root, 'dist');
      await build({
        configFile: false,
        root,
        logLevel: 'silent',
        plugins: [buildMode()],
        ...(mode === 'test' ? { mode } : {}),
        build: { outDir },
      });
      expect(staleBuild(root, outDir)).toBe(
        mode === 'production' ? null : 'dist/ was built in test mode, not production',
      );
    }
    const config = await resolveConfig({ configFile: 'vite.config.ts', logLevel: 'silent' }, 'build');
    expect(config.plugins.map((p) => p.name)).toContain(buildMode().name);
  });
});

// Whether `npm start` must build the game again: dist/ missing, older than a file the build reads, or built
// in another mode than production (the browser tests build dist/ in test mode, which keeps the map's
// diagnostics; each build records its mode: src/build/build-mode.ts).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { BUILD_MODE_FILE } from '../build/build-mode.ts';

/** What the build reads, relative to the project's root. */
const INPUTS = ['src', 'scenarios', 'assets', 'index.html', 'vite.config.ts', 'package.json'];

/** Why `dist` must be built again for `npm start`, or null when it is a current production build. */
export function staleBuild(root: string, dist: string): string | null {
  const built = join(dist, 'index.html');
  if (!existsSync(built)) return 'dist/ holds no build';
  const modeFile = join(dist, BUILD_MODE_FILE);
  const mode = existsSync(modeFile) ? readFileSync(modeFile, 'utf8').trim() : 'unknown';
  if (mode !== 'production') return `dist/ was built in ${mode} mode, not production`;
  const at = statSync(built).mtimeMs;
  const input = INPUTS.find((p) => newer(join(root, p), at));
  return input ? `${input} changed since dist/ was built` : null;
}

function newer(path: string, than: number): boolean {
  if (!existsSync(path)) return false;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs > than;
  return readdirSync(path).some((f) => newer(join(path, f), than));
}

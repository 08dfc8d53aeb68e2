// A build records its Vite mode beside index.html, so that `npm start` knows a test-mode build (which the
// browser tests make in dist/, keeping the map's diagnostics) from a production one (src/server/build-check.ts).
import type { Plugin } from 'vite';

/** The file each build of the game writes its mode into. */
export const BUILD_MODE_FILE = 'build-mode.txt';

/** Writes the build's mode (production unless Vite was told otherwise) into the build's root. */
export function buildMode(): Plugin {
  let mode = 'production';
  return {
    name: 'brink-build-mode',
    apply: 'build',
    configResolved(config) {
      mode = config.mode;
    },
    generateBundle() {
      this.emitFile({ type: 'asset', fileName: BUILD_MODE_FILE, source: `${mode}\n` });
    },
  };
}

import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { brinkRegions } from './src/map/region-plugin.ts';

/**
 * Phaser's own entry without physics (the map has no bodies), built for WebGL only and without sound:
 * the switches are the ones Phaser's custom builds set (its webpack config's DefinePlugin).
 */
export const phaserEntry = fileURLToPath(
  new URL('./node_modules/phaser/src/phaser-no-physics.js', import.meta.url),
);
export const phaserSwitches = {
  'typeof CANVAS_RENDERER': 'false',
  'typeof WEBGL_RENDERER': 'true',
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
  // The entry publishes itself as `global.Phaser`, which webpack maps to the browser's global object.
  global: 'globalThis',
};

export default defineConfig({
  // Cuts each bundled scenario's borders from Natural Earth into a small JSON asset.
  plugins: [brinkRegions()],
  resolve: { alias: { phaser: phaserEntry } },
  define: phaserSwitches,
  // The dev server pre-bundles Phaser apart from the app's define: the switches must reach it too.
  optimizeDeps: { rolldownOptions: { transform: { define: phaserSwitches } } },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Phaser is large and changes rarely: its own chunk caches well and loads lazily.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
});

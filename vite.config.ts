import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { brinkRegions } from './src/map/region-plugin.ts';
import { brinkScenarios } from './src/scenario/bundled-plugin.ts';

/**
 * The Phaser the map ships (src/map/phaser-entry.cjs: Phaser's core entry less what the map never uses),
 * built for WebGL only and without sound: the switches are the ones Phaser's custom builds set (its
 * webpack config's DefinePlugin). `phaser-src` reaches Phaser's sources past its package exports.
 */
export const phaserAliases = {
  phaser: fileURLToPath(new URL('./src/map/phaser-entry.cjs', import.meta.url)),
  'phaser-src': fileURLToPath(new URL('./node_modules/phaser/src', import.meta.url)),
};
export const phaserSwitches = {
  'typeof CANVAS_RENDERER': 'false',
  'typeof WEBGL_RENDERER': 'true',
  'typeof WEBGL_DEBUG': 'false',
  'typeof FEATURE_SOUND': 'false',
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
};

export default defineConfig({
  // Validates each bundled scenario, and cuts its borders from Natural Earth, into small JSON assets.
  plugins: [brinkScenarios(), brinkRegions()],
  resolve: { alias: phaserAliases },
  define: phaserSwitches,
  // The dev server pre-bundles Phaser (CommonJS) apart from the app's define: the entry must be
  // pre-bundled although it lives in src/, and the switches must reach it too.
  optimizeDeps: { include: ['phaser'], rolldownOptions: { transform: { define: phaserSwitches } } },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1600,
    rolldownOptions: {
      output: {
        // Phaser is large and changes rarely: its own chunk caches well and loads lazily.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]|phaser-entry\.cjs$/ }],
        },
      },
    },
  },
});

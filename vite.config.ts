import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineConfig } from 'vite';
import { VitePWA } from 'vite-plugin-pwa';
import { buildMode } from './src/build/build-mode.ts';
import { brinkRegions } from './src/build/region-plugin.ts';
import { PHASER_FLAGS } from './src/map/phaser-parts.ts';
import { brinkScenarios } from './src/scenario/bundled-plugin.ts';

// Phaser's sources, from which src/map/phaser.ts builds the map's Phaser: the package exports only its dist.
const phaserSrc = join(dirname(createRequire(import.meta.url).resolve('phaser/package.json')), 'src');

export default defineConfig({
  // assets/ (icons, the web manifest) is copied as is to the root of the build.
  publicDir: 'assets',
  plugins: [
    // Validates each bundled scenario, and cuts its borders from Natural Earth, into small JSON assets.
    brinkScenarios(),
    brinkRegions(),
    buildMode(),
    // A Workbox service worker precaches the game once loaded, so it installs and plays offline. The
    // scenario editor (?view=editor: its chunk, styles and check worker) is left to the network: it is the
    // largest chunk after Phaser, and a classroom without a network plays, it does not author.
    VitePWA({
      injectRegister: 'script-defer',
      // The same minified worker whatever NODE_ENV says (Vitest sets "test", which would ship Workbox's debug build).
      mode: 'production',
      registerType: 'prompt',
      manifest: false,
      workbox: {
        globPatterns: ['**/*.{js,css,html,json,svg,png,webmanifest}'],
        globIgnores: ['**/editor-*', '**/worker-*'],
        // The Natural Earth atlas (3.7 MB, for a scenario opened from a file) is above Workbox's default
        // limit of 2 MiB; Phaser's chunk, a custom build (src/map/phaser.ts), is 0.7 MB.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        // A new version takes over at the next visit, never under a game in progress.
        skipWaiting: false,
        clientsClaim: false,
        cleanupOutdatedCaches: true,
      },
    }),
  ],
  resolve: { alias: [{ find: /^phaser\/src\//, replacement: `${phaserSrc}/` }] },
  // Phaser's compile-time flags, in the build and in the dev server's pre-bundled dependencies alike.
  optimizeDeps: { rolldownOptions: { transform: { define: PHASER_FLAGS } } },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
  build: {
    target: 'es2022',
    // A browser without <link rel="modulepreload"> (Safari before 17) still loads every module, only
    // without the early fetch; Vite's polyfill for it would ride in the entry chunk of every browser.
    modulePreload: { polyfill: false },
    // Phaser's chunk is the largest (0.7 MB): a chunk above it is worth the warning.
    chunkSizeWarningLimit: 800,
    rolldownOptions: {
      transform: { define: PHASER_FLAGS },
      output: {
        // Phaser is large and changes rarely: its own chunk caches well and loads lazily.
        codeSplitting: {
          groups: [{ name: 'phaser', test: /node_modules[\\/]phaser[\\/]/ }],
        },
      },
    },
  },
});

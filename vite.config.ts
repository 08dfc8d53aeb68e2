import { defineConfig } from 'vite';
import { brinkRegions } from './src/build/region-plugin.ts';
import { brinkScenarios } from './src/scenario/bundled-plugin.ts';

export default defineConfig({
  // Validates each bundled scenario, and cuts its borders from Natural Earth, into small JSON assets.
  plugins: [brinkScenarios(), brinkRegions()],
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

import { defineConfig } from 'vite';
import { brinkRegions } from './src/map/region-plugin.ts';

export default defineConfig({
  // Cuts each bundled scenario's borders from Natural Earth into a small JSON asset.
  plugins: [brinkRegions()],
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

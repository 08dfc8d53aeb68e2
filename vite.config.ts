import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { brinkRegions } from './src/build/region-plugin.ts';
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

/** Phaser's render nodes that the map never draws with: filters, lights, strips and tilemaps. */
const LEFT_OUT_NODES = new RegExp(
  `^\\./(${[
    'filters/Filter\\w+',
    'BatchHandlerPointLight',
    'BatchHandlerStrip',
    'submitter/SubmitterTile(?:mapGPULayer)?',
    'transformer/TransformerTile',
  ].join('|')})$`,
);
const LEFT_OUT = '\0brink-left-out:';
/** Where Phaser's device checks make a WebGL context, at load, only to see that one can be made. */
const WEBGL_TEST = 'Features.webGL = testWebGL();';

/**
 * Keeps out of the map's Phaser what it requires but the map never runs (`src/map/phaser-entry.cjs` keeps
 * out what it need not require). Phaser's batch handler requires the renderer's whole namespace, with every
 * shader Phaser has, for its events alone: it is given a module of the events. The render node manager
 * requires every render node, though it makes one only when something draws with it: those the map never
 * draws with are stand-ins that say so if they are ever made. And Phaser's device checks, as Phaser loads,
 * make a WebGL context only to see that one can be made (13-18 ms here, and a GPU context's set-up): they
 * look for WebGL instead, and whether a context can be made is found when the renderer makes its own.
 */
export function phaserTrim(): Plugin {
  const events = fileURLToPath(new URL('./src/map/phaser-renderer-events.cjs', import.meta.url));
  const file = (id: string | undefined, path: string) =>
    id?.replaceAll('\\', '/').endsWith(`/phaser/src/${path}`) === true;
  return {
    name: 'brink-phaser-trim',
    enforce: 'pre',
    resolveId(source, importer) {
      if (source === '../../../renderer' && file(importer, 'renderer/webgl/renderNodes/BatchHandler.js'))
        return events;
      if (LEFT_OUT_NODES.test(source) && file(importer, 'renderer/webgl/renderNodes/RenderNodeManager.js'))
        return LEFT_OUT + source.replace(/^.*\//, '');
      return null;
    },
    transform(code, id) {
      if (!file(id, 'device/Features.js')) return null;
      const patched = code.replace(
        WEBGL_TEST,
        "Features.webGL = typeof WebGLRenderingContext === 'function';",
      );
      if (patched === code) this.error(`phaserTrim: Phaser's Features.js no longer has "${WEBGL_TEST}"`);
      return patched;
    },
    load(id) {
      if (!id.startsWith(LEFT_OUT)) return null;
      const name = JSON.stringify(id.slice(LEFT_OUT.length));
      const message = `"map: Phaser's render node " + ${name} + " is left out of this build (vite.config.ts)"`;
      return `module.exports = function LeftOut() { throw new Error(${message}); };`;
    },
  };
}

export default defineConfig({
  // Validates each bundled scenario, and cuts its borders from Natural Earth, into small JSON assets.
  plugins: [brinkScenarios(), brinkRegions(), phaserTrim()],
  resolve: { alias: phaserAliases },
  define: phaserSwitches,
  // The dev server pre-bundles Phaser (CommonJS) apart from the app's define: the entry must be
  // pre-bundled although it lives in src/, and the switches and the trim must reach it too.
  optimizeDeps: {
    include: ['phaser'],
    rolldownOptions: { transform: { define: phaserSwitches }, plugins: [phaserTrim()] },
  },
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

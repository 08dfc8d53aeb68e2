import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { describe, expect, it } from 'vitest';
import { phaserTrim } from '../../vite.config.ts';

const phaserSrc = fileURLToPath(new URL('../../node_modules/phaser/src/', import.meta.url));
const manager = `${phaserSrc}renderer/webgl/renderNodes/RenderNodeManager.js`;
const batchHandler = `${phaserSrc}renderer/webgl/renderNodes/BatchHandler.js`;

const plugin = phaserTrim();
/** Calls one of the plugin's hooks as Vite would, with `context` as its `this`. */
const hook = <K extends 'resolveId' | 'load' | 'transform'>(name: K, context: object, ...args: unknown[]) => {
  const h = plugin[name] as Plugin[K];
  const fn = (typeof h === 'function' ? h : (h as { handler: unknown }).handler) as (
    ...a: unknown[]
  ) => unknown;
  return fn.call(context, ...args);
};
const call = (name: 'resolveId' | 'load', ...args: unknown[]): unknown => hook(name, {}, ...args);
const resolve = (source: string, importer: string) =>
  call('resolveId', source, importer, {}) as string | null;

describe("the map's Phaser, trimmed at build time", () => {
  it("gives Phaser's batch handler the renderer's events instead of the renderer's whole namespace", () => {
    const events = resolve('../../../renderer', batchHandler);
    expect(events).toMatch(/src[\\/]map[\\/]phaser-renderer-events\.cjs$/);
    expect(readFileSync(events ?? '', 'utf8')).toContain("require('phaser-src/renderer/events/index.js')");
    // Anyone else asking for the renderer gets it whole.
    expect(resolve('../../../renderer', `${phaserSrc}renderer/webgl/renderNodes/Camera.js`)).toBeNull();
  });

  it('stands in for the render nodes the map never draws with, and for no other', () => {
    const required = [...readFileSync(manager, 'utf8').matchAll(/require\('(\.\/[^']+)'\)/g)].map(
      (m) => m[1] ?? '',
    );
    const leftOut = required.filter((source) => resolve(source, manager) !== null);
    // Every filter, the light and strip batches, and the tilemaps' nodes; the tile sprite the texture
    // manager makes at boot keeps its own.
    expect(leftOut.filter((s) => s.startsWith('./filters/Filter')).length).toBeGreaterThan(20);
    expect(leftOut).toEqual(
      expect.arrayContaining([
        './BatchHandlerPointLight',
        './BatchHandlerStrip',
        './submitter/SubmitterTile',
        './submitter/SubmitterTilemapGPULayer',
        './transformer/TransformerTile',
      ]),
    );
    for (const kept of [
      './BatchHandlerQuad',
      './BatchHandlerTriFlat',
      './BatchHandlerTileSprite',
      './submitter/SubmitterTileSprite',
      './transformer/TransformerTileSprite',
      './filters/BaseFilter',
      './Camera',
    ])
      expect(resolve(kept, manager), kept).toBeNull();
    // The same names asked for by another module are left alone.
    expect(resolve('./filters/FilterBlur', batchHandler)).toBeNull();
  });

  it('makes each stand-in say which node was left out, if it is ever made', () => {
    const id = resolve('./filters/FilterGlow', manager) ?? '';
    const code = call('load', id) as string;
    const module = { exports: undefined as unknown };
    new Function('module', code)(module);
    expect(() => new (module.exports as new () => unknown)()).toThrow(
      "map: Phaser's render node FilterGlow is left out of this build (vite.config.ts)",
    );
  });

  it('has Phaser see that WebGL exists without making a context to find out, when it loads', () => {
    const features = `${phaserSrc}device/Features.js`;
    const source = readFileSync(features, 'utf8');
    const errors: string[] = [];
    const transform = (code: string, id: string) =>
      hook('transform', { error: (m: string) => errors.push(m) }, code, id);
    const patched = transform(source, features) as string;
    expect(patched).not.toContain('Features.webGL = testWebGL();');
    expect(patched).toContain("Features.webGL = typeof WebGLRenderingContext === 'function';");
    expect(errors).toEqual([]);
    // Other modules pass untouched; a Features.js that changed is an error at build time, not a silent miss.
    expect(transform(source, manager)).toBeNull();
    transform('module.exports = {};', features);
    expect(errors).toEqual([expect.stringContaining('no longer has')]);
  });
});

// The map asks Phaser for nothing its custom build (src/map/phaser.ts, listed in phaser-parts.ts) leaves out,
// and the build carries no game object the map never adds. A missing part would otherwise only show in the
// browser, as `scene.add.image is not a function` or an undefined `this.time`.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FACTORIES, GAME_SYSTEMS, SCENE_SYSTEMS } from '../../src/map/phaser-parts.ts';

const require = createRequire(import.meta.url);
/** Phaser's own list of what a scene is given: the system's key → the scene property it is reached as. */
const injected: Record<string, string> = require(
  join(dirname(require.resolve('phaser/package.json')), 'src/scene/InjectionMap.js'),
);
const sceneProperties = new Set(Object.values(injected));
/** The scene properties the build gives: the game-wide systems and the scene systems it registers. */
const held = new Set<string>([
  ...GAME_SYSTEMS,
  ...Object.values(SCENE_SYSTEMS).filter((p) => p !== undefined),
]);

/**
 * The factories (`scene.add.x(`) a source calls and the scene properties Phaser injects that it reaches:
 * through `scene.` anywhere, and through `this.` in a class extending the build's Scene.
 */
function asks(source: string): { factories: string[]; properties: string[] } {
  const owner = /\bextends Scene\b/.test(source) ? '(?:this|scene)' : 'scene';
  const factories = [...source.matchAll(new RegExp(`\\b${owner}\\.add\\s*\\.\\s*(\\w+)\\s*\\(`, 'g'))];
  const properties = [...source.matchAll(new RegExp(`\\b${owner}\\.(\\w+)\\b`, 'g'))];
  return {
    factories: factories.map((m) => m[1] ?? ''),
    properties: properties.map((m) => m[1] ?? '').filter((p) => sceneProperties.has(p)),
  };
}

const dir = 'src/map';
const sources = readdirSync(dir)
  .filter((f) => f.endsWith('.ts') && !f.startsWith('phaser'))
  .map((f) => ({ file: join(dir, f), text: readFileSync(join(dir, f), 'utf8') }));

describe("the map's custom Phaser build", () => {
  it('registers a factory for every game object the map adds, and none it never adds', () => {
    const called = new Set(sources.flatMap((s) => asks(s.text).factories));
    const missing = [...called].filter((f) => !(FACTORIES as readonly string[]).includes(f));
    expect(missing, 'add each factory to src/map/phaser.ts and FACTORIES in phaser-parts.ts').toEqual([]);
    expect([...called].sort()).toEqual([...FACTORIES].sort());
  });

  it('has every scene system the map reaches', () => {
    const lacking = sources.flatMap((s) =>
      asks(s.text)
        .properties.filter((p) => !held.has(p))
        .map((p) => `${s.file}: ${p}`),
    );
    expect(lacking, 'register each system in src/map/phaser.ts and SCENE_SYSTEMS in phaser-parts.ts').toEqual(
      [],
    );
  });

  it('finds what a scene asks for, and only what Phaser gives a scene', () => {
    const scene = asks(
      'class M extends Scene { create() { this.add\n  .image(0, 0); this.time.now; this.model; } }',
    );
    expect(scene).toEqual({ factories: ['image'], properties: ['add', 'time'] });
    const helper = asks(
      'function f(scene) { scene.sound.play(); this.input = 1; scene.add.text(0, 0, ""); }',
    );
    expect(helper).toEqual({ factories: ['text'], properties: ['sound', 'add'] });
    // What the build leaves out of a scene: sound (FEATURE_SOUND is off) and the systems not registered.
    expect([...sceneProperties].filter((p) => !held.has(p))).toEqual([
      'sound',
      'make',
      'lights',
      'data',
      'input',
      'load',
      'time',
      'physics',
      'matter',
    ]);
  });
});

// The map's Phaser: a custom build from Phaser's own sources, as Phaser's custom-build guide and its
// src/phaser-core.js make one, holding only what the map uses (phaser-parts.ts lists it). vite.config.ts
// resolves `phaser/src/` to the package's sources and sets Phaser's compile-time flags. How to add a
// feature the map comes to need: docs/javascript-shipped.md.

// Phaser's renderers first, as its own entry points load them: the WebGL batch handlers need the renderer
// namespace complete before the classes extending them load (the other way round, Game's boot fails).
import 'phaser/src/renderer/index.js';
import constants from 'phaser/src/const.js';
import coreEvents from 'phaser/src/core/events/index.js';
import game from 'phaser/src/core/Game.js';
import factory from 'phaser/src/gameobjects/GameObjectFactory.js';
import pluginCache from 'phaser/src/plugins/PluginCache.js';
import rendererEvents from 'phaser/src/renderer/events/index.js';
import sceneEvents from 'phaser/src/scene/events/index.js';
import scene from 'phaser/src/scene/Scene.js';
// Each scene system registers itself in Phaser's plugin cache when loaded.
import 'phaser/src/cameras/2d/CameraManager.js';
import 'phaser/src/events/EventEmitter.js';
import 'phaser/src/gameobjects/DisplayList.js';
import 'phaser/src/gameobjects/UpdateList.js';
import 'phaser/src/scene/ScenePlugin.js';
import 'phaser/src/tweens/TweenManager.js';
// Each factory registers its game object on the scene's `add`.
import 'phaser/src/gameobjects/graphics/GraphicsFactory.js';
import 'phaser/src/gameobjects/layer/LayerFactory.js';
import 'phaser/src/gameobjects/shape/polygon/PolygonFactory.js';
import 'phaser/src/gameobjects/shape/rectangle/RectangleFactory.js';
import 'phaser/src/gameobjects/text/TextFactory.js';
import type * as Phaser from 'phaser';
import { FACTORIES, SCENE_SYSTEMS } from './phaser-parts.ts';

// Typed from the package's declarations, which describe its dist build: the sources are plain CommonJS.
export const AUTO: typeof Phaser.AUTO = (constants as typeof Phaser).AUTO;
export const Game = game as typeof Phaser.Game;
export const Scene = scene as typeof Phaser.Scene;
export const CoreEvents = coreEvents as typeof Phaser.Core.Events;
export const RendererEvents = rendererEvents as typeof Phaser.Renderer.Events;
export const SceneEvents = sceneEvents as typeof Phaser.Scenes.Events;
const PluginCache = pluginCache as typeof Phaser.Plugins.PluginCache;
const GameObjectFactory = factory as typeof Phaser.GameObjects.GameObjectFactory;

// A part listed but not imported above would only show as `undefined` deep in a scene: say so at load.
for (const key of Object.keys(SCENE_SYSTEMS))
  if (!PluginCache.hasCore(key))
    throw new Error(
      `The map's Phaser build (src/map/phaser.ts) lacks the scene system ${key}: import its module there`,
    );
for (const name of FACTORIES)
  if (typeof Reflect.get(GameObjectFactory.prototype, name) !== 'function')
    throw new Error(
      `The map's Phaser build (src/map/phaser.ts) lacks the factory of scene.add.${name}: import it there`,
    );

// The Phaser the map ships: what Phaser's core entry (phaser/src/phaser-core.js, its documented starting
// point for custom builds) puts together, less what the map never uses: the loader, tweens, timers, the
// input plugin, animations, sprites, layers, masks, filters' namespace, sound. The game, its scene
// systems, cameras, textures and the WebGL renderer require what they need themselves; a scene plugin
// left out here (the loader, tweens, ...) is simply not installed in a scene. vite.config.ts aliases
// `phaser` to this file; its `phaserTrim` plugin also keeps out parts the renderer requires but the map
// never runs.
// The types still describe all of Phaser: a new kind of game object, or any other part of Phaser the map
// comes to use, must be added here too, or it is undefined at run time (the map's browser tests draw
// every kind in use).
const CONST = require('phaser-src/const.js');
const Extend = require('phaser-src/utils/object/Extend.js');

const Phaser = {
  BlendModes: require('phaser-src/renderer/BlendModes.js'),
  Cameras: { Scene2D: require('phaser-src/cameras/2d/index.js') },
  Core: require('phaser-src/core/index.js'),
  Class: require('phaser-src/utils/Class.js'),
  Events: require('phaser-src/events/index.js'),
  Game: require('phaser-src/core/Game.js'),
  GameObjects: {
    // Requiring these registers the scene plugins every scene needs.
    DisplayList: require('phaser-src/gameobjects/DisplayList.js'),
    GameObjectCreator: require('phaser-src/gameobjects/GameObjectCreator.js'),
    GameObjectFactory: require('phaser-src/gameobjects/GameObjectFactory.js'),
    UpdateList: require('phaser-src/gameobjects/UpdateList.js'),
    Components: require('phaser-src/gameobjects/components/index.js'),
    GameObject: require('phaser-src/gameobjects/GameObject.js'),
    Container: require('phaser-src/gameobjects/container/Container.js'),
    Graphics: require('phaser-src/gameobjects/graphics/Graphics.js'),
    Image: require('phaser-src/gameobjects/image/Image.js'),
    Polygon: require('phaser-src/gameobjects/shape/polygon/Polygon.js'),
    Rectangle: require('phaser-src/gameobjects/shape/rectangle/Rectangle.js'),
    Shader: require('phaser-src/gameobjects/shader/Shader.js'),
    Text: require('phaser-src/gameobjects/text/Text.js'),
  },
  // The parts of the renderer's namespace the map uses at run time; the renderer requires the rest it needs.
  Renderer: {
    Events: require('phaser-src/renderer/events/index.js'),
    WebGL: {
      RenderNodes: {
        BatchHandlerQuad: require('phaser-src/renderer/webgl/renderNodes/BatchHandlerQuad.js'),
        RenderNode: require('phaser-src/renderer/webgl/renderNodes/RenderNode.js'),
      },
    },
  },
  Scene: require('phaser-src/scene/Scene.js'),
  Scenes: require('phaser-src/scene/index.js'),
  Textures: require('phaser-src/textures/index.js'),
};

// Requiring a factory registers its `scene.add.*` method.
require('phaser-src/gameobjects/container/ContainerFactory.js');
require('phaser-src/gameobjects/graphics/GraphicsFactory.js');
require('phaser-src/gameobjects/image/ImageFactory.js');
require('phaser-src/gameobjects/shape/polygon/PolygonFactory.js');
require('phaser-src/gameobjects/shape/rectangle/RectangleFactory.js');
require('phaser-src/gameobjects/shader/ShaderFactory.js');
require('phaser-src/gameobjects/text/TextFactory.js');

// The map loads no compressed textures, so the renderer need not ask which formats the GPU takes: at
// start-up Phaser asks about nine, with up to 27 calls that each wait for the GPU process.
require('phaser-src/renderer/webgl/WebGLRenderer.js').prototype.getCompressedTextures = () => ({});

// The constants (`Phaser.WEBGL`, ...) sit on the namespace itself, as in Phaser's own entries.
module.exports = Extend(false, Phaser, CONST);

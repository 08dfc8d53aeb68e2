// The Phaser the map ships: Phaser's own core entry (phaser/src/phaser-core.js, its documented
// starting point for custom builds) plus the game objects the map draws with. Physics, tilemaps,
// particles, sound and the rest are left out. vite.config.ts aliases `phaser` to this file.
// The types still describe all of Phaser: a new kind of game object must be added here too, or
// `scene.add.<kind>` fails at run time (the map's browser tests draw every kind in use).
const Phaser = require('phaser-src/phaser-core.js');

// Requiring a factory registers its `scene.add.*` method.
require('phaser-src/gameobjects/container/ContainerFactory.js');
require('phaser-src/gameobjects/shape/polygon/PolygonFactory.js');
require('phaser-src/gameobjects/shape/rectangle/RectangleFactory.js');
require('phaser-src/gameobjects/shader/ShaderFactory.js');

Object.assign(Phaser.GameObjects, {
  Container: require('phaser-src/gameobjects/container/Container.js'),
  Polygon: require('phaser-src/gameobjects/shape/polygon/Polygon.js'),
  Rectangle: require('phaser-src/gameobjects/shape/rectangle/Rectangle.js'),
  Shader: require('phaser-src/gameobjects/shader/Shader.js'),
});

module.exports = Phaser;

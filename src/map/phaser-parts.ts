// What the map's custom Phaser build (phaser.ts) holds, and the compile-time flags its sources are built
// with (vite.config.ts). Plain data, so that the unit test checking the map asks for nothing else can read it.

/**
 * Phaser's compile-time flags: each `typeof FLAG` in its sources becomes the value, as Phaser's own
 * config/webpack.dist.config.js sets them, but for sound, which the map never plays.
 */
export const PHASER_FLAGS = {
  // Both renderers: the map asks for Phaser.AUTO, WebGL where the browser has it, else Canvas.
  'typeof CANVAS_RENDERER': 'true',
  'typeof WEBGL_RENDERER': 'true',
  // Spector.js frame captures, for debugging Phaser's WebGL.
  'typeof WEBGL_DEBUG': 'false',
  'typeof EXPERIMENTAL': 'false',
  // The sound manager and its Web Audio and HTML5 audio back ends (the map has `audio: { noAudio: true }`).
  'typeof FEATURE_SOUND': 'false',
  // Phaser's dist no longer sets these, but DefaultPlugins.js reads them: unset, `typeof` gives "undefined",
  // which is true. False, as Phaser's custom-build template has them: no 3D camera, no Facebook Instant Games.
  'typeof PLUGIN_CAMERA3D': 'false',
  'typeof PLUGIN_FBINSTANT': 'false',
} as const;

/**
 * The scene systems the build registers, by their key in Phaser's plugin cache, with the scene property each
 * is reached through (the update list has none: the factories use it).
 */
export const SCENE_SYSTEMS = {
  CameraManager: 'cameras',
  DisplayList: 'children',
  EventEmitter: 'events',
  GameObjectFactory: 'add',
  ScenePlugin: 'scene',
  TweenManager: 'tweens',
  UpdateList: undefined,
} as const;

/** The game-wide systems every Phaser game has, as scene properties: all of Phaser's but `sound`. */
export const GAME_SYSTEMS = [
  'game',
  'renderer',
  'anims',
  'cache',
  'plugins',
  'registry',
  'scale',
  'textures',
];

/** The game objects the build can add (`scene.add.…`): each factory registers itself when loaded. */
export const FACTORIES = ['graphics', 'layer', 'polygon', 'rectangle', 'text'] as const;

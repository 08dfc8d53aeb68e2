// The modules of Phaser's sources that src/map/phaser.ts imports, typed from the package's own declarations
// (which describe its dist build; the sources are plain CommonJS).
declare module 'phaser/src/const.js' {
  const CONST: { AUTO: typeof import('phaser').AUTO };
  export default CONST;
}
declare module 'phaser/src/core/events/index.js' {
  const Events: typeof import('phaser').Core.Events;
  export default Events;
}
declare module 'phaser/src/core/Game.js' {
  const Game: typeof import('phaser').Game;
  export default Game;
}
declare module 'phaser/src/gameobjects/GameObjectFactory.js' {
  const GameObjectFactory: typeof import('phaser').GameObjects.GameObjectFactory;
  export default GameObjectFactory;
}
declare module 'phaser/src/plugins/PluginCache.js' {
  const PluginCache: typeof import('phaser').Plugins.PluginCache;
  export default PluginCache;
}
declare module 'phaser/src/renderer/events/index.js' {
  const Events: typeof import('phaser').Renderer.Events;
  export default Events;
}
declare module 'phaser/src/scene/Scene.js' {
  const Scene: typeof import('phaser').Scene;
  export default Scene;
}
declare module 'phaser/src/scene/events/index.js' {
  const Events: typeof import('phaser').Scenes.Events;
  export default Events;
}

// What Phaser's batch handler (renderer/webgl/renderNodes/BatchHandler.js) takes from the renderer's
// namespace, which it requires whole: only the renderer's events. vite.config.ts gives it this instead,
// so that the namespace's every shader (noise, tilemap and sprite layers, ...) stays out of the map.
module.exports = { Events: require('phaser-src/renderer/events/index.js') };

// Phaser's sources, which src/map/phaser.ts imports (vite.config.ts resolves them): plain CommonJS, typed
// there from the package's own declarations.
declare module 'phaser/src/*' {
  const module: unknown;
  export default module;
}

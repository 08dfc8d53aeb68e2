// Shaders compiled ahead. Phaser compiles a shader program the first time something is drawn with it,
// and then waits for the GPU to say it linked. In Chromium the GPU runs in its own process, and that
// question waits for all the drawing queued before it: at the first frame, the names' atlas upload and
// the bake of the picture. Asked for early, while the scene is still being built, the programs compile
// while the CPU does other work, and the first frame finds them ready.
import type * as Phaser from 'phaser';
import { unique } from './picture.ts';

/** The parts of Phaser's program wrapper this needs; `_completeProgram` is private to Phaser. */
interface PendingProgram {
  compiling: boolean;
  _completeProgram(): void;
}

/**
 * Draws `objects` once into a scratch texture with Phaser's `skipUnreadyShaders` switched on, which
 * starts compiling each program they need without waiting for it (and draws nothing). Returns the
 * function to call before anything is really drawn: it finishes the programs still pending, since
 * Phaser itself would skip whatever uses them for as long as they are (it polls only with an extension
 * this browser may lack). Without WebGL, it does nothing.
 */
export function compileAhead(scene: Phaser.Scene, objects: Phaser.GameObjects.GameObject[]): () => void {
  const renderer = scene.sys.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer>;
  const factory = renderer.shaderProgramFactory as { programs: Record<string, PendingProgram> } | undefined;
  const config = scene.game.config as { skipUnreadyShaders: boolean };
  if (!factory) return () => {};
  const was = config.skipUnreadyShaders;
  const scratch = scene.textures.addDynamicTexture(unique(scene, 'brink-shaders'), 4, 4, false);
  if (scratch) {
    config.skipUnreadyShaders = true;
    try {
      for (const o of objects) scratch.draw(o);
      scratch.render();
    } finally {
      config.skipUnreadyShaders = was;
    }
  }
  return () => {
    for (const program of Object.values(factory.programs)) if (program.compiling) program._completeProgram();
    scratch?.destroy();
  };
}

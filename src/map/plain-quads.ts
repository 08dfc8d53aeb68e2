// The batch the map's names, tooltip and reduced picture are drawn with. Phaser's own quad shader
// un-premultiplies and tints every pixel through an if-chain of eight tint modes; in software WebGL that
// made the ~20 live place names cost a share of every frame. Nothing the map draws from a texture is
// tinted, so this batch is Phaser's own (its vertices, batching and choice among textures) with the
// tint step swapped for the one thing it still has to do: apply the quad's alpha.
// Free of Phaser's runtime, so the picture's unit tests still load in Node.
import type * as Phaser from 'phaser';

/** The render node's name in the renderer. */
const PLAIN_QUADS = 'BrinkPlainQuads';

/**
 * Stands in for Phaser's `Tint` step. Textures are uploaded premultiplied and Phaser's normal blend is
 * (ONE, ONE_MINUS_SRC_ALPHA), so scaling every channel by the quad's alpha is all that is left to do.
 */
const PLAIN_ALPHA: Phaser.Types.Renderer.WebGL.ShaderAdditionConfig = {
  name: 'PlainAlpha',
  additions: { fragmentProcess: 'fragColor *= outTint.a;' },
  tags: ['TINT'],
};

/**
 * Adds the plain batch to the scene's renderer, once. `Batch` is Phaser's `BatchHandlerQuad`, passed in
 * by the caller, which has Phaser loaded. Without WebGL there are no render nodes and nothing to add.
 */
export function addPlainQuads(
  scene: Phaser.Scene,
  Batch: typeof Phaser.Renderer.WebGL.RenderNodes.BatchHandlerQuad,
): void {
  const manager = (scene.sys.renderer as Partial<Phaser.Renderer.WebGL.WebGLRenderer>).renderNodes;
  if (!manager || manager.hasNode(PLAIN_QUADS, true)) return;
  const additions = (Batch.prototype.defaultConfig.shaderAdditions ?? []).map((a) =>
    a.name === 'Tint' ? PLAIN_ALPHA : a,
  );
  if (!additions.includes(PLAIN_ALPHA)) {
    // A Phaser that renamed the step: draw with its own batch, slower but right.
    console.warn('map: Phaser’s quad shader has no Tint step to replace; names are drawn with its own');
    return;
  }
  manager.addNode(
    PLAIN_QUADS,
    new Batch(manager, { name: PLAIN_QUADS, shaderName: PLAIN_QUADS, shaderAdditions: additions }),
  );
}

/** Draws `image` with the plain batch once it is added (`addPlainQuads`); the image must not be tinted. */
export function drawPlain<T extends Phaser.GameObjects.Image | Phaser.GameObjects.Text>(image: T): T {
  // Given a name the renderer does not know, Phaser leaves the image on its default batch.
  image.setRenderNodeRole('BatchHandler', PLAIN_QUADS);
  return image;
}

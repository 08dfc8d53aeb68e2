// The still picture of the map: the base map and what is laid out over it (country names, icons,
// badges, the tone tint), baked into one render texture whenever one of them changes. A frame then
// costs one quad under the live animations and place names, instead of one draw per shape, which
// software WebGL pays for on every frame.
import type * as Phaser from 'phaser';

/** Baked at twice the canvas size and shown at half: cheap anti-aliasing for every line and glyph. */
export const SUPERSAMPLE = 2;

/**
 * How many texels per canvas pixel the picture is baked at: SUPERSAMPLE, unless the texture would then
 * exceed the GPU's largest (4096 on many laptops and phones, which a wide map at 2x passes), in which
 * case as many as fit.
 */
export function bakeScale(width: number, height: number, maxTextureSize: number): number {
  const fit = maxTextureSize / Math.max(1, width, height);
  return Math.min(SUPERSAMPLE, Math.floor(fit * 100) / 100);
}

/** One render texture the size of the canvas, baked from layers that are never drawn directly. */
export class Picture {
  /** What the frame shows. */
  readonly image: Phaser.GameObjects.RenderTexture;
  /** Texels per canvas pixel (see `bakeScale`). */
  readonly scale: number;
  private readonly layers: Phaser.GameObjects.Container[] = [];
  private stale = true;

  constructor(scene: Phaser.Scene, width: number, height: number) {
    const renderer = scene.game.renderer as { getMaxTextureSize?: () => number };
    this.scale = bakeScale(width, height, renderer.getMaxTextureSize?.() ?? 4096);
    this.image = scene.add
      .renderTexture(0, 0, Math.ceil(width * this.scale), Math.ceil(height * this.scale))
      .setOrigin(0, 0)
      .setScale(1 / this.scale);
  }

  /** A new layer, bottom to top in the order asked for; screen layers are scaled to the bake's size. */
  layer(scene: Phaser.Scene, space: 'world' | 'screen'): Phaser.GameObjects.Container {
    const c = scene.add.container(0, 0);
    c.removeFromDisplayList();
    if (space === 'screen') c.setScale(this.scale);
    this.layers.push(c);
    return c;
  }

  /** Something in a layer changed: bake again before the next frame is drawn. */
  invalidate(): void {
    this.stale = true;
  }

  /** Bakes the layers if something changed since the last bake. */
  bake(): void {
    if (!this.stale) return;
    this.stale = false;
    this.image.clear();
    for (const layer of this.layers) this.image.draw(layer);
    this.image.render();
  }
}

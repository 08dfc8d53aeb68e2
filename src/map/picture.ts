// The still picture of the map: the base map and what is laid out over it (country names, icons,
// badges, the tone tint), baked into one render texture whenever one of them changes. A frame then
// costs one quad under the live animations and place names, instead of one draw per shape, which
// software WebGL pays for on every frame; and that quad is drawn by a shader that only samples.
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

/**
 * Draws the baked texture: a plain sample, nothing else. Phaser's own quad shader also un-premultiplies,
 * tints and picks among texture units for every pixel, which software WebGL pays for across the whole
 * canvas each frame: with it, the map drawing frame after frame with nothing moving took 50 ms a frame
 * at the 95th percentile in SwiftShader here; with this, 16.7.
 */
const SAMPLE = `precision mediump float;
uniform sampler2D uMainSampler;
varying vec2 outTexCoord;
void main() { gl_FragColor = texture2D(uMainSampler, outTexCoord); }`;

/** One render texture the size of the canvas, baked from layers that are never drawn directly. */
export class Picture {
  /** What the frame shows: one quad over the baked texture. */
  readonly image: Phaser.GameObjects.Shader;
  private readonly texture: Phaser.GameObjects.RenderTexture;
  /** Texels per canvas pixel (see `bakeScale`). */
  readonly scale: number;
  private readonly layers: Phaser.GameObjects.Container[] = [];
  private stale = true;

  constructor(scene: Phaser.Scene, width: number, height: number) {
    const renderer = scene.game.renderer as { getMaxTextureSize?: () => number };
    this.scale = bakeScale(width, height, renderer.getMaxTextureSize?.() ?? 4096);
    this.texture = scene.add.renderTexture(
      0,
      0,
      Math.ceil(width * this.scale),
      Math.ceil(height * this.scale),
    );
    this.texture.removeFromDisplayList();
    this.image = scene.add
      .shader(
        {
          name: 'BrinkPicture',
          fragmentSource: SAMPLE,
          setupUniforms: (set: (name: string, value: number) => void) => set('uMainSampler', 0),
        },
        0,
        0,
        width,
        height,
        [this.texture.texture.key],
      )
      .setOrigin(0, 0);
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
    this.texture.clear();
    for (const layer of this.layers) this.texture.draw(layer);
    this.texture.render();
  }
}

// The still picture of the map: the base map and what is laid out over it (country names, icons,
// badges, the tone tint), baked into one texture whenever one of them changes. A frame then
// costs one quad under the live animations and place names, instead of one draw per shape, which
// software WebGL pays for on every frame; and that quad is drawn by a shader that only samples.
import type * as Phaser from 'phaser';
import { CrossFade } from './cross-fade.ts';
import { drawPlain } from './plain-quads.ts';

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

/**
 * The map's picture, in two textures: the bake, at `scale` texels a pixel, and what is shown, one texel a
 * pixel, reduced from the bake once per bake (each shown texel the average of the bake's 2×2). A frame then
 * samples the shown texture texel for texel with NEAREST filtering: one fetch a pixel, not the four of a
 * filtered sample from a texture four times the size. Under ten strikes in SwiftShader here, that cut the
 * share of frames that missed a refresh from 10–35% to 2–10%. Both textures are exactly the canvas's size
 * times their scale: Phaser would round odd sizes up to even ones, and a texture one texel wider than the
 * canvas shifts everything drawn by a pixel. The first bake is a draft, drawn straight into the shown
 * texture (`bake`); a change held for it (`holdForFade`) is faded into from the picture before it.
 */
export class Picture {
  /** What the frame shows: one quad over the shown texture. */
  readonly image: Phaser.GameObjects.Shader;
  private readonly baked: Phaser.Textures.DynamicTexture;
  private readonly shown: Phaser.Textures.DynamicTexture;
  /** The bake as an image at one texel a pixel: drawn into `shown`, it is the reduction. */
  private readonly reduction: Phaser.GameObjects.Image | undefined;
  /** Texels per canvas pixel of the bake (see `bakeScale`). */
  readonly scale: number;
  private readonly layers: Phaser.GameObjects.Container[] = [];
  /** The texture the picture's quad samples: `shown`, or the smoothly filtered bake while zoomed since. */
  private showing: Phaser.Textures.DynamicTexture;
  /** Whether the layers changed since the last bake, and whether that bake was a draft (`bake`). */
  private state: 'stale' | 'draft' | 'baked' = 'stale';
  /** Whether `baked` holds the last bake: after a draft it does not, and a moved view shows the draft. */
  private full = false;
  /** The fade from the picture before a change to the next bake (`holdForFade`), made when first needed. */
  private fade: CrossFade | undefined;
  private readonly scene: Phaser.Scene;

  constructor(scene: Phaser.Scene, width: number, height: number) {
    this.scene = scene;
    const renderer = scene.game.renderer as { getMaxTextureSize?: () => number };
    this.scale = bakeScale(width, height, renderer.getMaxTextureSize?.() ?? 4096);
    this.baked = pictureTexture(scene, Math.ceil(width * this.scale), Math.ceil(height * this.scale));
    // A canvas wider than the GPU's largest texture has a bake below one texel a pixel: show it as it is.
    this.shown = this.scale > 1 ? pictureTexture(scene, width, height) : this.baked;
    this.showing = this.shown;
    if (this.shown !== this.baked) {
      this.shown.setFilter(NEAREST);
      this.reduction = drawPlain(
        scene.add
          .image(0, 0, this.baked.key)
          .setOrigin(0, 0)
          .setScale(1 / this.scale),
      );
      this.reduction.removeFromDisplayList();
    }
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
        [this.shown.key],
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
    this.state = 'stale';
  }

  /** True once the latest change is baked at full quality and faded in: until then the map must keep drawing. */
  get settled(): boolean {
    return this.state === 'baked' && !this.fade?.running;
  }

  /**
   * Keeps the picture shown now, to fade from it to the next bake (CrossFade) rather than show that at
   * once. Only over a full bake, shown where it was baked: there is nothing to fade from before it.
   */
  holdForFade(): void {
    const i = this.image;
    if (!this.full || i.x !== 0 || i.y !== 0 || i.scale !== 1) return;
    if (!this.fade) {
      // `before` copies `shown` texel for texel; the fade's quad covers the picture's.
      const before = pictureTexture(this.scene, this.shown.width, this.shown.height);
      before.setFilter(NEAREST);
      this.fade = new CrossFade(this.scene, this.shown, before, i.width, i.height);
    }
    this.fade.image.setDepth(this.image.depth);
    this.fade.hold();
  }

  /** Moves a fade under way on to time `now` (ms); returns whether it drew this frame. */
  stepFade(now: number): boolean {
    const drawn = this.fade?.step(now) ?? false;
    this.image.setVisible(!this.fade?.running);
    return drawn;
  }

  /** True while a draft is shown and the full bake is still to come. */
  get drafted(): boolean {
    return this.state === 'draft';
  }

  /**
   * Shows the last bake moved as a pan or zoom since then moves the map: scaled by `k` about the canvas's
   * top-left corner, then shifted by (`dx`, `dy`) canvas pixels. While the view moves, each frame shows
   * this instead of baking anew, which redrew every shape and border of the map a frame (in software
   * WebGL, most of a drag's frames missed a refresh); what comes into view is blank until the bake that
   * follows once the view rests. Scaled, it is the bake itself, filtered smoothly, not the shown texture
   * in blocks.
   */
  follow(k: number, dx: number, dy: number): void {
    if (k !== 1 || dx !== 0 || dy !== 0) this.endFade();
    this.image.setScale(k).setPosition(dx, dy);
    // Not setFilter: Phaser applies it by uploading the texture's pixels again, which for a texture
    // drawn into (none kept on the CPU) leaves it blank.
    const texture = k === 1 || !this.full ? this.shown : this.baked;
    if (texture === this.showing) return;
    this.showing = texture;
    this.image.setTextures([texture.key]);
  }

  /**
   * Bakes the layers if something changed since the last bake; returns whether it did. A `draft` is drawn
   * straight into the shown texture at one texel a pixel, the layers scaled down by the texture's camera:
   * a quarter of the pixels and no reduction, to be followed by a full bake. For the first frame: in
   * SwiftShader here, the full bake's pixels delayed the map's first showing by about 100 ms.
   */
  bake(draft = false): boolean {
    if (this.state === 'baked' || (draft && this.state === 'draft')) return false;
    this.follow(1, 0, 0);
    if (draft && this.reduction) {
      this.state = 'draft';
      this.full = false;
      const camera = this.shown.camera;
      camera.setOrigin(0, 0).setZoom(1 / this.scale);
      this.shown.clear();
      for (const layer of this.layers) this.shown.draw(layer);
      this.shown.render();
      camera.setZoom(1);
      return true;
    }
    this.state = 'baked';
    this.full = true;
    this.baked.clear();
    for (const layer of this.layers) this.baked.draw(layer);
    this.baked.render();
    if (this.reduction) {
      this.shown.clear();
      this.shown.draw(this.reduction);
      this.shown.render();
    }
    if (this.fade?.start(performance.now())) this.image.setVisible(false);
    return true;
  }

  /** Shows the new picture at once if a fade was held or under way. */
  private endFade(): void {
    this.fade?.end();
    this.image.setVisible(true);
  }
}

/** Phaser's NEAREST filter mode (`Phaser.Textures.FilterMode.NEAREST`; this module imports Phaser's types only). */
const NEAREST = 1;

/** A texture for the picture of `width` × `height` texels, under a key not yet in use. */
function pictureTexture(scene: Phaser.Scene, width: number, height: number): Phaser.Textures.DynamicTexture {
  const t = scene.textures.addDynamicTexture(unique(scene, 'brink-picture'), width, height, false);
  if (!t) throw new Error('map: could not make the texture of the picture');
  return t;
}

/** A texture key not yet in use: a map started again in the same page must not reuse the last one's. */
export function unique(scene: Phaser.Scene, base: string): string {
  let i = 0;
  while (scene.textures.exists(`${base}-${i}`)) i++;
  return `${base}-${i}`;
}

// A cross-fade from the picture shown before a change to the picture baked after it, drawn by one quad
// whose shader mixes the two textures. A change of tone then eases in while the picture is baked once,
// instead of at every frame of the ease: in SwiftShader here each bake took 60-200 ms, and the ease ran
// at 5-13 frames a second.
import type * as Phaser from 'phaser';
import { drawPlain } from './plain-quads.ts';

/** Mixes what was shown (`uBefore`) with the new bake (`uMainSampler`) by `uLevel`: 0 before, 1 after. */
const BLEND = `precision mediump float;
uniform sampler2D uMainSampler;
uniform sampler2D uBefore;
uniform float uLevel;
varying vec2 outTexCoord;
void main() { gl_FragColor = mix(texture2D(uBefore, outTexCoord), texture2D(uMainSampler, outTexCoord), uLevel); }`;

/** How quickly the fade eases in (ms): it closes this time's share of the way, and slows as it nears the end. */
const EASE = 250;

/**
 * How far a fade `elapsed` ms old has come, from 0 to 1: quickly at first, then slowing, and 1 once less
 * than 0.3% of the way is left (after about 1.45 s).
 */
export function fadeLevel(elapsed: number): number {
  const left = Math.exp(-Math.max(0, elapsed) / EASE);
  return left < 0.003 ? 1 : 1 - left;
}

/** The cross-fade over one picture's shown texture; `hold` it before a change, `start` it after the bake. */
export class CrossFade {
  /** The quad that draws the fade in the picture's place while it runs; hidden otherwise. */
  readonly image: Phaser.GameObjects.Shader;
  /** The shown texture as an image, for copying into `before`. */
  private readonly copy: Phaser.GameObjects.Image;
  private level = 1;
  private startedAt = 0;
  private state: 'off' | 'held' | 'running' = 'off';

  constructor(
    scene: Phaser.Scene,
    shown: Phaser.Textures.DynamicTexture,
    private readonly before: Phaser.Textures.DynamicTexture,
    width: number,
    height: number,
  ) {
    this.copy = drawPlain(scene.add.image(0, 0, shown.key).setOrigin(0, 0)).removeFromDisplayList();
    this.image = scene.add
      .shader(
        {
          name: 'BrinkCrossFade',
          fragmentSource: BLEND,
          setupUniforms: (set: (name: string, value: number) => void) => {
            set('uMainSampler', 0);
            set('uBefore', 1);
            set('uLevel', this.level);
          },
        },
        0,
        0,
        width,
        height,
        [shown.key, before.key],
      )
      .setOrigin(0, 0)
      .setVisible(false);
  }

  /** Whether the fade is drawn: from `start` until it has come all the way. */
  get running(): boolean {
    return this.state === 'running';
  }

  /** Keeps what the shown texture holds now, to fade from; a fade under way ends where it is headed. */
  hold(): void {
    this.end();
    this.before.clear();
    this.before.draw(this.copy);
    this.before.render();
    this.state = 'held';
  }

  /** Starts the fade held, if one is, at time `now` (ms); returns whether it started. */
  start(now: number): boolean {
    if (this.state !== 'held') return false;
    this.state = 'running';
    this.startedAt = now;
    this.level = 0;
    this.image.setVisible(true);
    return true;
  }

  /** Moves the fade on to time `now` (ms); returns whether it was drawn this frame (its last frame too). */
  step(now: number): boolean {
    if (this.state !== 'running') return false;
    this.level = fadeLevel(now - this.startedAt);
    if (this.level === 1) this.end();
    return true;
  }

  /** Ends the fade at once, at the new picture. */
  end(): void {
    this.state = 'off';
    this.level = 1;
    this.image.setVisible(false);
  }
}

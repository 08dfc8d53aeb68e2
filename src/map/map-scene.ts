// The map scene: puts the base map, the tone tint and the screen-space overlay together in one
// baked picture, draws the effects live over it, and turns cues into animations. Knows nothing of
// any one scenario.
import * as Phaser from 'phaser';
import { BaseMap } from './base-map.ts';
import { bindCamera, type Point, type Rect, View } from './camera.ts';
import { mix } from './colour.ts';
import type { MapCue } from './cues.ts';
import { Effects } from './effects.ts';
import { fillAsFans } from './fan-fill.ts';
import type { MapModel } from './model.ts';
import { drawNames } from './names.ts';
import { Depth, Overlay } from './overlay.ts';
import { Pen } from './pen.ts';
import { Picture } from './picture.ts';
import { addPlainQuads, drawPlain } from './plain-quads.ts';
import type { PreparedMap } from './prepare.ts';
import { damage, Redraw } from './redraw.ts';
import { compileAhead } from './shaders.ts';

/** Shown when a scenario's borders were not cut at build time. */
export const NO_BORDERS_NOTICE =
  'Borders are bundled only for built-in scenarios: places are shown on a plain latitude/longitude grid.';

const CALM = 0xf2c14e;
const GRAVE = 0x5c0000;
const DEFAULT_STRIKE = 0xb3261e;
/** How long (ms) the view must rest before the picture is baked at full quality again. */
const SETTLE = 150;

/** The Phaser scene of the map. */
export class MapScene extends Phaser.Scene {
  /** Resolves after the first frame with the base map drawn. */
  readonly ready: Promise<void>;
  readonly model: MapModel;
  readonly view: View;
  private markReady: () => void = () => {};
  private picture!: Picture;
  private base!: BaseMap;
  private overlay!: Overlay;
  private effects!: Effects;
  private tone!: Phaser.GameObjects.Rectangle;
  /** Escalation shown (0 calm .. 1 gravest). */
  private toneLevel = 0;
  private readonly selectListeners = new Set<(id: string) => void>();
  private unbind: () => void = () => {};
  private redraw!: Redraw;
  /** Whether the next frame must be drawn whole: something other than the animations changed. */
  private whole = true;
  /** The boxes the animations covered in the last frame drawn: the next frame redraws them too. */
  private drawnBoxes: Rect[] = [];
  /** The place whose tooltip is shown. */
  private hovered: string | undefined;
  /** Boxes of what else changed since the last frame (the tooltip): the next frame redraws them. */
  private changed: Rect[] = [];
  /** Frames still to draw before the loop may sleep: a still map is not redrawn 60 times a second. */
  private settling = 2;
  /**
   * The time of the latest frame, the clock animations are timed on. Not `game.loop.time`: that clock
   * never steps back, so each sleep and wake moves it ahead of the frames' own by up to a frame, and
   * animations started on it began later and later as the map woke and slept.
   */
  private clock = 0;
  /** When the view last moved: while it keeps moving, the last bake is shown moved with it (picture.ts). */
  private movedAt = Number.NEGATIVE_INFINITY;
  private bakes = 0;
  /** The view the picture was last baked for. */
  private bakedView: { x: number; y: number; zoom: number } | undefined;
  /** Wakes the loop when the next frame of slow animations is due (restUntil). */
  private restTimer: number | undefined;
  /** Cancels the wait for the full bake after the first frame's draft (`refineLater`), if one is pending. */
  private cancelRefine: (() => void) | undefined;

  constructor(private readonly prepared: PreparedMap) {
    super('map');
    this.model = prepared.model;
    this.view = new View(this.model.width, this.model.height);
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  create(): void {
    const { width, height } = this.model;
    addPlainQuads(this, Phaser.Renderer.WebGL.RenderNodes.BatchHandlerQuad);
    const picture = new Picture(this, width, height);
    this.picture = picture;
    picture.image.setDepth(Depth.picture);
    // One of each kind of thing the first frame draws: shapes and lines, names, the picture.
    const standIns = [
      this.add.polygon(0, 0, [0, 0, 2, 0, 0, 2], 0xffffff).removeFromDisplayList(),
      drawPlain(this.add.image(0, 0, '__WHITE')).removeFromDisplayList(),
    ];
    compileAhead(this, [...standIns, picture.image]);
    for (const o of standIns) o.destroy();
    const { shapes, names, lines } = this.prepared;
    this.base = new BaseMap(this, this.model, shapes, picture.layer(this, 'world'), picture.scale, lines);
    this.tone = this.add.rectangle(0, 0, width, height, CALM, 1).setOrigin(0, 0).setAlpha(0);
    picture.layer(this, 'screen').add(this.tone);
    this.overlay = new Overlay(
      this,
      this.model,
      shapes.labels,
      this.prepared.hasBorders ? undefined : NO_BORDERS_NOTICE,
      picture,
      // Drawn while Phaser loaded, for a picture at twice the canvas size; a smaller one needs its own.
      names.baked === picture.scale ? names.raster : drawNames(this.model, shapes.labels, picture.scale),
    );
    this.effects = new Effects(new Pen(fillAsFans(this.add.graphics().setDepth(Depth.effects))));
    this.redraw = new Redraw(this, width, height);
    this.view.onChange(() => {
      this.movedAt = performance.now();
      this.layout();
      this.wake();
    });
    this.layout();
    const canvas = this.game.canvas;
    canvas.tabIndex = 0;
    canvas.setAttribute('aria-label', 'Map: drag or use the arrow keys to pan; wheel, pinch, + or − to zoom');
    this.unbind = bindCamera(canvas, this.view, {
      hover: (p) => {
        const before = this.overlay.tooltipBox();
        const was = this.hovered;
        this.hovered = this.overlay.hover(p);
        canvas.style.cursor = this.hovered ? 'pointer' : '';
        const after = this.overlay.tooltipBox();
        if (this.hovered === was && sameBox(before, after)) return;
        // Only the tooltip changed: the next frame redraws where it was and where it is.
        for (const b of [before, after]) if (b) this.changed.push(b);
        this.wake(false);
      },
      tap: (p) => this.tap(p),
    });
    this.game.events.once(Phaser.Core.Events.POST_RENDER, () => this.markReady());
    // For the benchmark and tests: the scene is built, and its first frame comes next.
    performance.mark('brink:map-built');
    // A restored context has lost the canvas's pixels that partial frames keep.
    this.game.renderer.on(Phaser.Renderer.Events.RESTORE_WEBGL, () => this.wake());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      window.clearTimeout(this.restTimer);
      this.cancelRefine?.();
      this.unbind();
    });
  }

  override update(time: number): void {
    this.clock = time;
    // Once the last animation ends, one more update clears what it drew.
    const boxes =
      this.effects.active > 0 || this.drawnBoxes.length > 0
        ? this.effects.update(time, (id) => this.overlay.pointOf(id))
        : [];
    const baked = this.showPicture();
    this.drawFrame(this.picture.stepFade(performance.now()) || baked, boxes);
    if (this.picture.drafted) {
      this.refineLater();
      if (this.effects.active === 0) this.game.loop.sleep();
      return;
    }
    // Sleeping inside update still renders this frame, so the settled state is on screen.
    if (!this.picture.settled || --this.settling > 0) return;
    if (this.effects.active === 0) this.game.loop.sleep();
    else this.restUntil(this.effects.nextFrame(time), time);
  }

  /**
   * Bakes the picture if it changed, unless the view is still moving: then the last bake is shown moved
   * with the view (Picture.follow), and baked anew once the view has rested for SETTLE ms. Returns
   * whether it baked.
   */
  private showPicture(): boolean {
    const v = this.view;
    const b = this.bakedView;
    if (b && performance.now() - this.movedAt < SETTLE) {
      this.picture.follow(v.zoom / b.zoom, (b.x - v.x) * v.zoom, (b.y - v.y) * v.zoom);
      return false;
    }
    // The first bake is a draft (picture.ts); the full one waits until the draft is on screen.
    if (this.picture.drafted && this.cancelRefine) return false;
    if (!this.picture.bake(this.bakes === 0)) return false;
    this.bakes++;
    this.bakedView = { x: v.x, y: v.y, zoom: v.zoom };
    return true;
  }

  /**
   * Draws the frame whole when anything but the animations changed, else only where they were in the
   * last frame and are in this one: the rest of the canvas already shows what this frame would.
   */
  private drawFrame(baked: boolean, boxes: Rect[]): void {
    const { width, height } = this.model;
    if (this.whole || baked) this.redraw.whole();
    else this.redraw.only(damage([...this.drawnBoxes, ...boxes, ...this.changed], width, height));
    this.whole = false;
    this.drawnBoxes = boxes;
    this.changed = [];
  }

  /**
   * Between the frames of slow animations (smoke drifting a tenth of a pixel a frame) the loop rests
   * until the next frame is due, instead of drawing the same picture at every refresh.
   */
  private restUntil(due: number, now: number): void {
    // Resting for less than a refresh and a half would only skip a frame or none.
    if (due - now < 25) return;
    this.game.loop.sleep();
    // Not wake(): nothing changed, so one frame is enough before resting again.
    this.restTimer = window.setTimeout(() => this.game.loop.wake(), due - now);
  }

  /**
   * Wakes the map for the full bake once the draft is on screen, three of the browser's frames after it.
   * Frames wait for the compositor, which waits for the GPU: drawn sooner, the full bake would queue on
   * the GPU beside the draft and hold back its showing. Traced in SwiftShader here, the third frame came
   * as the draft was shown; on a hardware GPU, three frames are 50 ms.
   */
  private refineLater(): void {
    if (this.cancelRefine) return;
    let frames = 3;
    let id = 0;
    const tick = () => {
      if (frames-- > 0) id = requestAnimationFrame(tick);
      else {
        this.cancelRefine = undefined;
        this.wake();
      }
    };
    tick();
    this.cancelRefine = () => cancelAnimationFrame(id);
  }

  /**
   * Something on the map changed: draw frames again until it has settled. With `whole` false, what
   * changed is an animation starting or a box in `changed`, so the next frame need not draw all of it.
   */
  private wake(whole = true): void {
    window.clearTimeout(this.restTimer);
    this.settling = 2;
    if (whole) this.whole = true;
    // wake() runs one frame at once, so `clock` is current before an animation is timed on it.
    if (!this.game.loop.running) this.game.loop.wake();
  }

  /** Starts the animations of `cues`; unknown ids are skipped with a warning. */
  play(cues: readonly MapCue[]): void {
    this.wake(false);
    for (const cue of cues) {
      if (!this.known(cue.at)) {
        console.warn(`map: cue "${cue.kind}" ignored: unknown place "${cue.at}"`);
        continue;
      }
      let from = cue.from;
      if (from !== undefined && !this.known(from)) {
        console.warn(`map: cue "${cue.kind}" starts from unknown place "${from}"; drawn without its route`);
        from = undefined;
      }
      if (cue.kind === 'crossing-closed' || cue.kind === 'crossing-opened') {
        this.setCrossing(cue.at, cue.kind === 'crossing-opened');
      }
      const colour = (cue.actor && this.model.actorColour.get(cue.actor)) || DEFAULT_STRIKE;
      this.effects.play({ ...cue, from }, colour, this.clock);
    }
  }

  /**
   * Tints the map from calm (first rung) to dark red (last rung). A change eases in over about a second,
   * so that it is felt, not jarring: the picture is baked once in the new tone and faded into (picture.ts).
   */
  setTone(rungIndex: number, rungCount: number): void {
    const k = rungCount > 1 ? rungIndex / (rungCount - 1) : 0;
    const level = Number.isFinite(k) ? Math.max(0, Math.min(1, k)) : 0;
    if (level === this.toneLevel) return;
    this.picture.holdForFade();
    this.toneLevel = level;
    this.tone.setFillStyle(mix(CALM, GRAVE, level), 1).setAlpha(0.34 * level);
    this.picture.invalidate();
    this.wake();
  }

  /** Shows humanitarian need (0..1) as a halo over the affected country. */
  setHumanitarian(level: number): void {
    if (this.base.setHalo(Number.isFinite(level) ? level : 0)) this.picture.invalidate();
    this.wake();
  }

  /** Opens or closes a crossing; false when `id` is not a crossing. */
  setCrossing(id: string, open: boolean): boolean {
    const place = this.model.places.find((p) => p.id === id);
    if (place?.kind !== 'crossing') {
      console.warn(`map: "${id}" is not a crossing`);
      return false;
    }
    // The UI passes every crossing with every snapshot: only a real change is drawn again.
    if ((place.open ?? true) === open) return true;
    place.open = open;
    this.layout();
    this.wake();
    return true;
  }

  /** Calls `listener` with the id of each location the player selects; returns an unsubscribe function. */
  onSelect(listener: (id: string) => void): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }

  /** A location or badge in canvas pixels. */
  pointOf(id: string): Point | undefined {
    return this.overlay.pointOf(id);
  }

  /** A longitude/latitude in canvas pixels. */
  project(lon: number, lat: number): Point {
    return this.view.toScreen(this.model.projection.project(lon, lat));
  }

  /** The location labels drawn. */
  labelTexts(): string[] {
    return this.overlay.labelTexts();
  }

  /** Where a place's label is drawn, in canvas pixels, if it is. */
  labelBox(id: string): Rect | undefined {
    return this.overlay.labelBox(id);
  }

  /** How many times the picture was baked. */
  get picturesBaked(): number {
    return this.bakes;
  }

  /** How many animations are running. */
  activeEffects(): number {
    return this.effects.active;
  }

  private known(id: string): boolean {
    return this.overlay.pointOf(id) !== undefined;
  }

  private tap(p: Point): void {
    const id = this.overlay.hit(p);
    if (!id) return;
    for (const l of this.selectListeners) l(id);
  }

  private layout(): void {
    this.base.apply(this.view);
    this.overlay.layout(this.view);
    this.picture.invalidate();
  }
}

/** Whether two boxes (or their absence) are the same. */
function sameBox(a: Rect | undefined, b: Rect | undefined): boolean {
  return (
    a === b || (!!a && !!b && a.x === b.x && a.y === b.y && a.width === b.width && a.height === b.height)
  );
}

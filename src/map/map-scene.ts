// The map scene: the base map in a world layer that the main camera pans and zooms, and the overlay
// (tone, names, icons, badges, animations, tooltip) in a layer that a second camera shows at screen
// size. It draws a frame only while something changes: at rest the game loop sleeps. Knows nothing of
// any one scenario.
import type * as Phaser from 'phaser';
import type { Scenario } from '../scenario/schema.ts';
import { BaseMap } from './base-map.ts';
import { bindCamera, type Point, View } from './camera.ts';
import { mix } from './colour.ts';
import type { MapCue } from './cues.ts';
import { Effects } from './effects.ts';
import { inRing } from './geometry.ts';
import { buildModel, type MapModel } from './model.ts';
import { Depth, Overlay } from './overlay.ts';
import { PendingLayer } from './pending.ts';
import { CoreEvents, RendererEvents, Scene, SceneEvents } from './phaser.ts';
import type { Region } from './region.ts';
import { type MapShapes, mapShapes } from './shapes.ts';
import { CALM_STATE, freshCues, type MapState, unit } from './state.ts';

/** Shown when a scenario's borders could be neither loaded nor cut (the console says why). */
export const NO_BORDERS_NOTICE =
  'The borders could not be loaded: places are shown on a plain latitude/longitude grid.';

const CALM = 0xf2c14e;
const GRAVE = 0x5c0000;
const DEFAULT_STRIKE = 0xb3261e;
/** What a player picked on the map: a location, an off-map badge or a governed country (its ISO code). */
export interface MapPick {
  kind: 'place' | 'badge' | 'country';
  id: string;
  /** A long press (touch) or a held click: the player asks for the place's history. */
  hold: boolean;
}

/** How long (ms) a change of tone takes to ease in: felt, not jarring. */
const TONE_EASE = 1000;

/** The Phaser scene of the map. Built again at each size (`resize`); what it shows outlives that. */
export class MapScene extends Scene {
  /** Resolves after the first frame is drawn. */
  readonly ready: Promise<void>;
  model!: MapModel;
  view!: View;
  overlay!: Overlay;
  effects!: Effects;
  pending!: PendingLayer;
  private shapes!: MapShapes;
  private markReady: () => void = () => {};
  private base!: BaseMap;
  private tone!: Phaser.GameObjects.Rectangle;
  /** The tone drawn (0 calm .. 1 gravest), on its way to `shown.tone` while it eases. */
  private toneDrawn = 0;
  private toneEase: Phaser.Tweens.Tween | undefined;
  /** What the map was last asked to show. */
  private shown: MapState = CALM_STATE;
  /** The keys of the cues shown so far that are still listed. */
  private readonly played = new Set<string>();
  private readonly selectListeners = new Set<(id: string, pick: MapPick) => void>();
  private readonly hoverListeners = new Set<(id: string | undefined) => void>();
  private unbind: () => void = () => {};
  private hovered: string | undefined;
  /**
   * The time of the latest frame, the clock animations are timed on. Not `game.loop.time`: that clock
   * never steps back, so each sleep and wake moves it ahead of the frames' own by up to a frame, and
   * animations started on it began later and later as the map woke and slept.
   */
  private clock = 0;
  /** Frames still to draw before the loop may sleep: what woke it may come just after its first frame. */
  private settling = 2;
  /** Wakes the loop when the next frame of slow animations is due (restUntil). */
  private restTimer: number | undefined;

  constructor(
    private readonly scenario: Scenario,
    /** The borders (regions.ts); none draws a graticule. */
    readonly region: Region | undefined,
  ) {
    super('map');
    this.ready = new Promise((resolve) => {
      this.markReady = resolve;
    });
  }

  create(): void {
    const { width, height } = this.scale;
    this.model = buildModel(this.scenario, width, height);
    this.view = new View(width, height);
    const shapes = mapShapes(this.model, this.region);
    this.shapes = shapes;
    const world = this.add.layer();
    const screen = this.add.layer();
    // The main camera shows the world as the view has it; the overlay's shows the screen layer unmoved.
    this.cameras.main.setOrigin(0, 0).ignore(screen);
    this.cameras.add(0, 0, width, height, false, 'overlay').ignore(world);
    this.base = new BaseMap(this, world, this.model, shapes);
    this.tone = this.add.rectangle(0, 0, width, height, CALM).setOrigin(0, 0).setDepth(Depth.tone);
    this.overlay = new Overlay(
      this,
      screen,
      this.model,
      shapes.labels,
      this.region ? undefined : NO_BORDERS_NOTICE,
    );
    const brush = this.add.graphics().setDepth(Depth.effects);
    const drafts = this.add.graphics().setDepth(Depth.pending);
    screen.add([this.tone, brush, drafts]);
    this.effects = new Effects(brush);
    this.pending = new PendingLayer(drafts);
    this.pending.set(this.shown.pending ?? [], this.shown.touched ?? []);
    // A scene built again at a new size shows at once what the last one showed.
    this.applyCrossings(this.shown.crossings, CALM_STATE.crossings);
    this.base.setHalo(this.shown.humanitarian);
    this.paintTone(this.shown.tone);
    this.view.onChange(() => {
      this.layout();
      this.wake();
    });
    this.layout();
    const canvas = this.game.canvas;
    canvas.tabIndex = 0;
    canvas.setAttribute('aria-label', 'Map: drag or use the arrow keys to pan; wheel, pinch, + or − to zoom');
    this.unbind = bindCamera(canvas, this.view, {
      hover: (p) => {
        const was = this.hovered;
        this.hovered = this.overlay.hover(p, (id) => this.pending.at(id)?.label);
        canvas.style.cursor = this.hovered ? 'pointer' : '';
        if (this.hovered || was) this.wake();
        if (this.hovered !== was) for (const l of this.hoverListeners) l(this.hovered);
      },
      tap: (p) => this.pick(p, false),
      hold: (p) => this.pick(p, true),
    });
    this.game.events.once(CoreEvents.POST_RENDER, () => this.markReady());
    // A lost GPU context is restored blank: draw the map again.
    this.game.renderer.on(RendererEvents.RESTORE_WEBGL, this.wake, this);
    this.events.once(SceneEvents.SHUTDOWN, () => {
      window.clearTimeout(this.restTimer);
      this.unbind();
      this.game.renderer.off(RendererEvents.RESTORE_WEBGL, this.wake, this);
      this.toneEase = undefined;
    });
    this.wake();
  }

  override update(time: number): void {
    this.clock = time;
    // The update that drops the last animation also clears what it drew.
    if (this.effects.active > 0) this.effects.update(time, (id) => this.overlay.pointOf(id));
    if (this.toneEase?.isPlaying() || --this.settling > 0) return;
    // Sleeping inside update still renders this frame, so the settled state is on screen.
    if (this.effects.active === 0) this.game.loop.sleep();
    else this.restUntil(this.effects.nextFrame(time), time);
  }

  /** Shows `next`: eases the tone, draws the halo and crossings that changed, plays the cues not yet played. */
  show(next: MapState): void {
    const prev = this.shown;
    this.shown = next;
    if (!this.model) return;
    let changed = this.applyCrossings(next.crossings, prev.crossings);
    if (this.base.setHalo(next.humanitarian)) changed = true;
    if (this.pending.set(next.pending ?? [], next.touched ?? [])) changed = true;
    if (changed) {
      this.layout();
      this.wake();
    }
    if (next.tone !== prev.tone) this.easeTone(next.tone);
    const fresh = freshCues(this.played, next.cues);
    if (fresh.length > 0) this.play(fresh);
  }

  /** The state last shown. */
  get state(): MapState {
    return this.shown;
  }

  /**
   * Calls `listener` with the id of each location, badge or country the player picks, and how; returns
   * an unsubscribe function.
   */
  onSelect(listener: (id: string, pick: MapPick) => void): () => void {
    this.selectListeners.add(listener);
    return () => this.selectListeners.delete(listener);
  }

  /** Calls `listener` with the place or badge under the pointer as it changes (undefined: none). */
  onHover(listener: (id: string | undefined) => void): () => void {
    this.hoverListeners.add(listener);
    return () => this.hoverListeners.delete(listener);
  }

  /**
   * Between the frames of slow animations (smoke drifting a tenth of a pixel a frame) the loop rests
   * until the next frame is due, instead of drawing the same picture at every refresh.
   */
  private restUntil(due: number, now: number): void {
    // Resting for less than a refresh and a half would only skip a frame or none.
    if (due - now < 25) return;
    this.game.loop.sleep();
    this.restTimer = window.setTimeout(() => this.game.loop.wake(), due - now);
  }

  /** Something on the map changed: draw frames again until it has settled. */
  private wake(): void {
    window.clearTimeout(this.restTimer);
    this.settling = 2;
    // wake() runs one frame at once, so `clock` is current before an animation is timed on it.
    if (!this.game.loop.running) this.game.loop.wake();
  }

  /** Starts the animations of `cues`; unknown ids are skipped with a warning. */
  private play(cues: readonly MapCue[]): void {
    this.wake();
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
      if (
        (cue.kind === 'crossing-closed' || cue.kind === 'crossing-opened') &&
        this.setCrossing(cue.at, cue.kind === 'crossing-opened')
      ) {
        this.layout();
      }
      const colour = (cue.actor && this.model.actorColour.get(cue.actor)) || DEFAULT_STRIKE;
      this.effects.play({ ...cue, from }, colour, this.clock);
    }
  }

  /** Eases the tone from the one drawn to `level`. */
  private easeTone(level: number): void {
    this.toneEase?.remove();
    this.toneEase = this.tweens.addCounter({
      from: this.toneDrawn,
      to: level,
      duration: TONE_EASE,
      ease: 'Cubic.easeOut',
      onUpdate: (tween) => this.paintTone(tween.getValue() ?? level),
      onComplete: () => this.paintTone(level),
    });
    this.wake();
  }

  /** Tints the map from calm (0) to dark red (1). */
  private paintTone(level: number): void {
    const k = unit(level);
    this.toneDrawn = k;
    this.tone.setFillStyle(mix(CALM, GRAVE, k), 1).setAlpha(0.34 * k);
  }

  /** Opens or closes the crossings whose state differs from `before`; returns whether any changed. */
  private applyCrossings(now: MapState['crossings'], before: MapState['crossings']): boolean {
    let changed = false;
    for (const [id, open] of Object.entries(now))
      if (before[id] !== open && this.setCrossing(id, open)) changed = true;
    return changed;
  }

  /** Opens or closes a crossing; whether that changed it. Warns when `id` is not a crossing. */
  private setCrossing(id: string, open: boolean): boolean {
    const place = this.model.places.find((p) => p.id === id);
    if (place?.kind !== 'crossing') {
      console.warn(`map: "${id}" is not a crossing`);
      return false;
    }
    if ((place.open ?? true) === open) return false;
    place.open = open;
    return true;
  }

  private known(id: string): boolean {
    return this.overlay.pointOf(id) !== undefined;
  }

  private pick(p: Point, hold: boolean): void {
    const spot = this.overlay.hitSpot(p) ?? this.countryAt(p);
    if (!spot) return;
    for (const l of this.selectListeners) l(spot.id, { ...spot, hold });
  }

  /** The governed country under `p`, if any: neighbours no actor governs are not picked. */
  private countryAt(p: Point): { kind: 'country'; id: string } | undefined {
    const w = this.view.toWorld(p);
    const hit = this.shapes.countries.find(
      (c) => this.model.countryColour.has(c.iso) && c.rings.some((r) => inRing(r, w.x, w.y)),
    );
    return hit && { kind: 'country', id: hit.iso };
  }

  private layout(): void {
    const v = this.view;
    this.cameras.main.setScroll(v.x, v.y).setZoom(v.zoom);
    this.base.setZoom(v.zoom);
    this.overlay.layout(v);
    this.pending.draw((id) => this.overlay.pointOf(id));
  }
}

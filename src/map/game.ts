// The map's public face: start it in an element, then drive it through a small controller.
import * as Phaser from 'phaser';
import type { Point, Rect } from './camera.ts';
import { css, palette } from './colour.ts';
import type { MapCue } from './cues.ts';
import { MapScene, NO_BORDERS_NOTICE } from './map-scene.ts';
import type { PreparedMap } from './prepare.ts';

/** What the rest of the game may ask of the map. */
export interface MapController {
  /** Animates consequences; unknown ids are skipped with a console warning. */
  play(cues: MapCue[]): void;
  /** Tints the map from calm (rung 0) to dark red (the last rung). */
  setTone(rungIndex: number, rungCount: number): void;
  /** Humanitarian need from 0 to 1, shown as a halo over the affected country. */
  setHumanitarian(level: number): void;
  /** Opens or closes a border crossing. */
  setCrossing(id: string, open: boolean): void;
  /** Calls `cb` with the id of each location clicked or tapped; returns an unsubscribe function. */
  onSelect(cb: (locationId: string) => void): () => void;
  /** Where a location or badge is, in CSS pixels from the canvas's top-left corner. */
  screenPoint(id: string): Point | undefined;
  /** Where a longitude/latitude is, in CSS pixels from the canvas's top-left corner. */
  project(lon: number, lat: number): Point;
  /** The location labels drawn, in scenario order. */
  labels(): string[];
  /** Where a location's label is drawn, in CSS pixels from the canvas's top-left corner; undefined when left out. */
  labelBox(id: string): Rect | undefined;
  /** Whether real borders are drawn (false: the graticule fallback). */
  readonly hasBorders: boolean;
  /** The notice drawn over the map, if any (why there are no borders). */
  readonly notice: string | undefined;
  /** The scenario shown. */
  readonly scenarioId: string;
  /** How many animations are running. */
  activeEffects(): number;
  /** How many frames the map has drawn: it stops drawing while nothing on it changes. */
  framesDrawn(): number;
  /**
   * How many times the still picture was baked: once per change (the first twice: a draft, then in full),
   * and not while a pan or zoom goes on.
   */
  picturesBaked(): number;
  /** Stops the map and frees its canvas. */
  destroy(): void;
}

declare global {
  interface Window {
    /** The running map, for tests and debugging. */
    __brinkMap?: MapController;
  }
}

/**
 * Starts the Phaser map of a prepared map (prepare.ts) inside `parent`, at the size it was prepared for;
 * resolves once the first frame with the base map is drawn.
 */
export async function startMap(parent: HTMLElement, prepared: PreparedMap): Promise<MapController> {
  // Marks for the benchmark: how long Phaser takes from here to the first drawn frame.
  performance.mark('brink:map-start');
  const { width, height } = prepared.model;
  const { scenario, hasBorders } = prepared;
  const scene = new MapScene(prepared);
  const game = new Phaser.Game({
    type: Phaser.WEBGL,
    parent,
    width,
    height,
    backgroundColor: css(palette.sea),
    scene: [scene],
    banner: false,
    audio: { noAudio: true },
    // The map reads pointer, wheel and keys from its own canvas (camera.ts): Phaser's global
    // listeners would steal the page's arrow keys and block focus.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false, windowEvents: false },
    // Textures filter linearly (`antialias`), which is what smooths the supersampled bake (base-map.ts);
    // the context itself is not multisampled (`antialiasGL`), since 4x MSAA multiplies the fill cost that
    // software WebGL pays on every frame: it doubled the frame time here. No masks, so no stencil buffer.
    // The drawing buffer is kept between frames, so that a frame of animations redraws only around them
    // (redraw.ts).
    // A batch holds 1024 quads or triangles before it is drawn, not Phaser's 16384: each kind of batch
    // allocates and uploads buffers for that many when first used (5.8 MB for the four kinds the map's
    // start uses). Profiled, the two that Phaser's texture manager makes at boot took 52 ms, now 16; the
    // base map's ~11,000 triangles are now drawn in 11 calls rather than one.
    render: {
      antialias: true,
      antialiasGL: false,
      stencil: false,
      preserveDrawingBuffer: true,
      batchSize: 1024,
    },
  });
  await scene.ready;
  performance.mark('brink:map-ready');
  parent.dataset.mapReady = 'true';
  const cssScale = () => {
    const r = game.canvas.getBoundingClientRect();
    return { x: r.width / (game.canvas.width || 1), y: r.height / (game.canvas.height || 1) };
  };
  const toCss = (p: Point): Point => {
    const s = cssScale();
    return { x: p.x * s.x, y: p.y * s.y };
  };
  const controller: MapController = {
    play: (cues) => scene.play(Array.isArray(cues) ? cues : []),
    setTone: (rung, count) => scene.setTone(rung, count),
    setHumanitarian: (level) => scene.setHumanitarian(level),
    setCrossing: (id, open) => {
      scene.setCrossing(id, open);
    },
    onSelect: (cb) => scene.onSelect(cb),
    screenPoint: (id) => {
      const p = scene.pointOf(id);
      return p ? toCss(p) : undefined;
    },
    project: (lon, lat) => toCss(scene.project(lon, lat)),
    labels: () => scene.labelTexts(),
    labelBox: (id) => {
      const b = scene.labelBox(id);
      if (!b) return undefined;
      const s = cssScale();
      return { x: b.x * s.x, y: b.y * s.y, width: b.width * s.x, height: b.height * s.y };
    },
    hasBorders,
    notice: hasBorders ? undefined : NO_BORDERS_NOTICE,
    scenarioId: scenario.meta.id,
    activeEffects: () => scene.activeEffects(),
    framesDrawn: () => game.loop.frame,
    picturesBaked: () => scene.picturesBaked,
    destroy: () => {
      delete parent.dataset.mapReady;
      if (window.__brinkMap === controller) delete window.__brinkMap;
      game.destroy(true);
      // Phaser tears down on its next step, and a map at rest has no next step until woken.
      game.loop.wake();
    },
  };
  window.__brinkMap = controller;
  return controller;
}

// What tests and benchmarks read and drive on a running map, as `window.__brinkMap`. Development and
// test builds only: game.ts leaves it out of the production build.
import type * as Phaser from 'phaser';
import type { Point, Rect } from './camera.ts';
import type { MapCue } from './cues.ts';
import type { MapController } from './game.ts';
import { type MapScene, NO_BORDERS_NOTICE } from './map-scene.ts';
import type { DrawnMark } from './pending.ts';
import { type MapState, toneLevel } from './state.ts';

/** The running map as tests see it: the state changed one part at a time, and what is drawn where. */
export interface MapProbe {
  readonly scenarioId: string;
  /** Whether real borders are drawn (false: the graticule fallback). */
  readonly hasBorders: boolean;
  /** The notice drawn over the map, if any (why there are no borders). */
  readonly notice: string | undefined;
  /** Animates consequences; unknown ids are skipped with a console warning. */
  play(cues: MapCue[]): void;
  /** Tints the map for rung `rung` of `rungs`. */
  setTone(rung: number, rungs: number): void;
  setHumanitarian(level: number): void;
  setCrossing(id: string, open: boolean): void;
  onSelect(cb: (locationId: string) => void): () => void;
  /** The drafted orders' marks drawn at the last layout: what the player sees pending. */
  pendingMarks(): DrawnMark[];
  /** The places ringed as what the order under the pointer or focus could touch. */
  touchedRings(): string[];
  /** Where a location or badge is, in CSS pixels from the canvas's top-left corner. */
  screenPoint(id: string): Point | undefined;
  /** Where a longitude/latitude is, in CSS pixels from the canvas's top-left corner. */
  project(lon: number, lat: number): Point;
  /** The location labels drawn, in scenario order. */
  labels(): string[];
  /** Where a location's label is drawn, in CSS pixels; undefined when left out. */
  labelBox(id: string): Rect | undefined;
  /** How many animations are running. */
  activeEffects(): number;
  /** How many frames the map has drawn: it stops drawing while nothing on it changes. */
  framesDrawn(): number;
  /** Whether the WebGL canvas was asked for multisampled (smoothed) edges. */
  readonly multisampled: boolean;
}

declare global {
  interface Window {
    __brinkMap?: MapProbe;
  }
}

/** Puts a probe of the map on `window.__brinkMap`; returns a function that takes it away. */
export function exposeMap(controller: MapController, scene: MapScene, game: Phaser.Game): () => void {
  let played = 0;
  const change = (part: Partial<MapState>) => controller.show({ ...scene.state, ...part });
  const scale = () => {
    const r = game.canvas.getBoundingClientRect();
    return { x: r.width / (game.canvas.width || 1), y: r.height / (game.canvas.height || 1) };
  };
  const toCss = (p: Point): Point => {
    const s = scale();
    return { x: p.x * s.x, y: p.y * s.y };
  };
  const hasBorders = scene.region !== undefined;
  const probe: MapProbe = {
    scenarioId: controller.scenarioId,
    hasBorders,
    notice: hasBorders ? undefined : NO_BORDERS_NOTICE,
    play: (cues) => {
      const keyed = (Array.isArray(cues) ? cues : []).map((c) => ({ ...c, key: `probe:${played++}` }));
      change({ cues: [...scene.state.cues, ...keyed] });
    },
    setTone: (rung, rungs) => change({ tone: toneLevel(rung, rungs) }),
    setHumanitarian: (humanitarian) => change({ humanitarian }),
    setCrossing: (id, open) => change({ crossings: { ...scene.state.crossings, [id]: open } }),
    onSelect: (cb) => controller.onSelect(cb),
    pendingMarks: () => scene.pending.drawn(),
    touchedRings: () => scene.pending.rings(),
    screenPoint: (id) => {
      const p = scene.overlay.pointOf(id);
      return p ? toCss(p) : undefined;
    },
    project: (lon, lat) => toCss(scene.view.toScreen(scene.model.projection.project(lon, lat))),
    labels: () => scene.overlay.labelTexts(),
    labelBox: (id) => {
      const b = scene.overlay.labelBox(id);
      if (!b) return undefined;
      const s = scale();
      return { x: b.x * s.x, y: b.y * s.y, width: b.width * s.x, height: b.height * s.y };
    },
    activeEffects: () => scene.effects.active,
    framesDrawn: () => game.loop.frame,
    multisampled: game.config.antialiasGL,
  };
  window.__brinkMap = probe;
  return () => {
    if (window.__brinkMap === probe) delete window.__brinkMap;
  };
}

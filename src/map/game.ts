// The map's public face: start it in an element for a scenario, then tell it what to show.
import type { Scenario } from '../scenario/schema.ts';
import { css, palette } from './colour.ts';
import { exposeMap } from './diagnostics.ts';
import { type MapPick, MapScene } from './map-scene.ts';
import { AUTO, Game } from './phaser.ts';
import type { Region } from './region.ts';
import type { MapState } from './state.ts';

/** What the rest of the game may ask of the map. */
export interface MapController {
  /** The scenario shown. */
  readonly scenarioId: string;
  /** Shows a snapshot of the game (state.ts); the map works out what changed since the last one. */
  show(state: MapState): void;
  /**
   * Calls `cb` with the id of each location, badge or governed country (ISO code) clicked or tapped, and
   * how it was picked; returns an unsubscribe function.
   */
  onSelect(cb: (id: string, pick: MapPick) => void): () => void;
  /** Calls `cb` with the place or badge under the pointer as it changes; returns an unsubscribe function. */
  onHover(cb: (id: string | undefined) => void): () => void;
  /** Stops the map and frees its canvas. */
  destroy(): void;
}

/** Whether this page's WebGL is software, found once (softwareWebGL) at the first map. */
let software: boolean | undefined;

/** How long (ms) the element must keep a new size before the map is laid out again at it. */
const RESIZE_SETTLE = 250;

/**
 * Starts the Phaser map of `scenario` inside `parent`, at the element's size and following it, with its
 * borders (regions.ts; none: a graticule); resolves once its first frame is drawn.
 */
export async function startMap(
  parent: HTMLElement,
  scenario: Scenario,
  region: Region | undefined,
): Promise<MapController> {
  // Marks for the benchmark: how long Phaser takes from here to the first drawn frame.
  performance.mark('brink:map-start');
  const scene = new MapScene(scenario, region);
  software ??= softwareWebGL();
  const game = new Game({
    // WebGL where the browser has it, else the Canvas renderer.
    type: AUTO,
    parent,
    width: parent.clientWidth || 960,
    height: parent.clientHeight || 600,
    backgroundColor: css(palette.sea),
    scene: [scene],
    banner: false,
    audio: { noAudio: true },
    // The map reads pointer, wheel and keys from its own canvas (camera.ts): Phaser's global
    // listeners would steal the page's arrow keys and block focus.
    input: { keyboard: false, mouse: false, touch: false, gamepad: false, windowEvents: false },
    // Smooth edges on a GPU; none in software WebGL, which drew a fraction of the frames with
    // multisampling (docs/map-performance.md).
    render: { antialiasGL: !software },
  });
  await scene.ready;
  performance.mark('brink:map-ready');
  parent.dataset.mapReady = 'true';
  // The map is laid out for its canvas's size: at a new size it is built again, never stretched.
  let timer: ReturnType<typeof setTimeout> | undefined;
  const resized = new ResizeObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const { clientWidth: width, clientHeight: height } = parent;
      // Hidden (the full debrief) or unchanged: nothing to redo.
      if (width === 0 || height === 0) return;
      if (Math.abs(width - game.scale.width) < 4 && Math.abs(height - game.scale.height) < 4) return;
      game.scale.resize(width, height);
      scene.scene.restart();
      game.loop.wake();
    }, RESIZE_SETTLE);
  });
  resized.observe(parent);
  const controller: MapController = {
    scenarioId: scenario.meta.id,
    show: (state) => scene.show(state),
    onSelect: (cb) => scene.onSelect(cb),
    onHover: (cb) => scene.onHover(cb),
    destroy: () => {
      resized.disconnect();
      clearTimeout(timer);
      delete parent.dataset.mapReady;
      hide();
      game.destroy(true);
      // Phaser tears down on its next step, and a map at rest has no next step until woken.
      game.loop.wake();
    },
  };
  // Diagnostics for tests and benchmarks, left out of production builds.
  const hide = import.meta.env.MODE === 'production' ? () => {} : exposeMap(controller, scene, game);
  return controller;
}

/**
 * True when the browser's WebGL draws on the CPU (SwiftShader, llvmpipe), as Chromium does on GPUs it
 * blocks and in headless runs.
 */
function softwareWebGL(): boolean {
  const gl = document.createElement('canvas').getContext('webgl');
  if (!gl) return false;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return /swiftshader|llvmpipe|softpipe|software/i.test(renderer);
}

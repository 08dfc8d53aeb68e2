import * as Phaser from 'phaser';
import { MapScene } from './map-scene.ts';

/** Starts the Phaser map inside `parent` and resolves once the first frame is drawn. */
export function startMap(parent: HTMLElement): Promise<Phaser.Game> {
  return new Promise((resolve) => {
    new Phaser.Game({
      type: Phaser.WEBGL,
      parent,
      width: parent.clientWidth || 960,
      height: parent.clientHeight || 600,
      backgroundColor: '#cfdde3',
      scene: [MapScene],
      banner: false,
      // Keep the drawing buffer so tests and snapshots can read pixels back.
      render: { preserveDrawingBuffer: true, antialias: true },
      callbacks: {
        postBoot: (g) => {
          g.events.once('postrender', () => {
            parent.dataset.mapReady = 'true';
            resolve(g);
          });
        },
      },
    });
  });
}

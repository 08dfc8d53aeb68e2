import * as Phaser from 'phaser';

/** The border map. For now it draws the sea, a graticule and land placeholder. */
export class MapScene extends Phaser.Scene {
  constructor() {
    super('map');
  }

  create(): void {
    const { width, height } = this.scale;
    const g = this.add.graphics();
    g.lineStyle(1, 0x9fb4bd, 1);
    for (let x = 0; x < width; x += 60) g.lineBetween(x, 0, x, height);
    for (let y = 0; y < height; y += 60) g.lineBetween(0, y, width, y);
    g.fillStyle(0xe8dcc4, 1);
    g.fillRect(width * 0.1, height * 0.15, width * 0.8, height * 0.7);
  }
}

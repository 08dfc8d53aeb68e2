// The floor for the bundle-size bench: the least a Phaser game can ship.
import * as Phaser from 'phaser';

class Hello extends Phaser.Scene {
  create(): void {
    this.add.text(10, 10, 'Hello, world');
  }
}
new Phaser.Game({ type: Phaser.WEBGL, width: 320, height: 200, scene: [Hello] });

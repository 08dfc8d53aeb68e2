// The floor for the bundle-size bench: the least a Phaser game can ship. Its first frame is marked for
// the map bench, which times how soon that frame is on screen.
import * as Phaser from 'phaser';

class Hello extends Phaser.Scene {
  create(): void {
    this.add.text(10, 10, 'Hello, world');
  }
}
new Phaser.Game({
  type: Phaser.WEBGL,
  width: 320,
  height: 200,
  scene: [Hello],
  callbacks: {
    postBoot: (game) =>
      game.events.once(Phaser.Core.Events.POST_RENDER, () => performance.mark('hello:first-frame')),
  },
});

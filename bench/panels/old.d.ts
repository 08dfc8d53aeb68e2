// The orders screen of the commit before the lit-html panels (e76620f), which panels.bench.ts unpacks from
// git and aliases as this module for its bench page: it built the whole screen anew on every snapshot.
declare module 'brink-old-orders' {
  import type { App, Game } from '../../src/ui/types.ts';
  export function renderOrders(app: App, game: Game, role: string): HTMLElement;
}

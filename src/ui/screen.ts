// The student's screen around the panel: the gauges, the map legend and the trainer's news, rendered
// with lit-html into a host of their own (index.html's #hud), so that the panel's rebuilds never touch
// them. The app calls renderScreen once per render.
import { html, nothing, render } from 'lit-html';
import { humans } from './briefing.ts';
import { gaugeData, gaugesView } from './gauges.ts';
import { legendEntries, legendView } from './legend.ts';
import { trainerNews, trainerNewsView } from './news-groups.ts';
import type { App } from './types.ts';

const clock = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The people at this screen: the one whose orders or brief it is, else every person (shared screens). */
function rolesOnScreen(app: App): string[] {
  const game = app.game;
  if (!game) return [];
  const people = humans(game);
  const s = game.actor.getSnapshot().context;
  const at = app.ui.passedTo;
  return at && people.includes(at) && s.orders[at] === undefined ? [at] : people;
}

/** The round whose changes the gauges show: the last resolved one while orders are given, else this one. */
function changeRound(app: App): number {
  const snap = app.game?.actor.getSnapshot();
  if (!snap) return 0;
  const resolved =
    snap.matches({ playing: { round: 'report' } }) || snap.status === 'done' || !!snap.context.ending;
  return resolved || snap.matches('briefing') ? snap.context.round : Math.max(0, snap.context.round - 1);
}

/**
 * Renders the gauges, the map legend and the trainer's news for the game on screen beside the panel, or
 * nothing without a game (or in the debrief). The legend sits here, folded, rather than over the map:
 * the map stays whole for the eye and for the map's own pixel tests.
 */
export function renderScreen(app: App, doc: Document): void {
  const hud = doc.getElementById('hud');
  const game = app.game;
  if (!hud) return;
  const snap = game?.actor.getSnapshot();
  const s = snap?.context;
  render(
    game && s && !app.ui.debrief
      ? html`${gaugesView(gaugeData(game.c, s, rolesOnScreen(app), changeRound(app), clock))}
          ${legendView(legendEntries(game.loaded.scenario), false)}
          ${snap.matches({ playing: { round: 'orders' } }) ? trainerNewsView(trainerNews(s, s.round)) : nothing}`
      : nothing,
    hud,
  );
}

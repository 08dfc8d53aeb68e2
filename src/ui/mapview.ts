// Wires the map to the game: starts Phaser lazily for a scenario, passes each snapshot's new cues,
// tone, crossings and humanitarian level, and offers everything the map shows as text.

import { reason } from '../errors.ts';
import type { MapCue } from '../map/cues.ts';
import type { MapController } from '../map/game.ts';
import { loadRegion } from '../map/regions.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Compiled } from '../sim/compile.ts';
import type { GameState } from '../sim/types.ts';
import { button, el } from './dom.ts';
import { eventsAt, humanitarianLevel, mapFacts } from './facts.ts';
import type { App, Game } from './types.ts';

/** Keeps one map alive for the scenario on screen and feeds it the game. */
export class MapView {
  private controller: MapController | null = null;
  private scenarioId: string | null = null;
  private starting: Promise<void> | null = null;
  private token = 0;
  private played = new Set<number>();
  private last: { c: Compiled; s: GameState } | null = null;
  private selectHandler: ((id: string) => void) | null = null;
  private scenario: Scenario | null = null;
  /** The host's size when the map on screen was laid out. */
  private laidOut = { width: 0, height: 0 };
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  /** Says over the map that it is loading, or why it could not be drawn. */
  private readonly status: HTMLElement;
  /** The map drawn on a plain canvas while Phaser loads (poster.ts), until Phaser's first frame. */
  private poster: HTMLCanvasElement | null = null;

  constructor(private readonly host: HTMLElement) {
    this.status = el('p', { class: 'map-status', role: 'status' });
    host.append(this.status);
    // The map is laid out for its canvas size: when the host changes size, it is drawn again at the new one,
    // rather than stretched out of proportion.
    if (typeof ResizeObserver === 'function') new ResizeObserver(() => this.resized()).observe(host);
  }

  /** Shows a scenario's map (restarting it when another scenario is on screen). */
  show(scenario: Scenario): Promise<void> {
    if (this.scenarioId === scenario.meta.id && this.starting) return this.starting;
    const token = ++this.token;
    this.scenarioId = scenario.meta.id;
    this.scenario = scenario;
    this.controller?.destroy();
    this.controller = null;
    this.setPoster(null);
    this.say('Loading the map…');
    // Noted at once: a resize noticed while Phaser is still loading must compare with this size,
    // or a resize reported just before this call would start the map a second time.
    this.laidOut = { width: this.host.clientWidth, height: this.host.clientHeight };
    this.starting = (async () => {
      // Phaser and the borders load only now, so the start screen never waits for them. While Phaser is
      // fetched and parsed (off the main thread), the borders arrive and the map is prepared (projected,
      // its names drawn) and shown as a poster until Phaser draws it. (Preloading Phaser from the page's
      // head drew the map no sooner, and its start-up then ran just as the start screen appeared, delaying
      // a first click.)
      const game = import('../map/game.ts').then((m) => {
        performance.mark('brink:phaser-loaded');
        return m;
      });
      // Awaited only once the map is prepared: a failed load must not go unhandled meanwhile.
      game.catch(() => {});
      // Preparing is a long task: not before the screen that asked for the map is painted, or it would hold
      // that paint back. The wait starts now, beside the fetches, rather than after them.
      const painted = afterNextPaint();
      const [region, { prepareMap }, { drawPoster }] = await Promise.all([
        loadRegion(scenario.meta.id),
        import('../map/prepare.ts'),
        import('../map/poster.ts'),
      ]);
      await painted;
      if (token !== this.token) return;
      this.laidOut = { width: this.host.clientWidth, height: this.host.clientHeight };
      const prepared = prepareMap({
        scenario,
        region,
        width: this.laidOut.width || 960,
        height: this.laidOut.height || 600,
      });
      this.setPoster(drawPoster(prepared));
      const { startMap } = await game;
      if (token !== this.token) return;
      const controller = await startMap(this.host, prepared);
      if (token !== this.token) {
        controller.destroy();
        return;
      }
      this.controller = controller;
      // In the same frame as Phaser's first: the poster leaves as the map it showed is drawn beneath.
      this.setPoster(null);
      this.host.dataset.mapReady = 'true';
      this.say(null);
      controller.onSelect((id) => this.selectHandler?.(id));
      if (this.last) this.update(this.last.c, this.last.s);
    })().catch((e: unknown) => {
      console.error('map: could not start', e);
      if (token !== this.token) return;
      // A still picture would soon show a map the game has moved past: the text below is kept up to date.
      this.setPoster(null);
      this.host.dataset.mapFailed = 'true';
      const why = reason(e).replace(/[.\s]+$/, '');
      this.say(
        `The map could not be drawn in this browser (${why}). The game plays on: everything the map would show is listed under “What the map shows (as text)” in the panel.`,
      );
    });
    return this.starting;
  }

  /** Shows a poster of the map under the status line, replacing the last one, or takes it away (null or undefined). */
  private setPoster(poster: HTMLCanvasElement | null | undefined): void {
    this.poster?.remove();
    this.poster = poster ?? null;
    if (!poster) return;
    poster.className = 'map-poster';
    // A picture with nothing to operate: what it shows is also in the panel, as text.
    poster.setAttribute('aria-hidden', 'true');
    this.host.prepend(poster);
    // For the benchmark and tests: the map is drawn, and on screen at the next frame.
    performance.mark('brink:map-poster');
  }

  /** Shows a message over the map, or hides it (null). Text only. */
  private say(text: string | null): void {
    this.status.textContent = text ?? '';
    this.status.hidden = text === null;
    if (text === null) delete this.host.dataset.mapFailed;
  }

  /** After the host has kept a new size for a moment, lays the map out again at that size. */
  private resized(): void {
    clearTimeout(this.resizeTimer);
    this.resizeTimer = setTimeout(() => {
      const { clientWidth: width, clientHeight: height } = this.host;
      // Hidden (the full debrief) or unchanged: nothing to redo.
      if (!this.scenario || !this.starting || width === 0 || height === 0) return;
      if (Math.abs(width - this.laidOut.width) < 4 && Math.abs(height - this.laidOut.height) < 4) return;
      this.starting = null;
      void this.show(this.scenario);
    }, 250);
  }

  /** Forgets the cues played, for a new or resumed game. */
  reset(): void {
    this.played = new Set();
    this.last = null;
  }

  /** Calls `cb` with the id of each place selected on the map. */
  onSelect(cb: (id: string) => void): void {
    this.selectHandler = cb;
  }

  /** Passes a snapshot to the map: this round's cues not yet played, the tone, crossings, humanitarian level. */
  update(c: Compiled, s: GameState): void {
    this.last = { c, s };
    const m = this.controller;
    if (!m || m.scenarioId !== c.scenario.meta.id) return;
    const fresh: MapCue[] = [];
    s.cues.forEach((q, i) => {
      if (q.round !== s.round || this.played.has(i)) return;
      this.played.add(i);
      fresh.push({ kind: q.kind as MapCue['kind'], from: q.from, at: q.at, actor: q.actor });
    });
    if (fresh.length > 0) m.play(fresh);
    m.setTone(s.rung, c.scenario.ladder.length);
    for (const [id, open] of Object.entries(s.crossings)) m.setCrossing(id, open);
    m.setHumanitarian(humanitarianLevel(c, s));
  }
}

/** What happened at the selected place, or null when none is selected. */
export function renderPlace(app: App, game: Game): HTMLElement | null {
  const id = app.ui.selectedPlace;
  if (!id) return null;
  const c = game.c;
  const s = game.actor.getSnapshot().context;
  const place = c.locations.get(id)?.name ?? c.scenario.map.badges.find((b) => b.id === id)?.name ?? id;
  const events = eventsAt(c, s, id);
  return el(
    'section',
    { class: 'place', 'aria-labelledby': 'place-heading' },
    el('h3', { id: 'place-heading', tabindex: -1 }, `What happened at ${place}`),
    events.length === 0
      ? el('p', {}, 'Nothing has happened here yet.')
      : el(
          'ul',
          {},
          events.map((e) => el('li', {}, e)),
        ),
    button('Close', () => {
      app.ui.selectedPlace = null;
      app.render();
    }),
  );
}

/** The text equivalent of the map: places and their recent events, crossings, strikes this round. */
export function renderMapText(app: App, game: Game): HTMLElement {
  const facts = mapFacts(game.c, game.actor.getSnapshot().context);
  const select = (id: string) => () => {
    app.ui.selectedPlace = id;
    app.render();
    document.getElementById('place-heading')?.focus();
  };
  // Open or closed as the player left it: the panel is rebuilt with every change.
  const details = el(
    'details',
    { class: 'map-text', open: app.ui.mapTextOpen },
    el('summary', {}, 'What the map shows (as text)'),
    el('h3', {}, 'Strikes this round'),
    facts.strikes.length === 0
      ? el('p', {}, 'No strikes this round.')
      : el(
          'ul',
          {},
          facts.strikes.map((x) => el('li', { 'data-strike-at': x.at }, x.text)),
        ),
    el('h3', {}, 'Crossings'),
    facts.crossings.length === 0
      ? el('p', {}, 'No border crossings on this map.')
      : el(
          'ul',
          {},
          facts.crossings.map((x) => el('li', {}, `${x.name}: ${x.open ? 'open' : 'closed'}`)),
        ),
    el('h3', {}, 'Places and recent events'),
    el(
      'ul',
      {},
      facts.places.map((p) =>
        el(
          'li',
          {},
          button(`${p.name} (${p.kind})`, select(p.id), { class: 'link', 'data-place': p.id }),
          p.events.length === 0
            ? ': nothing recent.'
            : el(
                'ul',
                {},
                p.events.map((e) => el('li', {}, e)),
              ),
        ),
      ),
    ),
  );
  details.addEventListener('toggle', () => {
    app.ui.mapTextOpen = details.open;
  });
  return details;
}

/** Resolves once the next frame has been painted (at once where there are no frames to wait for). */
function afterNextPaint(): Promise<void> {
  if (typeof requestAnimationFrame !== 'function') return Promise.resolve();
  return new Promise((done) => requestAnimationFrame(() => setTimeout(done, 0)));
}

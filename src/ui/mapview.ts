// Wires the map to the game: starts Phaser lazily for a scenario, and describes each snapshot to it
// (tone, crossings, humanitarian level, this round's cues), and offers everything the map shows as text.

import { html, nothing, type TemplateResult } from 'lit-html';
import { reason } from '../errors.ts';
import type { MapCue } from '../map/cues.ts';
import type { MapController } from '../map/game.ts';
import type { MapPick } from '../map/map-scene.ts';
import { loadRegion } from '../map/regions.ts';
import { type MapState, type PendingMark, toneLevel } from '../map/state.ts';
import type { Scenario } from '../scenario/schema.ts';
import type { Compiled } from '../sim/compile.ts';
import { actionsAt, type Spot } from '../sim/reach.ts';
import type { GameState } from '../sim/types.ts';
import { eventsAt, humanitarianLevel, mapFacts } from './facts.ts';
import { openPlaceMenu, spotName } from './placemenu.ts';
import type { App, Game } from './types.ts';

/** Keeps one map alive for the scenario on screen and feeds it the game. */
export class MapView {
  private controller: MapController | null = null;
  /** The scenario on screen (a file may share a bundled scenario's id but not its map). */
  private scenario: Scenario | null = null;
  private starting: Promise<void> | null = null;
  private token = 0;
  /** Counts the games shown, so that a new or resumed game's cues have keys of their own. */
  private game = 0;
  private last: { c: Compiled; s: GameState } | null = null;
  private selectHandler: ((id: string, pick: MapPick) => void) | null = null;
  private hoverHandler: ((id: string | undefined) => void) | null = null;
  /** The drafted orders of the seat at the screen, and what the one under the pointer could touch. */
  private drafted: Pick<MapState, 'pending' | 'touched'> = {};
  /** Says over the map that it is loading, or why it could not be drawn. */
  private readonly status: HTMLElement;

  constructor(private readonly host: HTMLElement) {
    this.status = host.ownerDocument.createElement('p');
    this.status.className = 'map-status';
    this.status.setAttribute('role', 'status');
    host.append(this.status);
  }

  /** Shows a scenario's map (restarting it when another scenario is on screen). */
  show(scenario: Scenario): Promise<void> {
    if (this.scenario === scenario && this.starting) return this.starting;
    const token = ++this.token;
    this.scenario = scenario;
    this.controller?.destroy();
    this.controller = null;
    this.say('Loading the map…');
    this.starting = (async () => {
      // Phaser and the borders load only now, so the start screen never waits for them.
      const [{ startMap }, region] = await Promise.all([
        import('../map/game.ts').then((m) => {
          performance.mark('brink:phaser-loaded');
          return m;
        }),
        loadRegion(scenario),
      ]);
      if (token !== this.token) return;
      const controller = await startMap(this.host, scenario, region);
      if (token !== this.token) {
        controller.destroy();
        return;
      }
      this.controller = controller;
      this.host.dataset.mapReady = 'true';
      this.say(null);
      controller.onSelect((id, pick) => this.selectHandler?.(id, pick));
      controller.onHover((id) => this.hoverHandler?.(id));
      if (this.last) this.update(this.last.c, this.last.s);
    })().catch((e: unknown) => {
      console.error('map: could not start', e);
      if (token !== this.token) return;
      this.host.dataset.mapFailed = 'true';
      const why = reason(e).replace(/[.\s]+$/, '');
      this.say(
        `The map could not be drawn in this browser (${why}). The game plays on: everything the map would show is listed under “What the map shows (as text)” in the panel.`,
      );
    });
    return this.starting;
  }

  /** Shows a message over the map, or hides it (null). Text only. */
  private say(text: string | null): void {
    this.status.textContent = text ?? '';
    this.status.hidden = text === null;
    if (text === null) delete this.host.dataset.mapFailed;
  }

  /** Forgets the cues played, for a new or resumed game. */
  reset(): void {
    this.game++;
    this.last = null;
  }

  /** Calls `cb` with the id of each place, badge or country picked on the map, and how. */
  onSelect(cb: (id: string, pick: MapPick) => void): void {
    this.selectHandler = cb;
  }

  /** Calls `cb` with the place or badge under the pointer as it changes. */
  onHover(cb: (id: string | undefined) => void): void {
    this.hoverHandler = cb;
  }

  /** Marks the drafted orders of the seat at the screen, and rings what the one in view could touch. */
  drafts(pending: PendingMark[], touched: string[]): void {
    const same = JSON.stringify(this.drafted) === JSON.stringify({ pending, touched });
    this.drafted = { pending, touched };
    if (!same && this.last) this.update(this.last.c, this.last.s);
  }

  /** Passes a snapshot to the map. */
  update(c: Compiled, s: GameState): void {
    this.last = { c, s };
    const m = this.controller;
    if (!m || m.scenarioId !== c.scenario.meta.id) return;
    m.show({ ...mapState(c, s, this.game), ...this.drafted });
  }
}

/** What the map shows of snapshot `s` of game number `game`: its tone, crossings, need, and this round's cues. */
function mapState(c: Compiled, s: GameState, game: number): MapState {
  return {
    tone: toneLevel(s.rung, c.scenario.ladder.length),
    humanitarian: humanitarianLevel(c, s),
    crossings: s.crossings,
    cues: s.cues.flatMap((q, i) =>
      q.round === s.round
        ? [{ key: `${game}:${i}`, kind: q.kind as MapCue['kind'], from: q.from, at: q.at, actor: q.actor }]
        : [],
    ),
  };
}

/** What happened at the selected place, or nothing when none is selected. */
export function renderPlace(app: App, game: Game): TemplateResult | typeof nothing {
  const id = app.ui.selectedPlace;
  if (!id) return nothing;
  const c = game.c;
  const s = game.actor.getSnapshot().context;
  const place = c.locations.get(id)?.name ?? c.scenario.map.badges.find((b) => b.id === id)?.name ?? id;
  const events = eventsAt(c, s, id);
  const close = () => {
    app.ui.selectedPlace = null;
    app.render();
  };
  return html`<section class="place" aria-labelledby="place-heading">
    <h3 id="place-heading" tabindex="-1">What happened at ${place}</h3>
    ${events.length === 0 ? html`<p>Nothing has happened here yet.</p>` : html`<ul>${events.map((e) => html`<li>${e}</li>`)}</ul>`}
    <button type="button" @click=${close}>Close</button>
  </section>`;
}

/**
 * The text equivalent of the map: places and their recent events, crossings, strikes this round; while a
 * seat gives its orders (`role`), each place, badge and governed country it can aim orders at has a button
 * that opens the same menu as a pick on the map. Its `open` is the player's: the template never sets it,
 * so a re-render leaves it as it was.
 */
export function renderMapText(app: App, game: Game, role: string | null = null): TemplateResult {
  const s = game.actor.getSnapshot().context;
  const facts = mapFacts(game.c, s);
  const select = (id: string) => () => {
    app.ui.selectedPlace = id;
    app.ui.placeMenu = null;
    app.render();
    document.getElementById('place-heading')?.focus();
  };
  const act = (spot: Spot, key: string) => {
    if (!role || actionsAt(game.c, s, role, spot).length === 0) return nothing;
    const open = () => openPlaceMenu(app, spot, `.map-text button[data-act-on="${key}"]`);
    return html` <button type="button" class="link act-on" data-act-on=${key} @click=${open}>Orders at ${spotName(game.c, spot)}…</button>`;
  };
  const countries = game.c.scenario.map.countries.filter((x) => x.actor);
  return html`<details class="map-text">
    <summary>What the map shows (as text)</summary>
    <h3>Strikes this round</h3>
    ${
      facts.strikes.length === 0
        ? html`<p>No strikes this round.</p>`
        : html`<ul>${facts.strikes.map((x) => html`<li data-strike-at=${x.at}>${x.text}</li>`)}</ul>`
    }
    <h3>Crossings</h3>
    ${
      facts.crossings.length === 0
        ? html`<p>No border crossings on this map.</p>`
        : html`<ul>${facts.crossings.map((x) => html`<li>${x.name}: ${x.open ? 'open' : 'closed'}</li>`)}</ul>`
    }
    <h3>Places and recent events</h3>
    <ul>${facts.places.map(
      (p) =>
        html`<li><button type="button" class="link" data-place=${p.id} @click=${select(p.id)}>${p.name} (${p.kind})</button>${act(
          { kind: p.kind === 'off-map' ? 'badge' : 'place', id: p.id },
          p.id,
        )}${
          p.events.length === 0
            ? ': nothing recent.'
            : html`<ul>${p.events.map((e) => html`<li>${e}</li>`)}</ul>`
        }</li>`,
    )}</ul>
    ${
      role && countries.length > 0
        ? html`<h3>Countries</h3><ul>${countries.map(
            (x) => html`<li>${x.name}${act({ kind: 'country', iso: x.iso }, `country:${x.iso}`)}</li>`,
          )}</ul>`
        : nothing
    }
  </details>`;
}

// The interface's root: mounts the panel, routes each game snapshot to its screen, and keeps the
// map, the autosave and the live region in step. Panels send events; nothing here edits game state.
import { html, nothing, render as paint, type TemplateResult } from 'lit-html';
import type { Subscription } from 'xstate';
import { reason, shown } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import { compile } from '../sim/compile.ts';
import type { GameEvent } from '../sim/events.ts';
import { startGame } from '../sim/game.ts';
import { createGameMachine } from '../sim/machine.ts';
import { restoreGame, scenarioHash } from '../sim/save.ts';
import type { GameState } from '../sim/types.ts';
import { humans, renderBriefing, renderPass, renderPrivateBrief } from './briefing.ts';
import { announce, silence } from './dom.ts';
import { draftsOf, onDrafts, touch } from './drafts.ts';
import { renderDebrief, renderEnding } from './ending.ts';
import { newsOfRound } from './facts.ts';
import { MapView, renderMapText, renderPlace } from './mapview.ts';
import { renderOrders } from './orders.ts';
import { draftAt, openPlaceMenu, pendingMarks, renderPlaceMenu, touchedPlaces } from './placemenu.ts';
import { renderResolution } from './report.ts';
import {
  autosave,
  deleteSave,
  type ScenarioKey,
  saveScenarioKey,
  storedScenarioText,
  storeScenarioText,
} from './saves.ts';
import { bundledScenarios, type LoadedScenario, validateScenario } from './scenarios.ts';
import { renderScreen } from './screen.ts';
import { randomSeed, renderStart } from './start.ts';
import type { App, Game, UiState, WhyView } from './types.ts';
import { seenBy } from './viewer.ts';

function freshUi(start?: UiState['start']): UiState {
  return {
    briefingStep: 0,
    passedTo: null,
    held: null,
    why: null,
    debrief: false,
    endingShown: false,
    selectedPlace: null,
    placeMenu: null,
    announcedRound: -1,
    forks: [],
    fork: null,
    start: start ?? {
      selected: null,
      fromFile: null,
      fileProblems: [],
      seats: {},
      levels: {},
      seed: randomSeed(),
      message: null,
      checking: null,
      classSize: null,
    },
  };
}

/** Mounts the Brink interface into the document and starts the map of the default scenario in the background. */
export function mountApp(doc: Document): App {
  const panel = doc.getElementById('panel');
  const mapHost = doc.getElementById('map');
  if (!panel || !mapHost) throw new Error('index.html is missing #panel or #map');
  const footer = doc.createElement('footer');
  footer.className = 'disclaimer';
  paint(html`<p id="disclaimer"></p>`, footer);
  doc.body.append(footer);
  const map = new MapView(mapHost);
  /** Scenarios opened from a file in an earlier visit, validated again from their kept text to resume a save. */
  const kept = new Map<string, LoadedScenario>();
  let subscription: Subscription | null = null;
  let lastScreen = '';
  /** The role whose orders are on screen, if any: the map's menus and drafted marks are its own. */
  let ordersRole: string | null = null;
  /** Until the bundled scenarios are read, the panel says it is loading them. */
  let catalogLoaded = false;

  const app: App = {
    game: null,
    ui: freshUi(),
    catalog: { ok: [], broken: [] },
    render,
    send(event: GameEvent) {
      app.game?.actor.send(event);
    },
    start(loaded, seats, seed) {
      const actor = startGame(loaded.scenario, { seed, seats });
      attach({ loaded, c: compile(loaded.scenario), actor }, app.ui.start);
    },
    resume(value) {
      const key = saveScenarioKey(value);
      const id = key?.scenarioId;
      const loaded = key ? findScenario(key) : undefined;
      // Check against the named scenario when we have it, else one of its id or the current one (for a
      // clear mismatch message: another file of the same id and version, another scenario).
      const scenario =
        loaded?.scenario ??
        (key ? findScenario({ ...key, scenarioHash: undefined })?.scenario : undefined) ??
        app.game?.loaded.scenario ??
        app.catalog.ok[0]?.scenario;
      if (!scenario) return 'No scenario is available to restore this save into.';
      const restored = restoreGame(value, scenario, createGameMachine(scenario));
      if (!restored.ok) return restored.message;
      if (!loaded)
        return `The save belongs to scenario ${shown(id)}, which is not available here: open its file first.`;
      try {
        restored.actor.start();
      } catch (e) {
        return `The save is damaged: ${reason(e)}`;
      }
      attach({ loaded, c: compile(loaded.scenario), actor: restored.actor }, app.ui.start);
      return null;
    },
    async resumeSave(value) {
      const key = saveScenarioKey(value);
      const text = key && !findScenario(key) ? storedScenarioText(key) : null;
      if (key && text) {
        const file = `${key.scenarioId}.json`;
        const v = await validateScenario(text, file);
        if (v.ok)
          kept.set(`${key.scenarioId}#${scenarioHash(v.scenario)}`, {
            scenario: v.scenario,
            text,
            file,
            bundled: false,
          });
      }
      // Through `app`, so that wrappers of resume (session.ts) see it.
      return app.resume(value);
    },
    newGame() {
      const g = app.game;
      if (g) deleteSave(g.loaded.scenario);
      detach();
      app.ui = freshUi({ ...app.ui.start, seed: randomSeed(), message: null });
      // Nothing of the last game may still be read out on the new game's screen.
      silence();
      render();
    },
    saveRefused: false,
    storageRefused() {
      if (app.saveRefused) return;
      app.saveRefused = true;
      render();
    },
    setDisclaimer(text: string) {
      const p = doc.getElementById('disclaimer');
      if (p) p.textContent = text;
    },
    showMap(loaded) {
      // Phaser loads once the start screen is up and the page is idle, so the panel never waits for it.
      whenIdle(() => !app.game && void map.show(loaded.scenario));
    },
    showWhy(view: WhyView) {
      app.ui.why = view;
      render();
      doc.getElementById('why-heading')?.focus();
    },
  };

  /**
   * A scenario at hand for this key: bundled, opened from a file, in play, or restored from its kept text.
   * A key with a content hash takes only that very file, so a designer's file that reuses a bundled
   * scenario's id and version resumes its own saves, not the bundled one's.
   */
  function findScenario(key: ScenarioKey): LoadedScenario | undefined {
    const fits = (x: LoadedScenario | null | undefined) =>
      x?.scenario.meta.id === key.scenarioId &&
      (key.scenarioHash === undefined || scenarioHash(x.scenario) === key.scenarioHash);
    return (
      [...app.catalog.ok, app.ui.start.fromFile, app.game?.loaded, ...kept.values()].find(fits) ?? undefined
    );
  }

  function detach(): void {
    subscription?.unsubscribe();
    subscription = null;
    app.game?.actor.stop();
    app.game = null;
  }

  function attach(game: Game, start: UiState['start']): void {
    detach();
    app.game = game;
    app.ui = freshUi(start);
    silence();
    const sc: Scenario = game.loaded.scenario;
    if (!game.loaded.bundled) storeScenarioText(sc, game.loaded.text);
    map.reset();
    void map.show(sc);
    subscription = game.actor.subscribe({
      next: () => onSnapshot(game),
      error: (e) => console.error('game error', e),
    });
    onSnapshot(game);
  }

  function onSnapshot(game: Game): void {
    if (app.game !== game) return;
    const snap = game.actor.getSnapshot();
    app.ui.why = null; // a new state: any open explanation belonged to the previous one
    app.saveRefused = !autosave(game.actor, game.loaded.scenario);
    map.update(game.c, snap.context);
    render();
  }

  // A pick on the map opens the orders that can be aimed there while a seat gives its orders; a long
  // press, or a pick at any other time, opens the place's history.
  map.onSelect((id, pick) => {
    if (ordersRole && !pick.hold) {
      const spot = pick.kind === 'country' ? { kind: 'country' as const, iso: id } : { kind: pick.kind, id };
      openPlaceMenu(app, spot, '#map canvas');
      return;
    }
    if (pick.kind === 'country') return;
    app.ui.placeMenu = null;
    app.ui.selectedPlace = id;
    render();
    doc.getElementById('place-heading')?.focus();
  });
  // Pointing at a drafted order's mark on the map shows what it could touch, as its panel row does.
  map.onHover((id) => {
    const g = app.game;
    if (!g || !ordersRole) return touch(null);
    const round = g.actor.getSnapshot().context.round;
    const mine = draftsOf(g.actor).of(round, ordersRole);
    const marked = id ? draftAt(g.c, ordersRole, mine, id) : undefined;
    touch(marked ? { role: ordersRole, action: marked.action } : null);
  });
  onDrafts(() => render());

  /** Announces a resolved round and its headlines, once. */
  function announceRound(game: Game, s: GameState): void {
    // Read out on a shared screen: only what every player there may see.
    const items = newsOfRound(seenBy(game, null), s.round);
    announceOnce(
      s.round,
      `Round ${s.round} resolved. ${items.length} news item(s). ${items.map((n) => n.headline).join('. ')}`,
    );
  }

  /** Which screen the state calls for: its key, and how to build it (once the per-screen state is settled). */
  function screen(): { key: string; build: () => TemplateResult; role?: string } {
    const game = app.game;
    if (!game) return { key: 'start', build: () => renderStart(app) };
    app.setDisclaimer(game.loaded.scenario.meta.disclaimer);
    const snap = game.actor.getSnapshot();
    const s = snap.context;
    const people = humans(game);
    const hotSeat = people.length > 1;
    if ((snap.status === 'done' || s.ending) && !app.ui.endingShown && s.round > 0) {
      // The last round's news first; its button leads on to the ending.
      announceRound(game, s);
      return { key: `report-${s.round}-last`, build: () => renderResolution(app, game, true) };
    }
    if (snap.status === 'done' || s.ending) {
      announceOnce(-2, `The game has ended after round ${s.round}.`);
      return app.ui.debrief
        ? { key: 'debrief', build: () => renderDebrief(app, game) }
        : { key: 'ending', build: () => renderEnding(app, game) };
    }
    if (snap.matches('briefing')) {
      const k = app.ui.briefingStep;
      const role = people[k - 1];
      if (k === 0 || !role) return { key: 'briefing', build: () => renderBriefing(app, game) };
      if (app.ui.passedTo !== role)
        return { key: `pass-brief-${role}`, build: () => renderPass(app, game, role, 'a private brief') };
      return { key: `brief-${role}`, build: () => renderPrivateBrief(app, game, role, k === people.length) };
    }
    if (snap.matches({ playing: { round: 'report' } })) {
      announceRound(game, s);
      return { key: `report-${s.round}`, build: () => renderResolution(app, game) };
    }
    const next = people.find((p) => s.orders[p] === undefined && p !== app.ui.held);
    if (!next) return { key: 'waiting', build: () => html`<p>Waiting for the round to resolve…</p>` };
    if (hotSeat && app.ui.passedTo !== next)
      return {
        key: `pass-${s.round}-${next}`,
        build: () => renderPass(app, game, next, 'its orders for this round'),
      };
    return { key: `orders-${s.round}-${next}`, build: () => renderOrders(app, game, next), role: next };
  }

  function announceOnce(round: number, text: string): void {
    if (app.ui.announcedRound === round) return;
    app.ui.announcedRound = round;
    announce(text);
  }

  function render(): void {
    if (!panel || !catalogLoaded) return;
    const { key, build, role } = screen();
    const changed = key !== lastScreen;
    const game = app.game;
    const inPlay = game && !key.startsWith('pass') && !key.startsWith('brief');
    ordersRole = role ?? null;
    if (changed) app.ui.placeMenu = null;
    // The map marks only the drafts of the seat at the screen: none on a pass-the-device screen.
    if (game && role) {
      const mine = draftsOf(game.actor).of(game.actor.getSnapshot().context.round, role);
      map.drafts(pendingMarks(game.c, role, mine), touchedPlaces(game.c, role, mine));
    } else map.drafts([], []);
    // The same screen is patched in place (focus, forms, tabs and open details stay as they are). A new
    // screen is built afresh, on its first tab with empty forms: the old one is cleared first, which also
    // tells its directives (the debrief's charts) that they have left the page.
    if (changed) paint(nothing, panel);
    paint(
      html`${build()}${inPlay ? html`${renderPlaceMenu(app, game, ordersRole)}${renderPlace(app, game)}${renderMapText(app, game, ordersRole)}` : nothing}`,
      panel,
    );
    renderScreen(app, doc);
    if (changed) {
      lastScreen = key;
      panel.querySelector<HTMLElement>('.screen-heading')?.focus();
    }
  }

  // The start screen draws at once; scenarios and then the map (of the scenario it selects) load behind it.
  paint(html`<p>Loading scenarios…</p>`, panel);
  void bundledScenarios().then((catalog) => {
    app.catalog = catalog;
    catalogLoaded = true;
    render();
  });
  return app;
}

/** Runs `fn` when the main thread is idle (at most half a second later); browsers without idle callbacks wait a frame. */
function whenIdle(fn: () => void): void {
  if (typeof requestIdleCallback === 'function') requestIdleCallback(() => fn(), { timeout: 500 });
  else setTimeout(fn, 16);
}

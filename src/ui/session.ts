// The classroom host: wraps the game window's App so that every event sent is parsed and logged (seed,
// seats and accepted events: the game log), broadcasts each new state to the console and presenter
// windows as each may see it (projectFor), carries out the commands the lock lets through, drives the
// round deadline with TICK events, and keeps the classroom bar: the round's pacing, and on the start screen
// alone the trainer's way in (the console and presenter windows, the trainer lock).
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';
import { html, nothing, render as paint } from 'lit-html';
import type { Actor, Subscription } from 'xstate';
import { reason } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type GameEvent, parseEvent } from '../sim/events.ts';
import {
  describeUndo,
  type GameLog,
  newLog,
  readLog,
  replayLog,
  sendLogged,
  stateDigest,
  undoLastRound,
} from '../sim/log.ts';
import type { GameMachine } from '../sim/machine.ts';
import { phaseOf } from '../sim/phase.ts';
import { projectFor, scenarioFor, type Viewer } from '../sim/projection.ts';
import { saveGame } from '../sim/save.ts';
import {
  type Channel,
  type Command,
  greeter,
  openChannel,
  type Proof,
  type StateMessage,
} from './channel.ts';
import { announce } from './dom.ts';
import { localLock, lockControls } from './lock.ts';
import { pacingLine } from './pacing.ts';
import type { App } from './types.ts';

const LOG_PREFIX = 'brink:log:';
/** Where this tab keeps the channel key once given the passcode: sessionStorage, which no other tab reads. */
const KEY_ITEM = 'brink:channel-key';

/** What the debrief and the tests may ask of the classroom host. */
export interface Session {
  /** The current game's log, or null when the game was resumed from a save without one. */
  log(): GameLog | null;
  /** Parses an event and sends it to the game, logging it; a refused event leaves a notice saying why. */
  send(event: unknown): void;
  /** Rewinds the game to the start of the last round's orders. */
  undo(): string | null;
  /** Replaces the game with the replay of a log file's contents; returns an error or null. */
  importLog(value: unknown): string | null;
}

let current: Session | null = null;

/** The classroom host of this window, once installed. */
export function session(): Session | null {
  return current;
}

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

/** Stores the log; false when the browser refused (undo and forks still work until the page is closed). */
function storeLog(log: GameLog): boolean {
  try {
    storage()?.setItem(`${LOG_PREFIX}${log.scenarioId}`, JSON.stringify(log));
    return true;
  } catch {
    return false;
  }
}

function sessionKey(): Uint8Array | null {
  try {
    const hex = window.sessionStorage.getItem(KEY_ITEM);
    return hex && /^[0-9a-f]{64}$/.test(hex) ? hexToBytes(hex) : null;
  } catch {
    return null;
  }
}

function keepSessionKey(key: Uint8Array | null): void {
  try {
    if (key) window.sessionStorage.setItem(KEY_ITEM, bytesToHex(key));
    else window.sessionStorage.removeItem(KEY_ITEM);
  } catch {
    // No session storage: the key lasts as long as the page.
  }
}

function storedLog(scenarioId: string): unknown {
  try {
    const raw = storage()?.getItem(`${LOG_PREFIX}${scenarioId}`);
    return raw ? (JSON.parse(raw) as unknown) : null;
  } catch {
    return null;
  }
}

/** What a paused game holds back, by the event the player sent. */
const PAUSED_WORDS: Partial<Record<GameEvent['type'], string>> = {
  ORDERS: 'orders are not accepted',
  NEXT: 'the next round waits',
  PROPOSE: 'proposals wait',
  ANSWER: 'answers wait',
};

/** Installs the classroom host on a mounted app (the game window). */
export function installSession(app: App, doc: Document): Session {
  const channel: Channel | null = openChannel();
  let log: GameLog | null = null;
  let pendingLog: GameLog | null = null;
  let watched: Actor<GameMachine> | null = null;
  let sub: Subscription | null = null;
  let notice: string | null = null;
  let queued = false;
  const lock = localLock();
  // The key given with the passcode in this tab; while it is held, commands must be signed with it
  // even if another tab removes the stored lock.
  let channelKey: Uint8Array | null = sessionKey();
  const seenNonces = new Set<string>();
  // The seal and signatures (seal.ts and its hashes) load with the first key this tab holds: a game whose
  // tools are not locked never fetches them. Until they are in, the trainer's view waits and so do commands,
  // in the order they came. A failed load (a lazily loaded chunk on a dropped network) is tried again with
  // the next command or change of the game, and the classroom bar says that signed commands wait.
  let sealer: typeof import('./seal.ts') | null = null;
  let sealing: Promise<void> | null = null;
  let sealFailed: string | null = null;
  const waiting: { command: Command; proof: Proof | null }[] = [];
  const loadSealer = () =>
    (sealing ??= import('./seal.ts').then(
      (m) => {
        sealer = m;
        sealFailed = null;
        for (const w of waiting.splice(0)) carry(w.command, w.proof, m);
        changed();
      },
      (e: unknown) => {
        sealing = null;
        const kept = waiting.length === 1 ? '1 command' : `${waiting.length} commands`;
        sealFailed = `The console's signed commands wait (${kept} kept): the game could not load its signatures (${reason(e)}). It tries again with the next command.`;
        refreshBar();
      },
    ));

  const scenarioOf = (): Scenario | null => app.game?.loaded.scenario ?? null;

  /** The game as a viewer may see it (projectFor), with the trainer's extras for the trainer only. */
  function message(viewer: Viewer): StateMessage | null {
    const g = app.game;
    if (!g) return null;
    const sc = g.loaded.scenario;
    const p = projectFor(sc, viewer, g.actor.getSnapshot().context);
    const trainer = viewer === 'trainer';
    return {
      kind: 'state',
      view: trainer ? 'trainer' : 'public',
      scenario: scenarioFor(sc, viewer),
      phase: phaseOf(g.actor),
      state: p.state,
      submitted: p.submitted,
      canUndo: trainer && log !== null,
      undoes: trainer ? undoPreview() : null,
      notice: trainer ? notice : null,
    };
  }

  /** Broadcasts and refreshes once per task, after the log has caught up with the event. */
  function changed(): void {
    if (queued) return;
    queued = true;
    queueMicrotask(() => {
      queued = false;
      const open = message('presenter');
      const trainer = message('trainer');
      if (!open) channel?.post({ kind: 'closed', notice });
      else if (channelKey) {
        // Once a passcode guards the tools, the public view goes out signed and the trainer's sealed; both
        // wait for the seal to load.
        if (sealer) {
          channel?.post({ ...open, proof: sealer.prove(channelKey, open, 'state') });
          if (trainer)
            channel?.post({ kind: 'sealed', box: sealer.seal(channelKey, JSON.stringify(trainer)) });
        } else void loadSealer();
      } else {
        // Without the key, a locked browser's views refuse the unsigned public view and say why.
        channel?.post(open);
        if (trainer && !lock.isSet()) channel?.post(trainer);
      }
      if (log && !storeLog(log)) app.storageRefused();
      refreshBar();
    });
  }

  /** Follows the app's current actor (a new one after start, resume, undo or import). */
  function watch(): void {
    const actor = app.game?.actor ?? null;
    if (actor === watched) return;
    sub?.unsubscribe();
    sub = null;
    watched = actor;
    if (actor) sub = actor.subscribe({ next: changed, error: () => undefined });
    changed();
  }

  function send(raw: unknown): void {
    const g = app.game;
    if (!g) return;
    const parsed = parseEvent(g.loaded.scenario, raw);
    if (!parsed.ok) {
      notice = `The game refused that event (${parsed.reason}).`;
      changed();
      return;
    }
    const event: GameEvent = parsed.event;
    const before = g.actor.getSnapshot();
    if (log) log = sendLogged(g.actor, log, event);
    else g.actor.send(event);
    const ignored = g.actor.getSnapshot() === before;
    notice =
      ignored && before.context.paused && PAUSED_WORDS[event.type]
        ? `The game is paused: ${PAUSED_WORDS[event.type]} until the trainer resumes it.`
        : ignored && event.type !== 'TICK'
          ? `The game did not accept that (${event.type.toLowerCase()}) at this point.`
          : null;
    if (ignored && event.type !== 'TICK') changed();
  }

  /** Puts a replayed actor in place of the running game, with its log. */
  function adopt(actor: Actor<GameMachine>, scenario: Scenario, next: GameLog): string | null {
    const save = saveGame(actor, scenario);
    actor.stop();
    pendingLog = next;
    const problem = app.resume(save);
    pendingLog = null;
    return problem;
  }

  const origStart = app.start.bind(app);
  const origResume = app.resume.bind(app);
  const origNewGame = app.newGame.bind(app);
  app.send = send;
  app.start = (loaded, seats, seed) => {
    log = newLog(loaded.scenario, seed, seats);
    notice = null;
    origStart(loaded, seats, seed);
    watch();
  };
  app.resume = (value) => {
    const problem = origResume(value);
    if (!problem) {
      notice = null;
      const g = app.game;
      if (pendingLog) log = pendingLog;
      else if (g) {
        // A reload: keep the stored log only if it replays into exactly the resumed state.
        const stored = storedLog(g.loaded.scenario.meta.id);
        log = null;
        const replayed = stored ? readLog(stored, g.loaded.scenario, g.actor.logic) : null;
        if (replayed?.ok) {
          if (
            stateDigest(replayed.actor.getSnapshot().context) === stateDigest(g.actor.getSnapshot().context)
          )
            log = replayed.log;
          replayed.actor.stop();
        }
      }
    }
    watch();
    return problem;
  };
  app.newGame = () => {
    log = null;
    notice = null;
    origNewGame();
    watch();
  };

  /** The log without the last round, and what that takes back; null when there is nothing to undo. */
  function undoPlan(): { next: GameLog; words: string } | null {
    const g = app.game;
    if (!g || !log) return null;
    const s = g.actor.getSnapshot().context;
    if (s.round < 1) return null;
    const reported = phaseOf(g.actor) !== 'orders';
    const next = undoLastRound(log, s.round, reported);
    const back = Math.max(1, reported ? s.round : s.round - 1);
    return { next, words: describeUndo(g.c, log.events.slice(next.events.length), back) };
  }

  function undoPreview(): string | null {
    return undoPlan()?.words ?? null;
  }

  function undo(): string | null {
    const g = app.game;
    const sc = scenarioOf();
    if (!g || !sc || !log) return 'Undo needs the game log, which this game does not have.';
    const plan = undoPlan();
    if (!plan) return 'There is no round to undo yet.';
    // The undo itself is logged: what it took out stays in the log, beside the events that replay.
    const removed = log.events.slice(plan.next.events.length);
    const undone = [...(log.undone ?? []), { round: g.actor.getSnapshot().context.round, events: removed }];
    const recorded: GameLog = { ...plan.next, undone };
    const problem = adopt(replayLog(sc, plan.next, g.actor.logic), sc, recorded);
    if (problem) return problem;
    announce(plan.words);
    return plan.words;
  }

  function importLog(value: unknown): string | null {
    const id = (value as { scenarioId?: unknown } | null)?.scenarioId;
    const loaded = app.catalog.ok.find((x) => x.scenario.meta.id === id) ?? app.game?.loaded;
    if (!loaded) return 'No scenario is available for this log.';
    // Read, checked and replayed in full before anything is replaced: a bad log leaves the game as it was.
    const r = readLog(value, loaded.scenario);
    if (!r.ok) return r.message;
    return adopt(r.actor, loaded.scenario, r.log);
  }

  /** Why a command from the channel is not the trainer's, or null when it is to be carried out. */
  function refusal(
    command: Command,
    proof: Proof | null,
    check: typeof import('./seal.ts') | null,
  ): string | null {
    if (channelKey) {
      if (!check || !proof || seenNonces.has(proof.nonce) || !check.verify(channelKey, command, proof))
        return 'A command without proof of the trainer’s passcode was refused.';
      seenNonces.add(proof.nonce);
      return null;
    }
    return lock.isSet()
      ? 'The trainer tools are locked: give the passcode once under “Run a class” on the game window’s start screen, so that it takes a console’s commands.'
      : null;
  }

  function run(command: Command): void {
    if (command.type === 'undo') notice = undo();
    else if (command.type === 'import') {
      const problem = importLog(command.log);
      const round = app.game?.actor.getSnapshot().context.round;
      notice = problem ?? `The game log was replayed in the game window, to round ${round ?? 0}.`;
    } else {
      send(command.event);
      return;
    }
    changed();
  }

  function carry(command: Command, proof: Proof | null, check: typeof import('./seal.ts') | null): void {
    const refused = refusal(command, proof, check);
    if (refused) {
      notice = refused;
      changed();
    } else run(command);
  }

  const hello = greeter(changed);
  channel?.onMessage((m) => {
    if (m.kind === 'hello') hello();
    else if (m.kind === 'command') {
      // Commands are carried out in the order they came, the first ones once the seal has loaded.
      if (waiting.length === 0 && (sealer || !channelKey)) carry(m.command, m.proof, sealer);
      else {
        waiting.push({ command: m.command, proof: m.proof });
        void loadSealer();
      }
    }
  });

  // The deadline is data in the state; this clock only tells the game the time once it has passed.
  setInterval(() => {
    const g = app.game;
    if (!g) return;
    const s = g.actor.getSnapshot().context;
    if (s.deadline !== null && !s.paused && Date.now() >= s.deadline) send({ type: 'TICK', now: Date.now() });
    refreshBar();
  }, 500);

  // The classroom bar: above the layout, so the app's re-renders never touch it. During a game it holds the
  // round's pacing line and nothing else: the trainer's tools live in the console window (?view=console),
  // whose way in ("Run a class") shows only on the start screen, and behind the passcode once one is set.
  const bar = doc.createElement('aside');
  bar.className = 'classroom-bar';
  bar.setAttribute('aria-label', 'Classroom');
  let locked = false;
  /** The bar draws once the lock's controls exist (they tell it at once whether the tools are locked). */
  let ready = false;
  let lastPaused = false;
  const openWindow = (view: string) => {
    window.open(`${location.pathname}?view=${view}`, `brink-${view}`);
  };
  /** The lock's controls; made anew when a game starts, so that an unlocked entry is locked again for the next game. */
  const lockArea = () =>
    lockControls({
      lock,
      onKey: (key) => {
        channelKey = key;
        keepSessionKey(key);
        changed();
      },
      apply: (isLocked) => {
        locked = isLocked;
        if (ready) refreshBar();
      },
      focusTools: () => bar.querySelector<HTMLElement>('.open-console')?.focus(),
    });
  let lockEl = lockArea();
  let hadGame = false;
  const header = doc.querySelector('.app-header');
  if (header) header.after(bar);
  else doc.body.prepend(bar);
  ready = true;

  /** The trainer's way in, on the start screen only: the console and presenter windows and the lock. */
  function trainerEntry() {
    return html`<details class="trainer-entry"><summary>Run a class</summary>
      <div class="buttons" ?hidden=${locked}>
        <button type="button" class="open-console" @click=${() => openWindow('console')}>Open the facilitator console</button>
        <button type="button" @click=${() => openWindow('presenter')}>Open the presenter view</button>
      </div>
      <p class="hint entry-hint" ?hidden=${locked}>The console opens in a window of its own and follows the game played here: pacing, injects, seats, undo, the presenter view and replaying a game log. It can be opened at any time at <code>${location.pathname}?view=console</code>, also by one person playing alone. Set a passcode before students use this device: the game screen never shows the trainer's tools, and the console asks for the passcode.</p>
      ${lockEl}
    </details>`;
  }

  function refreshBar(): void {
    if (!ready) return;
    const g = app.game;
    if (!!g !== hadGame) {
      hadGame = !!g;
      // A game handed to students: whoever unlocked the entry must give the passcode again after it.
      if (g) lockEl = lockArea();
    }
    const s = g?.actor.getSnapshot().context;
    const playing = !!g && phaseOf(g.actor) === 'orders';
    const pacing = s && playing ? `${pacingLine(s, Date.now())}${notice ? ` ${notice}` : ''}` : '';
    if (!!s?.paused !== lastPaused) {
      lastPaused = !!s?.paused;
      announce(lastPaused ? 'The trainer paused the game.' : 'The game resumed.');
    }
    paint(
      html`<p class="round-status" data-testid="round-status" data-paused=${String(!!s?.paused)}>${pacing}</p>
        ${sealFailed ? html`<p class="seal-status error" role="alert">${sealFailed}</p>` : nothing}
        ${g ? nothing : trainerEntry()}`,
      bar,
    );
  }

  refreshBar();
  current = { log: () => log, send, undo, importLog };
  watch();
  return current;
}

// The shape every panel sees: the running game (if any), the interface's own state, and the
// intents a panel may ask for. Panels never edit game state; they ask the app to send events.
import type { Actor, SnapshotFrom } from 'xstate';
import type { Compiled } from '../sim/compile.ts';
import type { GameEvent } from '../sim/events.ts';
import type { Fork } from '../sim/forks.ts';
import type { GameMachine } from '../sim/machine.ts';
import type { Spot } from '../sim/reach.ts';
import type { PlannerLevel, Seat } from '../sim/types.ts';
import type { CauseNode } from './causes.ts';
import type { BrokenScenario, LoadedScenario } from './scenarios.ts';
import type { SeatChoice } from './seats.ts';

/** A game in progress: its scenario, the compiled lookups and the running actor. */
export interface Game {
  loaded: LoadedScenario;
  c: Compiled;
  actor: Actor<GameMachine>;
}

/** A snapshot of the game machine. */
export type GameSnapshot = SnapshotFrom<GameMachine>;

/** An open "Why?" panel: what is explained, its chains, and the button to return focus to. */
export interface WhyView {
  title: string;
  nodes: CauseNode[];
  returnTo: string;
}

/** State of the start screen, kept across re-renders. */
export interface StartState {
  selected: string | null;
  fromFile: LoadedScenario | null;
  fileProblems: string[];
  seats: Record<string, SeatChoice>;
  /** The strength of each seat played by the planner (seats.ts); 'standard' when absent. */
  levels: Record<string, PlannerLevel>;
  seed: number;
  message: string | null;
  /** A scenario file being read and checked (busy: Start waits), or what its check said. */
  checking: { busy: boolean; text: string; file: string } | null;
  /** The class size a trainer asked a seating for, or null. */
  classSize: number | null;
}

/** The interface's own state (never game state). */
export interface UiState {
  /** 0: the shared briefing; k ≥ 1: the private brief of the k-th human role. */
  briefingStep: number;
  /** The role the device was last handed to (hot-seat). */
  passedTo: string | null;
  /** The role whose orders, the round's last, wait for the computer players' plans (planning.ts). */
  held: string | null;
  why: WhyView | null;
  debrief: boolean;
  /** Whether the last round's news has been read and the ending may show. */
  endingShown: boolean;
  selectedPlace: string | null;
  /** The menu of orders open on a place, badge or country, and a selector of where focus goes back to. */
  placeMenu: { spot: Spot; returnTo: string } | null;
  announcedRound: number;
  start: StartState;
  /** The debrief's forks played in this page, newest first. */
  forks: Fork[];
  /** What the debrief's fork form has chosen so far (null: its first round and role, holding). */
  fork: { round: number; role: string; action: string } | null;
}

/** What panels may read and ask for. */
export interface App {
  game: Game | null;
  ui: UiState;
  catalog: { ok: LoadedScenario[]; broken: BrokenScenario[] };
  /** Re-renders the panel, patching it in place (focus moves only when the screen changes). */
  render(): void;
  /** Sends an event to the game actor. */
  send(event: GameEvent): void;
  /** Starts a new game. */
  start(loaded: LoadedScenario, seats: Record<string, Seat>, seed: number): void;
  /**
   * Resumes a save into a scenario already at hand (bundled, opened from a file, or the one in play);
   * returns an error message or null.
   */
  resume(value: unknown): string | null;
  /**
   * Resumes a stored or imported save, first validating the kept text of its scenario when it was opened
   * from a file in an earlier visit; resolves to an error message or null.
   */
  resumeSave(value: unknown): Promise<string | null>;
  /** Leaves the game and shows the start screen. */
  newGame(): void;
  /** True while this browser refuses to store the game (storage full or off): the save bar says so. */
  saveRefused: boolean;
  /** Tells the player at once that the browser refused to store the game, and offers the export. */
  storageRefused(): void;
  /** Shows the disclaimer of a scenario in the footer. */
  setDisclaimer(text: string): void;
  /** Shows the map of the scenario chosen on the start screen, once the page is idle (none while a game runs). */
  showMap(loaded: LoadedScenario): void;
  /** Opens a "Why?" panel. */
  showWhy(view: WhyView): void;
}

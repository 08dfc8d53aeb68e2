// "Play-test this": the editor hands its text to the game's start screen, which offers it as if opened
// from a file. The text goes through the tab's session storage and a reload with `?playtest`, so the game
// starts from a fresh page exactly as a player's would.
// This side is the game's; the editor's side is handoff.ts. The start screen's own functions are handed in
// rather than imported, so this chunk shares no module with the game's entry: the bundler then keeps that
// entry whole, and the start screen loads what it loaded before (tests/browser/editor.test.ts).
import type { Validation } from '../scenario/load.ts';
import type { LoadedScenario } from '../ui/scenarios.ts';
import type { App } from '../ui/types.ts';
import { PLAYTEST_KEY } from './handoff.ts';

/** What the start screen lends: its validator and how it keys a scenario in its selection. */
export interface StartScreenParts {
  validate: (text: string, file: string) => Promise<Validation>;
  keyOf: (x: LoadedScenario) => string;
}

/** The file name the start screen shows for the edited text. */
const PLAYTEST_FILE = 'edited in the scenario editor';

/** Offers the edited text on the start screen, selected, or says why it cannot be. */
export async function takePlaytest(app: App, win: Window, parts: StartScreenParts): Promise<void> {
  let text: string | null = null;
  try {
    text = win.sessionStorage.getItem(PLAYTEST_KEY);
  } catch {
    text = null;
  }
  const st = app.ui.start;
  if (text === null)
    st.fileProblems = [
      'No edited scenario was handed over: open the editor (?view=editor) and press "Play-test this".',
    ];
  else {
    const v = await parts.validate(text, PLAYTEST_FILE);
    if (!v.ok) st.fileProblems = v.problems;
    else {
      st.fromFile = { scenario: v.scenario, text, file: PLAYTEST_FILE, bundled: false };
      st.selected = parts.keyOf(st.fromFile);
    }
  }
  if (!app.game) app.render();
}

// The editor's side of "play-test this" (the game's side is playtest.ts): the text is kept in the tab's
// session storage and the page reloads as the game with `?playtest`.

/** Where the edited text waits for the game page. */
export const PLAYTEST_KEY = 'brink.playtest';

/** Keeps the text for the game page and goes there; false (and no navigation) when storage is refused. */
export function sendToPlaytest(text: string, win: Window): boolean {
  try {
    win.sessionStorage.setItem(PLAYTEST_KEY, text);
  } catch {
    return false;
  }
  win.location.assign(`${win.location.pathname}?playtest`);
  return true;
}

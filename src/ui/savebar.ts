// Save controls: download the running game as a file, open a save file.
import { saveGame } from '../sim/save.ts';
import { button, el, nextId } from './dom.ts';
import { downloadSave, parseSaveText } from './saves.ts';
import type { App } from './types.ts';

/** A file input that opens a save; a bad file gives a message and changes nothing. */
export function importSaveControl(app: App): HTMLElement {
  const id = nextId('save-file');
  const message = el('p', { class: 'error', role: 'alert', id: `${id}-msg` });
  const input = el('input', { type: 'file', id, accept: '.json,application/json' });
  input.addEventListener('change', async () => {
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseSaveText(await file.text());
    const problem = parsed.ok ? await app.resumeSave(parsed.value) : parsed.message;
    // On success the app shows the game; on failure the message is all that changes.
    if (problem) message.textContent = problem;
    input.value = '';
  });
  return el('div', { class: 'field' }, el('label', { for: id }, 'Open a saved game (.json)'), input, message);
}

/**
 * The save bar shown during a game: download and open. `download` is false on a hot-seat orders
 * screen, where the file would show the next team the orders already given this round.
 */
export function saveBar(app: App, download = true): HTMLElement {
  const game = app.game;
  const exportSave = () => game && downloadSave(saveGame(game.actor, game.loaded.scenario));
  // Nothing claims to save when the browser refuses: the player is told at once, with the way to keep the game.
  const status = app.saveRefused
    ? el(
        'div',
        { class: 'save-refused', role: 'alert' },
        el(
          'p',
          {},
          'This browser refused to save the game (its storage is full or turned off): export the game to keep it.',
        ),
        game && download
          ? button('Export the game (.json)', exportSave, { class: 'primary export-refused' })
          : el(
              'p',
              { class: 'hint' },
              'The export is offered once this round’s orders are in, so no team sees another’s.',
            ),
      )
    : el('p', { class: 'hint' }, 'The game saves itself in this browser after every move.');
  return el(
    'section',
    { class: 'savebar', 'aria-label': 'Saved games' },
    status,
    game && download && !app.saveRefused && button('Download the save (.json)', exportSave),
    importSaveControl(app),
  );
}

// Save controls: download the running game as a file, open a save file.
import { html, nothing, type TemplateResult } from 'lit-html';
import { saveGame } from '../sim/save.ts';
import { downloadSave, parseSaveText } from './saves.ts';
import type { App } from './types.ts';

/** A file input that opens a save; a bad file gives a message and changes nothing. */
export function importSaveControl(app: App): TemplateResult {
  const open = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const message = input.nextElementSibling as HTMLElement;
    const file = input.files?.[0];
    if (!file) return;
    const parsed = parseSaveText(await file.text());
    const problem = parsed.ok ? await app.resumeSave(parsed.value) : parsed.message;
    // On success the app shows the game; on failure the message is all that changes.
    if (problem) message.textContent = problem;
    input.value = '';
  };
  return html`<div class="field">
    <label for="save-file">Open a saved game (.json)</label>
    <input type="file" id="save-file" accept=".json,application/json" @change=${open}><p class="error" role="alert" id="save-file-msg"></p>
  </div>`;
}

/**
 * The save bar shown during a game: download and open. `download` is false on a hot-seat orders
 * screen, where the file would show the next team the orders already given this round.
 */
export function saveBar(app: App, download = true): TemplateResult {
  const game = app.game;
  const exportSave = () => game && downloadSave(saveGame(game.actor, game.loaded.scenario));
  // Nothing claims to save when the browser refuses: the player is told at once, with the way to keep the game.
  const status = app.saveRefused
    ? html`<div class="save-refused" role="alert">
        <p>This browser refused to save the game (its storage is full or turned off): export the game to keep it.</p>
        ${
          game && download
            ? html`<button type="button" class="primary export-refused" @click=${exportSave}>Export the game (.json)</button>`
            : html`<p class="hint">The export is offered once this round’s orders are in, so no team sees another’s.</p>`
        }
      </div>`
    : html`<p class="hint">The game saves itself in this browser after every move.</p>`;
  return html`<section class="savebar" aria-label="Saved games">
    ${status}
    ${
      game && download && !app.saveRefused
        ? html`<button type="button" @click=${exportSave}>Download the save (.json)</button>`
        : nothing
    }
    ${importSaveControl(app)}
  </section>`;
}

// Small helpers shared by the panels. Panels are lit-html templates: text goes in as text, never as HTML.
import { html, type TemplateResult } from 'lit-html';

/** A screen heading that takes focus programmatically (tabindex=-1), so each new screen is announced. */
export function heading(level: 2 | 3, text: string): TemplateResult {
  return level === 2
    ? html`<h2 tabindex="-1" class="screen-heading">${text}</h2>`
    : html`<h3 tabindex="-1" class="screen-heading">${text}</h3>`;
}

let pending: ReturnType<typeof setTimeout> | undefined;

/** Puts a message in the page's ARIA live region; cleared first so a repeat is announced again. */
export function announce(text: string): void {
  const live = document.getElementById('announcer');
  if (!live) return;
  live.textContent = '';
  clearTimeout(pending);
  // A separate task lets screen readers see the change from empty to the message.
  pending = setTimeout(() => {
    live.textContent = text;
  }, 50);
}

/** Empties the live region (a new game: nothing of the last one may still be read out). */
export function silence(): void {
  clearTimeout(pending);
  const live = document.getElementById('announcer');
  if (live) live.textContent = '';
}

/** Offers `text` to the user as a file named `name`. */
export function download(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Formats a signed change: "+3", "−2.5", "0". */
export function signed(n: number): string {
  const r = Math.round(n * 10) / 10;
  if (r > 0) return `+${r}`;
  if (r < 0) return `−${Math.abs(r)}`;
  return '0';
}

/** The form an event came from (a submit or change listener on a form or its controls). */
export function formOf(e: Event): HTMLFormElement {
  const t = e.currentTarget as HTMLElement;
  return (t instanceof HTMLFormElement ? t : t.closest('form')) as HTMLFormElement;
}

// The figure formatting lives in src/sim/text.ts, so that ending texts quote metrics as the meters show them.
export { num } from '../sim/text.ts';

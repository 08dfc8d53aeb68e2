// Tabs that split a long screen into panes (the WAI-ARIA tabs pattern, automatic activation): the
// arrow keys, Home and End move between tabs, and only the chosen pane is shown. Every pane stays in
// the document, so what a player typed or ticked in one pane survives a visit to another.
import { html, type TemplateResult } from 'lit-html';
import { repeat } from 'lit-html/directives/repeat.js';

/** One pane: a stable id (unique on the screen), the tab's label and what the pane holds. */
export interface Pane {
  id: string;
  label: string;
  content: unknown;
}

/**
 * Shows the pane `id` of the tab list `list`. The choice lives in the DOM: the template renders the first
 * pane chosen, always the same values, so lit never writes them again and a re-render keeps the tab; a new
 * screen (built afresh by app.ts) starts on its first tab.
 */
function choose(list: HTMLElement, id: string, focus: boolean): void {
  for (const tab of list.querySelectorAll<HTMLElement>('[role="tab"]')) {
    const on = tab.dataset.tab === id;
    tab.setAttribute('aria-selected', String(on));
    tab.tabIndex = on ? 0 : -1;
    if (on && focus) tab.focus();
  }
  for (const pane of list.parentElement?.querySelectorAll<HTMLElement>(':scope > [role="tabpanel"]') ?? [])
    pane.hidden = pane.id !== `pane-${id}`;
}

const MOVES: Record<string, (i: number, n: number) => number> = {
  ArrowRight: (i, n) => (i + 1) % n,
  ArrowLeft: (i, n) => (i - 1 + n) % n,
  Home: () => 0,
  End: (_i, n) => n - 1,
};

function onKey(e: KeyboardEvent): void {
  const move = MOVES[e.key];
  const list = e.currentTarget as HTMLElement;
  const tabs = [...list.querySelectorAll<HTMLElement>('[role="tab"]')];
  const i = tabs.findIndex((t) => t.getAttribute('aria-selected') === 'true');
  if (!move || tabs.length === 0) return;
  e.preventDefault();
  choose(list, tabs[move(i, tabs.length)]?.dataset.tab ?? '', true);
}

/** A tab list over `panes`, opening on the first. */
export function tabbed(label: string, panes: Pane[]): TemplateResult {
  const pick = (e: Event) => {
    const tab = e.currentTarget as HTMLElement;
    choose(tab.parentElement as HTMLElement, tab.dataset.tab ?? '', false);
  };
  return html`<div class="tabs">
    <div role="tablist" aria-label=${label} class="tablist" @keydown=${onKey}>
      ${repeat(
        panes,
        (p) => p.id,
        (p, i) =>
          html`<button type="button" role="tab" id=${`tab-${p.id}`} aria-controls=${`pane-${p.id}`}
            data-tab=${p.id} aria-selected=${i === 0 ? 'true' : 'false'} tabindex=${i === 0 ? 0 : -1}
            @click=${pick}>${p.label}</button>`,
      )}
    </div>
    ${repeat(
      panes,
      (p) => p.id,
      // In the Tab order itself (WAI-ARIA tabs pattern), for panes that open on plain text, not a control.
      (p, i) =>
        html`<div role="tabpanel" id=${`pane-${p.id}`} aria-labelledby=${`tab-${p.id}`} class="pane"
          tabindex="0" ?hidden=${i !== 0}>${p.content}</div>`,
    )}
  </div>`;
}

// Tabs that split a long screen into panes (the WAI-ARIA tabs pattern, automatic activation): the
// arrow keys, Home and End move between tabs, and only the chosen pane is shown. Every pane stays in
// the document, so what a player typed or ticked in one pane survives a visit to another.
import { button, el } from './dom.ts';
import type { App } from './types.ts';

/** One pane: a stable id (unique on the screen), the tab's label and what the pane holds. */
export interface Pane {
  id: string;
  label: string;
  content: HTMLElement;
}

/**
 * Builds a tab list over `panes`. The chosen pane is remembered in `app.ui.tab`, so a re-render of the
 * same screen keeps it; the app forgets it when the screen changes (next round, next role).
 */
export function tabbed(app: App, label: string, panes: Pane[]): HTMLElement {
  const remembered = app.ui.tab;
  let chosen = panes.some((p) => p.id === remembered) ? (remembered as string) : (panes[0]?.id ?? '');
  const tabs: HTMLButtonElement[] = [];
  const sections: HTMLElement[] = [];

  const show = (id: string, focus: boolean): void => {
    chosen = id;
    app.ui.tab = id;
    panes.forEach((p, i) => {
      const on = p.id === id;
      const tab = tabs[i] as HTMLButtonElement;
      tab.setAttribute('aria-selected', String(on));
      tab.tabIndex = on ? 0 : -1;
      (sections[i] as HTMLElement).hidden = !on;
      if (on && focus) tab.focus();
    });
  };

  const list = el('div', { role: 'tablist', 'aria-label': label, class: 'tablist' });
  for (const p of panes) {
    const tab = button(p.label, () => show(p.id, false), {
      role: 'tab',
      id: `tab-${p.id}`,
      'aria-controls': `pane-${p.id}`,
      'data-tab': p.id,
    });
    tabs.push(tab);
    sections.push(
      el(
        'div',
        // In the Tab order itself (WAI-ARIA tabs pattern), for panes that open on plain text, not a control.
        {
          role: 'tabpanel',
          id: `pane-${p.id}`,
          'aria-labelledby': `tab-${p.id}`,
          class: 'pane',
          tabindex: 0,
        },
        p.content,
      ),
    );
    list.append(tab);
  }
  list.addEventListener('keydown', (e) => {
    const i = panes.findIndex((p) => p.id === chosen);
    const n = panes.length;
    const to =
      e.key === 'ArrowRight'
        ? (i + 1) % n
        : e.key === 'ArrowLeft'
          ? (i - 1 + n) % n
          : e.key === 'Home'
            ? 0
            : e.key === 'End'
              ? n - 1
              : -1;
    if (to < 0) return;
    e.preventDefault();
    show((panes[to] as Pane).id, true);
  });
  show(chosen, false);
  return el('div', { class: 'tabs' }, list, ...sections);
}

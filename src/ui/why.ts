// The "Why?" panel: the chain of causes behind a news item or a change, as nested lists.
import type { CauseNode } from './causes.ts';
import { button, el } from './dom.ts';
import type { App, WhyView } from './types.ts';

function nodeItem(node: CauseNode): HTMLElement {
  return el(
    'li',
    {},
    el('span', {}, node.text),
    node.changed.length > 0 &&
      el('span', { class: 'changed' }, ` Changed: ${node.changed.slice(0, 8).join('; ')}.`),
    node.children.length > 0 &&
      el(
        'ul',
        { 'aria-label': 'Which came after' },
        node.children.map((ch) => nodeItem(ch)),
      ),
  );
}

/** Renders an open "Why?" panel; Close returns focus to the button that opened it. */
export function renderWhy(app: App, view: WhyView): HTMLElement {
  return el(
    'section',
    { class: 'why-panel', 'aria-labelledby': 'why-heading' },
    el('h3', { id: 'why-heading', tabindex: -1 }, `Why: ${view.title}`),
    view.nodes.length === 0
      ? el('p', {}, 'The engine recorded no cause for this.')
      : el(
          'ul',
          { class: 'cause-chain' },
          view.nodes.map((n) => nodeItem(n)),
        ),
    button('Close the explanation', () => {
      app.ui.why = null;
      app.render();
      document.getElementById(view.returnTo)?.focus();
    }),
  );
}

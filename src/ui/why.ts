// The "Why?" panel: the chain of causes behind a news item or a change, as nested lists.
import { html, nothing, type TemplateResult } from 'lit-html';
import type { CauseNode } from './causes.ts';
import type { App, WhyView } from './types.ts';

function nodeItem(node: CauseNode): TemplateResult {
  return html`<li><span>${node.text}</span>${
    node.changed.length > 0
      ? html`<span class="changed"> Changed: ${node.changed.slice(0, 8).join('; ')}.</span>`
      : nothing
  }${
    node.children.length > 0
      ? html`<ul aria-label="Which came after">${node.children.map(nodeItem)}</ul>`
      : nothing
  }</li>`;
}

/** Renders an open "Why?" panel; Close returns focus to the button that opened it. */
export function renderWhy(app: App, view: WhyView): TemplateResult {
  const close = () => {
    app.ui.why = null;
    app.render();
    document.getElementById(view.returnTo)?.focus();
  };
  return html`<section class="why-panel" aria-labelledby="why-heading">
    <h3 id="why-heading" tabindex="-1">Why: ${view.title}</h3>
    ${
      view.nodes.length === 0
        ? html`<p>The engine recorded no cause for this.</p>`
        : html`<ul class="cause-chain">${view.nodes.map(nodeItem)}</ul>`
    }
    <button type="button" @click=${close}>Close the explanation</button>
  </section>`;
}

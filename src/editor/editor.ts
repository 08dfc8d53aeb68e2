// The scenario editor (`?view=editor`): CodeMirror 6 with completion and hover docs from the JSON Schema,
// the project's own validator in a worker placing its messages inline as you type, a balance preview of
// computer games in a second worker, and open, download and play-test. Loaded only on that view.
import {
  autocompletion,
  type Completion,
  type CompletionContext,
  closeBrackets,
  closeBracketsKeymap,
  completionKeymap,
} from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { json } from '@codemirror/lang-json';
import {
  bracketMatching,
  defaultHighlightStyle,
  indentOnInput,
  syntaxHighlighting,
} from '@codemirror/language';
import { type Diagnostic, lintGutter, lintKeymap, setDiagnostics } from '@codemirror/lint';
import { EditorState } from '@codemirror/state';
import {
  drawSelection,
  EditorView,
  highlightActiveLine,
  hoverTooltip,
  keymap,
  lineNumbers,
} from '@codemirror/view';
import { html, render as paint, type TemplateResult } from 'lit-html';
import schemaText from '../../scenarios/scenario.schema.json?raw';
import { reason } from '../errors.ts';
import { type Problem, pathToString } from '../scenario/problem.ts';
import { download as downloadText } from '../ui/dom.ts';
import './editor.css';
import { sendToPlaytest } from './handoff.ts';
import type { Balance, Reply, Request } from './protocol.ts';
import { completeAt, hoverAt, type SchemaNode } from './schema-help.ts';

const schema = JSON.parse(schemaText) as SchemaNode;

/** The bundled scenario files as written (not as validated), each loaded only when opened. */
const bundled = import.meta.glob<string>(
  ['../../scenarios/*.json', '!../../scenarios/scenario.schema.json'],
  {
    query: '?raw',
    import: 'default',
  },
);
const bundledIds = Object.keys(bundled).map((p) => /([^/]+)\.json$/.exec(p)?.[1] ?? p);
const bundledText = (id: string) => bundled[`../../scenarios/${id}.json`]?.();

/** The scenario the editor opens with, unless `?open=ID` names another bundled one. */
const FIRST = 'tutorial';
/**
 * Quiet time after typing before a balance preview starts. Checks need none: one runs at a time, each of the
 * text as it is when it starts, so fast typing queues at most one.
 */
const PREVIEW_AFTER_MS = 1200;

const newWorker = () => new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });

/** A problem as one message: what is wrong, what was expected and found, and a likely fix. */
function problemText(p: Problem): string {
  return [
    p.message,
    p.expected !== undefined ? `expected: ${p.expected}` : '',
    p.found !== undefined ? `found: ${p.found}` : '',
    p.suggestion !== undefined ? `did you mean '${p.suggestion}'?` : '',
  ]
    .filter((x) => x !== '')
    .join('\n');
}

/** Where a problem's line and column fall in the text, spanning the word or string that starts there. */
function rangeOf(state: EditorState, p: Problem): { from: number; to: number } {
  if (p.line < 1 || p.line > state.doc.lines) return { from: 0, to: 0 };
  const line = state.doc.line(p.line);
  const from = Math.min(line.to, line.from + p.column - 1);
  const rest = line.text.slice(from - line.from);
  const token = /^"(?:[^"\\]|\\.)*"|^[^\s,:{}[\]]+/.exec(rest)?.[0] ?? rest.slice(0, 1);
  return { from, to: Math.max(from + token.length, from) };
}

/** Schema completion for CodeMirror: field names and fixed values, filtered on what is typed after a quote. */
function completionSource(ctx: CompletionContext) {
  const text = ctx.state.doc.toString();
  const c = completeAt(schema, text, ctx.pos);
  if (!c || c.options.length === 0) return null;
  const quoted = text[c.from] === '"';
  if (!ctx.explicit && c.from === ctx.pos && !quoted) return null;
  const replace = { from: c.from, to: c.to };
  const options: Completion[] = c.options.map((o) => ({
    label: o.kind === 'value' && o.label.startsWith('"') ? (JSON.parse(o.label) as string) : o.label,
    type: o.kind === 'property' ? 'property' : 'enum',
    ...(o.detail !== undefined ? { detail: o.detail } : {}),
    ...(o.info !== undefined ? { info: o.info } : {}),
    apply: (view: EditorView) => {
      view.dispatch({
        changes: { ...replace, insert: o.apply },
        selection: { anchor: replace.from + o.apply.length },
      });
    },
  }));
  return { from: quoted ? c.from + 1 : c.from, options };
}

/** Hover docs: the field's path and its description from the schema, as text. */
const schemaHover = hoverTooltip((view, pos) => {
  const h = hoverAt(schema, view.state.doc.toString(), pos);
  if (!h) return null;
  return {
    pos,
    create: () => {
      const dom = document.createElement('div');
      dom.className = 'editor-hover';
      paint(html`<code>${pathToString(h.path) || '(top level)'}</code><p>${h.description}</p>`, dom);
      return { dom };
    },
  };
});

/** Mounts the editor in place of the game's map and panel. */
export function mountEditor(doc: Document): void {
  doc.body.classList.add('view-editor');
  doc.title = 'Brink — scenario editor';
  const main = doc.querySelector('main') ?? doc.body;
  main.replaceChildren();
  // The editor's text lives in CodeMirror; around it, one lit template shows the status, the problems and
  // the balance preview, drawn again whenever one of them changes.
  let statusText = 'Loading…';
  let problemItems: TemplateResult[] = [];
  let balance: TemplateResult = html``;
  const codeHost = doc.createElement('div');
  codeHost.className = 'editor-code';
  const say = (text: string) => {
    statusText = text;
    draw();
  };
  const showBalance = (t: TemplateResult) => {
    balance = t;
    draw();
  };
  let seq = 0; // the latest edit
  let checking: number | null = null; // the edit the check worker is on
  let previewTimer: ReturnType<typeof setTimeout> | undefined;

  const view = new EditorView({
    parent: codeHost,
    state: EditorState.create({
      doc: '',
      extensions: [
        lineNumbers(),
        lintGutter(),
        history(),
        drawSelection(),
        indentOnInput(),
        bracketMatching(),
        closeBrackets(),
        highlightActiveLine(),
        syntaxHighlighting(defaultHighlightStyle),
        json(),
        autocompletion({ override: [completionSource] }),
        schemaHover,
        keymap.of([
          ...closeBracketsKeymap,
          ...defaultKeymap,
          ...historyKeymap,
          ...completionKeymap,
          ...lintKeymap,
          indentWithTab,
        ]),
        // An explicit tab stop: assistive checks (axe) do not count contenteditable alone as focusable.
        EditorView.contentAttributes.of({ 'aria-label': 'Scenario JSON', tabindex: '0' }),
        EditorView.updateListener.of((u) => {
          if (u.docChanged) edited();
        }),
      ],
    }),
  });

  // Checks: one at a time, always of the latest text; a check asked for while one runs waits for it.
  const checker = newWorker();
  const check = () => {
    if (checking !== null) return;
    checking = seq;
    checker.postMessage({ kind: 'check', seq, text: view.state.doc.toString() } satisfies Request);
  };
  checker.onmessage = (e: MessageEvent<Reply>) => {
    const r = e.data;
    if (r.kind !== 'checked') return;
    checking = null;
    if (r.seq !== seq) {
      check();
      return;
    }
    showProblems(r.problems, r.notice);
    performance.mark(`editor-checked-${r.seq}`);
  };
  // The validator never throws, but its worker can fail to load (offline, say): say so rather than show
  // "Checking…" for an answer that will not come.
  checker.onerror = (e) => {
    checking = null;
    say(
      `The validator could not run: ${e.message || 'its worker failed to load'}. Reload the page to try again.`,
    );
  };

  // Previews: a newer text ends the games of an older one.
  let previewer: Worker | null = null;
  const preview = () => {
    previewer?.terminate();
    const w = newWorker();
    previewer = w;
    const at = seq;
    showBalance(html`<p class="hint">Playing computer games…</p>`);
    w.onmessage = (e: MessageEvent<Reply>) => {
      const r = e.data;
      if (r.kind !== 'preview' || r.seq !== at) return;
      w.terminate();
      if (previewer === w) previewer = null;
      showBalance(
        'invalid' in r
          ? html`<p class="hint">The preview waits for a scenario without problems.</p>`
          : balanceView(r.balance),
      );
    };
    w.onerror = (e) => {
      showBalance(html`<p class="error">The preview failed: ${e.message}</p>`);
    };
    w.postMessage({ kind: 'preview', seq: at, text: view.state.doc.toString() } satisfies Request);
  };

  function edited(): void {
    seq++;
    performance.mark(`editor-edit-${seq}`);
    say('Checking…');
    check();
    clearTimeout(previewTimer);
    previewTimer = setTimeout(preview, PREVIEW_AFTER_MS);
  }

  function showProblems(problems: Problem[], notice?: string): void {
    const state = view.state;
    const diagnostics: Diagnostic[] = problems.map((p) => ({
      ...rangeOf(state, p),
      severity: 'error',
      source: p.pass === 'meaning' ? 'meaning' : p.pass,
      message: problemText(p),
    }));
    view.dispatch(setDiagnostics(state, diagnostics));
    const verdict =
      problems.length === 0
        ? 'No problems: the validator accepts this scenario.'
        : `${problems.length} problem${problems.length === 1 ? '' : 's'}`;
    // An older format is checked as upgraded: say so (the text stays as written until `validate --migrate`).
    const go = (i: number) => () => {
      const d = diagnostics[i];
      if (!d) return;
      view.dispatch({ selection: { anchor: d.from }, scrollIntoView: true });
      view.focus();
    };
    problemItems = problems.map(
      (p, i) =>
        html`<li><button type="button" @click=${go(i)}><span class="editor-where">${p.line > 0 ? `${p.line}:${p.column}` : 'file'}</span> <code>${p.path || '(top level)'}</code> ${p.message}${p.suggestion !== undefined ? ` (did you mean '${p.suggestion}'?)` : ''}</button></li>`,
    );
    say(notice === undefined ? verdict : `${verdict} This file was ${notice}.`);
  }

  const load = (text: string) => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } });
  };

  // The bar: open a bundled scenario or a file, download, play-test.
  const params = new URLSearchParams(doc.defaultView?.location.search ?? '');
  const first = bundledIds.includes(params.get('open') ?? '') ? (params.get('open') as string) : FIRST;
  const openBundled = async (id: string) => {
    try {
      const text = await bundledText(id);
      if (text === undefined) throw new Error(`no bundled scenario '${id}'`);
      load(text);
    } catch (e) {
      say(`Could not open ${id}: ${reason(e)}`);
    }
  };
  const openFile = async (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (!file) return;
    try {
      load(await file.text());
    } catch (err) {
      say(`Could not read ${file.name}: ${reason(err)}`);
    }
  };
  const download = () => {
    const text = view.state.doc.toString();
    const id = /"id"\s*:\s*"([a-z][a-z0-9-]*)"/.exec(text)?.[1] ?? 'scenario';
    downloadText(`${id}.json`, 'application/json', text);
  };
  const playtest = () => {
    const win = doc.defaultView;
    if (!win || !sendToPlaytest(view.state.doc.toString(), win))
      say(
        'This browser refused to keep the text for the game (storage is off): download it and open the file there.',
      );
  };

  const openPicked = () =>
    void openBundled((doc.getElementById('editor-bundled') as HTMLSelectElement).value);
  function draw(): void {
    paint(
      html`<div class="editor">
        <div class="editor-bar" role="toolbar" aria-label="Scenario">
          <label for="editor-bundled">Bundled scenario </label><select id="editor-bundled">${bundledIds.map(
            (id) => html`<option value=${id} ?selected=${id === first}>${id}</option>`,
          )}</select>
          <button type="button" @click=${openPicked}>Open</button>
          <label for="editor-file">Open a file </label><input type="file" id="editor-file" accept=".json,application/json" @change=${openFile}>
          <button type="button" @click=${download}>Download</button>
          <button type="button" class="primary" @click=${playtest}>Play-test this</button>
        </div>
        <p class="editor-status" role="status">${statusText}</p>
        <div class="editor-main">
          ${codeHost}
          <aside class="editor-side">
            <h2>Problems</h2>
            <ol class="editor-problems" aria-label="Problems">${problemItems}</ol>
            <h2>Balance preview</h2>
            <p class="hint">Computer games of the text as it stands (policies mixed per seat), replayed a moment after you stop typing.</p>
            <div class="editor-balance" aria-live="polite">${balance}</div>
          </aside>
        </div>
      </div>`,
      main,
    );
  }
  draw();
  void openBundled(first);
}

/** The preview's figures: how the games ended, and what never came into play. */
function balanceView(b: Balance): TemplateResult {
  const pct = (n: number) => `${Math.round((100 * n) / Math.max(1, b.games))} %`;
  const list = (what: string, ids: string[]) =>
    html`<p><strong>${what}: </strong>${ids.length === 0 ? 'none' : ids.join(', ')}</p>`;
  return html`<table class="editor-endings">
      <caption>Endings of ${b.games} computer games</caption>
      <tr><th scope="col">ending</th><th scope="col">games</th></tr>
      ${b.endings.map(([id, n]) => html`<tr><td>${id}</td><td>${n} (${pct(n)})</td></tr>`)}
    </table>
    <h3>Never in play</h3>
    ${list('Actions never taken', b.never.actions)}
    ${list('Reactions that never fired', b.never.reactions)}
    ${list('Endings never reached', b.never.endings)}`;
}

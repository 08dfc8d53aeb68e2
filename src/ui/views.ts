// The console and presenter windows: each listens on the classroom channel for the game window's
// states. Neither holds a game of its own; the console sends commands back, the presenter none.
import { html, nothing, render as paint, type TemplateResult } from 'lit-html';
import * as z from 'zod';
import { Scenario } from '../scenario/schema.ts';
import { compile } from '../sim/compile.ts';
import { Id, issueText } from '../sim/events.ts';
import { Phase } from '../sim/phase.ts';
import { ProjectedStateSchema } from '../sim/state-schema.ts';
import { roundDate } from '../sim/text.ts';
import type { NewsItem } from '../sim/types.ts';
import { type Command, type Message, openChannel, Proof, type StateMessage } from './channel.ts';
import { createConsole } from './console.ts';
import { claimsOf, verifiedOf } from './facts.ts';
import { localLock, passcodeForm, type TrainerLock } from './lock.ts';
import { MapView } from './mapview.ts';
import { claimsLine } from './news.ts';
import { newsTag } from './news-groups.ts';
import { pacingLine } from './pacing.ts';
import { open, prove, verify } from './seal.ts';

/** A state message whole, as a view may trust it: any tab can post on the channel, and a forged state must not break the projector. */
const StateMessageSchema = z.strictObject({
  kind: z.literal('state'),
  view: z.enum(['public', 'trainer']),
  scenario: Scenario,
  phase: Phase,
  state: ProjectedStateSchema,
  submitted: z.array(Id).max(1000),
  canUndo: z.boolean(),
  undoes: z.string().max(10_000).nullable(),
  notice: z.string().max(10_000).nullable(),
  proof: Proof.nullish(),
}) satisfies z.ZodType<StateMessage>;

/**
 * Hooks a view to the channel: greets the host, then hands each state of the view it reads (or null, with
 * the host's last notice when it has no game) to `update`. The console reads the trainer's view, sealed
 * once the tools are locked; the presenter the public one, signed once they are locked. A state that is
 * not signed or sealed as the lock asks, or is malformed, is refused, and the window says why above its panel.
 */
function listen(
  doc: Document,
  view: StateMessage['view'],
  update: (m: StateMessage | null, notice?: string | null) => void,
  key: Uint8Array | null = null,
): ReturnType<typeof openChannel> {
  const channel = openChannel();
  const panel = doc.getElementById('panel');
  if (!channel) {
    if (panel)
      paint(html`<p class="error">This browser cannot link windows (no BroadcastChannel).</p>`, panel);
    return null;
  }
  const lock = localLock();
  const seen = new Set<string>();
  let line = doc.querySelector<HTMLElement>('.channel-refused');
  if (!line) {
    line = doc.createElement('p');
    line.className = 'channel-refused error';
    line.setAttribute('role', 'alert');
    line.hidden = true;
    panel?.before(line);
  }
  const shown = line;
  const refuse = (why: string) => {
    shown.textContent = `A state on the classroom channel was refused: ${why}.`;
    shown.hidden = false;
  };
  /** Why a state in the open is not to be taken in this browser, or null. */
  const unsigned = (m: StateMessage): string | null => {
    if (!key)
      return lock.isSet()
        ? 'the trainer tools are locked; open this window again and give the passcode'
        : null;
    if (m.view === 'trainer')
      return 'the trainer’s view comes sealed while the tools are locked, and this one came in the open';
    const { proof: raw, ...signed } = m;
    const proof = Proof.nullish().safeParse(raw);
    if (!proof.success) {
      const bad = proof.error.issues[0];
      return issueText(bad && { ...bad, path: ['proof', ...bad.path] });
    }
    const p = proof.data;
    if (!p || seen.has(p.nonce) || !verify(key, signed, p, 'state'))
      return 'it carries no proof of the trainer’s passcode (the game window signs its states once given the passcode under “Run a class”)';
    seen.add(p.nonce);
    return null;
  };
  channel.onMessage((m: Message) => {
    let raw: unknown;
    if (m.kind === 'state' && m.view === view) {
      const why = unsigned(m);
      if (why) return refuse(why);
      raw = m;
    } else if (m.kind === 'sealed' && key && view === 'trainer') {
      const text = open(key, m.box);
      if (text === null) return refuse('a sealed view this passcode does not open');
      try {
        raw = JSON.parse(text);
      } catch {
        return refuse('a sealed view that is not JSON');
      }
    } else {
      if (m.kind === 'closed') update(null, m.notice);
      return;
    }
    const r = StateMessageSchema.safeParse(raw);
    if (!r.success) return refuse(issueText(r.error.issues[0]));
    if (r.data.view !== view) return;
    shown.hidden = true;
    update(r.data);
  });
  channel.post({ kind: 'hello' });
  return channel;
}

/**
 * Mounts the facilitator console as a window of its own: the trainer's tools, which the game screen never
 * shows. When the trainer tools are locked in this browser, only after the passcode is given.
 */
export function mountConsoleWindow(doc: Document): void {
  doc.body.classList.add('view-console');
  doc.title = 'Brink — facilitator console';
  const panel = doc.getElementById('panel');
  if (!panel) return;
  const lock = localLock();
  if (lock.isSet()) askConsolePasscode(doc, panel, lock);
  else openConsole(doc, panel, lock);
}

/** The console's door while the trainer tools are locked. */
function askConsolePasscode(doc: Document, panel: HTMLElement, lock: TrainerLock): void {
  askPasscode(panel, lock, 'Facilitator console', 'Open the console', (key) =>
    openConsole(doc, panel, lock, key),
  );
}

/** A window's door while the trainer tools are locked: the passcode, then `enter` with the channel's key. */
function askPasscode(
  panel: HTMLElement,
  lock: TrainerLock,
  heading: string,
  action: string,
  enter: (key: Uint8Array) => void,
): void {
  const form = passcodeForm({
    id: 'window-passcode',
    label: 'Trainer passcode',
    action,
    submit: async (code) => {
      const key = await lock.channelKey(code);
      if (!key) return 'That is not the passcode.';
      enter(key);
      return null;
    },
  });
  paint(
    html`<h2 class="screen-heading" tabindex="-1">${heading}</h2><p class="hint">The trainer tools are locked in this browser.</p>${form}`,
    panel,
  );
  panel.querySelector('input')?.focus();
}

/**
 * The console itself, following the game window over the channel (with the lock's key, its commands are
 * signed), and below it the classroom's other tools: the presenter view, replaying a game log, and
 * locking this console again.
 */
function openConsole(
  doc: Document,
  panel: HTMLElement,
  lock: TrainerLock,
  key: Uint8Array | null = null,
): void {
  let channel: ReturnType<typeof openChannel> = null;
  const command = (c: Command) =>
    channel?.post({ kind: 'command', command: c, proof: key ? prove(key, c) : null });
  const view = createConsole(command, 2);
  const tools = doc.createElement('section');
  tools.className = 'console-tools';
  tools.setAttribute('aria-labelledby', 'console-tools-heading');
  /** What became of the last log sent to the game window ('' before any). */
  let note = '';
  let awaiting = false;
  const readLogFile = async (e: Event) => {
    const input = e.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    try {
      command({ type: 'import', log: JSON.parse(await file.text()) as unknown });
      awaiting = true;
      note = `Replaying ${file.name} in the game window…`;
    } catch {
      note = `${file.name} is not JSON.`;
    }
    input.value = '';
    drawTools();
  };
  const lockAgain = () => {
    channel?.close();
    askConsolePasscode(doc, panel, lock);
  };
  const drawTools = () =>
    paint(
      html`<h3 id="console-tools-heading">Presenter, game logs and the lock</h3>
        <div class="buttons">
          <button type="button" class="open-presenter" @click=${() => window.open(`${location.pathname}?view=presenter`, 'brink-presenter')}>Open the presenter view</button>
          ${key ? html`<button type="button" class="lock-console" @click=${lockAgain}>Lock this console</button>` : nothing}
        </div>
        <div class="field"><label for="import-log-file">Replay a game log (.json)</label><input type="file" id="import-log-file" accept=".json,application/json" @change=${readLogFile}></div>
        <p class="hint" role="status">${note}</p>
        <p class="hint">${
          lock.isSet()
            ? 'A passcode guards the trainer tools in this browser: the game screen shows none, and this console asks for it.'
            : 'No passcode is set. Before students use this device, set one under “Run a class” on the game’s start screen: the game screen never shows the trainer tools, and this console will ask for it.'
        }</p>`,
      tools,
    );
  paint(
    html`<p class="hint">This console follows the Brink game open in another window of this browser. Keep that window open.</p>${view.root}${tools}`,
    panel,
  );
  drawTools();
  view.update(null);
  channel = listen(
    doc,
    'trainer',
    (m, notice) => {
      view.update(m);
      // The host's word on the log it was sent: on its next message, with a game or without one.
      if (awaiting && (m || notice)) {
        awaiting = false;
        note = (m ? m.notice : notice) ?? '';
        drawTools();
      }
    },
    key,
  );
  view.root.querySelector<HTMLElement>('.fc-heading')?.focus();
}

/** One public news item: headline, story, its source's tag (historical, simulation, the trainer), claims beside the verified figure. */
function publicNews(m: StateMessage, item: NewsItem, c: ReturnType<typeof compile>): TemplateResult {
  const tag = newsTag(m.state, item);
  return html`<li class="news-item">
    <h4 class="headline">${item.headline}</h4>
    <p class=${tag.cls}>${tag.text}</p>
    ${item.body ? html`<p>${item.body}</p>` : nothing}
    ${claimsLine(claimsOf(c, item), verifiedOf(c, m.state, item))}
  </li>`;
}

/** The presenter's panel for a state (or for none yet). */
function presenterView(m: StateMessage | null, c: ReturnType<typeof compile> | null): TemplateResult {
  if (!m || !c)
    return html`<h2 class="pv-round" tabindex="-1">Waiting for the game…</h2><p class="pv-pacing" aria-live="off"></p><p class="pv-rung"></p><h3>Latest news</h3><div class="pv-news"></div>`;
  const s = m.state;
  const title =
    m.phase === 'briefing'
      ? `${m.scenario.meta.title}: briefing`
      : m.phase === 'ended'
        ? `The game has ended after round ${s.round}`
        : `Round ${s.round} of ${m.scenario.meta.maxRounds}: ${roundDate(c, s.round)}`;
  // The latest two rounds, newest first: what the room needs to see now.
  const recent = s.news.filter((n) => n.round >= Math.max(0, s.round - 1)).reverse();
  return html`<h2 class="pv-round" tabindex="-1">${title}</h2>
    <p class="pv-pacing" aria-live="off">${m.phase === 'orders' ? pacingLine(s, Date.now()) : ''}</p>
    <p class="pv-rung">Escalation ladder: ${c.scenario.ladder[s.rung]?.name ?? s.rung}</p>
    <h3>Latest news</h3>
    <div class="pv-news">${
      recent.length === 0
        ? html`<p class="hint">No news yet.</p>`
        : html`<ul class="news">${recent.map((n) => publicNews(m, n, c))}</ul>`
    }</div>`;
}

/**
 * Mounts the presenter view (the projector): the map, the round, the deadline and the public news.
 * Never private briefs, orders or hidden figures: it reads only public parts of the state.
 */
export function mountPresenter(doc: Document): void {
  doc.body.classList.add('view-presenter');
  doc.title = 'Brink — presenter view';
  const panel = doc.getElementById('panel');
  const mapHost = doc.getElementById('map');
  if (!panel || !mapHost) return;
  // In a locked browser the presenter takes only states the game window signed: it needs the passcode's key.
  const lock = localLock();
  if (lock.isSet())
    askPasscode(panel, lock, 'Presenter view', 'Open the presenter view', (key) =>
      openPresenter(doc, panel, mapHost, key),
    );
  else openPresenter(doc, panel, mapHost, null);
}

/** The presenter itself, following the game window's public states (signed, with `key`, in a locked browser). */
function openPresenter(
  doc: Document,
  panel: HTMLElement,
  mapHost: HTMLElement,
  key: Uint8Array | null,
): void {
  const map = new MapView(mapHost);
  let compiled: { id: string; c: ReturnType<typeof compile> } | null = null;
  let last: StateMessage | null = null;
  const draw = () => paint(presenterView(last, compiled?.c ?? null), panel);
  const update = (m: StateMessage | null) => {
    last = m;
    if (m) {
      const id = `${m.scenario.meta.id}@${m.scenario.meta.version}`;
      if (compiled?.id !== id) {
        compiled = { id, c: compile(m.scenario) };
        map.reset();
        void map.show(m.scenario);
      }
      map.update(compiled.c, m.state);
      panel.dataset.round = String(m.state.round);
      panel.dataset.phase = m.phase;
    }
    draw();
  };
  draw();
  setInterval(() => {
    if (last?.phase === 'orders') draw();
  }, 1000);
  listen(doc, 'public', update, key);
}

// The console and presenter windows: each listens on the classroom channel for the game window's
// states. Neither holds a game of its own; the console sends commands back, the presenter none.
import { Scenario } from '../scenario/schema.ts';
import { compile } from '../sim/compile.ts';
import { ProjectedStateSchema } from '../sim/state-schema.ts';
import { roundDate } from '../sim/text.ts';
import type { NewsItem } from '../sim/types.ts';
import { type Message, openChannel, type StateMessage } from './channel.ts';
import { createConsole, pacingLine } from './console.ts';
import { clear, el } from './dom.ts';
import { claimsOf, verifiedOf } from './facts.ts';
import { localLock, passcodeForm } from './lock.ts';
import { MapView } from './mapview.ts';
import { claimsLine } from './news.ts';
import { open, prove } from './seal.ts';

/**
 * A state message as a view may trust it: its scenario and state parsed (any tab can post on the channel,
 * and a forged state must not break the projector), or null.
 */
function checked(m: StateMessage): StateMessage | null {
  const scenario = Scenario.safeParse(m.scenario);
  const state = ProjectedStateSchema.safeParse(m.state);
  return scenario.success && state.success ? { ...m, scenario: scenario.data, state: state.data } : null;
}

/**
 * Hooks a view to the channel: greets the host, then hands each state of the view it reads (or null) to
 * `update`. The console reads the trainer's view, sealed once the tools are locked; the presenter the public one.
 */
function listen(
  doc: Document,
  view: StateMessage['view'],
  update: (m: StateMessage | null) => void,
  key: Uint8Array | null = null,
): ReturnType<typeof openChannel> {
  const channel = openChannel();
  if (!channel) {
    doc
      .getElementById('panel')
      ?.append(el('p', { class: 'error' }, 'This browser cannot link windows (no BroadcastChannel).'));
    return null;
  }
  channel.onMessage((m: Message) => {
    let state: StateMessage | null = null;
    if (m.kind === 'state' && m.view === view) state = m;
    else if (m.kind === 'sealed' && key && view === 'trainer') {
      const text = open(key, m.box);
      state = text === null ? null : (JSON.parse(text) as StateMessage);
    } else if (m.kind === 'closed') update(null);
    const ok = state && checked(state);
    if (ok) update(ok);
  });
  channel.post({ kind: 'hello' });
  return channel;
}

/**
 * Mounts the facilitator console as a window of its own (the trainer's laptop); when the trainer tools are
 * locked in this browser, only after the passcode is given.
 */
export function mountConsoleWindow(doc: Document): void {
  doc.body.classList.add('view-console');
  doc.title = 'Brink — facilitator console';
  const panel = doc.getElementById('panel');
  if (!panel) return;
  const lock = localLock();
  if (!lock.isSet()) {
    openConsole(doc, panel);
    return;
  }
  const form = passcodeForm({
    label: 'Trainer passcode',
    action: 'Open the console',
    submit: (code) => {
      const key = lock.channelKey(code);
      if (!key) return 'That is not the passcode.';
      openConsole(doc, panel, key);
      return null;
    },
  });
  clear(panel);
  panel.append(
    el('h2', { class: 'screen-heading' }, 'Facilitator console'),
    el('p', { class: 'hint' }, 'The trainer tools are locked in this browser.'),
    form,
  );
  form.querySelector('input')?.focus();
}

/** The console itself, following the game window over the channel; with the lock's key, its commands are signed. */
function openConsole(doc: Document, panel: HTMLElement, key: Uint8Array | null = null): void {
  let channel: ReturnType<typeof openChannel> = null;
  const view = createConsole(
    (command) => channel?.post({ kind: 'command', command, proof: key ? prove(key, command) : null }),
    2,
  );
  clear(panel);
  panel.append(
    el(
      'p',
      { class: 'hint' },
      'This console follows the Brink game open in another window of this browser. Keep that window open.',
    ),
    view.root,
  );
  view.update(null);
  channel = listen(doc, 'trainer', (m) => view.update(m), key);
  view.root.querySelector<HTMLElement>('.fc-heading')?.focus();
}

/** One public news item: headline, story, the Simulation tag, claims beside the verified figure. */
function publicNews(m: StateMessage, item: NewsItem, c: ReturnType<typeof compile>): HTMLElement {
  const claims = claimsOf(c, item);
  const verified = verifiedOf(c, m.state, item);
  return el(
    'li',
    { class: 'news-item' },
    el('h4', { class: 'headline' }, item.headline),
    el('p', { class: item.simulated ? 'tag sim' : 'tag hist' }, item.simulated ? 'Simulation' : 'Historical'),
    item.body && el('p', {}, item.body),
    claimsLine(claims, verified),
  );
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
  const map = new MapView(mapHost);
  let compiled: { key: string; c: ReturnType<typeof compile> } | null = null;
  let last: StateMessage | null = null;
  const heading = el('h2', { class: 'pv-round', tabindex: -1 }, 'Waiting for the game…');
  const pacing = el('p', { class: 'pv-pacing', 'aria-live': 'off' });
  const rung = el('p', { class: 'pv-rung' });
  const news = el('div', { class: 'pv-news' });
  clear(panel);
  panel.append(heading, pacing, rung, el('h3', {}, 'Latest news'), news);

  const update = (m: StateMessage | null) => {
    last = m;
    if (!m) {
      heading.textContent = 'Waiting for the game…';
      news.replaceChildren();
      return;
    }
    const key = `${m.scenario.meta.id}@${m.scenario.meta.version}`;
    if (compiled?.key !== key) {
      compiled = { key, c: compile(m.scenario) };
      map.reset();
      void map.show(m.scenario);
    }
    const c = compiled.c;
    const s = m.state;
    map.update(c, s);
    panel.dataset.round = String(s.round);
    panel.dataset.phase = m.phase;
    heading.textContent =
      m.phase === 'briefing'
        ? `${m.scenario.meta.title}: briefing`
        : m.phase === 'ended'
          ? `The game has ended after round ${s.round}`
          : `Round ${s.round} of ${m.scenario.meta.maxRounds}: ${roundDate(c, s.round)}`;
    rung.textContent = `Escalation ladder: ${c.scenario.ladder[s.rung]?.name ?? s.rung}`;
    pacing.textContent = m.phase === 'orders' ? pacingLine(s, Date.now()) : '';
    // The latest two rounds, newest first: what the room needs to see now.
    const recent = s.news.filter((n) => n.round >= Math.max(0, s.round - 1)).reverse();
    news.replaceChildren(
      recent.length === 0
        ? el('p', { class: 'hint' }, 'No news yet.')
        : el(
            'ul',
            { class: 'news' },
            recent.map((n) => publicNews(m, n, c)),
          ),
    );
  };
  setInterval(() => {
    if (last?.phase === 'orders') pacing.textContent = pacingLine(last.state, Date.now());
  }, 1000);
  listen(doc, 'public', update);
}

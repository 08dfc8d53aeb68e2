// The facilitator's console: pacing (pause, deadline), every role's orders as they arrive, seats,
// injects with a preview, and undo. It only reads states and sends commands, so the same console
// works inside the game window (single screen) and in a window of its own (over the channel).
import type { Effect } from '../scenario/schema.ts';
import { type Compiled, compile } from '../sim/compile.ts';
import type { CustomInject } from '../sim/events.ts';
import { previewInject } from '../sim/preview.ts';
import type { GameState, PolicyName, Seat } from '../sim/types.ts';
import { describeChange, nameOf } from './causes.ts';
import type { Command, StateMessage } from './channel.ts';
import { el, nextId } from './dom.ts';

const SEAT_CHOICES: { value: 'person' | PolicyName; label: string }[] = [
  { value: 'person', label: 'A person' },
  { value: 'tit-for-tat', label: 'Computer: tit-for-tat' },
  { value: 'hawk', label: 'Computer: hawk' },
  { value: 'dove', label: 'Computer: dove' },
];

/** Time left before a deadline, as "m:ss" (or "0:00" once passed). */
export function timeLeft(deadline: number, now: number): string {
  const secs = Math.max(0, Math.ceil((deadline - now) / 1000));
  return `${Math.floor(secs / 60)}:${String(secs % 60).padStart(2, '0')}`;
}

/** One line on pacing: paused, the deadline's countdown, or no deadline. */
export function pacingLine(s: GameState, now: number): string {
  if (s.paused) return 'Paused by the trainer: orders wait until the game resumes.';
  if (s.deadline !== null) return `Time left for this round's orders: ${timeLeft(s.deadline, now)}`;
  return 'No deadline for this round.';
}

/** A role's orders in words. */
function ordersText(c: Compiled, s: GameState, role: string): string {
  const seat = s.seats[role];
  if (seat?.by === 'computer') return `Computer player (${seat.policy}): chooses at resolution`;
  const given = s.orders[role];
  if (given === undefined) return 'Not yet submitted';
  if (given.length === 0) return 'Submitted: hold (no action)';
  return `Submitted: ${given
    .map((o) => `${c.actions.get(o.action)?.name ?? o.action}${o.target ? ` → ${nameOf(c, o.target)}` : ''}`)
    .join('; ')}`;
}

/** The interactive console; `update` refreshes it from each state without losing what is typed. */
export interface ConsoleView {
  root: HTMLElement;
  update(message: StateMessage | null): void;
}

/** Builds the console; every control sends a command through `send`. */
export function createConsole(send: (command: Command) => void, headingLevel: 2 | 3 = 2): ConsoleView {
  let msg: StateMessage | null = null;
  let c: Compiled | null = null;
  let compiledFor = '';
  const event = (e: Extract<Command, { type: 'send' }>['event']) => send({ type: 'send', event: e });

  const status = el('p', { class: 'fc-status', 'data-testid': 'fc-status' }, 'Waiting for a game…');
  const pacing = el('p', { class: 'fc-pacing' });
  const notice = el('p', { class: 'fc-notice', role: 'status' });

  // Pacing.
  const pauseBtn = el('button', { type: 'button', class: 'fc-pause' }, 'Pause');
  pauseBtn.addEventListener('click', () => {
    const s = msg?.state;
    if (!s) return;
    // The engine gives the time spent paused back to the round's deadline.
    event({ type: s.paused ? 'RESUME' : 'PAUSE', now: Date.now() });
  });
  const minutesId = nextId('fc-minutes');
  const minutes = el('input', {
    type: 'number',
    id: minutesId,
    min: 0.5,
    step: 0.5,
    value: 5,
    class: 'fc-minutes',
  });
  const setDeadline = el('button', { type: 'button' }, 'Set the deadline');
  setDeadline.addEventListener('click', () => {
    const m = Number(minutes.value);
    if (!(m > 0)) return;
    event({ type: 'SET_DEADLINE', at: Date.now() + m * 60_000 });
  });
  const extend = el('button', { type: 'button', class: 'fc-extend' }, 'Extend by 1 minute');
  extend.addEventListener('click', () => {
    const d = msg?.state.deadline;
    if (d !== null && d !== undefined) event({ type: 'SET_DEADLINE', at: Math.max(d, Date.now()) + 60_000 });
  });
  const clearDeadline = el('button', { type: 'button' }, 'Remove the deadline');
  clearDeadline.addEventListener('click', () => event({ type: 'SET_DEADLINE', at: null }));
  const undo = el('button', { type: 'button', class: 'fc-undo' }, 'Undo the last round');
  undo.addEventListener('click', () => send({ type: 'undo' }));
  // What undo would take back, before it is pressed (seat changes included).
  const undoes = el('p', { class: 'hint fc-undoes', 'data-testid': 'fc-undoes' });

  // Orders and seats.
  const ordersBody = el('tbody');
  const ordersTable = el(
    'table',
    { class: 'fc-orders' },
    el('caption', {}, 'Orders this round'),
    el('thead', {}, el('tr', {}, el('th', { scope: 'col' }, 'Role'), el('th', { scope: 'col' }, 'Orders'))),
    ordersBody,
  );
  const seatsBox = el('div', { class: 'fc-seats' });

  // Injects from the scenario.
  const injectId = nextId('fc-inject');
  const injectSelect = el('select', { id: injectId, class: 'fc-inject-select' });
  const injectDesc = el('p', { class: 'hint' });
  injectSelect.addEventListener('change', () => {
    injectDesc.textContent = c?.scenario.injects.find((i) => i.id === injectSelect.value)?.description ?? '';
  });
  const preview = el('div', { class: 'fc-preview', 'aria-live': 'polite' });
  const showPreview = (inject: string | CustomInject) => {
    const s = msg?.state;
    if (!c || !s) return;
    const p = previewInject(c, s, inject);
    if (!p) return;
    const cc = c;
    preview.replaceChildren(
      el('h4', {}, `Preview (against round ${s.round} as it stands)`),
      el('p', {}, p.news.length > 0 ? `News: “${p.news.map((n) => n.headline).join('”, “')}”` : 'No news.'),
      p.changes.length > 0
        ? el(
            'ul',
            { class: 'fc-preview-changes' },
            p.changes.map((ch) => el('li', {}, describeChange(cc, ch))),
          )
        : el('p', {}, 'It would change no meter.'),
      el(
        'p',
        { class: 'hint' },
        'Random draws in an inject are the game’s next draws, so sending it now does exactly this.',
      ),
    );
  };
  const previewBtn = el('button', { type: 'button', class: 'fc-preview-inject' }, 'Preview');
  previewBtn.addEventListener('click', () => showPreview(injectSelect.value));
  const sendBtn = el('button', { type: 'button', class: 'fc-send-inject' }, 'Send the inject');
  sendBtn.addEventListener('click', () => {
    if (!injectSelect.value) return;
    event({ type: 'INJECT', inject: injectSelect.value });
    preview.replaceChildren();
  });

  // An inject written on the spot: a headline and up to three metric changes, and the ladder.
  const headlineId = nextId('fc-headline');
  const headline = el('input', { type: 'text', id: headlineId, maxlength: 200, class: 'fc-headline' });
  const bodyId = nextId('fc-body');
  const body = el('textarea', { id: bodyId, rows: 2, class: 'fc-body' });
  const effectRows = [0, 1, 2].map((i) => {
    const mid = nextId('fc-metric');
    const aid = nextId('fc-add');
    const metric = el('select', { id: mid, class: 'fc-effect-metric' });
    const add = el('input', { type: 'number', id: aid, step: 1, value: 0, class: 'fc-effect-add' });
    const row = el(
      'div',
      { class: 'fc-effect' },
      el('label', { for: mid }, `Meter ${i + 1}`),
      metric,
      el('label', { for: aid }, `Change ${i + 1}`),
      add,
    );
    return { metric, add, row };
  });
  const rungId = nextId('fc-rung');
  const rung = el(
    'select',
    { id: rungId },
    el('option', { value: '' }, 'No change'),
    el('option', { value: 'up' }, 'One rung up'),
    el('option', { value: 'down' }, 'One rung down'),
  );
  const customError = el('p', { class: 'error', role: 'alert' });
  const custom = (): CustomInject | null => {
    // Braces would read as template placeholders: the trainer's text is taken literally.
    const h = headline.value.replace(/[{}]/g, '').trim();
    if (!h) {
      customError.textContent = 'Write a headline for the inject.';
      return null;
    }
    customError.textContent = '';
    const effects: Effect[] = [];
    for (const r of effectRows) {
      const add = Number(r.add.value);
      if (r.metric.value && Number.isFinite(add) && add !== 0) effects.push({ metric: r.metric.value, add });
    }
    if (rung.value === 'up' || rung.value === 'down') effects.push({ rung: rung.value });
    const b = body.value.replace(/[{}]/g, '').trim();
    const count = msg?.state.causes.filter((x) => x.kind === 'inject').length ?? 0;
    return {
      id: `trainer-${count + 1}`,
      effects,
      news: b ? { headline: h, body: b } : { headline: h },
      map: [],
    };
  };
  const customPreview = el('button', { type: 'button', class: 'fc-preview-custom' }, 'Preview');
  customPreview.addEventListener('click', () => {
    const inj = custom();
    if (inj) showPreview(inj);
  });
  const customSend = el('button', { type: 'button', class: 'fc-send-custom' }, 'Send this inject');
  customSend.addEventListener('click', () => {
    const inj = custom();
    if (!inj) return;
    event({ type: 'INJECT', inject: inj });
    preview.replaceChildren();
  });
  const delivered = el('div', { class: 'fc-delivered' });

  const h = headingLevel === 2 ? 'h2' : 'h3';
  const sub = headingLevel === 2 ? 'h3' : 'h4';
  const root = el(
    'section',
    { class: 'facilitator', 'aria-label': 'Facilitator console' },
    el(h, { class: 'fc-heading', tabindex: -1 }, 'Facilitator console'),
    status,
    pacing,
    notice,
    el(
      'fieldset',
      { class: 'fc-pacing-controls' },
      el('legend', {}, 'Pacing'),
      pauseBtn,
      el('div', { class: 'field' }, el('label', { for: minutesId }, 'Minutes for this round'), minutes),
      setDeadline,
      extend,
      clearDeadline,
      undo,
      undoes,
    ),
    ordersTable,
    el('fieldset', {}, el('legend', {}, 'Who plays each role'), seatsBox),
    el(
      'fieldset',
      { class: 'fc-injects' },
      el('legend', {}, 'Deliver an inject from the scenario'),
      el('label', { for: injectId }, 'Inject'),
      injectSelect,
      injectDesc,
      previewBtn,
      sendBtn,
    ),
    el(
      'fieldset',
      { class: 'fc-custom' },
      el('legend', {}, 'Write an inject'),
      el('div', { class: 'field' }, el('label', { for: headlineId }, 'Headline'), headline),
      el('div', { class: 'field' }, el('label', { for: bodyId }, 'Story (optional)'), body),
      effectRows.map((r) => r.row),
      el('div', { class: 'field' }, el('label', { for: rungId }, 'Escalation ladder'), rung),
      customError,
      customPreview,
      customSend,
    ),
    preview,
    el(sub, {}, 'Injects delivered'),
    delivered,
  );

  function refreshLists(cc: Compiled): void {
    injectSelect.replaceChildren(...cc.scenario.injects.map((i) => el('option', { value: i.id }, i.name)));
    injectDesc.textContent = cc.scenario.injects[0]?.description ?? '';
    for (const r of effectRows)
      r.metric.replaceChildren(
        el('option', { value: '' }, '(none)'),
        ...cc.scenario.metrics.map((m) => el('option', { value: m.id }, m.name)),
      );
  }

  function tick(): void {
    if (msg) pacing.textContent = pacingLine(msg.state, Date.now());
  }
  setInterval(tick, 1000);

  return {
    root,
    update(message) {
      msg = message;
      if (!message) {
        status.textContent = 'Waiting for a game: start one in the game window.';
        return;
      }
      const s = message.state;
      const key = `${message.scenario.meta.id}@${message.scenario.meta.version}`;
      if (!c || compiledFor !== key) {
        c = compile(message.scenario);
        compiledFor = key;
        refreshLists(c);
      }
      const cc = c;
      const phaseText = {
        briefing: 'briefing',
        orders: 'orders being given',
        report: 'round resolved',
        ended: 'game over',
      }[message.phase];
      status.textContent = `Round ${s.round} of ${cc.scenario.meta.maxRounds}: ${phaseText}. Seed ${s.seed}.`;
      root.dataset.phase = message.phase;
      root.dataset.round = String(s.round);
      root.dataset.paused = String(s.paused);
      notice.textContent = message.notice ?? '';
      tick();
      const inOrders = message.phase === 'orders';
      pauseBtn.textContent = s.paused ? 'Resume' : 'Pause';
      pauseBtn.setAttribute('aria-pressed', String(s.paused));
      for (const b of [pauseBtn, setDeadline, clearDeadline]) b.disabled = !inOrders;
      extend.disabled = !inOrders || s.deadline === null;
      undo.disabled = !message.canUndo || s.round < 1 || message.phase === 'briefing';
      undoes.textContent = undo.disabled ? '' : (message.undoes ?? '');
      const injectable = inOrders || message.phase === 'report';
      for (const b of [sendBtn, customSend]) b.disabled = !injectable;
      ordersBody.replaceChildren(
        ...cc.playable.map((role) =>
          el(
            'tr',
            { 'data-role': role },
            el('th', { scope: 'row' }, nameOf(cc, role)),
            el('td', {}, message.phase === 'orders' ? ordersText(cc, s, role) : '—'),
          ),
        ),
      );
      seatsBox.replaceChildren(
        ...cc.playable.map((role) => {
          const id = nextId('fc-seat');
          const seat = s.seats[role];
          const select = el(
            'select',
            { id, 'data-seat': role },
            SEAT_CHOICES.map((x) => el('option', { value: x.value }, x.label)),
          );
          select.value = seat?.by === 'person' ? 'person' : (seat?.policy ?? 'tit-for-tat');
          select.disabled = message.phase === 'ended';
          select.addEventListener('change', () => {
            const v = select.value as 'person' | PolicyName;
            const next: Seat =
              v === 'person'
                ? { by: 'person', policy: seat?.policy ?? 'tit-for-tat' }
                : { by: 'computer', policy: v };
            event({ type: 'SET_SEAT', actor: role, seat: next });
          });
          return el(
            'div',
            { class: 'field' },
            el('label', { for: id }, `Who plays ${nameOf(cc, role)}`),
            select,
          );
        }),
      );
      const injects = s.causes.filter((x) => x.kind === 'inject');
      delivered.replaceChildren(
        injects.length === 0
          ? el('p', { class: 'hint' }, 'None yet.')
          : el(
              'ol',
              {},
              injects.map((x) =>
                el(
                  'li',
                  { 'data-inject-cause': x.id },
                  `Round ${x.round}: ${s.news.find((n) => n.cause === x.id)?.headline ?? x.ref}`,
                  el(
                    'ul',
                    { class: 'fc-delivered-changes' },
                    s.changes
                      .filter((ch) => ch.cause === x.id)
                      .map((ch) => el('li', {}, describeChange(cc, ch))),
                  ),
                ),
              ),
            ),
      );
    },
  };
}

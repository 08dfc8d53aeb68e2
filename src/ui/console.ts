// The facilitator's console: pacing (pause, deadline), every role's orders as they arrive, seats,
// injects with a preview, and undo. It only reads states and sends commands, so the same console
// works inside the game window (single screen) and in a window of its own (over the channel). It is one
// lit template, patched in place on every state, so what the trainer is typing and where the keyboard is stay.
import { html, nothing, render as paint, type TemplateResult } from 'lit-html';
import type { Effect } from '../scenario/schema.ts';
import { type Compiled, compile } from '../sim/compile.ts';
import type { CustomInject } from '../sim/events.ts';
import { previewInject } from '../sim/preview.ts';
import type { Change, GameState, NewsItem, Order, Seat } from '../sim/types.ts';
import { describeChange, nameOf } from './causes.ts';
import type { Command, StateMessage } from './channel.ts';
import { pacingLine } from './pacing.ts';
import { seatControls } from './seats.ts';

/** Orders in words: each action and its target. */
function ordersWords(c: Compiled, orders: readonly Order[]): string {
  if (orders.length === 0) return 'hold (no action)';
  return orders
    .map((o) => `${c.actions.get(o.action)?.name ?? o.action}${o.target ? ` → ${nameOf(c, o.target)}` : ''}`)
    .join('; ');
}

/** Who plays a computer seat, in words: its character, and a planner's strength. */
function playerWords(seat: Seat): string {
  return seat.policy === 'planner' ? `planner, ${seat.level ?? 'standard'}` : seat.policy;
}

/** A role's orders in words while they are given; a planner seat's plan and its reason once it has one. */
function ordersText(c: Compiled, s: GameState, role: string): string {
  const seat = s.seats[role];
  if (seat?.by === 'computer') {
    const planned = s.planned?.[role];
    if (planned)
      return `Computer player (${playerWords(seat)}) plans: ${ordersWords(c, planned.orders)}. ${planned.reason}`;
    return seat.policy === 'planner'
      ? `Computer player (${playerWords(seat)}): planning…`
      : `Computer player (${playerWords(seat)}): chooses at resolution`;
  }
  const given = s.orders[role];
  if (given === undefined) return 'Not yet submitted';
  return `Submitted: ${ordersWords(c, given)}`;
}

/** What a computer seat did in the round just resolved, and the reason it gave (a planner's plan, or its acts'). */
function tookText(c: Compiled, s: GameState, role: string): string {
  const seat = s.seats[role];
  if (seat?.by !== 'computer') return '—';
  const acts = s.causes.filter((x) => x.kind === 'action' && x.round === s.round && x.actor === role);
  const planned = s.planned?.[role];
  const orders =
    planned?.orders ?? acts.map((x) => ({ action: x.ref, ...(x.target ? { target: x.target } : {}) }));
  const why = planned?.reason ?? [...new Set(acts.flatMap((x) => (x.reason ? [x.reason] : [])))].join(' ');
  return `Computer player (${playerWords(seat)}) took: ${ordersWords(c, orders)}.${why ? ` ${why}` : ''}`;
}

/** The interactive console; `update` refreshes it from each state without losing what is typed. */
export interface ConsoleView {
  root: HTMLElement;
  update(message: StateMessage | null): void;
}

/** What an inject would do, shown before it is sent. */
interface Preview {
  round: number;
  news: NewsItem[];
  changes: Change[];
}

const PHASE_WORDS = {
  briefing: 'briefing',
  orders: 'orders being given',
  report: 'round resolved',
  ended: 'game over',
} as const;

/** Builds the console; every control sends a command through `send`. */
export function createConsole(send: (command: Command) => void, headingLevel: 2 | 3 = 2): ConsoleView {
  let msg: StateMessage | null = null;
  let c: Compiled | null = null;
  let compiledFor = '';
  let preview: Preview | null = null;
  let customError = '';
  let injectChosen = '';
  const root = document.createElement('section');
  root.className = 'facilitator';
  root.setAttribute('aria-label', 'Facilitator console');
  const event = (e: Extract<Command, { type: 'send' }>['event']) => send({ type: 'send', event: e });
  const field = <T extends HTMLElement>(selector: string) => root.querySelector(selector) as T;
  const draw = () => paint(view(), root);

  const togglePause = () => {
    const s = msg?.state;
    // The engine gives the time spent paused back to the round's deadline.
    if (s) event({ type: s.paused ? 'RESUME' : 'PAUSE', now: Date.now() });
  };
  const setDeadline = () => {
    const m = Number(field<HTMLInputElement>('.fc-minutes').value);
    if (m > 0) event({ type: 'SET_DEADLINE', at: Date.now() + m * 60_000 });
  };
  const extend = () => {
    const d = msg?.state.deadline;
    if (d !== null && d !== undefined) event({ type: 'SET_DEADLINE', at: Math.max(d, Date.now()) + 60_000 });
  };
  const showPreview = (inject: string | CustomInject) => {
    const s = msg?.state;
    if (!c || !s) return;
    const p = previewInject(c, s, inject);
    if (!p) return;
    preview = { round: s.round, news: p.news, changes: p.changes };
    draw();
  };
  const sendInject = (inject: string | CustomInject) => {
    event({ type: 'INJECT', inject });
    preview = null;
    draw();
  };
  const chosenInject = () => field<HTMLSelectElement>('.fc-inject-select').value;

  // An inject written on the spot: a headline and up to three metric changes, and the ladder.
  const custom = (): CustomInject | null => {
    // Braces would read as template placeholders: the trainer's text is taken literally.
    const h = field<HTMLInputElement>('.fc-headline').value.replace(/[{}]/g, '').trim();
    customError = h ? '' : 'Write a headline for the inject.';
    draw();
    if (!h) return null;
    const effects: Effect[] = [];
    for (const row of root.querySelectorAll('.fc-effect')) {
      const metric = (row.querySelector('.fc-effect-metric') as HTMLSelectElement).value;
      const add = Number((row.querySelector('.fc-effect-add') as HTMLInputElement).value);
      if (metric && Number.isFinite(add) && add !== 0) effects.push({ metric, add });
    }
    const rung = field<HTMLSelectElement>('#fc-rung').value;
    if (rung === 'up' || rung === 'down') effects.push({ rung });
    const b = field<HTMLTextAreaElement>('.fc-body').value.replace(/[{}]/g, '').trim();
    const count = msg?.state.causes.filter((x) => x.kind === 'inject').length ?? 0;
    return {
      id: `trainer-${count + 1}`,
      effects,
      news: b ? { headline: h, body: b } : { headline: h },
      map: [],
    };
  };
  const withCustom = (then: (inject: CustomInject) => void) => () => {
    const inj = custom();
    if (inj) then(inj);
  };

  function previewView(cc: Compiled): TemplateResult | typeof nothing {
    if (!preview) return nothing;
    return html`<h4>Preview (against round ${preview.round} as it stands)</h4>
      <p>${preview.news.length > 0 ? `News: “${preview.news.map((n) => n.headline).join('”, “')}”` : 'No news.'}</p>
      ${
        preview.changes.length > 0
          ? html`<ul class="fc-preview-changes">${preview.changes.map((ch) => html`<li>${describeChange(cc, ch)}</li>`)}</ul>`
          : html`<p>It would change no meter.</p>`
      }
      <p class="hint">Random draws in an inject are the game’s next draws, so sending it now does exactly this.</p>`;
  }

  function seatsView(cc: Compiled, m: StateMessage): TemplateResult[] {
    return cc.playable.map((role) =>
      seatControls({
        prefix: 'fc',
        role,
        name: nameOf(cc, role),
        seat: m.state.seats[role],
        disabled: m.phase === 'ended',
        set: (seat) => event({ type: 'SET_SEAT', actor: role, seat }),
      }),
    );
  }

  function deliveredView(cc: Compiled, s: GameState): TemplateResult {
    const injects = s.causes.filter((x) => x.kind === 'inject');
    if (injects.length === 0) return html`<p class="hint">None yet.</p>`;
    return html`<ol>${injects.map(
      (x) =>
        html`<li data-inject-cause=${x.id}>Round ${x.round}: ${s.news.find((n) => n.cause === x.id)?.headline ?? x.ref}<ul class="fc-delivered-changes">${s.changes
          .filter((ch) => ch.cause === x.id)
          .map((ch) => html`<li>${describeChange(cc, ch)}</li>`)}</ul></li>`,
    )}</ol>`;
  }

  function view(): TemplateResult {
    const m = msg;
    const cc = c;
    const s = m?.state;
    const inOrders = m?.phase === 'orders';
    const undoOff = !m?.canUndo || (s?.round ?? 0) < 1 || m?.phase === 'briefing';
    const injectable = inOrders || m?.phase === 'report';
    const injects = cc?.scenario.injects ?? [];
    const description = (injects.find((i) => i.id === injectChosen) ?? injects[0])?.description ?? '';
    const metrics = cc?.scenario.metrics ?? [];
    const title = 'Facilitator console';
    return html`${headingLevel === 2 ? html`<h2 class="fc-heading" tabindex="-1">${title}</h2>` : html`<h3 class="fc-heading" tabindex="-1">${title}</h3>`}
      <p class="fc-status" data-testid="fc-status">${
        m && s && cc
          ? `Round ${s.round} of ${cc.scenario.meta.maxRounds}: ${PHASE_WORDS[m.phase]}. Seed ${s.seed}.`
          : 'Waiting for a game: start one in the game window.'
      }</p>
      <p class="fc-pacing">${s ? pacingLine(s, Date.now()) : ''}</p>
      <p class="fc-notice" role="status">${m?.notice ?? ''}</p>
      <fieldset class="fc-pacing-controls">
        <legend>Pacing</legend>
        <button type="button" class="fc-pause" aria-pressed=${String(!!s?.paused)} ?disabled=${!inOrders} @click=${togglePause}>${s?.paused ? 'Resume' : 'Pause'}</button>
        <div class="field"><label for="fc-minutes">Minutes for this round</label><input type="number" id="fc-minutes" min="0.5" step="0.5" value="5" class="fc-minutes"></div>
        <button type="button" ?disabled=${!inOrders} @click=${setDeadline}>Set the deadline</button>
        <button type="button" class="fc-extend" ?disabled=${!inOrders || s?.deadline === null} @click=${extend}>Extend by 1 minute</button>
        <button type="button" ?disabled=${!inOrders} @click=${() => event({ type: 'SET_DEADLINE', at: null })}>Remove the deadline</button>
        <button type="button" class="fc-undo" ?disabled=${undoOff} @click=${() => send({ type: 'undo' })}>Undo the last round</button>
        <p class="hint fc-undoes" data-testid="fc-undoes">${undoOff ? '' : (m?.undoes ?? '')}</p>
      </fieldset>
      <table class="fc-orders">
        <caption>Orders this round</caption>
        <thead><tr><th scope="col">Role</th><th scope="col">Orders</th></tr></thead>
        <tbody>${
          cc && s
            ? cc.playable.map(
                (role) =>
                  html`<tr data-role=${role}><th scope="row">${nameOf(cc, role)}</th><td>${inOrders ? ordersText(cc, s, role) : m?.phase === 'report' ? tookText(cc, s, role) : '—'}</td></tr>`,
              )
            : nothing
        }</tbody>
      </table>
      <fieldset><legend>Who plays each role</legend><div class="fc-seats">${cc && m ? seatsView(cc, m) : nothing}</div></fieldset>
      <fieldset class="fc-injects">
        <legend>Deliver an inject from the scenario</legend>
        <label for="fc-inject">Inject</label><select id="fc-inject" class="fc-inject-select" @change=${() => {
          injectChosen = chosenInject();
          draw();
        }}>${injects.map((i) => html`<option value=${i.id}>${i.name}</option>`)}</select>
        <p class="hint">${description}</p>
        <button type="button" class="fc-preview-inject" @click=${() => showPreview(chosenInject())}>Preview</button>
        <button type="button" class="fc-send-inject" ?disabled=${!injectable} @click=${() => chosenInject() && sendInject(chosenInject())}>Send the inject</button>
      </fieldset>
      <fieldset class="fc-custom">
        <legend>Write an inject</legend>
        <div class="field"><label for="fc-headline">Headline</label><input type="text" id="fc-headline" maxlength="200" class="fc-headline"></div>
        <div class="field"><label for="fc-body">Story (optional)</label><textarea id="fc-body" rows="2" class="fc-body"></textarea></div>
        ${[1, 2, 3].map(
          (i) =>
            html`<div class="fc-effect"><label for=${`fc-metric-${i}`}>Meter ${i}</label><select id=${`fc-metric-${i}`} class="fc-effect-metric"><option value="">(none)</option>${metrics.map(
              (x) => html`<option value=${x.id}>${x.name}</option>`,
            )}</select><label for=${`fc-add-${i}`}>Change ${i}</label><input type="number" id=${`fc-add-${i}`} step="1" value="0" class="fc-effect-add"></div>`,
        )}
        <div class="field"><label for="fc-rung">Escalation ladder</label><select id="fc-rung">
          <option value="">No change</option><option value="up">One rung up</option><option value="down">One rung down</option>
        </select></div>
        <p class="error" role="alert">${customError}</p>
        <button type="button" class="fc-preview-custom" @click=${withCustom(showPreview)}>Preview</button>
        <button type="button" class="fc-send-custom" ?disabled=${!injectable} @click=${withCustom(sendInject)}>Send this inject</button>
      </fieldset>
      <div class="fc-preview" aria-live="polite">${cc ? previewView(cc) : nothing}</div>
      ${headingLevel === 2 ? html`<h3>Injects delivered</h3>` : html`<h4>Injects delivered</h4>`}
      <div class="fc-delivered">${cc && s ? deliveredView(cc, s) : nothing}</div>`;
  }

  // The countdown moves every second, between states.
  setInterval(() => {
    if (msg) draw();
  }, 1000);
  draw();

  return {
    root,
    update(message) {
      msg = message;
      if (message) {
        const key = `${message.scenario.meta.id}@${message.scenario.meta.version}`;
        if (!c || compiledFor !== key) {
          c = compile(message.scenario);
          compiledFor = key;
        }
        root.dataset.phase = message.phase;
        root.dataset.round = String(message.state.round);
        root.dataset.paused = String(message.state.paused);
      }
      draw();
    },
  };
}

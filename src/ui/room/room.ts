// The networked classroom's screens (`?view=room`): the trainer creates a room; students open its link
// (`?room=CODE`) or type the code, give a name and take a role; the trainer's console and the presenter
// (`?room=CODE&key=KEY`) are clients of the same room. Every screen is drawn from the room's last view
// (what the server sent this client) with lit-html, which puts every text in as text; intents go back
// as requests. The connection's token and key stay in this tab's sessionStorage, so a reload or a
// dropped Wi-Fi comes back to the same seat.

import { html, nothing, render, type TemplateResult } from 'lit-html';
import { reason } from '../../errors.ts';
import type { Line, Request, View } from '../../net/protocol.ts';
import { RoomConnection } from '../../net/room-client.ts';
import type { Scenario } from '../../scenario/schema.ts';
import { compile } from '../../sim/compile.ts';
import { options } from '../../sim/orders.ts';
import type { GameState, Order, PlannerLevel, Seat } from '../../sim/types.ts';
import { actionEffects } from '../action-text.ts';
import { advisorView } from '../advisor.ts';
import { download } from '../dom.ts';
import { gaugeData, gaugesView } from '../gauges.ts';
import { legendEntries, legendView } from '../legend.ts';
import { MapView } from '../mapview.ts';
import { textPanel } from '../negotiation.ts';
import { newsTag, playerReason, trainerNews, trainerNewsView } from '../news-groups.ts';
import { thinkingText } from '../planning.ts';
import { bundledScenarios } from '../scenarios.ts';
import { levelField, type SeatChoice, seatControls, seatOf, seatOptions } from '../seats.ts';

/** The room server: the page's own origin, or the dev server's neighbour (`npm run dev`). */
const endpoint = (): string => import.meta.env.VITE_ROOM_SERVER ?? location.origin;

interface Screen {
  /** The code the page's link named, to fill the join form. */
  code: string;
  conn: RoomConnection | null;
  scenario: Scenario | null;
  error: string | null;
  busy: boolean;
  /** The bundled scenarios the create form offers (null while they load). */
  bundled: Scenario[] | null;
  /** The create form's choices: the scenario, and who plays each of its seats. */
  setup: { scenario: string; seats: Record<string, SeatChoice>; levels: Record<string, PlannerLevel> };
}

const held = (code: string) => `brink-room:${code}`;

/** Mounts the room screens in the page's panel, and the game's map and gauges beside it once there is a game. */
export function mountRoom(doc: Document): void {
  const panel = doc.getElementById('panel') ?? doc.body;
  const hud = doc.getElementById('hud');
  const mapHost = doc.getElementById('map');
  mapHost?.setAttribute('hidden', '');
  let map: MapView | null = null;
  // The map keeps the first copy of a scenario it was shown: a new role's welcome brings another copy of
  // the same scenario (its own brief), which would restart the map.
  let mapScenario: Scenario | null = null;
  const params = new URLSearchParams(location.search);
  const code = params.get('room')?.toUpperCase() ?? null;
  const s: Screen = {
    code: code ?? '',
    conn: null,
    scenario: null,
    error: null,
    busy: false,
    bundled: null,
    setup: { scenario: '', seats: {}, levels: {} },
  };
  let loading = false;
  const draw = () => {
    // The create form's scenarios and their roles, fetched the first time the form shows.
    if (!s.conn && !loading) {
      loading = true;
      void bundledScenarios().then(({ ok }) => {
        s.bundled = ok.map((x) => x.scenario);
        s.setup.scenario ||= s.bundled[0]?.meta.id ?? '';
        draw();
      });
    }
    render(screen(s, act), panel);
    // The single-device game's screen around the panel, fed by the room's projection: the map, the
    // gauges and legend, the trainer's news of the round.
    const v = s.conn?.view;
    const st = v?.you.pending ? null : v?.projection?.state;
    if (hud) render(st && s.scenario ? around(s.scenario, st, v?.you.role ?? null, v?.phase) : nothing, hud);
    if (!mapHost || !st || !s.scenario) return;
    mapHost.removeAttribute('hidden');
    map ??= new MapView(mapHost);
    if (mapScenario?.meta.id !== s.scenario.meta.id) mapScenario = s.scenario;
    void map.show(mapScenario);
    map.update(compile(s.scenario), st);
  };

  const connected = (conn: RoomConnection) => {
    s.conn = conn;
    s.error = null;
    s.busy = false;
    conn.onWelcome((w) => {
      s.scenario = w.scenario ?? s.scenario;
      keep(conn);
      draw();
    });
    conn.onView(() => {
      keep(conn);
      draw();
    });
    // A message the game cannot read is refused by the connection, which keeps the last good view.
    conn.onRefused((why) => {
      s.error = why;
      draw();
    });
    conn.onExport((e) =>
      download(`brink-room-${conn.code}.json`, 'application/json', JSON.stringify(e, null, 2)),
    );
    conn.room.onLeave((code, why) => {
      s.error = `You left the room (${why || code}).`;
      draw();
    });
    const url = new URL(location.href);
    url.search = `?view=room&room=${conn.code}`;
    history.replaceState(null, '', url);
    draw();
  };
  const keep = (conn: RoomConnection) => {
    try {
      sessionStorage.setItem(
        held(conn.code),
        JSON.stringify({ token: conn.reconnectionToken, key: conn.welcome?.key ?? '' }),
      );
    } catch {
      // Storage refused: the tab still works, only a reload loses the seat.
    }
  };
  const attempt = async (go: () => Promise<RoomConnection>) => {
    s.busy = true;
    s.error = null;
    draw();
    try {
      connected(await go());
    } catch (e) {
      s.busy = false;
      s.error = reason(e);
      draw();
    }
  };

  const act: Actions = {
    create: (form) =>
      attempt(() =>
        RoomConnection.create(endpoint(), {
          scenario: form.scenario,
          name: form.name,
          approval: form.approval,
          autoplay: form.autoplay,
          seats: computerSeats(s),
        }),
      ),
    redraw: () => draw(),
    join: (code, name) => attempt(() => RoomConnection.join(endpoint(), code.trim().toUpperCase(), { name })),
    send: (r) => s.conn?.send(r),
  };

  const key = params.get('key');
  let stored: { token?: string; key?: string } | null = null;
  try {
    stored = code ? (JSON.parse(sessionStorage.getItem(held(code)) ?? 'null') as typeof stored) : null;
  } catch {
    stored = null;
  }
  if (code && key) void attempt(() => RoomConnection.join(endpoint(), code, { key }));
  else if (code && stored) void attempt(() => RoomConnection.resume(endpoint(), code, stored ?? {}));
  else draw();
}

interface Actions {
  create: (f: { scenario: string; name: string; approval: boolean; autoplay: boolean }) => void;
  join: (code: string, name: string) => void;
  send: (r: Request) => void;
  redraw: () => void;
}

/** The create form's computer seats (a seat it leaves to a person is not named: the server's default). */
function computerSeats(s: Screen): Record<string, Seat> {
  const sc = s.bundled?.find((x) => x.meta.id === s.setup.scenario);
  const out: Record<string, Seat> = {};
  for (const a of sc?.actors ?? []) {
    const choice = s.setup.seats[a.id] ?? 'person';
    if (a.playable && choice !== 'person') out[a.id] = seatOf(choice, s.setup.levels[a.id] ?? 'standard');
  }
  return out;
}

/** The create form's seats: a person, a character, or the planner at a strength, per playable role. */
function setupSeats(s: Screen, act: Actions): TemplateResult {
  const sc = s.bundled?.find((x) => x.meta.id === s.setup.scenario);
  if (!sc) return html`<p class="hint">Loading the scenario's roles…</p>`;
  return html`<fieldset class="room-seats"><legend>Who plays each role</legend>${sc.actors
    .filter((a) => a.playable)
    .map((a) => {
      const choice = s.setup.seats[a.id] ?? 'person';
      const chose = (e: Event) => {
        s.setup.seats[a.id] = (e.currentTarget as HTMLSelectElement).value as SeatChoice;
        // The planner's strength appears beside its select.
        act.redraw();
      };
      return html`<div class="field"><label for=${`room-create-seat-${a.id}`}>${a.name}</label><select id=${`room-create-seat-${a.id}`} data-role=${a.id} @change=${chose}>${seatOptions(choice)}</select></div>
        ${levelField({
          id: `room-create-seat-${a.id}-level`,
          role: a.id,
          choice,
          level: s.setup.levels[a.id] ?? 'standard',
          onLevel: (level) => {
            s.setup.levels[a.id] = level;
          },
        })}`;
    })}</fieldset>`;
}

function screen(s: Screen, act: Actions): TemplateResult {
  const v = s.conn?.view ?? null;
  const error = s.error ? html`<p class="error" role="alert">${s.error}</p>` : nothing;
  if (!s.conn || !v) return html`${error}${s.busy ? html`<p>Connecting…</p>` : entry(s, act)}`;
  const notice = v.notice ? html`<p class="error" role="alert">Refused: ${v.notice}</p>` : nothing;
  if (v.you.pending)
    return html`${error}<h2>Waiting for the trainer</h2><p>You asked to join room ${v.code} as ${v.you.name}.</p>`;
  return html`${error}${notice}
    <h2>Room ${v.code}</h2>
    <p class="room-you">You: ${v.you.name} (${v.you.kind}${v.you.role ? `, ${roleName(s, v.you.role)}` : ''})</p>
    ${game(s, v)}
    ${v.you.kind === 'trainer' ? trainerConsole(s, v, act) : nothing}
    ${v.you.kind === 'student' ? student(s, v, act) : nothing}
    ${people(s, v)}
    ${lines(s, v.lines)}`;
}

function entry(s: Screen, act: Actions): TemplateResult {
  return html`
    <h2>Join a room</h2>
    <form
      class="room-join"
      @submit=${(e: Event) => {
        e.preventDefault();
        const f = new FormData(e.target as HTMLFormElement);
        act.join(String(f.get('code') ?? ''), String(f.get('name') ?? ''));
      }}
    >
      <label>Join code <input name="code" required maxlength="6" autocomplete="off" .value=${s.code} /></label>
      <label>Your name <input name="name" required maxlength="40" /></label>
      <button type="submit">Join</button>
    </form>
    <h2>Create a room (trainer)</h2>
    <form
      class="room-create"
      @submit=${(e: Event) => {
        e.preventDefault();
        const f = new FormData(e.target as HTMLFormElement);
        act.create({
          scenario: String(f.get('scenario')),
          name: String(f.get('name') ?? ''),
          approval: f.get('approval') === 'on',
          autoplay: f.get('autoplay') === 'on',
        });
      }}
    >
      <label
        >Scenario
        <select
          name="scenario"
          @change=${(e: Event) => {
            s.setup.scenario = (e.currentTarget as HTMLSelectElement).value;
            act.redraw();
          }}
        >
          ${(s.bundled ?? []).map(
            (sc) =>
              html`<option value=${sc.meta.id} ?selected=${sc.meta.id === s.setup.scenario}>${sc.meta.title}</option>`,
          )}
        </select></label
      >
      ${setupSeats(s, act)}
      <label>Your name <input name="name" required maxlength="40" /></label>
      <label><input type="checkbox" name="approval" /> Approve each join</label>
      <label><input type="checkbox" name="autoplay" /> Computer plays a seat nobody holds (at the start of a round, and at a deadline)</label>
      <button type="submit">Create the room</button>
    </form>`;
}

const roleName = (s: Screen, id: string) => s.scenario?.actors.find((a) => a.id === id)?.name ?? id;

const clock = (t: number) => new Date(t).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });

/** The gauges (for the student's own role), the map legend and the trainer's news of the round in progress. */
function around(scenario: Scenario, st: GameState, role: string | null, phase: View['phase'] | undefined) {
  const c = compile(scenario);
  // While orders are given the gauges show the last resolved round's changes, after it this round's.
  const changes = phase === 'orders' ? Math.max(0, st.round - 1) : st.round;
  return html`${gaugesView(gaugeData(c, st, role ? [role] : [], changes, clock))}
    ${legendView(legendEntries(scenario), false)}
    ${phase === 'orders' ? trainerNewsView(trainerNews(st, st.round)) : nothing}`;
}

function game(s: Screen, v: View): TemplateResult {
  const p = v.projection;
  if (!p) return html``;
  const st = p.state;
  const brief = v.you.role ? s.scenario?.actors.find((a) => a.id === v.you.role)?.briefing : undefined;
  return html`<section class="room-game" aria-label="The game">
    <p class="room-phase" data-phase=${v.phase}>
      ${
        v.phase === 'briefing'
          ? 'Briefing: the trainer begins the game.'
          : v.phase === 'ended'
            ? `The game has ended${st.ending ? `: ${s.scenario?.endings.find((e) => e.id === st.ending?.id)?.title ?? st.ending.id}` : ''}.`
            : `Round ${st.round} — ${v.phase === 'orders' ? 'orders' : 'results'}${st.paused ? ' (paused)' : ''}`
      }
    </p>
    ${v.phase === 'orders' ? html`<p>Orders given: ${p.submitted.map((r) => roleName(s, r)).join(', ') || 'none yet'}</p>` : nothing}
    <p class="thinking" role="status" aria-live="polite" data-testid="thinking">${thinkingText(v.thinking.map((r) => roleName(s, r)))}</p>
    ${brief ? html`<details><summary>Your brief</summary><p>${brief}</p></details>` : nothing}
    ${news(st)}
  </section>`;
}

/** The news, this round's first, each item labelled by where it comes from; earlier rounds folded. */
function news(st: GameState): TemplateResult {
  const rounds = [...new Set(st.news.map((n) => n.round))].sort((a, b) => b - a);
  const list = (round: number) =>
    html`<ul class="room-news news">
      ${st.news
        .filter((n) => n.round === round)
        .map(
          (n) => html`<li class="news-item">
            <h4 class="headline">${n.headline}</h4>
            <p class=${newsTag(st, n).cls}>${newsTag(st, n).text}</p>
            ${n.body ? html`<p>${n.body}</p>` : nothing}
            ${playerReason(st, n)}
          </li>`,
        )}
    </ul>`;
  const title = (round: number) => (round === 0 ? 'The opening' : `Round ${round}`);
  return html`${rounds.map((round, i) =>
    i === 0
      ? html`<h3>News: ${title(round)}</h3>${list(round)}`
      : html`<details class="room-news-earlier"><summary>News: ${title(round)}</summary>${list(round)}</details>`,
  )}`;
}

function student(s: Screen, v: View, act: Actions): TemplateResult {
  const playable = s.scenario?.actors.filter((a) => a.playable) ?? [];
  const role = v.you.role;
  const picker =
    v.pick && v.phase !== 'ended'
      ? html`<label
          >Your role
          <select
            class="room-role"
            @change=${(e: Event) => {
              const value = (e.target as HTMLSelectElement).value;
              act.send({ type: 'pick', role: value === '' ? null : value });
            }}
          >
            <option value="" ?selected=${role === null}>(none)</option>
            ${playable.map((a) => html`<option value=${a.id} ?selected=${role === a.id}>${a.name}</option>`)}
          </select></label
        >`
      : nothing;
  if (!role) return html`${picker}`;
  const draft = v.drafts[role];
  const given = v.projection?.submitted.includes(role) ?? false;
  // The same options the local game offers, from this seat's projection: targets to aim at, and why a
  // closed action is closed (the server checks the orders again against the game itself).
  const c = s.scenario ? compile(s.scenario) : null;
  const opts = c && v.projection ? options(c, v.projection.state, role) : [];
  /** The orders the form holds: each ticked action with its chosen target. */
  const ordersOf = (f: HTMLFormElement): Order[] => {
    const data = new FormData(f);
    return data.getAll('action').map((a) => {
      const action = String(a);
      const target = data.get(`target-${action}`);
      return target === null ? { action } : { action, target: String(target) };
    });
  };
  const orders =
    v.phase === 'orders' && !given
      ? html`<form
          class="room-orders"
          @submit=${(e: Event) => {
            e.preventDefault();
            act.send({
              type: 'event',
              event: { type: 'ORDERS', actor: role, orders: ordersOf(e.target as HTMLFormElement) },
            });
          }}
          @change=${(e: Event) => {
            const f = e.currentTarget as HTMLFormElement;
            act.send({ type: 'draft', orders: ordersOf(f), note: String(new FormData(f).get('note') ?? '') });
          }}
        >
          <fieldset>
            <legend>Orders for ${roleName(s, role)}</legend>
            ${opts.map((o) => {
              const a = o.action;
              const drafted = draft?.orders.find((x) => x.action === a.id);
              const id = `room-act-${a.id}`;
              return html`<div class="room-action">
                  <label
                    ><input
                      type="checkbox"
                      name="action"
                      id=${id}
                      value=${a.id}
                      ?disabled=${o.unavailable !== null}
                      .checked=${drafted !== undefined}
                    />
                    ${a.name}</label
                  >
                  ${
                    a.targets.type !== 'none' && o.unavailable === null
                      ? html`<label
                          >Target
                          <select name=${`target-${a.id}`} aria-label=${`Target of ${a.name}`}>
                            ${o.targets.map(
                              (t) =>
                                html`<option value=${t} ?selected=${drafted?.target === t}>
                                  ${c?.locations.get(t)?.name ?? c?.actors.get(t)?.name ?? t}
                                </option>`,
                            )}
                          </select></label
                        >`
                      : nothing
                  }
                  ${o.unavailable !== null ? html`<p class="hint">Closed now: ${o.unavailable}</p>` : nothing}
                  <div class="action-effects">${c ? actionEffects(c, a) : nothing}</div>
                </div>`;
            })}
          </fieldset>
          <label>Team note <input name="note" maxlength="1000" .value=${draft?.note ?? ''} /></label>
          ${draft ? html`<p class="room-draft">Draft by ${draft.by}</p>` : nothing}
          <button type="submit">Send the team's orders</button>
        </form>`
      : v.phase === 'orders'
        ? html`<p>Your team's orders are in.</p>`
        : nothing;
  // The text panel of the local game, on the room's desk: drawn from this seat's projection, and its
  // requests checked again by the server against the seat.
  const texts =
    s.scenario && v.projection
      ? textPanel(
          {
            c: compile(s.scenario),
            seen: v.projection.state,
            rules: v.projection.state,
            send: (event) => act.send({ type: 'event', event }),
          },
          role,
        )
      : nothing;
  // The advisor, when the trainer switched it on for this seat: the server's suggestion from the seat's own
  // view; an option goes into the team's shared draft, which the form above shows.
  const advisor =
    v.advice && v.phase === 'orders' && !given
      ? advisorView(v.advice, role, (orders) =>
          act.send({ type: 'draft', orders: [...orders], note: draft?.note ?? '' }),
        )
      : nothing;
  return html`${picker}${advisor}${orders}${texts}${talk(s, v, act)}`;
}

function talk(s: Screen, v: View, act: Actions): TemplateResult {
  const others = s.scenario?.actors.filter((a) => a.id !== v.you.role) ?? [];
  return html`<form
      class="room-chat"
      @submit=${(e: Event) => {
        e.preventDefault();
        const form = e.target as HTMLFormElement;
        const text = String(new FormData(form).get('text') ?? '');
        if (text.trim()) act.send({ type: 'chat', text });
        form.reset();
      }}
    >
      <label>Team chat <input name="text" maxlength="1000" /></label>
      <button type="submit">Send to the team</button>
    </form>
    <form
      class="room-say"
      @submit=${(e: Event) => {
        e.preventDefault();
        const form = e.target as HTMLFormElement;
        const f = new FormData(form);
        const text = String(f.get('text') ?? '');
        if (text.trim()) act.send({ type: 'say', to: String(f.get('to')), text });
        form.reset();
      }}
    >
      <label
        >In character, to
        <select name="to">
          <option value="*">everyone (public statement)</option>
          ${others.map((a) => html`<option value=${a.id}>${a.name}</option>`)}
        </select></label
      >
      <label>Message <input name="text" maxlength="1000" /></label>
      <button type="submit">Send</button>
    </form>`;
}

function trainerConsole(s: Screen, v: View, act: Actions): TemplateResult {
  const ev = (event: unknown) => () => act.send({ type: 'event', event });
  const st = v.projection?.state;
  const key = s.conn?.welcome?.presenterKey;
  return html`<section class="room-console" aria-label="Trainer console">
    <h3>Console</h3>
    <p>Students join at <strong>${location.origin}/?view=room&room=${v.code}</strong> with the code <strong>${v.code}</strong>.</p>
    ${key ? html`<p>Presenter: <code>${location.origin}/?view=room&room=${v.code}&key=${key}</code></p>` : nothing}
    ${v.phase === 'briefing' ? html`<button @click=${ev({ type: 'BEGIN' })}>Begin the game</button>` : nothing}
    ${v.phase === 'report' ? html`<button @click=${ev({ type: 'NEXT' })}>Next round</button>` : nothing}
    ${
      v.phase === 'orders' || v.phase === 'report'
        ? st?.paused
          ? html`<button @click=${ev({ type: 'RESUME' })}>Resume</button>`
          : html`<button @click=${ev({ type: 'PAUSE' })}>Pause</button>`
        : nothing
    }
    ${v.undoes ? html`<button title=${v.undoes} @click=${() => act.send({ type: 'undo' })}>Undo the last round</button>` : nothing}
    <button @click=${() => act.send({ type: 'lock', locked: !v.locked })}>${v.locked ? 'Unlock the room' : 'Lock the room'}</button>
    <button @click=${() => act.send({ type: 'export' })}>Export log and transcript</button>
    ${
      st
        ? html`<fieldset class="room-seats"><legend>Seats</legend>${(s.scenario?.actors ?? [])
            .filter((a) => a.playable)
            .map((a) =>
              seatControls({
                prefix: 'room',
                role: a.id,
                name: a.name,
                seat: st.seats[a.id],
                disabled: v.phase === 'ended',
                set: (seat) => act.send({ type: 'event', event: { type: 'SET_SEAT', actor: a.id, seat } }),
              }),
            )}</fieldset>`
        : nothing
    }
    <label
      ><input type="checkbox" .checked=${v.autoplay} @change=${(e: Event) => act.send({ type: 'autoplay', on: (e.target as HTMLInputElement).checked })} />
      Computer plays a seat nobody holds (at the start of a round, and at a deadline)</label
    >
  </section>`;
}

function people(s: Screen, v: View): TemplateResult {
  const trainer = v.you.kind === 'trainer';
  const roles = s.scenario?.actors.filter((a) => a.playable) ?? [];
  const send = (r: Request) => (s.conn ? s.conn.send(r) : undefined);
  return html`<section class="room-people" aria-label="Who is here">
    <h3>In the room</h3>
    <ul>
      ${v.people.map(
        (p) => html`<li data-person=${p.name}>
          ${p.name} — ${p.role ? roleName(s, p.role) : 'no role'} — ${p.pending ? 'waiting' : p.connected ? 'connected' : 'disconnected'}
          ${
            trainer && p.pending
              ? html`<button @click=${() => send({ type: 'approve', participant: p.id, accept: true })}>Let ${p.name} in</button>
                <button @click=${() => send({ type: 'approve', participant: p.id, accept: false })}>Refuse</button>`
              : nothing
          }
          ${
            trainer && !p.pending && p.id !== v.you.id
              ? html`<select
                  aria-label=${`Role of ${p.name}`}
                  @change=${(e: Event) => {
                    const value = (e.target as HTMLSelectElement).value;
                    send({ type: 'assign', participant: p.id, role: value === '' ? null : value });
                  }}
                >
                  <option value="" ?selected=${p.role === null}>(none)</option>
                  ${roles.map((a) => html`<option value=${a.id} ?selected=${p.role === a.id}>${a.name}</option>`)}
                </select>
                <button @click=${() => send({ type: 'remove', participant: p.id })}>Remove</button>`
              : nothing
          }
        </li>`,
      )}
    </ul>
  </section>`;
}

function lines(s: Screen, ls: readonly Line[]): TemplateResult {
  if (ls.length === 0) return html``;
  return html`<section class="room-lines" aria-label="Messages">
    <h3>Messages</h3>
    <ul>
      ${ls.map(
        (l) =>
          html`<li>
            ${l.team ? `[team ${l.role ? roleName(s, l.role) : ''}]` : l.to === '*' ? '[public]' : `[to ${roleName(s, l.to ?? '')}]`}
            ${l.from}${l.role && !l.team ? ` (${roleName(s, l.role)})` : ''}: ${l.text}
          </li>`,
      )}
    </ul>
  </section>`;
}

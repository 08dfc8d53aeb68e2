// The after-action review: summary and shared seed, exports (log, CSV, printable report), charts,
// the decision points that moved the outcome most, a timeline of every round (choices, what they
// caused, news with claims beside verified figures), and forks compared side by side. Loaded lazily.
import type { Compiled } from '../sim/compile.ts';
import { eventsCsv } from '../sim/csv.ts';
import { decisionPoints } from '../sim/decisions.ts';
import { endingText } from '../sim/endings.ts';
import { type Fork, forkGame, sameUntil, stateAtRound } from '../sim/forks.ts';
import type { GameLog } from '../sim/log.ts';
import { stateDigest } from '../sim/log.ts';
import { options } from '../sim/orders.ts';
import { allMetricSeries, escalationSeries, markers, roundsOf } from '../sim/series.ts';
import { roundDate } from '../sim/text.ts';
import type { GameState, Order, Taken } from '../sim/types.ts';
import { describeChange, nameOf } from './causes.ts';
import { chartFigure } from './charts.ts';
import { button, download, el, nextId, num } from './dom.ts';
import { newsOfRound } from './facts.ts';
import { newsList } from './news.ts';
import { session } from './session.ts';
import type { App, Game } from './types.ts';

/** Forks made in this page, per game, kept across re-renders. */
const forksOf = new WeakMap<object, Fork[]>();

/** Offers a text as a file download. */
/** A choice in words: "Pakistan: Air strikes → Kabul (hit)". */
function choiceText(c: Compiled, t: Taken): string {
  const target = t.target ? ` → ${nameOf(c, t.target)}` : '';
  return `${nameOf(c, t.actor)}: ${c.actions.get(t.action)?.name ?? t.action}${target} (${t.outcome})`;
}

/** What a choice caused: its own changes, then those of the reactions that followed it. */
function consequences(c: Compiled, s: GameState, t: Taken): string[] {
  const own = s.changes.filter((ch) => ch.cause === t.cause).map((ch) => describeChange(c, ch));
  const reactions = s.causes.filter((x) => x.kind === 'reaction' && x.after?.includes(t.cause));
  const then = reactions.map((r) => {
    const headline = s.news.find((n) => n.cause === r.id)?.headline;
    return `then ${nameOf(c, r.actor) || 'a reaction'}${headline ? `: “${headline}”` : ` (${r.ref})`}`;
  });
  return [...own, ...then];
}

/** The outcome of a game in one line. */
function endingLine(c: Compiled, s: GameState): string {
  return `${endingText(c, s).title} (round ${s.ending?.round ?? s.round})`;
}

function summary(c: Compiled, s: GameState): HTMLElement {
  const link = `${location.origin}${location.pathname}?seed=${s.seed}`;
  return el(
    'section',
    { class: 'debrief-summary' },
    el('h3', {}, 'Summary'),
    el('p', {}, `Outcome: ${endingLine(c, s)}.`),
    el('p', { class: 'ending-description' }, endingText(c, s).description),
    el('p', {}, `Highest rung reached: ${c.scenario.ladder[s.peakRung]?.name ?? s.peakRung}.`),
    el(
      'p',
      {},
      `Shared seed: ${s.seed}. Other sections who start with this seed get the same draws: `,
      el('a', { href: link }, link),
    ),
    el(
      'p',
      {},
      'Game fingerprint (equal fingerprints mean identical games): ',
      el('code', { class: 'digest' }, stateDigest(s)),
    ),
  );
}

function exportsSection(c: Compiled, s: GameState, log: GameLog | null): HTMLElement {
  const base = `brink-${c.scenario.meta.id}-seed${s.seed}`;
  return el(
    'section',
    { class: 'debrief-exports no-print' },
    el('h3', {}, 'Export'),
    el(
      'div',
      { class: 'buttons' },
      button(
        'Download the game log (.json)',
        () => log && download(`${base}.log.json`, 'application/json', JSON.stringify(log, null, 2)),
        { class: 'export-log', disabled: log === null },
      ),
      button(
        'Download the events (.csv)',
        () => download(`${base}.events.csv`, 'text/csv', eventsCsv(c, s)),
        { class: 'export-csv' },
      ),
      button('Print the report or save it as PDF', () => window.print(), { class: 'print-report' }),
    ),
    log === null &&
      el(
        'p',
        { class: 'hint' },
        'This game was resumed from a save without its log: forks and the log export are unavailable.',
      ),
  );
}

function chartsSection(c: Compiled, s: GameState): HTMLElement {
  const rounds = roundsOf(s);
  const marks = markers(c, s);
  const metrics = allMetricSeries(c, s);
  return el(
    'section',
    { class: 'debrief-charts' },
    el('h3', {}, 'Charts'),
    el(
      'p',
      { class: 'hint' },
      'Dashed lines mark the rungs crossed (▲ up, ▼ down) and mediation offered, accepted or collapsed (◆). Each chart has a data table.',
    ),
    chartFigure({
      id: 'escalation',
      title: 'Escalation: Goldstein sum per actor per round',
      unit: 'Goldstein weight (negative = conflict)',
      rounds,
      series: escalationSeries(c, s),
      markers: marks,
    }),
    el(
      'div',
      { class: 'chart-grid' },
      metrics.map((m) =>
        chartFigure({
          id: `metric-${m.id}`,
          title: m.name,
          unit: c.metrics.get(m.id)?.public === false ? 'value (hidden during play)' : 'value',
          rounds,
          series: [m],
          markers: marks,
          width: 360,
          height: 170,
        }),
      ),
    ),
  );
}

function decisionsSection(c: Compiled, s: GameState): HTMLElement {
  const points = decisionPoints(c, s, 5);
  return el(
    'section',
    { class: 'debrief-decisions' },
    el('h3', {}, 'The decision points that moved the outcome most'),
    el(
      'p',
      { class: 'hint' },
      'Ranked by what the engine recorded each choice changed, directly and through the reactions it set off.',
    ),
    points.length === 0
      ? el('p', {}, 'No choices were made after the opening.')
      : el(
          'ol',
          {},
          points.map((d) =>
            el(
              'li',
              {},
              el('strong', {}, `Round ${d.taken.round}: ${choiceText(c, d.taken)}`),
              ` — impact ${num(d.impact)}`,
              d.changes.length > 0 &&
                el(
                  'ul',
                  {},
                  d.changes.slice(0, 6).map((ch) => el('li', {}, describeChange(c, ch))),
                ),
            ),
          ),
        ),
  );
}

function timelineSection(app: App, game: Game, s: GameState): HTMLElement {
  const c = game.c;
  return el(
    'section',
    { class: 'debrief-timeline' },
    el('h3', {}, 'Timeline'),
    roundsOf(s).map((r) => {
      const choices = s.taken.filter((t) => t.round === r);
      const injects = s.causes.filter((x) => x.kind === 'inject' && x.round === r);
      return el(
        'section',
        { class: 'timeline-round', 'data-round': r },
        el('h4', {}, r === 0 ? 'The opening (historical)' : `Round ${r}: ${roundDate(c, r)}`),
        el('h5', {}, 'Choices and what they caused'),
        choices.length === 0
          ? el('p', { class: 'hint' }, 'No action.')
          : el(
              'ul',
              { class: 'choices' },
              choices.map((t) =>
                el(
                  'li',
                  { 'data-actor': t.actor },
                  choiceText(c, t),
                  el(
                    'ul',
                    {},
                    consequences(c, s, t).map((x) => el('li', {}, x)),
                  ),
                ),
              ),
            ),
        injects.length > 0 &&
          el(
            'p',
            {},
            `Injected by the trainer: ${injects.map((x) => c.scenario.injects.find((i) => i.id === x.ref)?.name ?? s.news.find((n) => n.cause === x.id)?.headline ?? x.ref).join('; ')}.`,
          ),
        el('h5', {}, 'News, with claims beside verified figures'),
        newsList(app, game, newsOfRound(s, r), false, true),
      );
    }),
  );
}

/** One game's ending, for the side-by-side comparison. */
function outcomeColumn(c: Compiled, title: string, s: GameState): HTMLElement {
  return el(
    'div',
    { class: 'fork-column' },
    el('h4', {}, title),
    el('p', { class: 'fork-ending' }, `Ending: ${endingLine(c, s)}`),
    el('p', {}, `Highest rung: ${c.scenario.ladder[s.peakRung]?.name ?? s.peakRung}`),
    el(
      'ul',
      {},
      Object.entries(s.ending?.scores ?? {}).map(([a, v]) => el('li', {}, `${nameOf(c, a)}: ${v} points`)),
      c.scenario.metrics
        .filter((m) => m.public)
        .map((m) => el('li', {}, `${m.name}: ${num(s.metrics[m.id] ?? m.start)}`)),
    ),
  );
}

function comparison(c: Compiled, original: GameState, fork: Fork): HTMLElement {
  const last = Math.max(original.round, fork.state.round);
  const rounds = Array.from({ length: last + 1 }, (_, r) => r);
  const choices = (s: GameState, r: number) =>
    s.taken
      .filter((t) => t.round === r)
      .map((t) => choiceText(c, t))
      .join('; ') || '—';
  const same = sameUntil(original, fork.state, fork.round);
  return el(
    'div',
    { class: 'fork-result', 'data-fork-round': fork.round, 'data-same-before': String(same) },
    el(
      'p',
      {},
      same
        ? `Identical to the original up to round ${fork.round}; from there ${nameOf(c, fork.actor)} chose differently and computer players carried on.`
        : 'Warning: the fork differs from the original before the fork round.',
    ),
    el(
      'div',
      { class: 'fork-columns' },
      outcomeColumn(c, 'Original game', original),
      outcomeColumn(c, `Fork from round ${fork.round}`, fork.state),
    ),
    el(
      'table',
      { class: 'fork-table' },
      el('caption', {}, 'Choices round by round'),
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { scope: 'col' }, 'Round'),
          el('th', { scope: 'col' }, 'Original'),
          el('th', { scope: 'col' }, 'Fork'),
        ),
      ),
      el(
        'tbody',
        {},
        rounds.map((r) =>
          el(
            'tr',
            { 'data-round': r, class: r < fork.round ? 'shared' : 'forked' },
            el('th', { scope: 'row' }, r === 0 ? 'Opening' : String(r)),
            el('td', { class: 'orig' }, choices(original, r)),
            el('td', { class: 'alt' }, choices(fork.state, r)),
          ),
        ),
      ),
    ),
  );
}

function forkSection(game: Game, s: GameState, log: GameLog | null): HTMLElement {
  const c = game.c;
  const sc = c.scenario;
  const box = el(
    'section',
    { class: 'debrief-fork no-print-form' },
    el('h3', {}, 'Fork: what if a role had chosen differently?'),
  );
  const results = el('div', { class: 'fork-results' });
  const existing = forksOf.get(game.actor) ?? [];
  for (const f of existing) results.append(comparison(c, s, f));
  if (!log) {
    box.append(
      el('p', { class: 'hint' }, 'Forks need the game log, which this game does not have.'),
      results,
    );
    return box;
  }
  const ids = {
    round: nextId('fork-round'),
    role: nextId('fork-role'),
    action: nextId('fork-action'),
    target: nextId('fork-target'),
  };
  const last = s.ending?.round ?? s.round;
  const round = el(
    'select',
    { id: ids.round, class: 'fork-round' },
    Array.from({ length: last }, (_, i) => el('option', { value: i + 1 }, `Round ${i + 1}`)),
  );
  const role = el(
    'select',
    { id: ids.role, class: 'fork-role' },
    c.playable.map((a) => el('option', { value: a }, nameOf(c, a))),
  );
  const action = el('select', { id: ids.action, class: 'fork-action' });
  const target = el('select', { id: ids.target, class: 'fork-target' });
  const was = el('p', { class: 'hint fork-was' });
  const error = el('p', { class: 'error', role: 'alert' });
  let at: GameState | null = null;
  const fillTargets = () => {
    const opt = at ? options(c, at, role.value).find((o) => o.action.id === action.value) : undefined;
    target.replaceChildren(...(opt?.targets ?? []).map((t) => el('option', { value: t }, nameOf(c, t))));
    target.disabled = !opt || opt.action.targets.type === 'none';
  };
  const fillActions = () => {
    at = stateAtRound(sc, log, Number(round.value), game.actor.logic);
    const open = options(c, at, role.value).filter((o) => o.unavailable === null);
    action.replaceChildren(
      el('option', { value: '' }, 'Hold: take no action'),
      ...open.map((o) => el('option', { value: o.action.id }, o.action.name)),
    );
    const orig = s.taken.filter((t) => t.round === Number(round.value) && t.actor === role.value);
    was.textContent = `In the original game: ${orig.length ? orig.map((t) => choiceText(c, t)).join('; ') : 'no action'}.`;
    fillTargets();
  };
  round.addEventListener('change', fillActions);
  role.addEventListener('change', fillActions);
  action.addEventListener('change', fillTargets);
  const form = el(
    'form',
    { class: 'fork-form no-print' },
    el('div', { class: 'field' }, el('label', { for: ids.round }, 'Fork from'), round),
    el('div', { class: 'field' }, el('label', { for: ids.role }, 'Role that chooses differently'), role),
    was,
    el('div', { class: 'field' }, el('label', { for: ids.action }, 'Its new choice'), action),
    el('div', { class: 'field' }, el('label', { for: ids.target }, 'Target'), target),
    error,
    el('button', { type: 'submit', class: 'primary' }, 'Play the fork to its end'),
  );
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const orders: Order[] = action.value
      ? [target.disabled ? { action: action.value } : { action: action.value, target: target.value }]
      : [];
    const res = forkGame(sc, log, Number(round.value), role.value, orders, game.actor.logic);
    if (!res.ok) {
      error.textContent = res.message;
      return;
    }
    error.textContent = '';
    const list = [...(forksOf.get(game.actor) ?? []), res.fork];
    forksOf.set(game.actor, list);
    const node = comparison(c, s, res.fork);
    results.prepend(node);
    node.querySelector('p')?.setAttribute('tabindex', '-1');
    node.querySelector<HTMLElement>('p')?.focus();
  });
  fillActions();
  box.append(
    el(
      'p',
      { class: 'hint' },
      'The game is replayed exactly up to the chosen round; the role then gives the new orders, and computer players play every seat to the end.',
    ),
    form,
    results,
  );
  return box;
}

/** Renders the full debrief of an ended game. */
export function renderFullDebrief(app: App, game: Game): HTMLElement {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const log = session()?.log() ?? null;
  return el(
    'div',
    { class: 'full-debrief' },
    summary(c, s),
    exportsSection(c, s, log),
    chartsSection(c, s),
    decisionsSection(c, s),
    timelineSection(app, game, s),
    forkSection(game, s, log),
  );
}

// The after-action review: summary and shared seed, exports (log, CSV, printable report), charts,
// the decision points that moved the outcome most, a timeline of every round (choices, what they
// caused, news with claims beside verified figures), and forks compared side by side. Loaded lazily.
import { html, nothing, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import type { Compiled } from '../sim/compile.ts';
import { eventsCsv } from '../sim/csv.ts';
import { decisionPoints } from '../sim/decisions.ts';
import { endingText } from '../sim/endings.ts';
import { type Fork, forkGame, sameUntil, stateAtRound } from '../sim/forks.ts';
import './print.css';
import type { GameLog } from '../sim/log.ts';
import { stateDigest } from '../sim/log.ts';
import { options } from '../sim/orders.ts';
import { allMetricSeries, escalationSeries, markers, roundsOf } from '../sim/series.ts';
import { roundDate } from '../sim/text.ts';
import type { GameState, Order, Taken } from '../sim/types.ts';
import { describeChange, nameOf } from './causes.ts';
import { chartFigure, markSymbol } from './charts.ts';
import { download, num } from './dom.ts';
import { newsOfRound } from './facts.ts';
import { newsList } from './news.ts';
import { session } from './session.ts';
import type { App, Game } from './types.ts';

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

function summary(c: Compiled, s: GameState): TemplateResult {
  const link = `${location.origin}${location.pathname}?seed=${s.seed}`;
  return html`<section class="debrief-summary">
    <h3>Summary</h3>
    <p>Outcome: ${endingLine(c, s)}.</p>
    <p class="ending-description">${endingText(c, s).description}</p>
    <p>Highest rung reached: ${c.scenario.ladder[s.peakRung]?.name ?? s.peakRung}.</p>
    <p>Shared seed: ${s.seed}. Other sections who start with this seed get the same draws: <a href=${link}>${link}</a></p>
    <p>Game fingerprint (equal fingerprints mean identical games): <code class="digest">${stateDigest(s)}</code></p>
  </section>`;
}

function exportsSection(c: Compiled, s: GameState, log: GameLog | null): TemplateResult {
  const base = `brink-${c.scenario.meta.id}-seed${s.seed}`;
  const exportLog = () =>
    log && download(`${base}.log.json`, 'application/json', JSON.stringify(log, null, 2));
  return html`<section class="debrief-exports no-print">
    <h3>Export</h3>
    <div class="buttons">
      <button type="button" class="export-log" ?disabled=${log === null} @click=${exportLog}>Download the game log (.json)</button>
      <button type="button" class="export-csv" @click=${() => download(`${base}.events.csv`, 'text/csv', eventsCsv(c, s))}>Download the events (.csv)</button>
      <button type="button" class="print-report" @click=${() => window.print()}>Print the report or save it as PDF</button>
    </div>
    ${
      log === null
        ? html`<p class="hint">This game was resumed from a save without its log: forks and the log export are unavailable.</p>`
        : nothing
    }
  </section>`;
}

function chartsSection(c: Compiled, s: GameState): TemplateResult {
  const rounds = roundsOf(s);
  const marks = markers(c, s);
  const metrics = allMetricSeries(c, s);
  // The markers are the same on every chart: explained here once.
  const marked = marks.map((m) => `${markSymbol(m)} round ${m.round}, ${m.label}`).join('; ');
  return html`<section class="debrief-charts">
    <h3>Charts</h3>
    <p class="hint chart-key">Dashed lines mark the rungs crossed (▲ up, ▼ down) and mediation offered, accepted or collapsed (◆). Each chart has a data table.</p>
    ${marks.length > 0 ? html`<p class="chart-marks">Marked on every chart: ${marked}.</p>` : nothing}
    ${chartFigure({
      id: 'escalation',
      title: 'Escalation: Goldstein sum per actor per round',
      unit: 'Goldstein weight, negative = conflict',
      axis: 'Goldstein sum',
      rounds,
      series: escalationSeries(c, s),
      markers: marks,
    })}
    <div class="chart-grid">${metrics.map((m) =>
      chartFigure({
        id: `metric-${m.id}`,
        title: m.name,
        unit: c.metrics.get(m.id)?.public === false ? 'value, hidden during play' : 'value',
        axis: 'value',
        rounds,
        series: [m],
        markers: marks,
        width: 360,
        height: 170,
      }),
    )}</div>
  </section>`;
}

function decisionsSection(c: Compiled, s: GameState): TemplateResult {
  const points = decisionPoints(c, s, 5);
  return html`<section class="debrief-decisions">
    <h3>The decision points that moved the outcome most</h3>
    <p class="hint">Ranked by what the engine recorded each choice changed, directly and through the reactions it set off.</p>
    ${
      points.length === 0
        ? html`<p>No choices were made after the opening.</p>`
        : html`<ol>${points.map(
            (d) =>
              html`<li><strong>Round ${d.taken.round}: ${choiceText(c, d.taken)}</strong> — impact ${num(d.impact)}${
                d.changes.length > 0
                  ? html`<ul>${d.changes.slice(0, 6).map((ch) => html`<li>${describeChange(c, ch)}</li>`)}</ul>`
                  : nothing
              }</li>`,
          )}</ol>`
    }
  </section>`;
}

function timelineSection(app: App, game: Game, s: GameState): TemplateResult {
  const c = game.c;
  const round = (r: number) => {
    const choices = s.taken.filter((t) => t.round === r);
    const injects = s.causes.filter((x) => x.kind === 'inject' && x.round === r);
    const injected = injects
      .map(
        (x) =>
          c.scenario.injects.find((i) => i.id === x.ref)?.name ??
          s.news.find((n) => n.cause === x.id)?.headline ??
          x.ref,
      )
      .join('; ');
    return html`<section class="timeline-round" data-round=${r}>
      <h4>${r === 0 ? 'The opening (historical)' : `Round ${r}: ${roundDate(c, r)}`}</h4>
      <h5>Choices and what they caused</h5>
      ${
        choices.length === 0
          ? html`<p class="hint">No action.</p>`
          : html`<ul class="choices">${choices.map(
              (t) =>
                html`<li data-actor=${t.actor}>${choiceText(c, t)}<ul>${consequences(c, s, t).map((x) => html`<li>${x}</li>`)}</ul></li>`,
            )}</ul>`
      }
      ${injects.length > 0 ? html`<p>Injected by the trainer: ${injected}.</p>` : nothing}
      <h5>News, with claims beside verified figures</h5>
      ${newsList(app, game, newsOfRound(s, r), false, true)}
    </section>`;
  };
  return html`<section class="debrief-timeline"><h3>Timeline</h3>${roundsOf(s).map(round)}</section>`;
}

/** One game's ending, for the side-by-side comparison. */
function outcomeColumn(c: Compiled, title: string, s: GameState): TemplateResult {
  return html`<div class="fork-column">
    <h4>${title}</h4>
    <p class="fork-ending">Ending: ${endingLine(c, s)}</p>
    <p>Highest rung: ${c.scenario.ladder[s.peakRung]?.name ?? s.peakRung}</p>
    <ul>${Object.entries(s.ending?.scores ?? {}).map(([a, v]) => html`<li>${nameOf(c, a)}: ${v} points</li>`)}${c.scenario.metrics
      .filter((m) => m.public)
      .map((m) => html`<li>${m.name}: ${num(s.metrics[m.id] ?? m.start)}</li>`)}</ul>
  </div>`;
}

function comparison(c: Compiled, original: GameState, fork: Fork): TemplateResult {
  const last = Math.max(original.round, fork.state.round);
  const rounds = Array.from({ length: last + 1 }, (_, r) => r);
  const choices = (s: GameState, r: number) =>
    s.taken
      .filter((t) => t.round === r)
      .map((t) => choiceText(c, t))
      .join('; ') || '—';
  const same = sameUntil(original, fork.state, fork.round);
  return html`<div class="fork-result" data-fork-round=${fork.round} data-same-before=${String(same)}>
    <p tabindex="-1">${
      same
        ? `Identical to the original up to round ${fork.round}; from there ${nameOf(c, fork.actor)} chose differently and computer players carried on.`
        : 'Warning: the fork differs from the original before the fork round.'
    }</p>
    <div class="fork-columns">${outcomeColumn(c, 'Original game', original)}${outcomeColumn(c, `Fork from round ${fork.round}`, fork.state)}</div>
    <table class="fork-table">
      <caption>Choices round by round</caption>
      <thead><tr><th scope="col">Round</th><th scope="col">Original</th><th scope="col">Fork</th></tr></thead>
      <tbody>${rounds.map(
        (r) =>
          html`<tr data-round=${r} class=${r < fork.round ? 'shared' : 'forked'}><th scope="row">${r === 0 ? 'Opening' : String(r)}</th><td class="orig">${choices(original, r)}</td><td class="alt">${choices(fork.state, r)}</td></tr>`,
      )}</tbody>
    </table>
  </div>`;
}

function forkSection(app: App, game: Game, s: GameState, log: GameLog | null): TemplateResult {
  const c = game.c;
  const sc = c.scenario;
  const results = html`<div class="fork-results">${app.ui.forks.map((f) => comparison(c, s, f))}</div>`;
  const heading = html`<h3>Fork: what if a role had chosen differently?</h3>`;
  if (!log)
    return html`<section class="debrief-fork no-print-form">${heading}<p class="hint">Forks need the game log, which this game does not have.</p>${results}</section>`;
  const last = s.ending?.round ?? s.round;
  const choice = app.ui.fork ?? { round: 1, role: c.playable[0] ?? '', action: '' };
  const at = stateAtRound(sc, log, choice.round, game.actor.logic);
  const open = options(c, at, choice.role).filter((o) => o.unavailable === null);
  const opt = open.find((o) => o.action.id === choice.action);
  const orig = s.taken.filter((t) => t.round === choice.round && t.actor === choice.role);
  const pick = (e: Event) => {
    const form = (e.currentTarget as HTMLElement).closest('form') as HTMLFormElement;
    const value = (cls: string) => form.querySelector<HTMLSelectElement>(`select.${cls}`)?.value ?? '';
    const round = Number(value('fork-round'));
    const role = value('fork-role');
    // Another round or role offers other actions: the choice of action starts again at "hold".
    const same = round === choice.round && role === choice.role;
    app.ui.fork = { round, role, action: same ? value('fork-action') : '' };
    app.render();
  };
  const submit = (e: Event) => {
    e.preventDefault();
    const form = e.currentTarget as HTMLFormElement;
    const target = form.querySelector<HTMLSelectElement>('select.fork-target');
    const orders: Order[] = choice.action
      ? [
          target && !target.disabled
            ? { action: choice.action, target: target.value }
            : { action: choice.action },
        ]
      : [];
    const res = forkGame(sc, log, choice.round, choice.role, orders, game.actor.logic);
    const error = form.querySelector('.error') as HTMLElement;
    if (!res.ok) {
      error.textContent = res.message;
      return;
    }
    error.textContent = '';
    app.ui.forks = [res.fork, ...app.ui.forks];
    app.render();
    document.querySelector<HTMLElement>('.fork-result p')?.focus();
  };
  const targets = opt && opt.action.targets.type !== 'none' ? opt.targets : [];
  return html`<section class="debrief-fork no-print-form">
    ${heading}
    <p class="hint">The game is replayed exactly up to the chosen round; the role then gives the new orders, and computer players play every seat to the end.</p>
    <form class="fork-form no-print" @submit=${submit}>
      <div class="field"><label for="fork-round">Fork from</label><select id="fork-round" class="fork-round" @change=${pick}>${Array.from(
        { length: last },
        (_, i) => html`<option value=${i + 1} ?selected=${i + 1 === choice.round}>Round ${i + 1}</option>`,
      )}</select></div>
      <div class="field"><label for="fork-role">Role that chooses differently</label><select id="fork-role" class="fork-role" @change=${pick}>${c.playable.map(
        (a) => html`<option value=${a} ?selected=${a === choice.role}>${nameOf(c, a)}</option>`,
      )}</select></div>
      <p class="hint fork-was">In the original game: ${orig.length ? orig.map((t) => choiceText(c, t)).join('; ') : 'no action'}.</p>
      <div class="field"><label for="fork-action">Its new choice</label>${keyed(
        `${choice.round}:${choice.role}`,
        html`<select id="fork-action" class="fork-action" @change=${pick}><option value="">Hold: take no action</option>${open.map(
          (o) =>
            html`<option value=${o.action.id} ?selected=${o.action.id === choice.action}>${o.action.name}</option>`,
        )}</select>`,
      )}</div>
      <div class="field"><label for="fork-target">Target</label>${keyed(
        `${choice.round}:${choice.role}:${choice.action}`,
        html`<select id="fork-target" class="fork-target" ?disabled=${targets.length === 0}>${targets.map(
          (t) => html`<option value=${t}>${nameOf(c, t)}</option>`,
        )}</select>`,
      )}</div>
      <p class="error" role="alert"></p>
      <button type="submit" class="primary">Play the fork to its end</button>
    </form>
    ${results}
  </section>`;
}

/** Renders the full debrief of an ended game. */
export function renderFullDebrief(app: App, game: Game): TemplateResult {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const log = session()?.log() ?? null;
  return html`<div class="full-debrief">
    ${summary(c, s)}
    ${exportsSection(c, s, log)}
    ${chartsSection(c, s)}
    ${decisionsSection(c, s)}
    ${timelineSection(app, game, s)}
    ${forkSection(app, game, s, log)}
  </div>`;
}

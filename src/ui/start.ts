// The start screen: choose a scenario (bundled or from a file), who plays each role, the seed; or resume.
import { html, nothing, type TemplateResult } from 'lit-html';
import { keyed } from 'lit-html/directives/keyed.js';
import { suggestSeating } from '../scenario/seating.ts';
import type { Seat } from '../sim/types.ts';
import { heading } from './dom.ts';
import { importSaveControl } from './savebar.ts';
import { listSaves, readSave } from './saves.ts';
import { type LoadedScenario, readScenarioFile } from './scenarios.ts';
import { levelField, type SeatChoice, seatOf, seatOptions } from './seats.ts';
import type { App, StartState } from './types.ts';

/** A fresh random seed, small enough to read out and type. */
export function randomSeed(): number {
  return Math.floor(Math.random() * 1_000_000);
}

/** Every scenario on offer: the bundled ones, then the one opened from a file. */
function choices(app: App): LoadedScenario[] {
  const f = app.ui.start.fromFile;
  return f ? [...app.catalog.ok, f] : app.catalog.ok;
}

function selected(app: App): LoadedScenario | undefined {
  const all = choices(app);
  return all.find((x) => keyOf(x) === app.ui.start.selected) ?? all[0];
}

/** How the start screen keys a scenario in its selection (a file is kept apart from a bundled one of the same id). */
export const keyOf = (x: LoadedScenario) => (x.bundled ? x.scenario.meta.id : `file:${x.scenario.meta.id}`);

/** Default seats: the first playable role is a person, the others computer tit-for-tat. */
function defaultSeats(x: LoadedScenario): StartState['seats'] {
  const seats: StartState['seats'] = {};
  x.scenario.actors
    .filter((a) => a.playable)
    .forEach((a, i) => {
      seats[a.id] = i === 0 ? 'person' : 'tit-for-tat';
    });
  return seats;
}

/** Reads, checks and offers a scenario file; nothing of a bad file is loaded. */
async function openFile(app: App, file: File): Promise<void> {
  const st = app.ui.start;
  // Until the file is read and checked, Start would start whatever was selected before it.
  st.checking = { busy: true, text: `Checking ${file.name}…`, file: file.name };
  app.render();
  const { text, validation: v } = await readScenarioFile(file);
  st.checking = { busy: false, text: v.ok && v.notice ? `${file.name}: ${v.notice}` : '', file: file.name };
  if (!v.ok) st.fileProblems = v.problems;
  else {
    st.fileProblems = [];
    st.fromFile = { scenario: v.scenario, text, file: file.name, bundled: false };
    st.selected = keyOf(st.fromFile);
  }
  app.render();
}

/** Renders the start screen. */
export function renderStart(app: App): TemplateResult {
  const st = app.ui.start;
  const cur = selected(app);
  if (cur) {
    st.selected = keyOf(cur);
    const playable = cur.scenario.actors.filter((a) => a.playable).map((a) => a.id);
    if (Object.keys(st.seats).sort().join() !== playable.slice().sort().join()) st.seats = defaultSeats(cur);
    app.setDisclaimer(cur.scenario.meta.disclaimer);
    app.showMap(cur);
  }
  const pickScenario = (x: LoadedScenario) => () => {
    st.selected = keyOf(x);
    app.render();
  };
  const fileChanged = (e: Event) => {
    const file = (e.currentTarget as HTMLInputElement).files?.[0];
    if (file) void openFile(app, file);
  };
  const submit = (e: Event) => {
    e.preventDefault();
    if (st.checking?.busy || !cur) return;
    const seed = Number((e.currentTarget as HTMLFormElement).querySelector<HTMLInputElement>('#seed')?.value);
    const seats: Record<string, Seat> = {};
    for (const [id, v] of Object.entries(st.seats)) seats[id] = seatOf(v, st.levels[id] ?? 'standard');
    st.message =
      !Number.isInteger(seed) || seed < 0
        ? 'The seed must be a whole number, 0 or more.'
        : !Object.values(seats).some((s) => s.by === 'person')
          ? 'At least one role must be played by a person.'
          : null;
    if (st.message) app.render();
    else app.start(cur, seats, seed);
  };
  const scenario = (x: LoadedScenario) => {
    const id = `scn-${keyOf(x)}`;
    return html`<div class="choice">
      <input type="radio" name="scenario" id=${id} value=${keyOf(x)} aria-describedby=${`${id}-desc`}
        ?checked=${cur !== undefined && keyOf(x) === keyOf(cur)} @change=${pickScenario(x)}><label for=${id}>${x.bundled ? x.scenario.meta.title : `From file: ${x.scenario.meta.title}`}</label>
      <p id=${`${id}-desc`} class="hint">${x.scenario.meta.summary}</p>
    </div>`;
  };
  const broken = app.catalog.broken;
  return html`<div class="screen start">
    ${heading(2, 'Start a game')}
    ${resumeSection(app)}
    <form class="start-form" @submit=${submit}>
      <fieldset>
        <legend>Scenario</legend>
        <div class="scenario-list">${choices(app).map(scenario)}</div>
        <div class="field"><label for="scenario-file">Or open a scenario file (JSON)</label><input type="file" id="scenario-file" accept=".json,application/json" @change=${fileChanged}></div>
        <p class="hint" role="status">${st.checking?.text ?? ''}</p>
        <div id="start-errors">${fileErrors(st.fileProblems, st.checking?.file ?? '')}</div>
      </fieldset>
      <div class="roles">${cur ? keyed(keyOf(cur), rolesFieldset(app, cur)) : nothing}</div>
      <div class="field">
        <label for="seed">Seed</label><input type="number" id="seed" min="0" step="1" value=${st.seed} inputmode="numeric"
          aria-describedby="seed-hint" @input=${(e: Event) => {
            st.seed = Number((e.currentTarget as HTMLInputElement).value);
          }}>
        <p id="seed-hint" class="hint">The same seed and the same choices replay the same game.</p>
      </div>
      <p class="error" role="alert">${st.message ?? ''}</p>
      <button type="submit" class="primary" ?disabled=${!!st.checking?.busy}>Start</button>
    </form>
    ${
      broken.length > 0
        ? html`<details class="broken"><summary>${broken.length} bundled scenario file(s) could not be read</summary><ul>${broken.flatMap(
            (b) => b.problems.slice(0, 5).map((p) => html`<li>${p}</li>`),
          )}</ul></details>`
        : nothing
    }
    <section class="import"><h3>Saved game file</h3>${importSaveControl(app)}</section>
  </div>`;
}

function fileErrors(problems: string[], file: string): TemplateResult | typeof nothing {
  if (problems.length === 0) return nothing;
  return html`<div role="alert" class="error-list">
    <p>The file ${file} is not a valid scenario; nothing of it was loaded:</p>
    <ul>${problems.slice(0, 50).map((p) => html`<li><pre class="problem">${p}</pre></li>`)}</ul>
    ${problems.length > 50 ? html`<p>… and ${problems.length - 50} more.</p>` : nothing}
  </div>`;
}

function rolesFieldset(app: App, cur: LoadedScenario): TemplateResult {
  const st = app.ui.start;
  const seat = (id: string) => (e: Event) => {
    st.seats[id] = (e.currentTarget as HTMLSelectElement).value as SeatChoice;
    // The planner's strength appears beside its select.
    app.render();
  };
  return html`<fieldset><legend>Who plays each role</legend>${cur.scenario.actors
    .filter((a) => a.playable)
    .map((actor) => {
      const choice = st.seats[actor.id] ?? 'tit-for-tat';
      return html`<div class="field"><label for=${`seat-${actor.id}`}>${actor.name}</label><select id=${`seat-${actor.id}`} data-role=${actor.id} @change=${seat(actor.id)}>${seatOptions(choice)}</select></div>
        ${levelField({
          id: `seat-${actor.id}-level`,
          role: actor.id,
          choice,
          level: st.levels[actor.id] ?? 'standard',
          onLevel: (level) => {
            st.levels[actor.id] = level;
          },
        })}`;
    })}${seatingHelp(app, cur)}</fieldset>`;
}

/** How a class of a given size might fill the seats (suggestSeating), and a button to take the suggestion. */
function seatingHelp(app: App, cur: LoadedScenario): TemplateResult {
  const st = app.ui.start;
  const plan = st.classSize === null ? null : suggestSeating(cur.scenario, st.classSize);
  const size = (e: Event) => {
    const v = (e.currentTarget as HTMLInputElement).value;
    st.classSize = v === '' ? null : Number(v);
    app.render();
  };
  const take = () => {
    if (!plan?.ok) return;
    for (const r of plan.seated) st.seats[r.actor] = 'person';
    for (const r of plan.computer) if (r.actor in st.seats) st.seats[r.actor] = 'tit-for-tat';
    app.render();
  };
  return html`<details class="seating"><summary>Seating a class</summary>
    <div class="field"><label for="class-size">Students in the class</label><input type="number" id="class-size" min="1" step="1" inputmode="numeric" .value=${st.classSize === null ? '' : String(st.classSize)} @change=${size}></div>
    ${
      plan === null
        ? nothing
        : !plan.ok
          ? html`<p class="error" role="alert">${plan.message}</p>`
          : html`<ul class="seating-plan">${plan.seated.map(
              (r) =>
                html`<li data-seated=${r.actor}><strong>${r.name}</strong>: a team of ${r.students}. ${r.reason}</li>`,
            )}${plan.computer.map((r) => html`<li data-computer=${r.actor}><strong>${r.name}</strong>: ${r.reason}</li>`)}</ul>
            <button type="button" @click=${take}>Use this seating</button>`
    }
  </details>`;
}

/** Saved games that can go on: a finished game is not offered. */
function resumeSection(app: App): TemplateResult {
  const saves = listSaves().filter((s) => !s.ended);
  if (saves.length === 0) return html`<section class="resume"></section>`;
  const resume = (key: string) => async (e: Event) => {
    const message = (e.currentTarget as HTMLElement).closest('section')?.querySelector('.error');
    const problem = await app.resumeSave(readSave(key));
    if (problem && message) message.textContent = problem;
  };
  return html`<section class="resume">
    <h3>Resume a saved game</h3>
    <ul class="plain">${saves.map((s) => {
      const title =
        app.catalog.ok.find((x) => x.scenario.meta.id === s.scenarioId)?.scenario.meta.title ?? s.scenarioId;
      const round = s.round === null ? '' : s.round === 0 ? ' (briefing)' : ` (round ${s.round})`;
      return html`<li><button type="button" class="primary" data-resume=${s.scenarioId} @click=${resume(s.key)}>Resume game: ${title}${round}</button></li>`;
    })}</ul>
    <p class="error" role="alert"></p>
  </section>`;
}

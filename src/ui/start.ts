// The start screen: choose a scenario (bundled or from a file), who plays each role, the seed; or resume.
import type { PolicyName, Seat } from '../sim/types.ts';
import { button, el, heading, nextId } from './dom.ts';
import { importSaveControl } from './savebar.ts';
import { listSaves, readSave } from './saves.ts';
import { type LoadedScenario, readScenarioFile } from './scenarios.ts';
import type { App, StartState } from './types.ts';

const POLICIES: { value: 'person' | PolicyName; label: string }[] = [
  { value: 'person', label: 'A person (you or your team)' },
  { value: 'tit-for-tat', label: 'Computer: tit-for-tat' },
  { value: 'hawk', label: 'Computer: hawk' },
  { value: 'dove', label: 'Computer: dove' },
];

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

/** Renders the start screen. */
export function renderStart(app: App): HTMLElement {
  const st = app.ui.start;
  const root = el('div', { class: 'screen start' }, heading(2, 'Start a game'));
  root.append(resumeSection(app));

  const errors = el('div', { id: 'start-errors' });
  const rolesBox = el('div', { class: 'roles' });
  const scenarioList = el('div', { class: 'scenario-list' });

  const refresh = () => {
    const cur = selected(app);
    if (!cur) return;
    st.selected = keyOf(cur);
    const playable = cur.scenario.actors.filter((a) => a.playable).map((a) => a.id);
    if (Object.keys(st.seats).sort().join() !== playable.slice().sort().join()) st.seats = defaultSeats(cur);
    rolesBox.replaceChildren(rolesFieldset(app, cur));
    app.setDisclaimer(cur.scenario.meta.disclaimer);
    app.showMap(cur);
  };

  const drawScenarios = () => {
    const group = nextId('scenario');
    scenarioList.replaceChildren(
      ...choices(app).map((x) => {
        const id = nextId('scn');
        const descId = `${id}-desc`;
        const input = el('input', {
          type: 'radio',
          name: group,
          id,
          value: keyOf(x),
          'aria-describedby': descId,
          onchange: () => {
            st.selected = keyOf(x);
            refresh();
          },
        });
        if (keyOf(x) === keyOf(selected(app) ?? x)) input.checked = true;
        return el(
          'div',
          { class: 'choice' },
          input,
          el('label', { for: id }, x.bundled ? x.scenario.meta.title : `From file: ${x.scenario.meta.title}`),
          el('p', { id: descId, class: 'hint' }, x.scenario.meta.summary),
        );
      }),
    );
  };

  const fileId = nextId('scenario-file');
  const fileInput = el('input', { type: 'file', id: fileId, accept: '.json,application/json' });
  const startButton = el('button', { type: 'submit', class: 'primary' }, 'Start');
  const checking = el('p', { class: 'hint', role: 'status' });
  fileInput.addEventListener('change', async () => {
    const file = fileInput.files?.[0];
    if (!file) return;
    // Until the file is read and checked, Start would start whatever was selected before it.
    startButton.disabled = true;
    checking.textContent = `Checking ${file.name}…`;
    const { text, validation: v } = await readScenarioFile(file);
    startButton.disabled = false;
    checking.textContent = v.ok && v.notice ? `${file.name}: ${v.notice}` : '';
    if (!v.ok) {
      // Nothing of a bad file is loaded: the selection and everything else stay as they were.
      st.fileProblems = v.problems;
    } else {
      st.fileProblems = [];
      st.fromFile = { scenario: v.scenario, text, file: file.name, bundled: false };
      st.selected = keyOf(st.fromFile);
    }
    drawErrors(errors, st.fileProblems, file.name);
    drawScenarios();
    refresh();
  });

  const seedId = nextId('seed');
  const seedInput = el('input', {
    type: 'number',
    id: seedId,
    min: 0,
    step: 1,
    value: st.seed,
    inputmode: 'numeric',
    'aria-describedby': `${seedId}-hint`,
    oninput: () => {
      st.seed = Number(seedInput.value);
    },
  });

  const message = el('p', { class: 'error', role: 'alert' }, st.message ?? '');
  const form = el(
    'form',
    {
      class: 'start-form',
      onsubmit: (e) => {
        e.preventDefault();
        if (startButton.disabled) return;
        const cur = selected(app);
        if (!cur) return;
        const seed = Number(seedInput.value);
        if (!Number.isInteger(seed) || seed < 0) {
          message.textContent = 'The seed must be a whole number, 0 or more.';
          return;
        }
        const seats: Record<string, Seat> = {};
        for (const [id, v] of Object.entries(st.seats))
          seats[id] =
            v === 'person' ? { by: 'person', policy: 'tit-for-tat' } : { by: 'computer', policy: v };
        if (!Object.values(seats).some((s) => s.by === 'person')) {
          message.textContent = 'At least one role must be played by a person.';
          return;
        }
        app.start(cur, seats, seed);
      },
    },
    el(
      'fieldset',
      {},
      el('legend', {}, 'Scenario'),
      scenarioList,
      el(
        'div',
        { class: 'field' },
        el('label', { for: fileId }, 'Or open a scenario file (JSON)'),
        fileInput,
      ),
      checking,
      errors,
    ),
    rolesBox,
    el(
      'div',
      { class: 'field' },
      el('label', { for: seedId }, 'Seed'),
      seedInput,
      el(
        'p',
        { id: `${seedId}-hint`, class: 'hint' },
        'The same seed and the same choices replay the same game.',
      ),
    ),
    message,
    startButton,
  );
  root.append(form);
  if (app.catalog.broken.length > 0)
    root.append(
      el(
        'details',
        { class: 'broken' },
        el('summary', {}, `${app.catalog.broken.length} bundled scenario file(s) could not be read`),
        el(
          'ul',
          {},
          app.catalog.broken.flatMap((b) => b.problems.slice(0, 5).map((p) => el('li', {}, p))),
        ),
      ),
    );
  root.append(el('section', { class: 'import' }, el('h3', {}, 'Saved game file'), importSaveControl(app)));
  drawScenarios();
  drawErrors(errors, st.fileProblems, '');
  refresh();
  return root;
}

function drawErrors(box: HTMLElement, problems: string[], file: string): void {
  box.replaceChildren();
  if (problems.length === 0) return;
  box.append(
    el(
      'div',
      { role: 'alert', class: 'error-list' },
      el('p', {}, `The file ${file} is not a valid scenario; nothing of it was loaded:`),
      el(
        'ul',
        {},
        problems.slice(0, 50).map((p) => el('li', {}, el('pre', { class: 'problem' }, p))),
      ),
      problems.length > 50 && el('p', {}, `… and ${problems.length - 50} more.`),
    ),
  );
}

function rolesFieldset(app: App, cur: LoadedScenario): HTMLElement {
  const st = app.ui.start;
  const fs = el('fieldset', {}, el('legend', {}, 'Who plays each role'));
  for (const actor of cur.scenario.actors.filter((a) => a.playable)) {
    const id = nextId(`seat-${actor.id}`);
    const select = el(
      'select',
      {
        id,
        'data-role': actor.id,
        onchange: () => {
          st.seats[actor.id] = select.value as 'person' | PolicyName;
        },
      },
      POLICIES.map((p) => el('option', { value: p.value }, p.label)),
    );
    select.value = st.seats[actor.id] ?? 'tit-for-tat';
    fs.append(el('div', { class: 'field' }, el('label', { for: id }, actor.name), select));
  }
  return fs;
}

function resumeSection(app: App): HTMLElement {
  const saves = listSaves();
  const box = el('section', { class: 'resume' });
  if (saves.length === 0) return box;
  const message = el('p', { class: 'error', role: 'alert' });
  box.append(el('h3', {}, 'Resume a saved game'));
  const list = el('ul', { class: 'plain' });
  for (const s of saves) {
    const title =
      app.catalog.ok.find((x) => x.scenario.meta.id === s.scenarioId)?.scenario.meta.title ?? s.scenarioId;
    const round = s.round === null ? '' : s.round === 0 ? ' (briefing)' : ` (round ${s.round})`;
    list.append(
      el(
        'li',
        {},
        button(
          `Resume game: ${title}${round}`,
          async () => {
            const problem = await app.resumeSave(readSave(s.key));
            if (problem) message.textContent = problem;
          },
          { class: 'primary', 'data-resume': s.scenarioId },
        ),
      ),
    );
  }
  box.append(list, message);
  return box;
}

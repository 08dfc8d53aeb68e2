// The briefing: the shared situation (timeline, opening news, precedent), then each human role's
// private brief and objectives. In hot-seat play each private brief sits behind a pass-the-device screen.
import type { Actor } from '../scenario/schema.ts';
import { briefSummary, briefSummaryView } from './brief-summary.ts';
import { button, el, heading } from './dom.ts';
import { newsList } from './news.ts';
import { litNode } from './screen.ts';
import type { App, Game } from './types.ts';

/** The human roles of a game, in the scenario's order. */
export function humans(game: Game): string[] {
  const s = game.actor.getSnapshot().context;
  return game.c.playable.filter((a) => s.seats[a]?.by === 'person');
}

/** The shared briefing (step 0); with a single human role it includes that role's private brief. */
export function renderBriefing(app: App, game: Game): HTMLElement {
  const sc = game.loaded.scenario;
  const s = game.actor.getSnapshot().context;
  const people = humans(game);
  const single = people.length === 1 ? people[0] : undefined;
  const root = el('div', { class: 'screen briefing' }, heading(2, `Briefing: ${sc.meta.title}`));
  // One screen to read first; the rest unfolds on demand.
  root.append(litNode(briefSummaryView(briefSummary(game.c, s, single ?? null)), 'brief-first'));
  const more = (title: string, ...content: (HTMLElement | false)[]) =>
    el('details', { class: 'brief-more' }, el('summary', {}, title), ...content);
  root.append(
    more(
      'How it began',
      el(
        'ol',
        { class: 'timeline' },
        sc.opening.timeline.map((t) => el('li', {}, el('strong', {}, `${t.when}: `), t.text)),
      ),
    ),
  );
  const opening = s.news.filter((n) => n.round === 0);
  if (opening.length > 0) root.append(more('The opening, as reported', newsList(app, game, opening, false)));
  if (sc.opening.precedent) root.append(more('The precedent', el('p', {}, sc.opening.precedent)));
  root.append(
    more(
      'Who plays',
      el(
        'ul',
        {},
        game.c.playable.map((id) => {
          const seat = s.seats[id];
          const who = seat?.by === 'person' ? 'a person' : `the computer (${seat?.policy ?? 'tit-for-tat'})`;
          return el('li', {}, `${game.c.actors.get(id)?.name ?? id}: ${who}`);
        }),
      ),
    ),
  );
  if (single) {
    const actor = game.c.actors.get(single);
    root.append(
      more(
        'Your private brief',
        el('p', {}, actor?.briefing ?? 'No private brief is written for this role.'),
      ),
    );
    root.append(button('Begin round 1', () => app.send({ type: 'BEGIN' }), { class: 'primary' }));
  } else {
    root.append(
      el('p', {}, 'Each role now reads its private brief alone: pass the device to each team in turn.'),
      button(
        'Continue to the private briefs',
        () => {
          app.ui.briefingStep = 1;
          app.render();
        },
        { class: 'primary' },
      ),
    );
  }
  return root;
}

/** One role's private brief with its objectives. */
function privateBrief(actor: Actor | undefined): HTMLElement {
  if (!actor) return el('section', {});
  return el(
    'section',
    { class: 'private' },
    el('h3', {}, `Your role: ${actor.name}`),
    el('p', {}, actor.briefing ?? 'No private brief is written for this role.'),
    actor.objectives.length > 0 &&
      el(
        'div',
        {},
        el('h4', {}, 'Your objectives'),
        el(
          'ul',
          {},
          actor.objectives.map((o) => el('li', {}, `${o.description} (${o.points} points)`)),
        ),
      ),
  );
}

/** A hot-seat private brief (step k ≥ 1); its button hides it and moves on (the last one begins the game). */
export function renderPrivateBrief(app: App, game: Game, role: string, last: boolean): HTMLElement {
  const actor = game.c.actors.get(role);
  return el(
    'div',
    { class: 'screen brief' },
    heading(2, `Private brief: ${actor?.name ?? role}`),
    privateBrief(actor),
    button(
      last ? 'Hide my brief and begin round 1' : 'Hide my brief',
      () => {
        if (last) app.send({ type: 'BEGIN' });
        else {
          app.ui.briefingStep += 1;
          app.render();
        }
      },
      { class: 'primary' },
    ),
  );
}

/** The pass-the-device screen: nothing of the next role's brief or orders shows until it is confirmed. */
export function renderPass(app: App, game: Game, role: string, purpose: string): HTMLElement {
  const name = game.c.actors.get(role)?.name ?? role;
  return el(
    'div',
    { class: 'screen pass' },
    heading(2, `Pass the device to ${name}`),
    el('p', {}, `The next screen is for ${name} only: ${purpose}. Everyone else, please look away.`),
    button(
      `I am ${name}: continue`,
      () => {
        app.ui.passedTo = role;
        app.render();
      },
      { class: 'primary' },
    ),
  );
}

// The ending: outcome, each role's score against its objectives, the debrief timeline.
import { holds } from '../sim/conditions.ts';
import { endingText } from '../sim/endings.ts';
import { roundDate } from '../sim/text.ts';
import { button, el, heading, num } from './dom.ts';
import { meters, newsOfRound } from './facts.ts';
import { newsList } from './news.ts';
import { saveBar } from './savebar.ts';
import type { App, Game } from './types.ts';

/** Renders the ending screen. */
export function renderEnding(app: App, game: Game): HTMLElement {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const end = s.ending;
  const ending = c.scenario.endings.find((e) => e.id === end?.id);
  const { title, description } = endingText(c, s);
  const scored = c.scenario.actors.filter((a) => end && a.id in end.scores);
  return el(
    'div',
    { class: 'screen ending' },
    heading(2, `The end: ${title}`),
    el('p', {}, description),
    el('p', { class: 'hint' }, `The game ended in round ${end?.round ?? s.round}.`),
    el(
      'section',
      {},
      el('h3', {}, 'Scores'),
      scored.map((a) => {
        const seat = s.seats[a.id];
        const who = seat
          ? seat.by === 'person'
            ? ' (played by a person)'
            : ` (computer, ${seat.policy})`
          : '';
        return el(
          'div',
          { class: 'score' },
          el('h4', {}, `${a.name}${who}: ${end?.scores[a.id] ?? 0} points`),
          a.objectives.length > 0 &&
            el(
              'ul',
              {},
              a.objectives.map((o) => {
                const met = holds(o.when, { c, s });
                return el(
                  'li',
                  { class: met ? 'met' : 'unmet' },
                  el('strong', {}, met ? 'Met: ' : 'Not met: '),
                  `${o.description} (${o.points} points)`,
                );
              }),
            ),
          ending?.scores[a.id] !== undefined &&
            el('p', {}, `This ending gives ${ending.scores[a.id]} points.`),
        );
      }),
    ),
    el(
      'div',
      { class: 'buttons' },
      button(
        'Debrief',
        () => {
          app.ui.debrief = true;
          app.render();
        },
        { class: 'primary' },
      ),
      button('New game', () => app.newGame()),
    ),
    saveBar(app),
  );
}

/**
 * The after-action review (charts, timeline, decision points, forks, exports), loaded on demand so
 * that uPlot stays out of the start screen's bundle. The simple timeline below shows until it loads.
 */
function fullDebrief(app: App, game: Game): HTMLElement {
  const host = el(
    'div',
    { class: 'full-debrief-host', 'aria-busy': 'true' },
    el('p', {}, 'Loading the review…'),
  );
  void import('./debrief.ts').then((m) => {
    host.replaceChildren(m.renderFullDebrief(app, game));
    host.setAttribute('aria-busy', 'false');
    host.closest('.debrief')?.classList.add('loaded');
  });
  return host;
}

/** Renders the debrief: every round's news with claims, true tolls and verified figures, and every metric. */
export function renderDebrief(app: App, game: Game): HTMLElement {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const rounds = Array.from({ length: s.round + 1 }, (_, r) => r);
  return el(
    'div',
    { class: 'screen debrief' },
    heading(2, 'Debrief: the whole timeline'),
    fullDebrief(app, game),
    rounds.map((r) =>
      el(
        'section',
        { class: 'simple-timeline' },
        el('h3', {}, r === 0 ? 'The opening (historical)' : `Round ${r}: ${roundDate(c, r)}`),
        newsList(app, game, newsOfRound(s, r), false, true),
      ),
    ),
    el(
      'section',
      {},
      el('h3', {}, 'Final values, hidden metrics included'),
      el(
        'ul',
        {},
        meters(c, s, true).map((m) =>
          el('li', {}, `${m.metric.name}: ${num(m.value)}${m.metric.public ? '' : ' (hidden during play)'}`),
        ),
      ),
    ),
    el(
      'div',
      { class: 'buttons' },
      button('Back to the ending', () => {
        app.ui.debrief = false;
        app.render();
      }),
      button('New game', () => app.newGame(), { class: 'primary' }),
    ),
  );
}

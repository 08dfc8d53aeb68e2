// The resolution of a round, in tabs: its news; the public meters (value and change), the escalation
// ladder, mediation and the ceasefire; the negotiation; then "Next round".
import { endingAhead } from '../sim/endings.ts';
import { metricValue, roundDate } from '../sim/text.ts';
import { nameOf, whyChange } from './causes.ts';
import { biggestChanges } from './changes.ts';
import { button, el, heading, signed } from './dom.ts';
import { meters, newsOfRound } from './facts.ts';
import { renderNegotiation } from './negotiation.ts';
import { newsList } from './news.ts';
import { saveBar } from './savebar.ts';
import { tabbed } from './tabs.ts';
import type { App, Game } from './types.ts';
import { renderWhy } from './why.ts';

const PHASES: Record<string, string> = {
  none: 'No mediation under way.',
  offered: 'A mediator has offered its good offices.',
  accepted: 'One side has accepted mediation; the other has not yet.',
  talks: 'Talks are under way.',
  agreement: 'The talks reached an agreement.',
  collapsed: 'Mediation has collapsed.',
};

/** The meters, the ladder, mediation and the ceasefire; `why` adds "Why?" buttons to changed meters. */
export function situation(app: App, game: Game, why: boolean): HTMLElement {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const ahead = endingAhead(c, s);
  const table = el(
    'table',
    { class: 'meters' },
    el('caption', {}, 'Meters (public)'),
    el(
      'thead',
      {},
      el(
        'tr',
        {},
        el('th', { scope: 'col' }, 'Meter'),
        el('th', { scope: 'col' }, 'Value'),
        el('th', { scope: 'col' }, 'Change this round'),
        why && el('th', { scope: 'col' }, 'Why'),
      ),
    ),
    el(
      'tbody',
      {},
      meters(c, s).map((m) => {
        const whyId = `why-metric-${m.metric.id}`;
        const range = `${metricValue(m.metric, m.value)} (${m.metric.min}–${m.metric.max})`;
        return el(
          'tr',
          {},
          el('th', { scope: 'row' }, m.metric.name),
          el('td', {}, range),
          el('td', {}, signed(m.delta)),
          why &&
            el(
              'td',
              {},
              m.delta !== 0 &&
                button(
                  ['Why?', el('span', { class: 'visually-hidden' }, ` (${m.metric.name})`)],
                  () =>
                    app.showWhy({
                      title: `${m.metric.name} ${signed(m.delta)}`,
                      nodes: whyChange(c, s, `metric:${m.metric.id}`, s.round),
                      returnTo: whyId,
                    }),
                  { class: 'why', id: whyId },
                ),
            ),
        );
      }),
    ),
  );
  const ladder = el(
    'ol',
    { class: 'ladder', reversed: true },
    c.scenario.ladder
      .map((r, i) =>
        el(
          'li',
          { class: i === s.rung ? 'current' : undefined, 'aria-current': i === s.rung ? 'step' : undefined },
          el('strong', {}, r.name),
          i === s.rung ? ' — current rung: ' : ': ',
          r.description,
        ),
      )
      .reverse(),
  );
  const rungChanged = why && s.changes.some((x) => x.round === s.round && x.subject === 'rung');
  const m = s.mediation;
  const mediators = m.mediators.map((x) => nameOf(c, x)).join(', ');
  const cf = s.ceasefire;
  const ceasefire =
    cf.status === 'none'
      ? 'No ceasefire.'
      : cf.status === 'holding'
        ? `A ceasefire holds since round ${cf.since}${cf.monitored ? ', monitored' : ''}${cf.guaranteed ? ', guaranteed by a third party' : ''}.`
        : 'The ceasefire has broken down.';
  return el(
    'div',
    { class: 'situation' },
    el('section', {}, el('h3', {}, 'Meters'), table),
    el(
      'section',
      {},
      el('h3', {}, 'Escalation ladder'),
      el('p', {}, `Current rung: ${c.scenario.ladder[s.rung]?.name ?? s.rung} (highest rung first).`),
      ahead &&
        el(
          'p',
          { class: 'warning', role: 'status' },
          `One more round like this ends the game: ${ahead.title}.`,
        ),
      ladder,
      rungChanged &&
        button(
          'Why did the ladder move?',
          () =>
            app.showWhy({
              title: 'The ladder moved',
              nodes: whyChange(c, s, 'rung', s.round),
              returnTo: 'why-rung',
            }),
          { class: 'why', id: 'why-rung' },
        ),
    ),
    el(
      'section',
      {},
      el('h3', {}, 'Mediation and ceasefire'),
      el(
        'p',
        {},
        `Mediation: ${PHASES[m.phase] ?? m.phase}${mediators ? ` Mediators: ${mediators}.` : ''}${m.accepted.length ? ` Accepted by: ${m.accepted.map((x) => nameOf(c, x)).join(', ')}.` : ''}`,
      ),
      el('p', {}, `Ceasefire: ${ceasefire}`),
    ),
  );
}

/** The resolution screen of the round just played; after the last round, its button leads to the ending. */
export function renderResolution(app: App, game: Game, last = false): HTMLElement {
  const s = game.actor.getSnapshot().context;
  const c = game.c;
  const items = newsOfRound(s, s.round);
  const moved = biggestChanges(c, s, s.round);
  const panes = [
    {
      id: 'news',
      label: `News (${items.length})`,
      content: el(
        'section',
        {},
        el('h3', {}, 'News this round'),
        moved && el('p', { class: 'moved' }, moved, ' The Situation tab has every meter.'),
        newsList(app, game, items, true),
      ),
    },
    { id: 'situation', label: 'Situation', content: situation(app, game, true) },
  ];
  if (c.scenario.clauses.length > 0)
    panes.push({ id: 'negotiation', label: 'Negotiation', content: renderNegotiation(app, game, null) });
  return el(
    'div',
    { class: 'screen resolution' },
    heading(2, `Round ${s.round} of ${c.scenario.meta.maxRounds}: what happened`),
    el('p', { class: 'hint' }, roundDate(c, s.round)),
    // The explanation sits above the tabs, in view whichever tab asked for it.
    app.ui.why && renderWhy(app, app.ui.why),
    tabbed(app, `Round ${s.round}`, panes),
    last
      ? button(
          'See the ending',
          () => {
            app.ui.endingShown = true;
            app.render();
          },
          { class: 'primary next' },
        )
      : button('Next round', () => app.send({ type: 'NEXT' }), { class: 'primary next' }),
    saveBar(app),
  );
}

import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pathToString } from '../../src/scenario/problem.ts';
import type { Condition, Scenario } from '../../src/scenario/schema.ts';
import { checkSemantics } from '../../src/scenario/semantics.ts';
import { loadFile, parseScenario } from '../sim/helpers.ts';

const minimalText = readFileSync('tests/fixtures/minimal.json', 'utf8');

/** A fresh copy of the minimal scenario, defaults filled in, for one test to change. */
const base = (): Scenario => parseScenario(minimalText);

/** The problems of a changed copy of the minimal scenario, as "path: message". */
function problemsAfter(change: (s: Scenario) => void) {
  const s = base();
  change(s);
  return checkSemantics(s).map((p) => ({ ...p, at: pathToString(p.path) }));
}

/** Asserts exactly one problem at `path` whose message contains `message`; returns it. */
function expectOne(change: (s: Scenario) => void, path: string, message: string) {
  const problems = problemsAfter(change);
  const hits = problems.filter((p) => p.at === path && p.message.includes(message));
  expect(hits, JSON.stringify(problems, null, 2)).toHaveLength(1);
  return hits[0];
}

const action = (s: Scenario, i: number) => s.actions[i] as Scenario['actions'][number];
const outcome0 = (s: Scenario) => action(s, 0).outcomes[0] as Scenario['actions'][number]['outcomes'][number];

describe('clean scenarios', () => {
  it('the minimal fixture has no problem', () => {
    expect(checkSemantics(base())).toEqual([]);
  });

  for (const file of ['scenarios/tutorial.json', 'scenarios/pakistan-afghanistan-2026.json']) {
    it.runIf(existsSync(file))(`${file} has no problem`, () => {
      expect(checkSemantics(loadFile(file))).toEqual([]);
    });
  }
});

describe('duplicate ids', () => {
  const cases: [string, (s: Scenario) => void, string][] = [
    ['actor', (s) => s.actors.push({ ...(s.actors[0] as Scenario['actors'][number]) }), 'actors[2].id'],
    [
      'location',
      (s) => s.locations.push({ ...(s.locations[0] as Scenario['locations'][number]) }),
      'locations[3].id',
    ],
    ['metric', (s) => s.metrics.push({ ...(s.metrics[2] as Scenario['metrics'][number]) }), 'metrics[3].id'],
    ['flag', (s) => s.flags.push({ id: 'pass-shelled', description: 'again', start: false }), 'flags[1].id'],
    [
      'rung',
      (s) => s.ladder.push({ ...(s.ladder[1] as Scenario['ladder'][number]), enterAt: 80 }),
      'ladder[2].id',
    ],
    ['action', (s) => s.actions.push({ ...action(s, 1) }), 'actions[2].id'],
    ['outcome', (s) => (outcome0(s).id = 'miss'), 'actions[0].outcomes[1].id'],
    ['ending', (s) => s.endings.push({ ...(s.endings[0] as Scenario['endings'][number]) }), 'endings[2].id'],
    [
      'reaction',
      (s) => s.reactions.push({ ...(s.reactions[0] as Scenario['reactions'][number]) }),
      'reactions[1].id',
    ],
    [
      'objective',
      (s) => {
        const o = { id: 'win', description: 'Win.', when: { timeUp: true } as Condition, points: 5 };
        s.actors[0]?.objectives.push(o, { ...o });
      },
      'actors[0].objectives[1].id',
    ],
  ];
  it.each(cases)('%s', (what, change, path) => {
    expectOne(change, path, `duplicate ${what}`);
  });

  it('says where the id was first used', () => {
    const p = expectOne((s) => s.actions.push({ ...action(s, 1) }), 'actions[2].id', 'duplicate action');
    expect(p?.expected).toContain('actions[1]');
  });
});

describe('dangling references', () => {
  const cases: [string, (s: Scenario) => void, string, string][] = [
    [
      'country actor',
      (s) => (s.map.countries[0] = { iso: '004', name: 'W', actor: 'wets' }),
      'map.countries[0].actor',
      'actor',
    ],
    [
      'location country',
      (s) => (s.locations[0] = { ...(s.locations[0] as Scenario['locations'][number]), country: '356' }),
      'locations[0].country',
      'country',
    ],
    [
      'actor home',
      (s) => (s.actors[0] = { ...(s.actors[0] as Scenario['actors'][number]), home: 'westam' }),
      'actors[0].home',
      'location or badge',
    ],
    [
      'actor against',
      (s) => (s.actors[0] = { ...(s.actors[0] as Scenario['actors'][number]), against: ['eats'] }),
      'actors[0].against[0]',
      'actor',
    ],
    [
      'metric actor',
      (s) => (s.metrics[1] = { ...(s.metrics[1] as Scenario['metrics'][number]), actor: 'nobody' }),
      'metrics[1].actor',
      'actor',
    ],
    ['action actors', (s) => (action(s, 1).actors = ['esat']), 'actions[1].actors[0]', 'actor'],
    ['target ids', (s) => (action(s, 0).targets.ids = ['pas']), 'actions[0].targets.ids[0]', 'location'],
    [
      'cost metric',
      (s) => action(s, 0).cost.push({ metric: 'escalaton', add: 1 }),
      'actions[0].cost[0].metric',
      'metric',
    ],
    [
      'effect metric',
      (s) => outcome0(s).effects.push({ metric: 'pain-est', add: 1 }),
      'actions[0].outcomes[0].effects[3].metric',
      'metric',
    ],
    [
      'effect flag',
      (s) => outcome0(s).effects.push({ flag: 'pass-shelld', set: true }),
      'actions[0].outcomes[0].effects[3].flag',
      'flag',
    ],
    [
      'effect rung',
      (s) => outcome0(s).effects.push({ rung: 'clash' }),
      'actions[0].outcomes[0].effects[3].rung',
      'rung',
    ],
    [
      'effect crossing',
      (s) => outcome0(s).effects.push({ crossing: 'pas', status: 'open' }),
      'actions[0].outcomes[0].effects[3].crossing',
      'crossing',
    ],
    [
      'casualties side',
      (s) => outcome0(s).effects.push({ casualties: { side: 'eas', killed: [1, 2], claims: {} } }),
      'actions[0].outcomes[0].effects[3].casualties.side',
      'actor',
    ],
    [
      'casualties claimant',
      (s) =>
        outcome0(s).effects.push({ casualties: { side: 'east', killed: [1, 2], claims: { wes: [1, 2] } } }),
      'actions[0].outcomes[0].effects[3].casualties.claims.wes',
      'actor',
    ],
    [
      'casualties location',
      (s) =>
        outcome0(s).effects.push({
          casualties: { side: 'east', killed: [1, 2], claims: {}, location: 'pss' },
        }),
      'actions[0].outcomes[0].effects[3].casualties.location',
      'location',
    ],
    [
      'map cue',
      (s) => outcome0(s).map.push({ kind: 'strike', from: 'wset-capital', at: 'target' }),
      'actions[0].outcomes[0].map[0].from',
      'location or badge',
    ],
    [
      'reaction actor',
      (s) => ((s.reactions[0] as Scenario['reactions'][number]).actor = 'eest'),
      'reactions[0].actor',
      'actor',
    ],
    [
      'ending score',
      (s) => ((s.endings[1] as Scenario['endings'][number]).scores = { weest: 1 }),
      'endings[1].scores.weest',
      'actor',
    ],
    [
      'condition metric',
      (s) => (action(s, 1).requires = { metric: 'escalatio', op: '>', value: 1 }),
      'actions[1].requires.metric',
      'metric',
    ],
    [
      'condition rung',
      (s) => (action(s, 1).requires = { rung: { atLeast: 'clashs' } }),
      'actions[1].requires.rung.atLeast',
      'rung',
    ],
    [
      'condition flag',
      (s) => (action(s, 1).requires = { not: { flag: 'shelled' } }),
      'actions[1].requires.not.flag',
      'flag',
    ],
    [
      'taken action',
      (s) => (action(s, 1).requires = { taken: { action: 'shell-pas' } }),
      'actions[1].requires.taken.action',
      'action',
    ],
    [
      'taken by',
      (s) => (action(s, 1).requires = { taken: { action: 'shell-pass', by: 'wst' } }),
      'actions[1].requires.taken.by',
      'actor',
    ],
    [
      'playedBy',
      (s) => (action(s, 1).requires = { playedBy: { actor: 'wast', is: 'person' } }),
      'actions[1].requires.playedBy.actor',
      'actor',
    ],
    [
      'nested in any/all/sustained',
      (s) =>
        (action(s, 1).requires = {
          any: [{ timeUp: true }, { all: [{ sustained: { flag: 'nope' }, rounds: 1 }] }],
        }),
      'actions[1].requires.any[1].all[0].sustained.flag',
      'flag',
    ],
    ['opening reaction', (s) => s.opening.reactions.push('east-protest'), 'opening.reactions[0]', 'reaction'],
    [
      'script action',
      (s) => ((s.opening.script[0] as Scenario['opening']['script'][number]).action = 'shell'),
      'opening.script[0].action',
      'action',
    ],
  ];
  it.each(cases)('%s', (_name, change, path, kind) => {
    expectOne(change, path, `unknown ${kind}`);
  });

  it('suggests a close id of the right kind, and nothing when no id is close', () => {
    expect(
      expectOne((s) => (action(s, 1).actors = ['eas']), 'actions[1].actors[0]', 'unknown actor')?.suggestion,
    ).toBe('east');
    const far = expectOne(
      (s) => (action(s, 1).actors = ['bystander']),
      'actions[1].actors[0]',
      'unknown actor',
    );
    expect(far?.suggestion).toBeUndefined();
    // 'west-capital' is a location, not an actor: never suggested for an actor.
    const kind = expectOne(
      (s) => (action(s, 1).actors = ['west-capita']),
      'actions[1].actors[0]',
      'unknown actor',
    );
    expect(kind?.suggestion).toBeUndefined();
  });

  it('a crossing must be a location of kind crossing', () => {
    expectOne(
      (s) => (action(s, 1).requires = { crossing: 'east-capital', status: 'open' }),
      'actions[1].requires.crossing',
      'is a capital, not a crossing',
    );
  });

  it('a mediator must have a mediator section', () => {
    expectOne(
      (s) => outcome0(s).effects.push({ mediation: 'offer', mediator: 'east' }),
      'actions[0].outcomes[0].effects[3].mediator',
      'is not a mediator',
    );
  });

  it('hostility and trust references need metrics of those roles', () => {
    expectOne(
      (s) => ((s.actors[0] as Scenario['actors'][number]).hostility = 'pain-east'),
      'actors[0].hostility',
      'needs a metric of role "hostility"',
    );
    expectOne(
      (s) =>
        s.metrics.push({
          ...(s.metrics[0] as Scenario['metrics'][number]),
          id: 'trust-x',
          role: 'trust',
          actor: 'east',
        }),
      'metrics[3].actor',
      'not a mediator',
    );
  });

  it('the opening script must be something the actor may do, with an existing outcome and a valid target', () => {
    const problems = problemsAfter((s) => {
      s.opening.script = [
        { actor: 'west', action: 'reopen-pass', outcome: 'reopened', when: 'Day 1' },
        { actor: 'east', action: 'shell-pass', outcome: 'hti', target: 'east-capital', when: 'Day 1' },
        { actor: 'east', action: 'shell-pass', outcome: 'hit', when: 'Day 1' },
        { actor: 'east', action: 'reopen-pass', outcome: 'reopened', target: 'pass', when: 'Day 1' },
      ];
    }).map((p) => `${p.at}: ${p.message}`);
    expect(problems).toEqual([
      "opening.script[0].actor: actor 'west' may not take action 'reopen-pass'",
      "opening.script[1].outcome: unknown outcome 'hti' of action 'shell-pass'",
      "opening.script[1].target: 'east-capital' is not a valid target of action 'shell-pass'",
      "opening.script[2]: action 'shell-pass' needs a target (a location)",
      "opening.script[3].target: action 'reopen-pass' takes no target",
    ]);
  });

  it('an action whose targets match nothing is reported', () => {
    expectOne(
      (s) => (action(s, 0).targets = { type: 'location', kinds: ['airbase'] }),
      'actions[0].targets',
      'no valid target',
    );
  });
});

describe('numbers', () => {
  it('outcome probabilities must sum to 1, within floating-point tolerance', () => {
    const tenths = (s: Scenario) => {
      const [hit, miss] = action(s, 0).outcomes as unknown as [
        { probability: number },
        { probability: number },
      ];
      hit.probability = 0.7;
      miss.probability = 0.2;
      action(s, 0).outcomes.push({ id: 'dud', probability: 0.1, effects: [], map: [] });
    };
    expect(0.7 + 0.2 + 0.1).not.toBe(1);
    expect(problemsAfter(tenths)).toEqual([]);
    const p = expectOne(
      (s) => ((action(s, 0).outcomes[1] as { probability: number }).probability = 0.5),
      'actions[0].outcomes',
      'sum to 1.2',
    );
    expect(p?.found).toBe('0.7 + 0.5');
  });

  it('metric ranges: min < max and start inside', () => {
    expectOne(
      (s) => Object.assign(s.metrics[2] as object, { min: 5, max: 5 }),
      'metrics[2].max',
      'max must be greater than min',
    );
    expectOne(
      (s) => Object.assign(s.metrics[2] as object, { start: 101 }),
      'metrics[2].start',
      'start is outside its range',
    );
  });

  it('exactly one escalation metric', () => {
    expectOne(
      (s) => Object.assign(s.metrics[2] as object, { role: 'escalation' }),
      'metrics[2].role',
      'more than one metric has role "escalation"',
    );
    expectOne(
      (s) => Object.assign(s.metrics[0] as object, { role: 'other' }),
      'metrics',
      'no metric has role "escalation"',
    );
  });

  it('the ladder: enterAt strictly increasing, leaveBelow <= enterAt, thresholds within the escalation range', () => {
    expectOne(
      (s) => Object.assign(s.ladder[1] as object, { enterAt: 0 }),
      'ladder[1].enterAt',
      'enterAt must be above the rung below',
    );
    expectOne(
      (s) => Object.assign(s.ladder[1] as object, { leaveBelow: 60 }),
      'ladder[1].leaveBelow',
      'leaveBelow must not be above enterAt',
    );
    expectOne(
      (s) => Object.assign(s.ladder[0] as object, { enterAt: -5, leaveBelow: -5 }),
      'ladder[0].enterAt',
      'threshold out of range',
    );
    expectOne(
      (s) => Object.assign(s.ladder[1] as object, { leaveBelow: -1 }),
      'ladder[1].leaveBelow',
      'threshold out of range',
    );
    expectOne(
      (s) => Object.assign(s.ladder[1] as object, { enterAt: 101 }),
      'ladder[1].enterAt',
      "rung 'clashes' can never be reached",
    );
  });
});

describe('ending descriptions', () => {
  const ending0 = (s: Scenario) => s.endings[0] as Scenario['endings'][number];
  const describe0 = (text: string) => (s: Scenario) => {
    ending0(s).description = text;
  };

  it('may quote a public metric, with or without plural forms, and the round and date', () => {
    expect(
      problemsAfter(
        describe0('In round {round} ({date}) escalation stood at {metric:escalation|point|points}.'),
      ),
    ).toEqual([]);
  });

  it('refuse a hidden metric, which players never see', () => {
    const hide = (s: Scenario) => {
      const m = s.metrics.find((x) => x.id === 'pain-east');
      if (m) m.public = false;
      describe0('East hurts: {metric:pain-east}.')(s);
    };
    const p = expectOne(
      hide,
      'endings[0].description',
      'placeholder {metric:pain-east} quotes a hidden metric, which players never see',
    );
    expect(p?.expected).toBe('{metric:ID} with ID a metric whose "public" is true');
  });

  it('refuse an unknown metric with the closest id as a suggestion', () => {
    const p = expectOne(
      describe0('{metric:escalaton}'),
      'endings[0].description',
      "placeholder {metric:escalaton} names an unknown metric 'escalaton'",
    );
    expect(p?.suggestion).toBe('{metric:escalation}');
  });

  it('refuse the news placeholders, and news templates refuse {metric:ID}', () => {
    expectOne(
      describe0('{actor} won'),
      'endings[0].description',
      'placeholder {actor} belongs in a news template',
    );
    expectOne(
      (s) => (outcome0(s).news = { headline: '{metric:escalation}' }),
      'actions[0].outcomes[0].news.headline',
      'placeholder {metric:escalation} belongs in an ending description',
    );
  });
});

describe('news templates', () => {
  const headline = (text: string) => (s: Scenario) => {
    outcome0(s).news = { headline: text };
  };
  it('accepts every documented placeholder', () => {
    const all = '{actor} {target} {round} {date} {killed} {verified} {mediator} {claim:west} {claim:east}';
    expect(problemsAfter(headline(all))).toEqual([]);
  });

  it('reports unknown placeholders with a suggestion', () => {
    const p = expectOne(
      headline('{actr} hits {target}'),
      'actions[0].outcomes[0].news.headline',
      'unknown placeholder {actr}',
    );
    expect(p?.suggestion).toBe('{actor}');
    expect(p?.expected).toContain('{claim:ACTOR}');
  });

  it('reports {claim:X} with an unknown actor, in bodies, reactions and injects too', () => {
    expectOne(
      (s) => (outcome0(s).news = { headline: 'x', body: '{claim:wst}' }),
      'actions[0].outcomes[0].news.body',
      "unknown actor 'wst'",
    );
    expectOne(
      (s) => ((s.reactions[0] as Scenario['reactions'][number]).news = { headline: '{who}' }),
      'reactions[0].news.headline',
      'unknown placeholder {who}',
    );
    expectOne(
      (s) =>
        s.injects.push({
          id: 'i',
          name: 'I',
          description: 'D',
          effects: [],
          map: [],
          news: { headline: '{Round}' },
        }),
      'injects[0].news.headline',
      'unknown placeholder {Round}',
    );
  });

  it('leaves HTML-looking text alone: it is plain text', () => {
    expect(problemsAfter(headline('<b>{actor}</b> <script>alert(1)</script>'))).toEqual([]);
  });
});

describe('reachability', () => {
  const requires = (c: Condition) => (s: Scenario) => {
    action(s, 1).requires = c;
  };
  const never = (c: Condition, path = 'actions[1].requires') =>
    expectOne(requires(c), path, "action 'reopen-pass' can never be taken");
  const fine = (c: Condition) => expect(problemsAfter(requires(c))).toEqual([]);

  it('metric comparisons outside what effects and rules can reach', () => {
    never({ metric: 'escalation', op: '>', value: 100 });
    fine({ metric: 'escalation', op: '>=', value: 100 });
    // pain-east starts at 0 and only an effect adding 10 moves it: it never falls below 0.
    const painFrom20 = (s: Scenario) => {
      Object.assign(s.metrics[2] as object, { start: 20 });
      action(s, 1).requires = { metric: 'pain-east', op: '<', value: 10 };
    };
    expect(expectOne(painFrom20, 'actions[1].requires', 'never goes below 20')?.message).toBe(
      "action 'reopen-pass' can never be taken: metric 'pain-east' never goes below 20: it starts there and nothing lowers it, so \"pain-east < 10\" is never true",
    );
    never({ metric: 'pain-east', op: '<', value: 0 });
    fine({ metric: 'pain-east', op: '>', value: 90 });
    // Hostility moves by the engine's Richardson rule even though no effect touches it.
    fine({ metric: 'hostility-west', op: '<', value: 5 });
  });

  it('a metric nothing changes stays at its start', () => {
    const change = (s: Scenario) => {
      s.metrics.push({
        id: 'morale',
        name: 'Morale',
        role: 'other',
        min: 0,
        max: 10,
        start: 5,
        public: true,
      });
      action(s, 1).requires = { metric: 'morale', op: '>', value: 5 };
    };
    expect(expectOne(change, 'actions[1].requires', 'can never be taken')?.message).toContain(
      'stays at its start value 5',
    );
  });

  it('flags that are never set, crossings never closed', () => {
    fine({ flag: 'pass-shelled', is: false });
    const unset = (s: Scenario) => {
      outcome0(s).effects.splice(1, 1); // the effect that sets pass-shelled
    };
    expectOne(unset, 'reactions[0].when', "flag 'pass-shelled' starts false and no effect sets it true");
    const neverClosed = (s: Scenario) => {
      outcome0(s).effects.shift(); // the effect that closes the pass
    };
    expectOne(neverClosed, 'actions[1].requires', "crossing 'pass' is never closed");
  });

  it('role rules: trade falls only while a crossing can close', () => {
    const change = (s: Scenario) => {
      s.metrics.push({
        id: 'trade',
        name: 'Trade',
        role: 'trade',
        min: 0,
        max: 100,
        start: 100,
        public: true,
      });
      outcome0(s).effects.shift(); // nothing closes the pass any more
      s.endings[0] = {
        ...(s.endings[0] as Scenario['endings'][number]),
        when: { metric: 'trade', op: '<', value: 50 },
      };
    };
    expectOne(
      change,
      'endings[0].when',
      "ending 'war' can never happen: metric 'trade' never goes below 100",
    );
  });

  it('any, not, all', () => {
    never({ any: [{ chance: 0 }, { round: { op: '>', value: 6 } }] });
    fine({ any: [{ chance: 0 }, { round: { op: '>', value: 5 } }] });
    never({ not: { chance: 1 } }, 'actions[1].requires.not');
    never(
      { all: [{ flag: 'pass-shelled' }, { flag: 'pass-shelled', is: false }] },
      'actions[1].requires.all',
    );
    never(
      {
        all: [
          { metric: 'escalation', op: '>=', value: 50 },
          { all: [{ metric: 'escalation', op: '<', value: 50 }] },
        ],
      },
      'actions[1].requires.all',
    );
    never(
      { all: [{ round: { op: '<', value: 3 } }, { round: { op: '>', value: 3 } }] },
      'actions[1].requires.all',
    );
    never(
      {
        all: [{ playedBy: { actor: 'west', is: 'person' } }, { playedBy: { actor: 'west', is: 'computer' } }],
      },
      'actions[1].requires.all',
    );
    never({ all: [{ flag: 'pass-shelled' }, { not: { flag: 'pass-shelled' } }] }, 'actions[1].requires.all');
    fine({
      all: [
        { metric: 'escalation', op: '>=', value: 50 },
        { metric: 'escalation', op: '<=', value: 50 },
      ],
    });
  });

  it('rungs, mediation, ceasefire, rounds, players, actions taken', () => {
    never({ mediation: 'agreement' });
    never({ ceasefire: 'holding' });
    fine({ ceasefire: 'none' });
    never({ round: { op: '==', value: 0 } });
    never({ sustained: { timeUp: true }, rounds: 8 }, 'actions[1].requires.rounds');
    fine({ rung: { atLeast: 'clashes' } });
    const nonPlayable = (s: Scenario) => {
      (s.actors[1] as Scenario['actors'][number]).playable = false;
      action(s, 1).requires = { playedBy: { actor: 'east', is: 'person' } };
    };
    expectOne(nonPlayable, 'actions[1].requires', 'is not playable');
    // Nothing can ever take reopen-pass, so the reaction waiting for it never fires.
    const chained = (s: Scenario) => {
      action(s, 1).requires = { chance: 0 };
      (s.reactions[0] as Scenario['reactions'][number]).when = { taken: { action: 'reopen-pass' } };
    };
    expect(problemsAfter(chained).map((p) => p.message)).toEqual([
      "action 'reopen-pass' can never be taken: its chance is 0",
      "reaction 'east-protests' can never fire: action 'reopen-pass' can never be taken: its chance is 0",
    ]);
    // The opening script took shell-pass, so taken(shell-pass) holds even if it is later unavailable.
    fine({ taken: { action: 'shell-pass', by: 'west' } });
  });

  it('a rung above the escalation range makes rung conditions on it impossible', () => {
    const problems = problemsAfter((s) => Object.assign(s.ladder[1] as object, { enterAt: 120 })).map(
      (p) => p.at,
    );
    expect(problems).toEqual(['ladder[1].enterAt', 'endings[0].when.sustained']);
  });

  it('there must be an ending that holds when time runs out', () => {
    const noTimeUp = (s: Scenario) =>
      Object.assign(s.endings[1] as object, { when: { round: { op: '>=', value: 6 } } });
    expectOne(noTimeUp, 'endings', 'no ending holds when time runs out');
    const inAny = (s: Scenario) =>
      Object.assign(s.endings[1] as object, { when: { any: [{ flag: 'pass-shelled' }, { timeUp: true }] } });
    expect(problemsAfter(inAny)).toEqual([]);
    const inAll = (s: Scenario) =>
      Object.assign(s.endings[1] as object, { when: { all: [{ flag: 'pass-shelled' }, { timeUp: true }] } });
    expectOne(inAll, 'endings', 'no ending holds when time runs out');
  });
});

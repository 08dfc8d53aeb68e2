// N parties and every seat (issue 23): texts signed by any number of parties, shuttle diplomacy and its
// privacy, third parties signing as guarantor or monitor, versions, and reactions that step aside for a person.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import type { Scenario } from '../../src/scenario/schema.ts';
import { compile } from '../../src/sim/compile.ts';
import { holds } from '../../src/sim/conditions.ts';
import { createGameMachine } from '../../src/sim/machine.ts';
import {
  answer,
  answerError,
  currentVersion,
  pass,
  passError,
  proposalError,
  propose,
  signAs,
  signError,
} from '../../src/sim/negotiation.ts';
import { projectFor } from '../../src/sim/projection.ts';
import { bindsSeat, runReactions } from '../../src/sim/round.ts';
import { initialState } from '../../src/sim/state.ts';
import { openStep } from '../../src/sim/step.ts';
import type { ClauseAnswer, GameState, Seat } from '../../src/sim/types.ts';
import { loadFile } from './helpers.ts';

const tutorial = loadFile('scenarios/tutorial.json');
const person: Seat = { by: 'person', policy: 'tit-for-tat' };
const EVERYONE = { north: person, south: person, commission: person };

/** The tutorial with a third belligerent (the Delta League, against the north) and two third parties. */
function fourParties(): Scenario {
  const north = tutorial.actors.find((a) => a.id === 'north');
  if (!north) throw new Error('fixture changed');
  const actor = (id: string, role: Scenario['actors'][number]['role']) => ({
    ...north,
    id,
    name: `the ${id}`,
    role,
    against: role === 'belligerent' ? ['north'] : [],
    hostility: undefined,
    objectives: [],
    briefing: undefined,
  });
  return {
    ...tutorial,
    actors: [
      ...tutorial.actors,
      actor('delta', 'belligerent'),
      actor('basin', 'great-power'),
      actor('league', 'organisation'),
    ],
  };
}

const stepOn = (sc: Scenario, seats: Record<string, Seat>, patch: Partial<GameState> = {}) => {
  const c = compile(sc);
  return openStep(c, { ...initialState(c, { seed: 3, seats }), round: 1, ...patch });
};

const holdFire = [{ clause: 'hold-fire', params: {} }];
const allAccept = (st: { s: GameState }): Record<string, ClauseAnswer> =>
  Object.fromEntries((currentVersion(st.s)?.terms ?? []).map((t) => [t.clause, 'accept' as const]));

describe('texts among N parties', () => {
  it('a text of three parties is signed only when the third accepts, with the carrier as guarantor', () => {
    const sc = fourParties();
    const st = stepOn(sc, { north: person, south: person, delta: person });
    expect(st.c.parties).toEqual(['north', 'south', 'delta']);
    expect(proposalError(st.c, st.s, 'north', holdFire, 'commission')).toBeNull();
    const v = propose(st, 'north', holdFire, 'commission');
    // A computer commission passes the text on to every other party at once, with its own clause.
    expect(v.parties).toEqual(['north', 'south', 'delta']);
    expect(v.shown).toEqual(['south', 'delta']);
    expect(v.terms.map((t) => [t.clause, t.by])).toEqual([
      ['hold-fire', 'north'],
      ['commission-guarantee', 'commission'],
    ]);
    answer(st, 'south', allAccept(st));
    expect(st.s.negotiation.agreements).toEqual([]);
    answer(st, 'delta', allAccept(st));
    const [a] = st.s.negotiation.agreements;
    expect(a?.parties).toEqual(['north', 'south', 'delta']);
    expect(a?.guarantors).toEqual(['commission']);
    expect(st.s.ceasefire.status).toBe('holding');
    expect(st.s.news.at(-1)?.headline).toBe(
      'Agreement signed by the Northern Republic, the Southern Republic, the delta, with the River Commission as guarantor (version 1)',
    );
    expect(holds({ text: { status: 'in-force', by: 'delta' } }, st)).toBe(true);
    expect(holds({ text: { status: 'in-force', by: 'basin' } }, st)).toBe(false);
    expect(holds({ engaged: 'commission' }, st)).toBe(true);
  });

  it('a text may bind some of the parties: two of three sign it without the third', () => {
    const st = stepOn(fourParties(), { north: person, south: person, delta: person });
    expect(proposalError(st.c, st.s, 'north', holdFire, null, ['north'])).toBe(
      'a text needs at least 2 parties',
    );
    expect(proposalError(st.c, st.s, 'north', holdFire, null, ['south', 'delta'])).toBe(
      "the Northern Republic must be one of the text's parties",
    );
    expect(proposalError(st.c, st.s, 'north', holdFire, null, ['north', 'basin'])).toBe(
      'the basin is not a party to the conflict',
    );
    propose(st, 'north', holdFire, null, undefined, ['north', 'delta']);
    expect(answerError(st.c, st.s, 'south', 1, { 'hold-fire': 'accept' })).toBe(
      'the Southern Republic is not a party to version 1',
    );
    answer(st, 'delta', allAccept(st));
    expect(st.s.negotiation.agreements[0]?.parties).toEqual(['north', 'delta']);
    expect(st.s.negotiation.agreements[0]?.guarantors).toEqual([]);
  });

  it('versions: a counter-proposal of the third party is a new version of the same text, for the same parties', () => {
    const st = stepOn(fourParties(), { north: person, south: person, delta: person });
    propose(st, 'north', [...holdFire, { clause: 'bridge-open', params: {} }], null);
    answer(st, 'south', { 'hold-fire': 'accept', 'bridge-open': 'accept' });
    answer(st, 'delta', { 'hold-fire': 'accept', 'bridge-open': 'reject' });
    const [first, counter] = st.s.negotiation.versions;
    expect(counter).toMatchObject({ n: 2, text: first?.text, basedOn: 1, author: 'delta' });
    expect(counter?.parties).toEqual(['north', 'south', 'delta']);
    expect(counter?.terms.map((t) => t.clause)).toEqual(['hold-fire']);
    expect(currentVersion(st.s)?.n).toBe(2);
  });

  it('a mediator drafts its own text with a bridging clause and its own; a party may not add a mediator’s clause', () => {
    const st = stepOn(tutorial, EVERYONE);
    const drafts = [...holdFire, { clause: 'commission-guarantee', params: {} }];
    expect(proposalError(st.c, st.s, 'north', drafts, null)).toBe(
      'only a mediator may add "The Commission guarantees"',
    );
    expect(proposalError(st.c, st.s, 'commission', drafts, null)).toBe(
      'a mediator carries its own text: "via" must be commission',
    );
    expect(proposalError(st.c, st.s, 'commission', drafts, 'commission')).toBeNull();
    const v = propose(st, 'commission', drafts, 'commission');
    // A person holds the commission: nobody else sees the draft until it is passed on.
    expect(v.shown).toEqual([]);
    expect(v.answers).toEqual({});
    expect(answerError(st.c, st.s, 'north', v.n, allAccept(st))).toBe(
      'version 1 has not been passed on to the Northern Republic',
    );
  });
});

describe('shuttle diplomacy', () => {
  it('each party answers only what the mediator passed on; the signed text is public', () => {
    const st = stepOn(tutorial, EVERYONE);
    propose(st, 'commission', holdFire, 'commission');
    expect(passError(st.c, st.s, 'north', 1, ['south'])).toBe(
      'the Northern Republic does not carry version 1',
    );
    expect(passError(st.c, st.s, 'commission', 1, ['commission'])).toBe(
      'the River Commission is not a party to version 1',
    );
    pass(st, 'commission', ['north']);
    answer(st, 'north', { 'hold-fire': 'accept' }, {}, 'north: quietly yes');
    const south = projectFor(tutorial, { seat: 'south' }, st.s).state;
    expect(south.negotiation.versions).toEqual([]);
    expect(JSON.stringify(south)).not.toContain('quietly yes');
    const mediator = projectFor(tutorial, { seat: 'commission' }, st.s).state;
    expect(mediator.negotiation.versions[0]?.answers.north).toEqual({ 'hold-fire': 'accept' });
    pass(st, 'commission', ['south']);
    const passed = projectFor(tutorial, { seat: 'south' }, st.s).state;
    expect(passed.negotiation.versions[0]?.answers).toEqual({});
    answer(st, 'south', { 'hold-fire': 'accept' });
    expect(st.s.negotiation.agreements[0]?.guarantors).toEqual(['commission']);
    const presenter = projectFor(tutorial, 'presenter', st.s).state;
    expect(presenter.negotiation.versions.map((v) => v.n)).toEqual([1]);
    expect(JSON.stringify(presenter)).not.toContain('quietly yes');
  });

  it('property: a party’s private answer never appears in another party’s projection', () => {
    const parties = ['north', 'south'] as const;
    const move = fc.oneof(
      fc.record({ kind: fc.constant('draft' as const), by: fc.constantFrom('north', 'south', 'commission') }),
      fc.record({ kind: fc.constant('pass' as const), to: fc.subarray([...parties], { minLength: 1 }) }),
      fc.record({
        kind: fc.constant('answer' as const),
        by: fc.constantFrom(...parties),
        answers: fc.array(fc.constantFrom<ClauseAnswer>('accept', 'reject', 'change'), {
          minLength: 2,
          maxLength: 2,
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(move, { maxLength: 14 }), (moves) => {
        const st = stepOn(tutorial, EVERYONE);
        const secrets: { by: string; text: string }[] = [];
        moves.forEach((m, i) => {
          const v = currentVersion(st.s);
          if (m.kind === 'draft') {
            const drafts = [...holdFire, { clause: 'bridge-open', params: {} }];
            if (proposalError(st.c, st.s, m.by, drafts, 'commission') === null)
              propose(st, m.by, drafts, 'commission', `secret-${m.by}-${i}`);
            if (m.by !== 'commission') secrets.push({ by: m.by, text: `secret-${m.by}-${i}` });
          } else if (m.kind === 'pass') {
            if (v && passError(st.c, st.s, 'commission', v.n, m.to) === null) pass(st, 'commission', m.to);
          } else if (v) {
            const answers = Object.fromEntries(v.terms.map((t, j) => [t.clause, m.answers[j] ?? 'accept']));
            const changes = Object.fromEntries(
              v.terms.filter((t) => answers[t.clause] === 'change').map((t) => [t.clause, t.params]),
            );
            if (answerError(st.c, st.s, m.by, v.n, answers, changes) === null) {
              answer(st, m.by, answers, changes, `secret-${m.by}-${i}`);
              secrets.push({ by: m.by, text: `secret-${m.by}-${i}` });
            }
          }
        });
        for (const viewer of parties) {
          const seen = JSON.stringify(projectFor(tutorial, { seat: viewer }, st.s).state);
          for (const x of secrets) if (x.by !== viewer) expect(seen).not.toContain(x.text);
          const versions = projectFor(tutorial, { seat: viewer }, st.s).state.negotiation.versions;
          const other = parties.find((p) => p !== viewer) ?? '';
          for (const v of versions) expect(v.answers[other]).toBeUndefined();
        }
        // The mediator hears every answer.
        const heard = JSON.stringify(projectFor(tutorial, { seat: 'commission' }, st.s).state);
        for (const x of secrets)
          if (st.s.causes.some((c) => c.reason === x.text)) expect(heard).toContain(x.text);
      }),
      { numRuns: 200 },
    );
  });
});

describe('third parties sign on', () => {
  it('as guarantor (the ceasefire is guaranteed) or monitor; parties and repeats are refused', () => {
    const st = stepOn(fourParties(), { north: person, south: person, delta: person });
    expect(signError(st.c, st.s, 'basin', 'guarantor')).toBe('no agreement is in force');
    propose(st, 'north', holdFire, null);
    answer(st, 'south', allAccept(st));
    answer(st, 'delta', allAccept(st));
    expect(st.s.ceasefire).toMatchObject({ status: 'holding', guaranteed: false, monitored: false });
    expect(signError(st.c, st.s, 'south', 'guarantor')).toBe('the Southern Republic signed it as a party');
    signAs(st, 'basin', 'guarantor');
    signAs(st, 'league', 'monitor');
    expect(signError(st.c, st.s, 'basin', 'guarantor')).toBe('the basin already signed it as guarantor');
    const a = st.s.negotiation.agreements[0];
    expect(a?.guarantors).toEqual(['basin']);
    expect(a?.monitors).toEqual(['league']);
    expect(st.s.ceasefire).toMatchObject({ guaranteed: true, monitored: true });
    expect(holds({ text: { status: 'signed', by: 'league' } }, st)).toBe(true);
  });

  it('through the machine: a person holding the mediator drafts, passes on, and the parties sign', () => {
    const game = createActor(createGameMachine(tutorial), { input: { seed: 5, seats: EVERYONE } }).start();
    game.send({ type: 'BEGIN' });
    const ctx = () => game.getSnapshot().context;
    game.send({ type: 'PROPOSE', actor: 'commission', clauses: holdFire, via: 'commission' });
    expect(ctx().negotiation.versions).toHaveLength(1);
    game.send({ type: 'ANSWER', actor: 'north', version: 1, answers: { 'hold-fire': 'accept' } });
    expect(ctx().negotiation.versions[0]?.answers).toEqual({}); // refused: not passed on yet
    game.send({ type: 'PASS', actor: 'commission', version: 1, to: ['north', 'south'] });
    game.send({ type: 'ANSWER', actor: 'north', version: 1, answers: { 'hold-fire': 'accept' } });
    game.send({ type: 'ANSWER', actor: 'south', version: 1, answers: { 'hold-fire': 'accept' } });
    expect(ctx().negotiation.agreements[0]).toMatchObject({
      parties: ['north', 'south'],
      guarantors: ['commission'],
    });
    game.send({ type: 'SIGN', actor: 'commission', as: 'guarantor' });
    expect(ctx().negotiation.agreements[0]?.guarantors).toEqual(['commission']);
    game.stop();
  });
});

describe('reactions step aside for a person', () => {
  const offers = tutorial.reactions.find((r) => r.id === 'commission-offers');
  const monitors = tutorial.reactions.find((r) => r.id === 'commission-monitors');
  it('a person holding the commission silences its reactions, except one written to bind people', () => {
    if (!offers || !monitors) throw new Error('fixture changed');
    const c = compile(tutorial);
    const computer = initialState(c, { seed: 1 });
    const held = initialState(c, { seed: 1, seats: { commission: person } });
    expect(bindsSeat(computer, offers)).toBe(true);
    expect(bindsSeat(held, offers)).toBe(false);
    expect(monitors.bindsPeople).toBe(true);
    expect(bindsSeat(held, monitors)).toBe(true);
    // The offer's conditions hold (rung at the standoff or above, no mediation yet): only the computer's fires.
    const standoff = c.rungIndex.get('standoff') ?? 1;
    const fired = (s: GameState) =>
      runReactions(c, {
        ...s,
        round: 2,
        rung: standoff,
        mediation: { phase: 'none', mediators: [], accepted: [] },
      })
        .causes.filter((x) => x.kind === 'reaction' && x.round === 2)
        .map((x) => x.ref);
    const byComputer = Array.from({ length: 20 }, (_, i) => fired(initialState(c, { seed: i }))).flat();
    expect(byComputer).toContain('commission-offers');
    expect(fired(held)).not.toContain('commission-offers');
    const holding = {
      status: 'holding' as const,
      since: 1,
      monitored: false,
      guaranteed: false,
      monitoredUntil: -1,
      guaranteedUntil: -1,
    };
    expect(runReactions(c, { ...held, round: 2, ceasefire: holding }).causes.map((x) => x.ref)).toContain(
      'commission-monitors',
    );
  });
});

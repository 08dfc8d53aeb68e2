// The planner at the table: a planner party answers a text clause by clause from its own view (two truths
// that differ only in what it cannot know give the same answers), each clause with its reason in numbers,
// and that reason reaches the log and the news; a planner mediator chooses its text the same way.
import { describe, expect, it } from 'vitest';
import { compile } from '../../src/sim/compile.ts';
import { playRounds, startGame } from '../../src/sim/game.ts';
import { answerError, awaitingAnswers, currentVersion, proposalError } from '../../src/sim/negotiation.ts';
import { softened } from '../../src/sim/negotiator.ts';
import { mediatorOptions, planAnswer, plannedAnswer, planText } from '../../src/sim/planner-talks.ts';
import { projectFor } from '../../src/sim/projection.ts';
import { seedRng } from '../../src/sim/rng.ts';
import { playRound } from '../../src/sim/rollout.ts';
import { startRound } from '../../src/sim/round.ts';
import { initialState } from '../../src/sim/state.ts';
import type { GameState, Seat } from '../../src/sim/types.ts';
import { duel, loadFile } from './helpers.ts';

const sc = duel();
const c = compile(sc);
const hidden = sc.metrics.filter((m) => !m.public).map((m) => m.id);
const CLAUSE =
  /^(Accept|Change|Reject) (.+?): expected score -?\d+ (with it|without it|with the change), -?\d+ (without|with it|as drafted); war risk \d+% against \d+%\.$/;

/** Round 1: North has put a text of three clauses to South through the broker, and struck; South must answer. */
function awaitingSouth(): GameState {
  const a = startGame(sc, { seed: 5, seats: { north: { by: 'person' }, south: { by: 'person' } } });
  a.send({ type: 'BEGIN' });
  a.send({
    type: 'PROPOSE',
    actor: 'north',
    clauses: [
      { clause: 'truce', params: { from: 1 } },
      { clause: 'monitors', params: { duration: 4 } },
      { clause: 'curb', params: {} },
    ],
    via: 'broker',
  });
  a.send({ type: 'ORDERS', actor: 'north', orders: [{ action: 'north-strike', target: 's-cap' }] });
  const s = a.getSnapshot().context;
  a.stop();
  return s;
}

/** The same moment with everything South cannot know changed. */
function otherTruth(s: GameState, other: string): GameState {
  const metrics = { ...s.metrics };
  for (const id of hidden) metrics[id] = (metrics[id] ?? 0) + 37;
  return {
    ...s,
    seed: s.seed + 1,
    rng: seedRng(424_242),
    metrics,
    resolve: { ...s.resolve, [other]: 1 - (s.resolve[other] ?? 0) },
    doubt: { ...s.doubt, [other]: 0 },
    orders: { [other]: [] },
    planned: { [other]: { orders: [], reason: 'elsewhere' } },
    news: s.news.map((n) => (n.killed === undefined ? n : { ...n, killed: n.killed + 5 })),
    pending: [],
  };
}

describe('a planner party answers a text', () => {
  const s = awaitingSouth();
  const t = otherTruth(s, 'north');
  const view = (x: GameState) => projectFor(sc, { seat: 'south' }, x).state;
  const v = currentVersion(s);

  it('never reads hidden state: two truths differing only in what South cannot know give the same answers', () => {
    expect(v?.terms.map((x) => x.clause)).toEqual(['truce', 'monitors', 'curb', 'guarantee']);
    expect(awaitingAnswers(c, s)).toEqual(['south']);
    expect(t.resolve.north).not.toBe(s.resolve.north);
    expect(hidden.every((id) => t.metrics[id] !== s.metrics[id])).toBe(true);
    const reasons: string[] = [];
    for (const seed of [1, 2, 3, 4]) {
      const opts = { level: 'quick' as const, seed, budget: 48 };
      const a = planAnswer(c, view(s), 'south', opts, softened);
      expect(a).not.toBeNull();
      expect(planAnswer(c, view(t), 'south', opts, softened)).toEqual(a);
      reasons.push(a?.reason ?? '');
    }
    // The planner's own seed does change its estimates.
    expect(new Set(reasons).size).toBeGreaterThan(1);
  });

  it('answers every clause with a reason quoting its numbers, and the answer is one the rules take', () => {
    const a = planAnswer(c, view(s), 'south', { level: 'quick', seed: 7, budget: 60 }, softened);
    if (!a || !v) throw new Error('South has a text to answer');
    expect(Object.keys(a.answers).sort()).toEqual(v.terms.map((x) => x.clause).sort());
    expect(answerError(c, s, 'south', v.n, a.answers, a.changes)).toBeNull();
    // Moves: all accepted, all rejected, and one per clause; the level's budget shared among them.
    expect(a.continuations).toBe(Math.floor(60 / (v.terms.length + 2)) * (v.terms.length + 2));
    expect(a.reason.startsWith('South (planner): ')).toBe(true);
    const sentences = a.reason.slice('South (planner): '.length).split(/(?<=\.) (?=[A-Z])/);
    if (
      a.clauses.every((x) => x.answer === 'reject') &&
      sentences[0]?.startsWith('Reject the text as a whole')
    )
      return;
    expect(sentences).toHaveLength(v.terms.length);
    v.terms.forEach((term, i) => {
      const said = sentences[i] ?? '';
      const m = CLAUSE.exec(said);
      expect(m, said).not.toBeNull();
      const answer = a.answers[term.clause];
      expect(m?.[1]).toBe(answer === 'accept' ? 'Accept' : answer === 'change' ? 'Change' : 'Reject');
      expect(m?.[2]).toBe(sc.clauses.find((x) => x.id === term.clause)?.name);
      // The numbers quoted are the clause's own: with the whole text against without this clause.
      const j = a.clauses[i];
      const withIt = Math.round(j?.with.expected ?? Number.NaN);
      const without = Math.round(j?.without.expected ?? Number.NaN);
      expect(said).toContain(
        answer === 'accept'
          ? `expected score ${withIt} with it, ${without} without`
          : answer === 'change'
            ? `expected score ${without} with the change, ${withIt} as drafted`
            : `expected score ${without} without it, ${withIt} with it`,
      );
      // A clause is kept exactly when the text scores at least as well with it.
      expect(answer === 'accept').toBe((j?.with.expected ?? 0) >= (j?.without.expected ?? 0));
    });
  });

  it('in a game, its answer and reason reach the log and the news, the same for the same seed', () => {
    const seats = {
      north: { by: 'person' },
      south: { by: 'computer', policy: 'planner', level: 'quick' },
    } as const;
    const game = () => {
      const a = startGame(sc, { seed: 5, seats });
      a.send({ type: 'BEGIN' });
      a.send({
        type: 'PROPOSE',
        actor: 'north',
        clauses: [{ clause: 'truce', params: { from: 1 } }],
        via: null,
      });
      a.send({ type: 'ORDERS', actor: 'north', orders: [] });
      a.send({ type: 'NEXT' });
      const out = a.getSnapshot().context;
      a.stop();
      return out;
    };
    const g = game();
    const said = g.causes.find((x) => x.kind === 'negotiation' && x.ref === 'answer' && x.actor === 'south');
    expect(said?.reason).toMatch(/^South \(planner\): (Accept|Reject|Change) Truce: expected score -?\d+/);
    expect(g.news.find((n) => n.cause === said?.id)?.body).toBe(said?.reason);
    expect(g.negotiation.versions[0]?.reasons.south).toBe(said?.reason);
    expect(game()).toEqual(g);
  });

  it('a planner in every seat: the same seed gives the same game', () => {
    const seats = Object.fromEntries(
      c.seated.map((id) => [id, { by: 'computer', policy: 'planner', level: 'quick' } satisfies Seat]),
    );
    const a = playRounds(c, { seed: 8, seats }).state;
    expect(a.ending).not.toBeNull();
    // Both parties negotiated as planners: a text put forward and answered, each with the planner's numbers.
    const talks = a.causes.filter((x) => x.kind === 'negotiation' && x.reason?.includes('(planner)'));
    expect(talks.map((x) => x.ref).sort()).toEqual(['answer', 'propose']);
    expect(playRounds(c, { seed: 8, seats }).state).toEqual(a);
  });
});

describe('a planner mediator chooses its text', () => {
  const seed = loadFile('scenarios/pakistan-afghanistan-2026.json');
  const sc2 = compile(seed);
  const hidden2 = seed.metrics.filter((m) => !m.public).map((m) => m.id);

  /** The first round of a computer game where Qatar's good offices are engaged and no text waits on anyone. */
  function engaged(): GameState {
    for (let game = 1; game < 40; game++) {
      const seats = Object.fromEntries(
        sc2.seated.map((id) => [id, { by: 'computer', policy: 'dove' } satisfies Seat]),
      );
      let s = startRound(initialState(sc2, { seed: game, seats }));
      while (s.ending === null) {
        const m = s.mediation;
        if (
          m.mediators.includes('qatar') &&
          ['offered', 'accepted', 'talks'].includes(m.phase) &&
          awaitingAnswers(sc2, s).length === 0 &&
          s.negotiation.agreements.length === 0
        )
          return s;
        s = playRound(sc2, s);
        if (s.ending === null) s = startRound(s);
      }
    }
    throw new Error('no game engaged Qatar');
  }

  it('drafts from its own view, with a reason from its numbers; hidden state does not change the choice', () => {
    const s = engaged();
    const metrics = { ...s.metrics };
    for (const id of hidden2) metrics[id] = (metrics[id] ?? 0) + 11;
    const t: GameState = { ...s, seed: s.seed + 9, rng: seedRng(77), metrics, resolve: {}, doubt: {} };
    const view = (x: GameState) => projectFor(seed, { seat: 'qatar' }, x).state;
    const options = mediatorOptions(sc2, view(s), 'qatar');
    expect(options[0]?.drafts).toEqual([]);
    expect(options.length).toBeGreaterThan(1);
    for (const o of options.slice(1))
      expect(proposalError(sc2, s, 'qatar', o.drafts, o.via), o.label).toBeNull();
    const opts = { level: 'quick' as const, seed: 3, budget: 40 };
    const a = planText(sc2, view(s), 'qatar', options, opts);
    expect(planText(sc2, view(t), 'qatar', mediatorOptions(sc2, view(t), 'qatar'), opts)).toEqual(a);
    expect(a?.ranking.map((r) => r.label).sort()).toEqual(options.map((o) => o.label).sort());
    expect(a?.choice.label).toBe(a?.ranking[0]?.label);
    expect(a?.reason).toMatch(
      /^Qatar \(planner\): .+: expected score -?\d+, war risk \d+%; .+ came second at -?\d+\.$/,
    );
  });

  it('a planner party with no text waiting answers nothing', () => {
    const s = startRound(initialState(c, { seed: 2 }));
    expect(plannedAnswer(c, s, 'south', softened)).toBeNull();
  });
});

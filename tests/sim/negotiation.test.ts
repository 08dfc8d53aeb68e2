// The negotiation through the machine: proposals, clause-by-clause answers, counters, signing,
// compliance and computer negotiators; and saves that predate negotiation.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { compile } from '../../src/sim/compile.ts';
import { brokenClauses, checkCompliance, collapseChance, violationBy } from '../../src/sim/compliance.ts';
import { createGameMachine } from '../../src/sim/machine.ts';
import { answer, awaitingAnswer, currentVersion, propose } from '../../src/sim/negotiation.ts';
import { disposition, judge } from '../../src/sim/negotiator.ts';
import { resolveRound, runReactions, startRound } from '../../src/sim/round.ts';
import { restoreGame, saveGame } from '../../src/sim/save.ts';
import { initialState } from '../../src/sim/state.ts';
import type { Term } from '../../src/sim/types.ts';
import { duel, stepOn } from './helpers.ts';

const sc = duel();
const people = { north: { by: 'person' as const }, south: { by: 'person' as const } };

function started(
  seats: Record<string, { by: 'person' | 'computer'; policy?: 'hawk' | 'dove' | 'tit-for-tat' }>,
) {
  const a = createActor(createGameMachine(sc), { input: { seed: 3, seats } });
  a.start();
  a.send({ type: 'BEGIN' });
  return a;
}

describe('negotiating through the machine', () => {
  it('proposes via a mediator, counters once, then signs; every step is a cause', () => {
    const a = started(people);
    a.send({
      type: 'PROPOSE',
      actor: 'north',
      clauses: [
        { clause: 'monitors', params: { duration: 4 } },
        { clause: 'truce', params: { from: 1 } },
      ],
      via: 'broker',
    });
    let s = a.getSnapshot().context;
    expect(s.negotiation.versions).toHaveLength(1);
    expect(s.negotiation.versions[0]?.terms.map((t) => t.clause)).toEqual(['monitors', 'truce', 'guarantee']);
    // South accepts the truce and the guarantee, and shortens the monitoring: a counter-proposal.
    a.send({
      type: 'ANSWER',
      actor: 'south',
      version: 1,
      answers: { monitors: 'change', truce: 'accept', guarantee: 'accept' },
      changes: { monitors: { duration: 2 } },
    });
    s = a.getSnapshot().context;
    expect(s.negotiation.current).toBe(2);
    expect(currentVersion(s)?.author).toBe('south');
    expect(currentVersion(s)?.via).toBe('broker');
    expect(currentVersion(s)?.terms.find((t) => t.clause === 'monitors')?.params).toEqual({ duration: 2 });
    expect(s.negotiation.agreements).toHaveLength(0);
    a.send({
      type: 'ANSWER',
      actor: 'north',
      version: 2,
      answers: { monitors: 'accept', truce: 'accept', guarantee: 'accept' },
    });
    s = a.getSnapshot().context;
    expect(s.negotiation.agreements[0]).toMatchObject({
      version: 2,
      status: 'in-force',
      guarantors: ['broker'],
    });
    expect(s.ceasefire).toMatchObject({ status: 'holding', monitored: true, guaranteed: true });
    expect(a.getSnapshot().matches({ playing: { ceasefire: 'holding' } })).toBe(true);
    const refs = s.causes.filter((c) => c.kind === 'negotiation').map((c) => c.ref);
    expect(refs).toEqual(['propose', 'answer', 'counter', 'answer', 'sign']);
    // Invalid moves are ignored: proposing while an agreement is in force, answering twice.
    a.send({ type: 'PROPOSE', actor: 'south', clauses: [{ clause: 'curb', params: {} }] });
    expect(a.getSnapshot().context.negotiation.versions).toHaveLength(2);
  });

  it('rejects malformed proposals and answers', () => {
    const a = started(people);
    a.send({ type: 'PROPOSE', actor: 'north', clauses: [{ clause: 'guarantee', params: {} }] });
    a.send({ type: 'PROPOSE', actor: 'north', clauses: [{ clause: 'truce', params: { from: 99 } }] });
    a.send({ type: 'PROPOSE', actor: 'broker', clauses: [{ clause: 'curb', params: {} }] });
    expect(a.getSnapshot().context.negotiation.versions).toHaveLength(0);
    a.send({ type: 'PROPOSE', actor: 'north', clauses: [{ clause: 'curb', params: {} }] });
    a.send({ type: 'ANSWER', actor: 'north', version: 1, answers: { curb: 'accept' } });
    a.send({ type: 'ANSWER', actor: 'south', version: 1, answers: {} });
    expect(awaitingAnswer(compile(sc), a.getSnapshot().context)).toBe('south');
  });

  it('a save taken before negotiation existed still restores, with an empty negotiation', () => {
    const a = started(people);
    const save = JSON.parse(JSON.stringify(saveGame(a, sc, 'fixed')));
    delete save.snapshot.context.negotiation;
    const r = restoreGame(save, sc);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    r.actor.start();
    expect(r.actor.getSnapshot().context.negotiation.versions).toEqual([]);
  });
});

describe('compliance', () => {
  function signedTruce() {
    const st = stepOn(sc, { round: 1 });
    propose(
      st,
      'north',
      [
        { clause: 'truce', params: { from: 1 } },
        { clause: 'open-gate', params: { crossings: ['gate'] } },
      ],
      'broker',
    );
    answer(st, 'south', { truce: 'accept', 'open-gate': 'accept', guarantee: 'accept' });
    return st;
  }

  it('a strike by a signatory breaks the truce: news, credibility, standing, guarantor trust, maybe collapse', () => {
    const st = signedTruce();
    const strike = st.c.actions.get('north-strike');
    const hit = strike?.outcomes[0];
    if (!strike || !hit) throw new Error('fixture changed');
    expect(brokenClauses(st.c, st.s, 'north', { kind: 'action', action: strike, outcome: hit })).toEqual([
      'truce',
    ]);
    const trust = st.s.metrics['trust-broker'] ?? 0;
    const standing = st.s.metrics['standing-north'] ?? 0;
    checkCompliance(st, 'north', { kind: 'action', action: strike, outcome: hit }, 0);
    const a = st.s.negotiation.agreements[0];
    expect(a?.violations).toHaveLength(1);
    expect(st.s.negotiation.credibility.north).toBe(35);
    expect(st.s.metrics['trust-broker']).toBe(trust - 5);
    expect(st.s.metrics['standing-north']).toBe(standing - 3);
    expect(st.s.news.at(-1)?.headline ?? st.s.news.at(-2)?.headline).toMatch(/Violation|collapses/);
    const v = st.s.causes.find((c) => c.ref === 'violation');
    expect(v?.after).toContain(a?.cause);
    expect(st.s.changes.some((ch) => ch.subject === 'violations' && ch.cause === v?.id)).toBe(true);
  });

  it('a reaction of a signatory listed in violatedBy breaks the clause when it fires; a third party’s never does', () => {
    // North's automatic shelling of the gate: a reaction, not an order.
    const shelling = {
      id: 'north-shells-gate',
      actor: 'north',
      when: { round: { op: '>=' as const, value: 1 } },
      probability: 1,
      once: true,
      cooldown: 0,
      effects: [{ metric: 'hostility-north', add: 5 }],
      news: { headline: 'North shells the gate' },
      map: [],
      bindsPeople: false,
    };
    const withReaction = {
      ...sc,
      reactions: [shelling, ...sc.reactions],
      clauses: sc.clauses.map((k) =>
        k.id === 'truce'
          ? { ...k, violatedBy: { ...k.violatedBy, reactions: ['north-shells-gate', 'broker-offers'] } }
          : k,
      ),
    };
    const st = stepOn(withReaction, { round: 1 });
    propose(st, 'north', [{ clause: 'truce', params: { from: 1 } }], null);
    answer(st, 'south', { truce: 'accept' });
    const next = runReactions(st.c, st.done());
    const a = next.negotiation.agreements[0];
    expect(a?.violations.map((v) => [v.actor, v.clause, v.action, v.by])).toEqual([
      ['north', 'truce', 'north-shells-gate', 'reaction'],
    ]);
    expect(next.news.some((n) => n.headline === 'Violation: North breaks the agreement (Truce)')).toBe(true);
    const [v] = a?.violations ?? [];
    if (!v) throw new Error('no violation');
    expect(violationBy(compile(withReaction), v)).toBe('North shells the gate');
    const broker = withReaction.reactions.find((r) => r.id === 'broker-offers');
    if (!broker) throw new Error('fixture changed');
    expect(brokenClauses(st.c, next, 'broker', { kind: 'reaction', reaction: broker })).toEqual([]);
  });

  it('collapse is likelier after each violation and ends the ceasefire', () => {
    let collapsed = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const st = stepOn(sc, { round: 1 }, seed);
      propose(st, 'north', [{ clause: 'truce', params: { from: 1 } }], null);
      answer(st, 'south', { truce: 'accept' });
      const strike = st.c.actions.get('south-strike');
      const hit = strike?.outcomes[0];
      if (!strike || !hit) throw new Error('fixture changed');
      checkCompliance(st, 'south', { kind: 'action', action: strike, outcome: hit }, 0);
      if (st.s.negotiation.agreements[0]?.status === 'collapsed') {
        collapsed++;
        expect(st.s.ceasefire.status).toBe('broken');
      }
    }
    expect(collapsed).toBeGreaterThan(3);
    expect(collapsed).toBeLessThan(30);
    const a = { violations: [{}, {}] } as Parameters<typeof collapseChance>[0];
    expect(collapseChance(a)).toBeGreaterThan(collapseChance({ ...a, violations: [] }));
  });

  it('closing a crossing the clause did not name is no violation', () => {
    const st = stepOn(sc, { round: 1 });
    propose(st, 'south', [{ clause: 'open-gate', params: { crossings: ['gate'] } }], null);
    answer(st, 'north', { 'open-gate': 'accept' });
    const close = st.c.actions.get('close-gate');
    const done = close?.outcomes[0];
    if (!close || !done) throw new Error('fixture changed');
    expect(brokenClauses(st.c, st.s, 'north', { kind: 'action', action: close, outcome: done })).toEqual([
      'open-gate',
    ]);
    expect(
      brokenClauses(st.c, st.s, 'north', {
        kind: 'action',
        action: close,
        outcome: { ...done, effects: [{ crossing: 'other', status: 'closed' }] },
      }),
    ).toEqual([]);
  });
});

describe('computer negotiators', () => {
  it('judge by their interests and the moment, and say why', () => {
    // No doubt left about each other, middling resolve, no commitment problem: Fearon's terms out of
    // the way (their own test follows).
    const neutral = { ...sc, dynamics: { ...sc.dynamics, commitmentWeight: 0 } };
    const st = stepOn(neutral, {
      round: 1,
      doubt: { north: 0, south: 0 },
      resolve: { north: 0.5, south: 0.5 },
    });
    const terms: Term[] = [
      { clause: 'open-gate', params: { crossings: ['gate'] }, by: 'south' },
      { clause: 'monitors', params: { duration: 4 }, by: 'south' },
    ];
    const hawk = judge(st.c, st.s, 'north', 'hawk', terms, null);
    expect(hawk.answers['open-gate']).toBe('reject');
    expect(hawk.reason).toMatch(/^North .*because .*by force/);
    st.s.hurtStreak = 5;
    const dove = judge(st.c, st.s, 'north', 'dove', terms, null);
    expect(dove.answers).toEqual({ 'open-gate': 'accept', monitors: 'accept' });
    expect(dove.reason).toMatch(/every party is hurting/);
    const grudging = judge(
      st.c,
      { ...st.s, hurtStreak: 0 },
      'south',
      'tit-for-tat',
      [{ clause: 'monitors', params: { duration: 4 }, by: 'north' }],
      null,
    );
    expect(grudging.answers.monitors).toBe('change');
    expect(grudging.changes.monitors).toEqual({ duration: 2 });
  });

  it('Fearon: doubt about the other side and a word nobody guarantees hold a party back; a mediator’s relay lifts both', () => {
    const st = stepOn(sc, {
      round: 1,
      doubt: { north: 0.8, south: 0.8 },
      resolve: { north: 0.5, south: 0.5 },
    });
    const terms: Term[] = [{ clause: 'monitors', params: { duration: 4 }, by: 'south' }];
    const blind = disposition(st.c, st.s, 'north', 'dove', null);
    expect(blind.why).toContain('it cannot tell what the other side will really accept');
    expect(blind.why).toContain('no third party would hold the other side to its word');
    const seen = disposition(st.c, { ...st.s, doubt: { north: 0, south: 0 } }, 'north', 'dove', null);
    expect(seen.score - blind.score).toBeCloseTo(sc.dynamics.doubtWeight * 0.8, 9);
    const mediated = disposition(st.c, st.s, 'north', 'dove', 'broker');
    expect(mediated.why).not.toContain('no third party would hold the other side to its word');
    expect(mediated.score).toBeGreaterThan(blind.score);
    // A mediator relaying a text reveals what each side will accept: both sides' doubt falls.
    propose(st, 'south', terms, 'broker');
    expect(st.s.doubt.north).toBeLessThan(0.8);
    expect(st.s.doubt.south).toBeLessThan(0.8);
    // A direct proposal reveals nothing.
    const direct = stepOn(sc, { round: 1, doubt: { north: 0.8, south: 0.8 } });
    propose(direct, 'south', terms, null);
    expect(direct.s.doubt).toEqual({ north: 0.8, south: 0.8 });
  });

  it('Fearon: a costly signal (force) lowers the other side’s doubt; cheap talk does not', () => {
    const c = compile(sc);
    const cheap = sc.actions.find(
      (a) => a.actors.includes('north') && a.goldstein < 0 && a.category === 'information',
    );
    const costly = sc.actions.find((a) => a.actors.includes('north') && a.tags.includes('strike'));
    expect(costly).toBeDefined();
    const doubtAfter = (action: string, target?: string) => {
      const s0 = initialState(c, { seed: 2, seats: { north: { by: 'person' }, south: { by: 'person' } } });
      const s1 = resolveRound(c, {
        ...startRound(s0),
        orders: { north: [target ? { action, target } : { action }] },
      });
      return { before: s0.doubt.south ?? 0, after: s1.doubt.south ?? 0 };
    };
    const target = c.targets.get(costly?.id ?? '')?.[0];
    const hit = doubtAfter(costly?.id ?? '', target);
    expect(hit.after).toBeCloseTo(hit.before * (1 - sc.dynamics.signalReveal), 9);
    if (cheap) {
      const talk = doubtAfter(cheap.id, c.targets.get(cheap.id)?.[0]);
      expect(talk.after).toBe(talk.before);
    }
  });

  it('computer-only games negotiate and sometimes sign, deterministically', () => {
    const play = (seed: number) => {
      const a = createActor(createGameMachine(sc), {
        input: {
          seed,
          seats: {
            north: { by: 'computer', policy: 'dove' },
            south: { by: 'computer', policy: 'tit-for-tat' },
          },
        },
      });
      a.start();
      a.send({ type: 'BEGIN' });
      while (a.getSnapshot().status === 'active') a.send({ type: 'NEXT' });
      return a.getSnapshot().context;
    };
    let signed = 0;
    for (let seed = 1; seed <= 10; seed++) {
      const s = play(seed);
      if (s.negotiation.agreements.length > 0) signed++;
      for (const v of s.negotiation.versions)
        for (const [who, r] of Object.entries(v.reasons))
          expect(r).toMatch(new RegExp(compile(sc).actors.get(who)?.name ?? who));
    }
    expect(signed).toBeGreaterThan(0);
    expect(JSON.stringify(play(7))).toBe(JSON.stringify(play(7)));
  });
});

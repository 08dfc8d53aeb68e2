// Clause effects on the engine's rules, and the negotiation's invariants under any sequence of moves.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hazard } from '../../src/sim/ceasefire.ts';
import {
  HUMANITARIAN_FACTOR,
  humanitarianFactor,
  SPOILER_FACTOR,
  spoilerFactor,
  termInForce,
  termText,
} from '../../src/sim/clauses.ts';
import { updateHumanitarian } from '../../src/sim/dynamics.ts';
import type { Draft } from '../../src/sim/negotiation.ts';
import {
  allAccepted,
  answer,
  answerError,
  currentVersion,
  proposalError,
  propose,
} from '../../src/sim/negotiation.ts';
import type { ClauseAnswer } from '../../src/sim/types.ts';
import { duel, stepOn } from './helpers.ts';

/** Signs a text of the given clauses (north proposes, south accepts everything). */
function signed(
  clauses: { clause: string; params: Record<string, number | string | string[]> }[],
  round = 1,
) {
  const st = stepOn(duel(), { round });
  propose(st, 'north', clauses, null);
  const v = currentVersion(st.s);
  if (!v) throw new Error('no version');
  answer(st, 'south', Object.fromEntries(v.terms.map((t) => [t.clause, 'accept' as const])));
  return st;
}

describe('clause effects', () => {
  it('a truce declares a ceasefire at its start round, not before', () => {
    const now = signed([{ clause: 'truce', params: { from: 1 } }]);
    expect(now.s.ceasefire.status).toBe('holding');
    const later = signed([{ clause: 'truce', params: { from: 3 } }]);
    expect(later.s.ceasefire.status).toBe('none');
    expect(later.s.changes.some((ch) => ch.subject === 'agreement' && ch.to === 'signed')).toBe(true);
  });

  it('monitoring lowers the ceasefire hazard, and the change is recorded with the signing cause', () => {
    const plain = signed([{ clause: 'truce', params: { from: 1 } }]);
    const watched = signed([
      { clause: 'truce', params: { from: 1 } },
      { clause: 'monitors', params: { duration: 4 } },
    ]);
    expect(hazard(watched)).toBeCloseTo(hazard(plain) * duel().dynamics.monitoringFactor, 9);
    const signCause = watched.s.negotiation.agreements[0]?.cause;
    expect(watched.s.changes.find((ch) => ch.subject === 'ceasefire.monitored')?.cause).toBe(signCause);
  });

  it('an open-gate clause reopens the chosen crossing', () => {
    const st = stepOn(duel(), { round: 1 });
    st.s.crossings.gate = false;
    propose(st, 'south', [{ clause: 'open-gate', params: { crossings: ['gate'] } }], null);
    answer(st, 'north', { 'open-gate': 'accept' });
    expect(st.s.crossings.gate).toBe(true);
    expect(st.s.changes.some((ch) => ch.subject === 'crossing:gate' && ch.to === 'open')).toBe(true);
  });

  it('a spoilers clause makes armed groups’ attacks rarer; a relief clause slows the humanitarian clock', () => {
    const st = signed([
      { clause: 'curb', params: {} },
      { clause: 'relief', params: { duration: 3 } },
    ]);
    expect(spoilerFactor(st.c, st.s)).toBe(SPOILER_FACTOR);
    expect(humanitarianFactor(st.c, st.s)).toBe(HUMANITARIAN_FACTOR);
    st.s.rung = 2;
    const need = st.s.metrics.need ?? 0;
    updateHumanitarian(st, 0);
    expect((st.s.metrics.need ?? 0) - need).toBeCloseTo(
      duel().dynamics.humanitarianPerRound * 2 * HUMANITARIAN_FACTOR,
      9,
    );
    // The relief clause lapses after its duration.
    st.s.round = 4;
    expect(humanitarianFactor(st.c, st.s)).toBe(1);
    expect(spoilerFactor(st.c, st.s)).toBe(SPOILER_FACTOR);
  });

  it('a term applies from its start round until its duration lapses', () => {
    const c = stepOn(duel()).c;
    const t = { clause: 'relief', params: { duration: 2 }, by: 'north' };
    expect([1, 2, 3].map((r) => termInForce(c, t, 1, r))).toEqual([true, true, false]);
    expect(termText(c, t)).toBe('Aid reaches the front for 2 rounds.');
  });

  it('a mediator relaying a text adds its guarantee, which lowers the hazard once signed', () => {
    const st = stepOn(duel(), { round: 1 });
    propose(st, 'north', [{ clause: 'truce', params: { from: 1 } }], 'broker');
    const v = currentVersion(st.s);
    expect(v?.via).toBe('broker');
    expect(v?.terms.map((t) => t.clause)).toEqual(['truce', 'guarantee']);
    expect(v?.relayed).toMatch(/relays/);
    answer(st, 'south', { truce: 'accept', guarantee: 'accept' });
    expect(st.s.ceasefire.guaranteed).toBe(true);
    expect(st.s.negotiation.agreements[0]?.guarantors).toEqual(['broker']);
  });
});

/** Valid parameters for each party clause of the fixture. */
function paramsOf(clause: string): Draft['params'] {
  if (clause === 'truce') return { from: 1 };
  if (clause === 'open-gate') return { crossings: ['gate'] };
  if (clause === 'monitors' || clause === 'relief') return { duration: 2 };
  return {};
}

/** One random move: a proposal by a side, or an answer (accept, reject or change per clause). */
type Move =
  | { kind: 'propose'; side: number; pick: number[]; via: boolean }
  | { kind: 'answer'; side: number; choice: number[] };

const move: fc.Arbitrary<Move> = fc.oneof(
  fc.record({
    kind: fc.constant('propose' as const),
    side: fc.integer({ min: 0, max: 1 }),
    pick: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 0, maxLength: 4 }),
    via: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('answer' as const),
    side: fc.integer({ min: 0, max: 1 }),
    choice: fc.array(fc.integer({ min: 0, max: 2 }), { minLength: 6, maxLength: 6 }),
  }),
);

describe('the negotiated text (property)', () => {
  it('keeps exactly one current version and never signs a text one side did not accept', () => {
    const sides = ['north', 'south'];
    const party = ['truce', 'monitors', 'open-gate', 'curb', 'relief'];
    fc.assert(
      fc.property(fc.array(move, { maxLength: 25 }), (moves) => {
        const st = stepOn(duel(), { round: 1 });
        for (const m of moves) {
          const actor = sides[m.side] ?? 'north';
          if (m.kind === 'propose') {
            const clauses = [...new Set(m.pick.map((i) => party[i] ?? 'truce'))];
            const drafts: Draft[] = clauses.map((clause) => ({ clause, params: paramsOf(clause) }));
            const via = m.via ? 'broker' : null;
            if (proposalError(st.c, st.s, actor, drafts, via) === null) propose(st, actor, drafts, via);
          } else {
            const v = currentVersion(st.s);
            if (!v) continue;
            const kinds: ClauseAnswer[] = ['accept', 'reject', 'change'];
            const answers: Record<string, ClauseAnswer> = {};
            const changes: Record<string, Record<string, number | string | string[]>> = {};
            v.terms.forEach((t, i) => {
              let a = kinds[m.choice[i] ?? 0] ?? 'accept';
              if (a === 'change' && t.clause === 'monitors') changes[t.clause] = { duration: 1 };
              else if (a === 'change') a = 'reject';
              answers[t.clause] = a;
            });
            if (answerError(st.c, st.s, actor, v.n, answers, changes) === null)
              answer(st, actor, answers, changes);
          }
          const neg = st.s.negotiation;
          // Exactly one current version: the latest, numbered 1..k without gaps.
          if (neg.versions.length > 0) {
            expect(neg.current).toBe(neg.versions.length);
            expect(neg.versions.map((v) => v.n)).toEqual(neg.versions.map((_, i) => i + 1));
            expect(neg.versions.filter((v) => v.n === neg.current)).toHaveLength(1);
          } else expect(neg.current).toBeNull();
          // Every signed version was accepted, clause by clause, by both sides.
          for (const a of neg.agreements) {
            const v = neg.versions.find((x) => x.n === a.version);
            expect(v && allAccepted(st.c, v)).toBe(true);
          }
          expect(neg.agreements.filter((a) => a.status === 'in-force').length).toBeLessThanOrEqual(1);
        }
        // The state stays plain data.
        expect(JSON.parse(JSON.stringify(st.s.negotiation))).toEqual(st.s.negotiation);
      }),
      { numRuns: 150 },
    );
  });
});

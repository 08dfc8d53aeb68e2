// The planner seats' negotiating moves pre-played off the game's thread (preplay.ts) and handed in with
// PLANNED: a game whose rounds get them is the game without them, state for state; a record whose key is the
// input's is what the game plays (the path is live), and one made from another input is ignored.

import { describe, expect, it } from 'vitest';
import type { Actor } from 'xstate';
import { compile } from '../../src/sim/compile.ts';
import { type GameEvent, parseEvent, type TalkRecord } from '../../src/sim/events.ts';
import { startGame } from '../../src/sim/game.ts';
import { stateDigest } from '../../src/sim/log.ts';
import type { GameMachine } from '../../src/sim/machine.ts';
import { phaseOf } from '../../src/sim/phase.ts';
import { plannedSeats, seatInput } from '../../src/sim/plan-protocol.ts';
import { plan } from '../../src/sim/planner.ts';
import { preplayTalks } from '../../src/sim/preplay.ts';
import { resolvingState } from '../../src/sim/resolving.ts';
import { resolveRound } from '../../src/sim/round.ts';
import type { GameState, Seat } from '../../src/sim/types.ts';
import { duel } from './helpers.ts';

/** The fixture with its mediator given a seat, so a planner can sit in it. */
const sc = {
  ...duel(),
  actors: duel().actors.map((a) => (a.id === 'broker' ? { ...a, playable: true } : a)),
};
const c = compile(sc);
const planner: Seat = { by: 'computer', policy: 'planner', level: 'quick' };
/** Planners in both party seats and in the mediator's; the rest as the fixture seats them. */
const seats = { north: planner, south: planner, broker: planner };
/** Design choice: rounds played of each game (the talks start in the first; the cost grows with each). */
const ROUNDS = 3;
const SEEDS = 200;

/** What the page's worker or a room's thread hands in before an event that resolves the round. */
function handIn(a: Actor<GameMachine>, e: GameEvent): TalkRecord[] {
  const target = resolvingState(c, phaseOf(a), a.getSnapshot().context, e);
  if (!target) return [];
  // As a reply from a planning thread: plain data.
  const talks = JSON.parse(JSON.stringify(preplayTalks(c, target))) as TalkRecord[];
  for (const actor of plannedSeats(c, target).planners) {
    const input = seatInput(c, target, actor);
    const p = plan(c, input.view, actor, input.opts);
    const mine = talks.filter((r) => r.actor === actor);
    a.send({ type: 'PLANNED', actor, round: target.round, orders: p.orders, reason: p.reason, talks: mine });
    expect(a.getSnapshot().context.planned?.[actor], `${actor}'s PLANNED taken`).toBeDefined();
  }
  return talks;
}

/** A game of the fixture, the digest of its state after each event; with `pre`, talks pre-played for each round. */
function game(seed: number, pre: boolean): { digests: string[]; talks: TalkRecord[] } {
  const a = startGame(sc, { seed, seats });
  const digests: string[] = [];
  const talks: TalkRecord[] = [];
  const send = (e: GameEvent) => {
    const handed = pre ? handIn(a, e) : [];
    a.send(e);
    const s = a.getSnapshot().context;
    digests.push(stateDigest(s));
    // Each pre-played move that leaves a trace (an answer, a text put forward) is the move the round made.
    for (const r of handed)
      if (r.kind === 'answer' || r.decision?.drafts.length)
        expect(s.causes.some((x) => x.round === s.round && x.reason === r.decision?.reason)).toBe(true);
    talks.push(...handed);
  };
  send({ type: 'BEGIN' });
  while (phaseOf(a) === 'report' && a.getSnapshot().context.round < ROUNDS) send({ type: 'NEXT' });
  a.stop();
  return { digests, talks };
}

describe('talks pre-played off the thread', () => {
  it(`give the same game as talks planned at resolution, state for state, on ${SEEDS} seeds`, () => {
    const made = { rounds: 0, answer: 0, text: 0, proposed: 0 };
    for (let seed = 1; seed <= SEEDS; seed++) {
      const inline = game(seed, false);
      const pre = game(seed, true);
      expect(pre.digests, `seed ${seed}`).toEqual(inline.digests);
      made.rounds += pre.digests.length;
      for (const r of pre.talks) {
        made[r.kind]++;
        if (r.kind === 'text' && r.decision?.drafts.length) made.proposed++;
      }
    }
    // Every game has talk decisions to pre-play, answers and texts put forward among them.
    expect(made.rounds, JSON.stringify(made)).toBeGreaterThanOrEqual(SEEDS * 2);
    expect(made.text, JSON.stringify(made)).toBeGreaterThanOrEqual(SEEDS);
    expect(made.answer, JSON.stringify(made)).toBeGreaterThanOrEqual(SEEDS);
    expect(made.proposed, JSON.stringify(made)).toBeGreaterThanOrEqual(SEEDS);
  }, 600_000);

  /** A state just before a round's resolution in which a planner puts a text forward, and its records. */
  function proposing(): { s: GameState; talks: TalkRecord[] } {
    for (let seed = 1; seed < 100; seed++) {
      const a = startGame(sc, { seed, seats: { ...seats, north: { by: 'person', policy: 'dove' } } });
      a.send({ type: 'BEGIN' });
      const s = a.getSnapshot().context;
      a.stop();
      const talks = preplayTalks(c, s);
      if (talks.some((r) => r.kind === 'text' && r.decision?.drafts.length)) return { s, talks };
    }
    throw new Error('no seed in 100 has a planner put a text forward in round 1');
  }

  it('plays a record whose key is its input’s, and ignores one made from another input', () => {
    const { s, talks } = proposing();
    const proposal = talks.find((r) => r.kind === 'text' && r.decision?.drafts.length);
    if (proposal?.kind !== 'text' || !proposal.decision) throw new Error('no proposal');
    const inline = resolveRound(c, s);
    // Pre-played as it is: the same resolution.
    expect(resolveRound(c, { ...s, plannedTalks: talks })).toEqual(inline);
    // The same key, another decision: the game plays the record's (so the records are read, not re-planned).
    const forged: TalkRecord = {
      ...proposal,
      decision: { ...proposal.decision, reason: 'A recorded reason, not one the planner would give.' },
    };
    const others = talks.filter((r) => r !== proposal);
    const played = resolveRound(c, { ...s, plannedTalks: [...others, forged] });
    expect(played.causes.some((x) => x.reason === forged.decision?.reason)).toBe(true);
    expect(inline.causes.some((x) => x.reason === forged.decision?.reason)).toBe(false);
    // A key made from another input is stale: the seat plans at resolution as without records.
    const stale: TalkRecord = { ...forged, key: proposal.key.replace(/^./, (d) => (d === '0' ? '1' : '0')) };
    expect(resolveRound(c, { ...s, plannedTalks: [...others, stale] })).toEqual(inline);
    // A record of the seat's input for another kind of decision is not taken for this one.
    const otherKind = { ...proposal, kind: 'answer', decision: null } as TalkRecord;
    expect(resolveRound(c, { ...s, plannedTalks: [...others, otherKind] })).toEqual(inline);
  });

  it('refuses a PLANNED whose talk records are malformed or another seat’s, saying why', () => {
    const { s, talks } = proposing();
    const [first] = talks;
    if (!first) throw new Error('no records');
    const planned = (actor: string, records: unknown[]) => ({
      type: 'PLANNED',
      actor,
      round: s.round,
      orders: [],
      reason: 'r',
      talks: records,
    });
    const other = first.actor === 'south' ? 'broker' : 'south';
    const mine = parseEvent(sc, planned(first.actor, [first]));
    expect(mine.ok).toBe(true);
    const theirs = parseEvent(sc, planned(other, [first]));
    expect(theirs.ok === false && theirs.reason).toBe(
      `PLANNED: a talk record of "${first.actor}" is not "${other}"'s to hand in`,
    );
    const badKey = parseEvent(sc, planned(first.actor, [{ ...first, key: 'abc' }]));
    expect(badKey.ok === false && badKey.reason).toMatch(
      /^PLANNED: talks\.0\.key: a 16-digit hexadecimal key/,
    );
    const unknownClause = parseEvent(
      sc,
      planned(first.actor, [
        {
          actor: first.actor,
          kind: 'text',
          key: first.key,
          decision: { drafts: [{ clause: 'nope', params: {} }], via: null, reason: '' },
        },
      ]),
    );
    expect(unknownClause.ok === false && unknownClause.reason).toBe(
      'PLANNED: "nope" is not a clause of this scenario',
    );
    const many = parseEvent(
      sc,
      planned(
        first.actor,
        Array.from({ length: 9 }, () => first),
      ),
    );
    expect(many.ok === false && many.reason).toMatch(/^PLANNED: talks: /);
  });
});

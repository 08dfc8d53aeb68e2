// A fuzz of event shapes (fast-check): random values, and objects with a real event type and random
// fields, sent where the channel or a log would send them. The game never throws, never holds NaN or
// Infinity, never logs what it refused, and still takes a valid next event.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type EventType, GameEvent, parseEvent } from '../../src/sim/events.ts';
import { startGame } from '../../src/sim/game.ts';
import { newLog, sendLogged } from '../../src/sim/log.ts';
import { GameStateSchema } from '../../src/sim/state-schema.ts';
import { duel } from './helpers.ts';

const sc = duel();
const TYPES = GameEvent.options.map((o) => o.shape.type.value) as EventType[];
const FIELDS = [
  'actor',
  'orders',
  'now',
  'at',
  'inject',
  'seat',
  'clauses',
  'answers',
  'version',
  'via',
  'changes',
];
const ids = fc.constantFrom(
  'north',
  'south',
  'broker',
  'accuse',
  'flood',
  'truce',
  's-cap',
  'gate',
  'need',
  '',
);
const numbers = fc.oneof(
  fc.double(),
  fc.integer(),
  fc.constantFrom(Number.NaN, Infinity, -Infinity, 1e308, -0),
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  v: fc.oneof(
    { depthSize: 'small' },
    ids,
    numbers,
    fc.constant(null),
    fc.boolean(),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(
      fc.oneof(ids, fc.constantFrom('action', 'target', 'by', 'policy', 'clause', 'params', 'id')),
      tie('v'),
      {
        maxKeys: 4,
      },
    ),
  ),
})).v;
/** An event-like value: a real type with random fields, or anything at all. */
const eventish = fc.oneof(
  fc
    .record({ type: fc.constantFrom(...TYPES) })
    .chain((base) =>
      fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 4 }).map((f) => ({ ...f, ...base })),
    ),
  fc.anything(),
);

/** Whether a value holds a number that is not finite anywhere inside it. */
function hasNonFinite(v: unknown): boolean {
  if (typeof v === 'number') return !Number.isFinite(v);
  if (Array.isArray(v)) return v.some(hasNonFinite);
  return !!v && typeof v === 'object' && Object.values(v).some(hasNonFinite);
}

describe('fuzzed events', () => {
  it('never throw, freeze, log a refused event or let NaN in; a valid event is still taken', () => {
    const seats = {
      north: { by: 'person', policy: 'hawk' },
      south: { by: 'computer', policy: 'dove' },
    } as const;
    fc.assert(
      fc.property(fc.array(eventish, { minLength: 1, maxLength: 8 }), fc.nat(1000), (sent, seed) => {
        const actor = startGame(sc, { seed, seats });
        let log = sendLogged(actor, newLog(sc, seed, seats), { type: 'BEGIN' });
        for (const raw of sent) {
          const parsed = parseEvent(sc, raw);
          // The boundary: only a parsed event goes on (a session, the log's replay, the channel).
          const before = log.events.length;
          if (parsed.ok) log = sendLogged(actor, log, parsed.event);
          else {
            expect(parsed.reason.length).toBeLessThan(300);
            // And straight to the machine, past the boundary: its guards refuse it too.
            if (typeof (raw as { type?: unknown } | null)?.type === 'string') {
              const snap = actor.getSnapshot();
              actor.send(raw as GameEvent);
              expect(actor.getSnapshot()).toBe(snap);
            }
          }
          expect(log.events.length - before).toBeLessThanOrEqual(1);
          expect(actor.getSnapshot().status).not.toBe('error');
        }
        const snap = actor.getSnapshot();
        expect(hasNonFinite(snap.context)).toBe(false);
        expect(GameStateSchema.safeParse(snap.context).success).toBe(true);
        for (const e of log.events) expect(parseEvent(sc, e.event).ok).toBe(true);
        if (snap.status === 'active') {
          const next: GameEvent = snap.context.paused
            ? { type: 'RESUME', now: 5 }
            : snap.matches('briefing')
              ? { type: 'BEGIN' }
              : snap.matches({ playing: { round: 'report' } })
                ? { type: 'NEXT' }
                : { type: 'SET_DEADLINE', at: 123_456 };
          actor.send(next);
          expect(actor.getSnapshot()).not.toBe(snap);
        }
        actor.stop();
      }),
      { numRuns: 400, seed: 25 },
    );
    // 400 games: a few seconds alone, more on a loaded machine; a limit only against a hang.
  }, 60_000);
});

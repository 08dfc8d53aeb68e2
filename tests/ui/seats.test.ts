// The seat forms' choices (seats.ts): what a start screen or console choice makes of a seat.
import { describe, expect, it } from 'vitest';
import { Seat } from '../../src/sim/events.ts';
import { choiceOf, LEVEL_CHOICES, SEAT_CHOICES, seatOf } from '../../src/ui/seats.ts';

describe('seat choices', () => {
  it('offer a person, every fixed character and the planner, in plain words', () => {
    expect(SEAT_CHOICES.map((c) => c.value)).toEqual(['person', 'tit-for-tat', 'hawk', 'dove', 'planner']);
    expect(LEVEL_CHOICES.map((c) => c.value)).toEqual(['quick', 'standard', 'deep']);
    for (const c of SEAT_CHOICES) expect(c.label).not.toMatch(/[_-]{2}|planner:/);
  });

  it('a planner keeps its level; a fixed character has none', () => {
    expect(seatOf('planner', 'deep')).toEqual({ by: 'computer', policy: 'planner', level: 'deep' });
    expect(seatOf('hawk', 'deep')).toEqual({ by: 'computer', policy: 'hawk' });
  });

  it("a person's seat keeps its advisor and the character the computer played before", () => {
    const was = { by: 'computer', policy: 'dove' } as const;
    expect(seatOf('person', 'standard', was)).toEqual({ by: 'person', policy: 'dove' });
    const advised = { by: 'person', policy: 'hawk', advisor: true } as const;
    expect(seatOf('person', 'standard', advised)).toEqual(advised);
    expect(choiceOf(advised)).toBe('person');
    expect(choiceOf({ by: 'computer', policy: 'planner', level: 'quick' })).toBe('planner');
    expect(choiceOf(undefined)).toBe('tit-for-tat');
  });

  it('every seat a form makes is one the game accepts', () => {
    for (const c of SEAT_CHOICES)
      for (const l of LEVEL_CHOICES) expect(Seat.safeParse(seatOf(c.value, l.value)).success).toBe(true);
  });
});

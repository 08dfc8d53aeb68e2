// The class-size suggestion: which roles a class of a given size seats, in teams of what size, and which it
// leaves to the computer, read from the scenario's data.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { Scenario } from '../../src/scenario/schema.ts';
import { type Seating, suggestSeating, TEAM } from '../../src/scenario/seating.ts';

const read = (file: string) => Scenario.parse(JSON.parse(readFileSync(file, 'utf8')));
const seed = () => read('scenarios/pakistan-afghanistan-2026.json');

/** The suggestion, or a failed test naming why there is none. */
function plan(sc: Scenario, students: number): Extract<Seating, { ok: true }> {
  const s = suggestSeating(sc, students);
  if (!s.ok) throw new Error(s.message);
  return s;
}

describe('suggestSeating', () => {
  it('seats 25 students of the seed scenario as eight teams of 3 or 4, the parties first, and leaves the rest to the computer', () => {
    const sc = seed();
    const s = plan(sc, 25);
    expect(s.seated.map((r) => r.actor)).toEqual([
      'pakistan',
      'taliban',
      'saudi',
      'turkey',
      'qatar',
      'un',
      'us',
      'eu',
    ]);
    expect(s.seated.map((r) => r.students)).toEqual([4, 3, 3, 3, 3, 3, 3, 3]);
    expect(s.seated.reduce((a, r) => a + r.students, 0)).toBe(25);
    expect(s.seated[0]?.reason).toBe(
      'Seated: a party to the conflict (against Taliban government): the game turns on its orders and signature.',
    );
    expect(s.seated.find((r) => r.actor === 'saudi')?.reason).toBe(
      'Seated: a mediator with leverage 0.55 and trust 50 at the start.',
    );
    // The ninth playable role, and the spoiler no person may play.
    expect(s.computer.map((r) => r.actor)).toEqual(['china', 'ttp']);
    expect(s.computer[0]?.reason).toBe(
      'Left to the computer: 25 students staff 8 roles in teams of 3 or more, and it ranks after them (an outside party with 5 actions of its own).',
    );
    expect(s.computer[1]?.reason).toBe('Computer only: the scenario does not offer this role to people.');
    // Every actor is either seated or played by the computer, once.
    const all = [...s.seated, ...s.computer].map((r) => r.actor).sort();
    expect(all).toEqual(sc.actors.map((a) => a.id).sort());
  });

  it('seats only the two parties when the class is small, and one party for one student', () => {
    const sc = seed();
    const four = plan(sc, 4);
    expect(four.seated.map((r) => [r.actor, r.students])).toEqual([
      ['pakistan', 2],
      ['taliban', 2],
    ]);
    expect(four.computer.map((r) => r.actor)).toContain('qatar');
    expect(four.computer).toHaveLength(sc.actors.length - 2);
    const one = plan(sc, 1);
    expect(one.seated).toEqual([expect.objectContaining({ actor: 'pakistan', students: 1 })]);
    expect(one.computer[0]?.reason).toMatch(/^Left to the computer: 1 student staff 1 role in teams of 3/);
  });

  it('adds a role for every further team of TEAM students, up to every playable role', () => {
    const sc = seed();
    const playable = sc.actors.filter((a) => a.playable).length;
    for (let students = 1; students <= 60; students++) {
      const s = plan(sc, students);
      expect(s.seated).toHaveLength(
        Math.min(playable, Math.max(Math.min(2, students), Math.floor(students / TEAM))),
      );
      expect(s.seated.reduce((a, r) => a + r.students, 0)).toBe(students);
      const sizes = s.seated.map((r) => r.students);
      expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
      if (s.seated.length > 2) expect(Math.min(...sizes)).toBeGreaterThanOrEqual(TEAM);
    }
    const forty = plan(sc, 40);
    expect(forty.seated).toHaveLength(playable);
    expect(forty.computer.map((r) => r.actor)).toEqual(['ttp']);
  });

  it('follows the data, not the names: a mediator given more leverage is seated before the others', () => {
    const sc = seed();
    expect(plan(sc, 9).seated.map((r) => r.actor)).toEqual(['pakistan', 'taliban', 'saudi']);
    const qatar = sc.actors.find((a) => a.id === 'qatar');
    if (qatar?.mediator) qatar.mediator.leverage = 0.9;
    expect(plan(sc, 9).seated.map((r) => r.actor)).toEqual(['pakistan', 'taliban', 'qatar']);
  });

  it('works for any scenario: the tutorial seats its two republics, then its commission once the class can staff it', () => {
    const sc = read('scenarios/tutorial.json');
    const ten = plan(sc, 10);
    expect(ten.seated.map((r) => [r.actor, r.students])).toEqual([
      ['north', 4],
      ['south', 3],
      ['commission', 3],
    ]);
    expect(ten.computer).toEqual([]);
    const five = plan(sc, 5);
    expect(five.seated.map((r) => [r.actor, r.students])).toEqual([
      ['north', 3],
      ['south', 2],
    ]);
    expect(five.computer.map((r) => r.actor)).toEqual(['commission']);
    expect(five.computer[0]?.reason).toMatch(/^Left to the computer: 5 students staff 2 roles/);
  });

  it('says what is wrong with a class size it cannot seat, and with a scenario no one may play', () => {
    for (const bad of [0, -3, 2.5, Number.NaN])
      expect(suggestSeating(seed(), bad)).toEqual({
        ok: false,
        message: `A class needs a whole number of students, 1 or more: got ${bad}.`,
      });
    const sc = seed();
    for (const a of sc.actors) a.playable = false;
    expect(suggestSeating(sc, 20)).toEqual({
      ok: false,
      message: 'This scenario has no role a person may play.',
    });
  });
});

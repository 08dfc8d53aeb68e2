// Endings that tell the truth: what each ending claims holds against the game's own log.
import { describe, expect, it } from 'vitest';
import { POLICIES, seatsFor } from '../../src/sim/batch.ts';
import { compile } from '../../src/sim/compile.ts';
import { endingAhead, endingFaults, endingText } from '../../src/sim/endings.ts';
import { playRounds } from '../../src/sim/game.ts';
import { loadFile } from './helpers.ts';

const sc = loadFile('scenarios/pakistan-afghanistan-2026.json');
const c = compile(sc);

describe('the seed scenario’s endings', () => {
  it('over 10,000 seeded games under every pairing of policies, every ending’s claims hold against the game’s log', () => {
    const faults: string[] = [];
    const seen = new Set<string>();
    for (let seed = 0; seed < 10_000; seed++) {
      const { state } = playRounds(c, { seed, seats: seatsFor(sc, seed, 'mix') });
      seen.add(state.ending?.id ?? 'none');
      for (const f of endingFaults(c, state)) faults.push(`seed ${seed}: ${f}`);
    }
    expect(faults.slice(0, 10)).toEqual([]);
    // The property covers the endings, not a corner of them.
    expect(seen.size).toBeGreaterThanOrEqual(sc.endings.length - 2);
  }, 300_000);

  it('the checker reads the log: a strike by a side inside a ceasefire’s window contradicts "the ceasefire holds"', () => {
    for (let seed = 0; seed < 500; seed++) {
      const { state } = playRounds(c, { seed, seats: seatsFor(sc, seed, 'mix') });
      if (state.ending?.id !== 'ceasefire-holds') continue;
      expect(endingFaults(c, state)).toEqual([]);
      const strike = sc.actions.find((a) => a.actors.includes('pakistan') && a.tags.includes('strike'));
      const forged = {
        ...state,
        taken: [
          ...state.taken,
          {
            round: state.round,
            actor: 'pakistan',
            action: strike?.id ?? '',
            outcome: 'x',
            goldstein: -10,
            cause: 0,
          },
        ],
      };
      expect(endingFaults(c, forged).join(' ')).toMatch(/struck during the ceasefire/);
      const early = { ...state, ending: state.ending && { ...state.ending, round: 1 } };
      expect(endingFaults(c, early).join(' ')).toMatch(/from the opening alone/);
      return;
    }
    throw new Error('no game in 500 ended with the ceasefire holding');
  });

  it('dove against dove never ends in coercion (1,000 games); hawk against hawk ends at war', () => {
    const endings = (policy: 'dove' | 'hawk') =>
      Array.from({ length: 1000 }, (_, seed) => {
        const seats = seatsFor(sc, seed, policy);
        return playRounds(c, { seed, seats }).state;
      });
    const doves = endings('dove');
    expect(doves.filter((s) => s.ending?.id === 'coercion-succeeds')).toEqual([]);
    const hawks = endings('hawk');
    const atWar = hawks.filter((s) => s.rung >= Math.ceil(sc.ladder.length / 2)).length;
    expect(atWar / hawks.length).toBeGreaterThan(0.5);
  }, 120_000);

  it('an ending one round away is announced: one more round at the top rung ends the game in all-out war', () => {
    const seats = Object.fromEntries(
      POLICIES.slice(0, 1).flatMap((p) => c.playable.map((a) => [a, { by: 'computer' as const, policy: p }])),
    );
    for (let seed = 0; seed < 50; seed++) {
      let warned: string | null = null;
      const { state } = playRounds(c, { seed, seats }, (s) => {
        warned = endingAhead(c, s)?.id ?? null;
      });
      if (state.ending?.id !== 'all-out-war') continue;
      // The round before the end, the coming ending was already named.
      expect(warned).toBe('all-out-war');
      return;
    }
    throw new Error('no hawk game in 50 ended in all-out war');
  });
});

describe('the seed scenario’s ending texts', () => {
  /** The rendered text against its template: each {metric:ID} stands for a number, then a unit or noun. */
  function quoted(template: string, text: string): { id: string; figure: number }[] {
    const slot = /\{metric:([a-z][a-z0-9-]*)(?:\|[^{}|]*\|[^{}|]*)?\}/g;
    const ids = [...template.matchAll(slot)].map((m) => m[1] ?? '');
    const literal = (t: string) => t.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const pattern = template
      .split(slot)
      .filter((_, i) => i % 2 === 0)
      .map(literal)
      .join('(-?\\d+(?:\\.\\d)?)[^;,.()]*?');
    const m = new RegExp(`^${pattern}$`).exec(text);
    if (!m) throw new Error(`"${text}" does not follow its template "${template}"`);
    return ids.map((id, i) => ({ id, figure: Number(m[i + 1]) }));
  }

  it('over 400 seeded computer games, every figure an ending quotes is the final state’s value', () => {
    const wrong: string[] = [];
    const seen = new Set<string>();
    let figures = 0;
    for (let seed = 0; seed < 400; seed++) {
      const { state } = playRounds(c, { seed, seats: seatsFor(sc, seed, 'mix') });
      const ending = sc.endings.find((e) => e.id === state.ending?.id);
      if (!ending) continue;
      seen.add(ending.id);
      const { description } = endingText(c, state);
      expect(description).not.toContain('{');
      for (const { id, figure } of quoted(ending.description, description)) {
        figures++;
        const value = state.metrics[id] ?? c.metrics.get(id)?.start ?? Number.NaN;
        // The meters round to one decimal, so a figure may differ from the value by half of that.
        if (Math.abs(figure - value) > 0.05 + 1e-9)
          wrong.push(`seed ${seed}, ${ending.id}: ${id} quoted ${figure}, is ${value}`);
      }
    }
    expect(wrong.slice(0, 10)).toEqual([]);
    expect(figures).toBeGreaterThan(400);
    expect(seen.size).toBeGreaterThanOrEqual(5);
  }, 120_000);

  it('every ending of the seed scenario quotes at least one figure', () => {
    for (const e of sc.endings) expect(e.description, e.id).toMatch(/\{metric:[a-z]/);
  });
});

// The calibration report in CI, on fewer games than `npm run calibrate`: a change that moves a figure
// out of its published band fails here.
import { describe, expect, it } from 'vitest';
import {
  type agreed,
  calibrate,
  explainedByPolicies,
  median,
  medianLife,
  withoutMediation,
} from '../../src/sim/calibration.ts';
import { compile } from '../../src/sim/compile.ts';
import { loadFile } from './helpers.ts';

const sc = loadFile('scenarios/pakistan-afghanistan-2026.json');

describe('calibration of the seed scenario', () => {
  it('every figure falls inside its band, the mediation contrast at least 2×', async () => {
    const figures = await calibrate(sc, { games: 400, seed: 1 });
    const out = figures.filter((f) => !f.ok).map((f) => `${f.id} = ${f.value}, band [${f.band.join(', ')}]`);
    expect(out).toEqual([]);
    const byId = Object.fromEntries(figures.map((f) => [f.id, f.value]));
    expect(byId['mediation-contrast']).toBeGreaterThanOrEqual(2);
    expect(byId['median-rounds']).toBeGreaterThanOrEqual(8);
    expect(figures.map((f) => f.id)).toEqual([
      'agreement-mediated',
      'agreement-unmediated',
      'mediation-contrast',
      'ceasefires',
      'ceasefire-break-share',
      'ceasefire-life-bare',
      'ceasefire-life-ratio',
      'median-rounds',
      'policy-share',
      'ending-faults',
      'dove-coercion',
      'hawk-war',
    ]);
  }, 300_000);

  it('mediation switched off leaves no mediator, no way to offer or accept mediation, no talks clause', () => {
    const off = withoutMediation(sc);
    expect(off.actors.some((a) => a.mediator)).toBe(false);
    const mediates = (effects: readonly object[]) => effects.some((e) => 'mediation' in e);
    expect(off.actions.some((a) => a.outcomes.some((o) => mediates(o.effects)))).toBe(false);
    expect(off.reactions.some((r) => mediates(r.effects))).toBe(false);
    expect(off.clauses.some((x) => x.mechanics.includes('talks') || x.from === 'mediator')).toBe(false);
    expect(off.opening.reactions.every((id) => off.reactions.some((r) => r.id === id))).toBe(true);
    // The rest of the scenario is unchanged, and the engine takes it.
    expect(off.ladder).toEqual(sc.ladder);
    expect(compile(off).parties).toEqual(compile(sc).parties);
  });

  it('measures as documented: Kaplan–Meier median life with censoring, median, the policies’ share', () => {
    // Three ceasefires broke after 1, 2 and 3 rounds; one held 5 rounds to the game's end (censored).
    const spells = [
      { from: 0, to: 1, covered: false },
      { from: 0, to: 2, covered: false },
      { from: 0, to: 3, covered: false },
      { from: 0, to: null, covered: false },
    ];
    expect(medianLife(spells, [9, 9, 9, 5], 14)).toBe(2);
    expect(medianLife([{ from: 2, to: null, covered: true }], [14], 14)).toBe(14);
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const game = (ending: string, policy: 'hawk' | 'dove', third: 'hawk' | 'dove' = 'dove') =>
      ({ ending, policies: { a: policy, mediator: third } }) as unknown as Parameters<typeof agreed>[0];
    // Endings fully determined by the policy: all of the variance explained; unrelated: none.
    expect(
      explainedByPolicies([game('war', 'hawk'), game('war', 'hawk'), game('peace', 'dove')], ['a']),
    ).toBeCloseTo(1, 9);
    const unrelated = [
      game('war', 'hawk', 'hawk'),
      game('peace', 'hawk', 'dove'),
      game('war', 'dove', 'hawk'),
      game('peace', 'dove', 'dove'),
    ];
    expect(explainedByPolicies(unrelated, ['a'])).toBeCloseTo(0, 9);
    // Only the named players count: a third party's seat that happens to track the endings is left out.
    expect(explainedByPolicies(unrelated, ['a', 'mediator'])).toBeCloseTo(1, 9);
  });
});

// The validator's checks of the `clauses` section: references, parameters, wording and mechanics.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { pathToString } from '../../src/scenario/problem.ts';
import type { Scenario } from '../../src/scenario/schema.ts';
import { checkSemantics } from '../../src/scenario/semantics.ts';
import { loadFile, parseScenario } from '../sim/helpers.ts';

const duelText = readFileSync('tests/fixtures/sim/duel.json', 'utf8');
const base = (): Scenario => parseScenario(duelText);
type Clause = Scenario['clauses'][number];
const clause = (s: Scenario, id: string) => s.clauses.find((k) => k.id === id) as Clause;

/** The problems of a changed copy of the duel fixture, as "path: message". */
function problemsAfter(change: (s: Scenario) => void): string[] {
  const s = base();
  change(s);
  return checkSemantics(s).map((p) => `${pathToString(p.path)}: ${p.message}`);
}

describe('clause validation', () => {
  it('accepts the fixture and both bundled scenarios, which offer enough clauses', () => {
    expect(problemsAfter(() => {})).toEqual([]);
    const seed = loadFile('scenarios/pakistan-afghanistan-2026.json');
    expect(checkSemantics(seed)).toEqual([]);
    expect(seed.clauses.length).toBeGreaterThanOrEqual(8);
  });

  it('reports an unknown violating action with a suggestion', () => {
    const p = problemsAfter((s) => {
      clause(s, 'open-gate').violatedBy.actions = ['close-gat'];
    });
    expect(p).toEqual([expect.stringMatching(/violatedBy\.actions\[0\]: unknown action 'close-gat'/)]);
  });

  it('reports an unknown violating reaction, and one whose actor is no party and so can never break it', () => {
    const p = problemsAfter((s) => {
      clause(s, 'truce').violatedBy.reactions = ['broker-offer', 'broker-offers'];
    });
    expect(p).toEqual([
      expect.stringMatching(/violatedBy\.reactions\[0\]: unknown reaction 'broker-offer'/),
      "clauses[0].violatedBy.reactions[1]: reaction 'broker-offers' is by 'broker', not a party to the conflict, so it can never break the clause",
    ]);
  });

  it('reports crossings options that are not crossings, and a default outside the options', () => {
    const p = problemsAfter((s) => {
      const k = clause(s, 'open-gate');
      const param = k.params[0] as Clause['params'][number];
      param.options = ['n-cap'];
      param.default = ['gate'];
    });
    expect(p.some((x) => /options\[0\]: location 'n-cap' is a capital, not a crossing/.test(x))).toBe(true);
    expect(p.some((x) => /default: parameter 'crossings': the default does not fit/.test(x))).toBe(true);
  });

  it('reports unknown placeholders, effects with unknown ids, and non-party values', () => {
    const p = problemsAfter((s) => {
      const k = clause(s, 'truce');
      k.text = 'Stop firing from {form}.';
      k.effects = [{ metric: 'nope', add: 1 }];
      k.value = { broker: 3 };
    });
    expect(p.some((x) => x.includes("unknown placeholder {form} in clause 'truce'"))).toBe(true);
    expect(p.some((x) => x.includes("effects[0].metric: unknown metric 'nope'"))).toBe(true);
    expect(p.some((x) => x.includes("value.broker: actor 'broker' is not a party"))).toBe(true);
  });

  it('reports a trade clause without crossings, a talks venue no mediator lives at, and mediators on a party clause', () => {
    const p = problemsAfter((s) => {
      clause(s, 'curb').mechanics = ['trade'];
      s.clauses.push({
        id: 'talks',
        name: 'Talks',
        text: 'Talks in {venue}.',
        params: [{ id: 'venue', name: 'Venue', kind: 'place', options: ['n-cap'], default: 'n-cap' }],
        mechanics: ['talks'],
        effects: [],
        from: 'party',
        mediators: ['broker'],
        violatedBy: { actions: [], tags: [], reactions: [] },
        value: {},
      });
    });
    expect(p.some((x) => x.includes("clause 'curb' reopens crossings but has no crossings parameter"))).toBe(
      true,
    );
    expect(p.some((x) => x.includes("venue 'n-cap' is not the home of any mediator"))).toBe(true);
    expect(p.some((x) => x.includes("clause 'talks' lists mediators but is proposed by a party"))).toBe(true);
  });

  it('reports duplicate clause ids', () => {
    const p = problemsAfter((s) => {
      s.clauses.push({ ...clause(s, 'curb') });
    });
    expect(p.some((x) => x.includes("duplicate clause id 'curb'"))).toBe(true);
  });
});

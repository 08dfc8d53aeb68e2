// Every error at once: structural and meaning problems in one run, each once, and documented forms
// accepted. The three-mistake copy of the tutorial is the case a designer met (issue 28).
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/cli/validate.ts';
import { formatProblems, loadScenario, type Problem } from '../../src/scenario/load.ts';

const tutorialText = readFileSync('scenarios/tutorial.json', 'utf8');

// biome-ignore lint/suspicious/noExplicitAny: a test edits the parsed file freely, as a designer would
type Json = Record<string, any>;
/** A changed copy of the tutorial, as file text. */
function tutorialWith(change: (s: Json) => void): string {
  const s = JSON.parse(tutorialText) as Json;
  change(s);
  return JSON.stringify(s, null, 2);
}

function problemsOf(text: string): Problem[] {
  const r = loadScenario(text, 'x.json');
  return r.ok ? [] : r.problems;
}

/** The problems of a changed copy of the tutorial. */
const problemsAfter = (change: (s: Json) => void) => problemsOf(tutorialWith(change));

/** A missing field in one action, a misspelt id in another, probabilities off in a third. */
const threeMistakes = () =>
  tutorialWith((s) => {
    delete s.actions[0].name;
    s.actions[3].actors[0] = 'nroth';
    s.actions[7].outcomes[0].probability = 0.7;
  });

describe('every error at once', () => {
  it('reports the three mistakes of the tutorial copy in one run, each once, at its place', () => {
    const text = threeMistakes();
    const problems = problemsOf(text);
    expect(problems.map((p) => [p.pass, p.path, p.message])).toEqual([
      ['structure', 'actions[0].name', 'missing required field "name"'],
      ['meaning', 'actions[3].actors[0]', "unknown actor 'nroth'"],
      [
        'meaning',
        'actions[7].outcomes',
        "the probabilities of the outcomes of action 'relief-convoy' sum to 0.9",
      ],
    ]);
    expect(problems[1]?.suggestion).toBe('north');
    // The placed line is the misspelt id's own line in the file.
    const line = text.split('\n').findIndex((l) => l.includes('"nroth"')) + 1;
    expect(problems[1]?.line).toBe(line);
  });

  it('npm run validate prints all three and a count of three', () => {
    const file = join(tmpdir(), `brink-three-${process.pid}.json`);
    writeFileSync(file, threeMistakes());
    const run = validateFiles([file]);
    expect(run.exitCode).toBe(1);
    expect(run.output).toContain('missing required field "name"');
    expect(run.output).toContain("unknown actor 'nroth'");
    expect(run.output).toContain('sum to 0.9');
    expect(run.output).toContain('3 problems in 1 file');
  });

  it('does not report a reference to an item set aside for its structure as unknown', () => {
    // Action 1 loses its name; the opening script still takes it: that is not a second problem.
    const problems = problemsAfter((s) => {
      delete s.actions[1].name;
    });
    expect(problems.map((p) => p.path)).toEqual(['actions[1].name']);
  });

  it('still checks meaning when an item of a nested list (a badge) is broken', () => {
    const problems = problemsAfter((s) => {
      s.map.badges[0].position = 'north';
      s.reactions[0].actor = 'comission';
    });
    expect(problems.map((p) => [p.pass, p.path])).toEqual([
      ['structure', 'map.badges[0].position'],
      ['meaning', 'reactions[0].actor'],
    ]);
  });

  it('names other items by their place in the file, counting those set aside', () => {
    const problems = problemsAfter((s) => {
      delete s.actions[0].name;
      s.actions[5].id = s.actions[2].id;
    });
    expect(problems.map((p) => [p.path, p.expected])).toEqual([
      ['actions[0].name', 'a string'],
      ['actions[5].id', 'a unique id (it is already used by actions[2])'],
    ]);
  });

  it('reports structure alone when a problem lies outside any list item', () => {
    const problems = problemsAfter((s) => {
      delete s.meta.title;
      s.actions[3].actors[0] = 'nroth';
    });
    expect(problems.map((p) => p.path)).toEqual(['meta.title']);
  });
});

describe('documented forms', () => {
  it('accepts a map effect at "actor" on an action that has a target', () => {
    const text = tutorialWith((s) => {
      s.actions[3].outcomes[0].map = [{ kind: 'strike', from: 'actor', at: 'actor' }];
    });
    const r = loadScenario(text, 'x.json');
    expect(r.ok ? '' : formatProblems(r.problems, text)).toBe('');
  });

  it('accepts a reaction for the opening alone: listed in opening.reactions, "when" round < 1', () => {
    const text = tutorialWith((s) => {
      s.reactions[0].when = { round: { op: '<', value: 1 } };
      s.opening.reactions = [s.reactions[0].id];
    });
    const r = loadScenario(text, 'x.json');
    expect(r.ok ? '' : formatProblems(r.problems, text)).toBe('');
  });

  it('still says a reaction outside the opening with "round < 1" can never fire', () => {
    const problems = problemsAfter((s) => {
      s.reactions[0].when = { round: { op: '<', value: 1 } };
    });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('can never fire')]);
  });
});

describe('plural placeholders', () => {
  it('accepts forms on the placeholders that stand for a number', () => {
    const text = tutorialWith((s) => {
      s.actions[3].outcomes[0].news.headline =
        '{killed|soldier|soldiers} killed, {claim:north|soldier|soldiers} claimed';
    });
    const r = loadScenario(text, 'x.json');
    expect(r.ok ? '' : formatProblems(r.problems, text)).toBe('');
  });

  it('refuses forms on a name, and forms written wrongly', () => {
    const problems = problemsAfter((s) => {
      s.actions[3].outcomes[0].news.headline = '{actor|side|sides} fires';
      s.actions[4].outcomes[0].news.headline = '{killed|soldiers} killed';
    });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        'actions[3].outcomes[0].news.headline',
        'placeholder {actor} is not a number, so it takes no plural forms',
      ],
      [
        'actions[4].outcomes[0].news.headline',
        'placeholder {killed|soldiers} has plural forms written wrongly',
      ],
    ]);
  });
});

describe('unreachable fallbacks', () => {
  it('reports a time-up fallback that an ending of higher priority always takes from it', () => {
    const problems = problemsAfter((s) => {
      s.endings[1].when = { any: [{ mediation: 'agreement' }, { timeUp: true }] };
    });
    expect(problems.map((p) => [p.path, p.message])).toEqual([
      [
        'endings[2].when',
        "ending 'uneasy-calm' can never happen: ending 'bridge-deal' (priority 1) holds when time runs out and wins over it",
      ],
    ]);
  });

  it('reports an ending outranked by one that always holds', () => {
    const problems = problemsAfter((s) => {
      s.endings[0].when = { round: { op: '>=', value: 1 } };
    });
    expect(problems.map((p) => p.path)).toEqual(['endings[1].when', 'endings[2].when']);
    expect(problems[0]?.message).toContain("ending 'river-war' (priority 2) always holds");
  });

  it('accepts a fallback of equal priority placed after an ending that needs more than time up', () => {
    const text = tutorialWith((s) => {
      s.endings[1].priority = 0;
    });
    expect(problemsOf(text)).toEqual([]);
  });
});

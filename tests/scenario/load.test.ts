import { readdirSync, readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatProblems, loadScenario, MAX_JSON_BYTES, type Problem } from '../../src/scenario/load.ts';

const BAD = 'tests/fixtures/bad';
const minimal = readFileSync('tests/fixtures/minimal.json', 'utf8');

interface Expected {
  passName: Problem['pass'];
  problems: {
    message: string;
    path: string;
    line?: number;
    column?: number;
    suggestion?: string;
    expected?: string;
    found?: string;
  }[];
}
const expectations = JSON.parse(readFileSync(`${BAD}/expected.json`, 'utf8')) as Record<string, Expected>;

/** Loads a fixture and returns its problems; fails the test if it loads. */
function problemsOf(text: string, file: string): Problem[] {
  const r = loadScenario(text, file);
  if (r.ok) throw new Error(`${file} loaded, but it must not`);
  return r.problems;
}

describe('the corpus of bad files', () => {
  it('has an expectation for every file and a file for every expectation', () => {
    const files = readdirSync(BAD).filter((f) => f.endsWith('.json.txt'));
    expect(files.sort()).toEqual(Object.keys(expectations).sort());
    expect(files.length).toBeGreaterThanOrEqual(25);
  });

  it.each(Object.entries(expectations))('%s', (name, exp) => {
    const file = `${BAD}/${name}`;
    const problems = problemsOf(readFileSync(file, 'utf8'), file);
    for (const want of exp.problems) {
      const hit = problems.find((p) => p.path === want.path && p.message.includes(want.message));
      expect(hit, `${want.path}: ${want.message}\nin\n${formatProblems(problems)}`).toBeDefined();
      expect(hit).toMatchObject({
        file,
        pass: exp.passName,
        ...(want.line !== undefined ? { line: want.line, column: want.column } : {}),
        ...(want.suggestion !== undefined ? { suggestion: want.suggestion } : {}),
      });
      if (want.expected !== undefined) expect(hit?.expected).toContain(want.expected);
      if (want.found !== undefined) expect(hit?.found).toBe(want.found);
      expect(hit?.line).toBeGreaterThanOrEqual(1);
      expect(hit?.frame).toContain('>');
    }
  });

  it('leaves Object.prototype untouched after loading the __proto__ and constructor files', () => {
    for (const name of ['proto-key.json.txt', 'constructor-key.json.txt']) {
      problemsOf(readFileSync(`${BAD}/${name}`, 'utf8'), name);
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getOwnPropertyNames(Object.prototype)).not.toContain('polluted');
    expect(typeof Object.prototype.constructor).toBe('function');
  });

  it('still runs the later passes after a key problem, so all problems come at once', () => {
    const text = minimal.replace('"meta": {\n', '"meta": {\n    "__proto__": {},\n').replace('"wset"', '"x"');
    const withTypo = text.replace('"actors": ["west", "east"]', '"actors": ["wset", "east"]');
    const problems = problemsOf(withTypo, 'm.json');
    expect(problems.map((p) => [p.pass, p.path])).toEqual([
      ['syntax', 'meta.__proto__'],
      ['meaning', 'actions[0].actors[0]'],
      ['meaning', 'opening.script[0].actor'],
    ]);
  });

  it('refuses a generated file over the size limit', () => {
    const padding = ' '.repeat(MAX_JSON_BYTES);
    const problems = problemsOf(`${minimal}${padding}`, 'huge.json');
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({
      pass: 'syntax',
      line: 1,
      column: 1,
      message: expect.stringContaining('too large'),
    });
  });

  it('refuses generated nesting 100,000 deep', () => {
    const problems = problemsOf(`{"meta": ${'['.repeat(100_000)}`, 'deep.json');
    expect(problems[0]?.message).toContain('nesting too deep');
    expect(problems[0]?.column).toBe(9 + 64);
  });
});

describe('text is text', () => {
  it('accepts HTML and script in text fields and keeps them exactly', () => {
    const text = readFileSync('tests/fixtures/html-text.json', 'utf8');
    const r = loadScenario(text, 'html-text.json');
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.scenario.meta.title).toBe('<img src=x onerror=alert(1)>');
    expect(r.scenario.actions[0]?.outcomes[1]?.news?.headline).toBe(
      '<script>alert("{actor}")</script> & {target}',
    );
  });
});

describe('loadScenario', () => {
  it('loads the minimal fixture with defaults filled in', () => {
    const r = loadScenario(minimal, 'minimal.json');
    expect(r.ok).toBe(true);
    if (r.ok) {
      expect(r.scenario.meta.actionsPerRound).toBe(1);
      expect(r.scenario.dynamics.escalationDecay).toBe(0.08);
    }
  });

  it('collects every problem, not just the first', () => {
    const data = JSON.parse(minimal);
    data.meta.maxRounds = 0;
    data.actors[0].colour = 'blue';
    data.locations[0].lat = 200;
    const problems = problemsOf(JSON.stringify(data, null, 2), 'x.json');
    expect(problems.map((p) => p.path)).toEqual(['meta.maxRounds', 'locations[0].lat', 'actors[0].colour']);
  });

  it('makes union failures readable: the shapes allowed, or the errors of the shape meant', () => {
    const data = JSON.parse(minimal);
    data.actions[1].requires = { crossing: 'pass' };
    data.endings[0].when = { any: [{ timeUp: true }, { sometimes: true }] };
    data.actions[0].outcomes[0].effects[0] = { rung: 'UP' };
    const problems = problemsOf(JSON.stringify(data, null, 2), 'x.json');
    expect(problems.map((p) => [p.path, p.message, p.expected, p.suggestion])).toEqual([
      [
        'actions[0].outcomes[0].effects[0].rung',
        'invalid format',
        '"up", "down", or lowercase letters, digits and hyphens, starting with a letter',
        'up',
      ],
      ['actions[1].requires.status', 'missing required field "status"', 'one of "open", "closed"', undefined],
      [
        'endings[0].when.any[1]',
        'not a valid condition: it matches none of the allowed shapes',
        expect.stringContaining('{metric, op, value} {compare} {engaged} {text} {rung} {mediation}'),
        undefined,
      ],
    ]);
    expect(problems[2]?.expected).toContain('{flag, is?}');
  });

  it('suggests the field meant when a key is misspelt', () => {
    const problems = problemsOf(minimal.replace('"hoursPerRound"', '"hoursPerRnd"'), 'x.json');
    // One mistake, one message: the typo, what it should be, and that the required field is missing.
    expect(problems.map((p) => [p.path, p.message, p.suggestion])).toEqual([
      [
        'meta.hoursPerRnd',
        'unknown field "hoursPerRnd", and the required field "hoursPerRound" is missing',
        'hoursPerRound',
      ],
    ]);
    // The unknown key is pointed at itself: line 10 of minimal.json, column 5.
    expect(problems[0]).toMatchObject({ line: 10, column: 5 });
  });

  it('keeps a missing field and an unrelated unknown one as two problems', () => {
    const problems = problemsOf(minimal.replace('"hoursPerRound": 24,', '"colour": 24,'), 'x.json');
    expect(problems.map((p) => p.message)).toEqual(
      expect.arrayContaining(['missing required field "hoursPerRound"', 'unknown field "colour"']),
    );
  });

  it('never throws, whatever the input', () => {
    const cut = (n: number) => minimal.slice(0, n);
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.json(), fc.nat(minimal.length).map(cut)), (text) => {
        const r = loadScenario(text, 'fuzz.json');
        if (!r.ok) {
          expect(r.problems.length).toBeGreaterThan(0);
          for (const p of r.problems) expect(p.line).toBeGreaterThanOrEqual(0);
        }
      }),
      { numRuns: 300 },
    );
    // Not even when handed something that is not a string at all.
    expect(loadScenario(undefined as unknown as string, 'x').ok).toBe(false);
  });
});

describe('formatProblems', () => {
  const text = readFileSync(`${BAD}/unknown-id.json.txt`, 'utf8');
  const problems = problemsOf(text, 'bad/unknown-id.json');

  it('prints location and path, message, expected/found, did-you-mean, a code frame and a count', () => {
    const out = formatProblems(problems, text);
    expect(out).toContain('bad/unknown-id.json:138:9  actions[0].actors[0]');
    expect(out).toContain(
      "\n  unknown actor 'wset'\n  expected: the id of an actor\n  found:    'wset'\n  did you mean 'west'?",
    );
    expect(out).toMatch(/> 138 \| +"wset",\n +\| +\^/);
    expect(out.endsWith(`${problems.length} problems in 1 file`)).toBe(true);
    expect(out).not.toContain('\u001b[');
  });

  it('uses the frames stored in the problems when no text is given', () => {
    expect(formatProblems(problems)).toBe(formatProblems(problems, text));
  });

  it('colours only when asked', () => {
    expect(formatProblems(problems, text, { color: true })).toContain('\u001b[');
  });

  it('counts problems and files, singular and plural', () => {
    const one = problems.slice(0, 1);
    expect(formatProblems(one).endsWith('\n\n1 problem in 1 file')).toBe(true);
    const two = [...one, { ...(one[0] as Problem), file: 'other.json' }];
    expect(formatProblems(two).endsWith('2 problems in 2 files')).toBe(true);
    expect(formatProblems([])).toBe('no problems');
  });

  it('cuts very long lines to a window around the column', () => {
    const oneLine = JSON.stringify({ ...JSON.parse(minimal), zzz: 1 });
    const p = problemsOf(oneLine, 'min.json');
    const frame = formatProblems(p, oneLine);
    expect(frame).toContain('"zzz"');
    for (const line of frame.split('\n')) expect(line.length).toBeLessThan(200);
  });
});

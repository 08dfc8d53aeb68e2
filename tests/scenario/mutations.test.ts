// Mutation tests: break a valid scenario in typical ways and check each break is reported at the
// right JSON path (and line:column for syntax errors), never with a stack trace.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/scenario/json.ts';
import { formatProblems, loadScenario, type Problem } from '../../src/scenario/load.ts';
import { pathToString } from '../../src/scenario/problem.ts';

const SEED = 'scenarios/pakistan-afghanistan-2026.json';
const FALLBACK = 'tests/fixtures/minimal.json';

/** The seed scenario when it exists and validates, else the minimal fixture. */
function pickBase(): { file: string; text: string } {
  if (existsSync(SEED)) {
    const text = readFileSync(SEED, 'utf8');
    if (loadScenario(text, SEED).ok) return { file: SEED, text };
  }
  return { file: FALLBACK, text: readFileSync(FALLBACK, 'utf8') };
}

const base = pickBase();
type Json = Record<string, unknown>;
const data = (): Json => JSON.parse(base.text) as Json;

/** Reads or writes the value at a path of a parsed scenario. */
function at(
  root: unknown,
  path: (string | number)[],
): { get(): unknown; set(v: unknown): void; del(): void } {
  const parent = path.slice(0, -1).reduce<unknown>((v, k) => (v as Json)[k as string], root) as Json;
  const key = path[path.length - 1] as string;
  return {
    get: () => parent[key],
    set: (v) => {
      parent[key] = v;
    },
    del: () => {
      Reflect.deleteProperty(parent, key);
    },
  };
}

/** Loads a changed scenario; it must fail, its text must have no stack trace. */
function mustFail(changed: unknown): Problem[] {
  const text = JSON.stringify(changed, null, 2);
  const r = loadScenario(text, 'mutant.json');
  expect(r.ok).toBe(false);
  if (r.ok) return [];
  expect(formatProblems(r.problems, text)).not.toMatch(/^\s+at /m);
  return r.problems;
}

/** Every path in the file whose string value is exactly `id`: the places that refer to it. */
function referencesTo(root: unknown, id: string, skip: string): string[] {
  const out: string[] = [];
  // Keys holding prose, enum values or definitions, never references.
  const notRefs = new Set(
    'id name title description summary text headline body briefing when role kind kinds category type op status mediation ceasefire is tags targetKind'.split(
      ' ',
    ),
  );
  const walk = (v: unknown, path: (string | number)[]) => {
    if (typeof v === 'string') {
      const key = path.findLast((k) => typeof k === 'string');
      const p = pathToString(path);
      if (v === id && p !== skip && !(typeof key === 'string' && notRefs.has(key))) out.push(p);
    } else if (Array.isArray(v))
      v.forEach((x, i) => {
        walk(x, [...path, i]);
      });
    else if (v && typeof v === 'object')
      for (const [k, x] of Object.entries(v)) {
        if (k === id && path.length > 0 && ['scores', 'claims'].includes(String(path[path.length - 1])))
          out.push(pathToString([...path, k]));
        walk(x, [...path, k]);
      }
  };
  walk(root, []);
  return out;
}

describe(`mutations of ${base.file}`, () => {
  it('the base scenario loads', () => {
    expect(loadScenario(base.text, base.file).ok).toBe(true);
  });

  const required: (string | number)[][] = [
    ['formatVersion'],
    ['meta', 'title'],
    ['meta', 'maxRounds'],
    ['map', 'countries'],
    ['actors', 0, 'home'],
    ['metrics', 0, 'role'],
    ['ladder', 1, 'enterAt'],
    ['actions', 0, 'outcomes'],
    ['actions', 0, 'actors'],
    ['endings', 0, 'when'],
    ['opening', 'timeline'],
  ];
  it.each(required.map((p) => [pathToString(p), p] as const))(
    'deleting %s is reported there',
    (name, path) => {
      const d = data();
      at(d, path).del();
      const problems = mustFail(d);
      expect(problems.find((p) => p.path === name)?.message).toBe(
        `missing required field "${String(path.at(-1))}"`,
      );
    },
  );

  const retyped: [(string | number)[], unknown][] = [
    [['meta', 'maxRounds'], 'many'],
    [['meta', 'title'], 42],
    [['actions', 0, 'goldstein'], '-5'],
    [['locations', 0, 'lat'], true],
    [['actors', 0, 'playable'], 'yes'],
    [['actions', 0, 'outcomes'], {}],
    [['metrics'], null],
  ];
  it.each(retyped.map(([p, v]) => [pathToString(p), p, v] as const))(
    'a wrong type at %s is reported there',
    (name, path, value) => {
      const d = data();
      at(d, path).set(value);
      const hit = mustFail(d).find((p) => p.path === name);
      expect(hit?.message).toContain('wrong type');
      expect(hit?.pass).toBe('structure');
    },
  );

  const renamed: [string, string][] = [
    ['actors', 'actor'],
    ['locations', 'location'],
    ['metrics', 'metric'],
    ['actions', 'action'],
  ];
  it.each(renamed)('renaming a referenced id in %s reports every place that used it', (list, kind) => {
    const d = data();
    const items = d[list] as { id: string }[];
    // The first item something refers to.
    const index = items.findIndex((x, i) => referencesTo(d, x.id, pathToString([list, i, 'id'])).length > 0);
    expect(index).toBeGreaterThanOrEqual(0);
    const item = items[index] as { id: string };
    const refs = referencesTo(d, item.id, pathToString([list, index, 'id']));
    item.id = `${item.id}-renamed`;
    const problems = mustFail(d);
    const reported = new Set(
      problems.filter((p) => p.message.includes(`'${item.id.replace(/-renamed$/, '')}'`)).map((p) => p.path),
    );
    for (const ref of refs) expect([...reported], `${ref} refers to the renamed ${kind}`).toContain(ref);
  });

  it.each(['actors', 'locations', 'metrics', 'actions', 'endings'])(
    'duplicating an id in %s is reported',
    (list) => {
      const d = data();
      const items = d[list] as { id: string }[];
      (items[1] as { id: string }).id = (items[0] as { id: string }).id;
      const problems = mustFail(d);
      const hit = problems.find((p) => p.path === `${list}[1].id`);
      expect(hit?.message).toMatch(/^duplicate .* id '/);
    },
  );

  it('a probability of 2 is reported at its path', () => {
    const d = data();
    at(d, ['actions', 0, 'outcomes', 0, 'probability']).set(2);
    const hit = mustFail(d).find((p) => p.path === 'actions[0].outcomes[0].probability');
    expect(hit).toMatchObject({ message: 'number too large', expected: 'a number ≤ 1', found: '2' });
  });

  const cuts = [0.001, 0.1, 0.25, 0.5, 0.75, 0.9, 0.999];
  it.each(cuts)('truncating at %f of the text gives a syntax error with line:column', (fraction) => {
    const text = base.text.slice(0, Math.max(1, Math.floor(base.text.length * fraction)));
    const r = loadScenario(text, 'cut.json');
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const lines = new LineIndex(text);
    const end = lines.position(text.length);
    for (const p of r.problems) {
      expect(p.pass).toBe('syntax');
      expect(p.line).toBeGreaterThanOrEqual(1);
      expect(p.line).toBeLessThanOrEqual(end.line);
    }
    // The break itself is pointed at: the end of the text, or where an unfinished string starts.
    expect(r.problems.some((p) => /unexpected end of text|unterminated/.test(p.message))).toBe(true);
    const formatted = formatProblems(r.problems, text);
    const first = r.problems[0] as Problem;
    expect(formatted).toContain(`cut.json:${first.line}:${first.column}`);
    expect(formatted).not.toMatch(/^\s+at /m);
  });
});

describe('mutations through the CLI', { timeout: 60_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'brink-mutants-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const run = (file: string) =>
    spawnSync('npx', ['tsx', 'src/cli/validate.ts', file], {
      encoding: 'utf8',
      timeout: 60_000,
      env: { ...process.env, NO_COLOR: '1' },
    });

  it('a truncated file: exit 1, line:column of the end, no stack trace', () => {
    const text = base.text.slice(0, Math.floor(base.text.length / 2));
    const file = join(dir, 'truncated.json');
    writeFileSync(file, text);
    const r = run(file);
    expect(r.status).toBe(1);
    const end = new LineIndex(text).position(text.length);
    expect(r.stdout).toContain(`${file}:${end.line}:${end.column}`);
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
  });

  it('a renamed actor: exit 1 and every reference reported', () => {
    const d = data();
    const actors = d.actors as { id: string }[];
    const old = (actors[0] as { id: string }).id;
    const refs = referencesTo(d, old, 'actors[0].id');
    (actors[0] as { id: string }).id = `${old}-x`;
    const file = join(dir, 'renamed.json');
    writeFileSync(file, JSON.stringify(d, null, 2));
    const r = run(file);
    expect(r.status).toBe(1);
    for (const ref of refs)
      expect(r.stdout).toMatch(new RegExp(`${file}:\\d+:\\d+  ${ref.replace(/[[\].]/g, '\\$&')}\\n`));
    expect(r.stdout + r.stderr).not.toMatch(/^\s+at /m);
  });
});

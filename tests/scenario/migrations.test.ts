// The migration framework, tried on a test-only format 0 (tests/fixtures/format-0.json: the minimal
// scenario with `meta.name` where format 1 has `meta.title`), chained with the format's own steps
// (format 1 to 2, issue 23: tests/scenario/format-2.test.ts tries that step on its own).
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateFiles } from '../../src/cli/validate.ts';
import { loadScenario } from '../../src/scenario/load.ts';
import { type JsonObject, MIGRATIONS, type Migration, migrate } from '../../src/scenario/migrations.ts';

const FIXTURE = 'tests/fixtures/format-0.json';
const format0 = readFileSync(FIXTURE, 'utf8');

/** Format 0 to 1, for these tests only: `meta.name` became `meta.title`. */
const renameTitle: Migration = {
  from: 0,
  changes: 'meta.name is now meta.title',
  migrate(v) {
    const { name, ...meta } = v.meta as JsonObject;
    return { ...v, meta: { ...meta, title: name } };
  },
};

/** The test-only step chained with the format's own. */
const withFormat0 = [renameTitle, ...MIGRATIONS];

let dir: string | undefined;
afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
  dir = undefined;
});

describe('format migrations', () => {
  it('the format has one real step so far: format 1 to 2', () => {
    expect(MIGRATIONS.map((m) => m.from)).toEqual([1]);
  });

  it('upgrades an older file on load, with a notice naming what changed', () => {
    const r = loadScenario(format0, 'format-0.json', withFormat0);
    expect(r.ok ? '' : r.problems.map((p) => p.message)).toBe('');
    if (!r.ok) return;
    expect(r.scenario.meta.title).toBe('Minimal: Two Valleys');
    expect(r.upgrade).toMatchObject({
      from: 0,
      notice: expect.stringMatching(
        /^migrated from format 0 to 2 \(format 0 to 1: meta\.name is now meta\.title; format 1 to 2: N parties/,
      ),
    });
  });

  it('runs every step in order, and leaves the value it was given unchanged', () => {
    const value = JSON.parse(format0) as JsonObject;
    const before = structuredClone(value);
    const addNote: Migration = { from: 1, changes: 'meta.note added', migrate: (v) => ({ ...v, note: 1 }) };
    const r = migrate(value, [addNote, renameTitle], 2);
    expect(value).toEqual(before);
    expect(r).toMatchObject({
      ok: true,
      from: 0,
      notices: ['format 0 to 1: meta.name is now meta.title', 'format 1 to 2: meta.note added'],
    });
    expect(r.ok && (r.value as JsonObject).formatVersion).toBe(2);
  });

  it('refuses a format it has no way up from, at formatVersion', () => {
    const r = loadScenario(format0, 'format-0.json');
    expect(r.ok ? [] : r.problems.map((p) => [p.path, p.message, p.expected])).toEqual([
      [
        'formatVersion',
        'format 0 is too old to be upgraded: no migration from format 0 to 1',
        '"formatVersion" from 1 to 2',
      ],
    ]);
  });

  it('places the problems of an upgraded file in the file as written', () => {
    const text = format0.replace('"actors": ["west", "east"]', '"actors": ["wset", "east"]');
    expect(text).not.toBe(format0);
    const r = loadScenario(text, 'format-0.json', withFormat0);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    const line = text.split('\n').findIndex((l) => l.includes('"wset"')) + 1;
    expect(r.problems.map((p) => [p.path, p.message, p.line])).toContainEqual([
      'actions[0].actors[0]',
      "unknown actor 'wset'",
      line,
    ]);
    expect(r.upgrade?.from).toBe(0);
  });

  it('leaves current and newer files alone (a newer one is refused by the structure pass)', () => {
    const current = readFileSync('scenarios/tutorial.json', 'utf8');
    expect(loadScenario(current, 'm.json', withFormat0)).not.toHaveProperty('upgrade');
    const newer = loadScenario(current.replace('"formatVersion": 2', '"formatVersion": 3'), 'm.json');
    expect(newer.ok ? [] : newer.problems.map((p) => p.path)).toEqual(['formatVersion']);
  });
});

describe('npm run validate and --migrate', () => {
  it('says "migrated from format 0", and --migrate writes the upgraded file', () => {
    dir = mkdtempSync(join(tmpdir(), 'brink-migrate-'));
    const file = join(dir, 'old.json');
    copyFileSync(FIXTURE, file);
    const checked = validateFiles([file], false, { migrations: withFormat0 });
    expect(checked.output).toContain(`${file}: migrated from format 0 to 2`);
    expect(checked.output).toContain(`${file}: OK`);
    expect(readFileSync(file, 'utf8')).toBe(format0); // checking alone writes nothing

    const run = validateFiles([file], false, { write: true, migrations: withFormat0 });
    expect(run.exitCode).toBe(0);
    expect(run.output).toContain('meta.name is now meta.title; format 1 to 2: N parties');
    expect(run.output).toContain('); written');
    const upgraded = JSON.parse(readFileSync(file, 'utf8')) as JsonObject;
    expect(upgraded.formatVersion).toBe(2);
    expect((upgraded.meta as JsonObject).title).toBe('Minimal: Two Valleys');
    expect(upgraded.meta).not.toHaveProperty('name');
    // The written file is format 2 as it stands: the format's own list takes it as it is.
    expect(validateFiles([file]).output).toBe(`${file}: OK\nno problems in 1 file`);
    const again = validateFiles([file], false, { write: true });
    expect(again.output).toContain('not upgraded (format 2 is current); nothing written');
  });
});

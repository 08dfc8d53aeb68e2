// Format 1 to 2 (issue 23): every bundled scenario and every old-format file among the fixtures loads,
// upgraded with a notice, and keeps what it meant; a problem is placed where the file as written has it.
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { loadScenario } from '../../src/scenario/load.ts';
import { type JsonObject, MIGRATIONS, migrate } from '../../src/scenario/migrations.ts';
import { FORMAT_VERSION } from '../../src/scenario/schema.ts';

const jsonIn = (dir: string) =>
  readdirSync(dir)
    .filter((f) => f.endsWith('.json') && !f.endsWith('.schema.json'))
    .map((f) => `${dir}/${f}`);
const files = [...jsonIn('scenarios'), ...jsonIn('tests/fixtures'), ...jsonIn('tests/fixtures/sim')].filter(
  (f) => !f.endsWith('format-0.json'),
);
const read = (f: string) => readFileSync(f, 'utf8');
const versionOf = (f: string) => (JSON.parse(read(f)) as JsonObject).formatVersion;

describe('format 1 to 2', () => {
  it('the format is 2 and the step from 1 names what changed', () => {
    expect(FORMAT_VERSION).toBe(2);
    expect(MIGRATIONS[0]?.changes).toMatch(/^N parties: each actor has a "role"/);
  });

  it.each(files)('%s loads and validates, upgraded with a notice when it is of format 1', (file) => {
    const r = loadScenario(read(file), file);
    expect(r.ok ? [] : r.problems.map((p) => `${p.path}: ${p.message}`)).toEqual([]);
    if (versionOf(file) === 1)
      expect(r.upgrade?.notice).toMatch(/^migrated from format 1 to 2 \(format 1 to 2: N parties/);
    else expect(r.upgrade).toBeUndefined();
  });

  it('keeps what a format 1 file meant: sides become belligerents, kinds give the roles, reactions of playable actors bind people', () => {
    const before = JSON.parse(read('tests/fixtures/sim/duel.json')) as JsonObject;
    const copy = structuredClone(before);
    const m = migrate(before);
    expect(before).toEqual(copy);
    if (!m.ok) throw new Error(m.message);
    const after = m.value as { actors: JsonObject[]; metrics: JsonObject[]; reactions: JsonObject[] };
    const old = before.actors as JsonObject[];
    for (const [i, a] of after.actors.entries()) {
      const was = old[i] as JsonObject;
      expect(a).not.toHaveProperty('opponent');
      expect(a.against).toEqual(typeof was.opponent === 'string' ? [was.opponent] : []);
      if (was.playable === true && was.opponent !== undefined) expect(a.role).toBe('belligerent');
      if (was.kind === 'armed-group') expect(a.role).toBe('spoiler');
      if (was.mediator) {
        expect(a.mediator).not.toHaveProperty('trust');
        const trust = (was.mediator as JsonObject).trust;
        expect(after.metrics.find((x) => x.id === trust)).toMatchObject({ role: 'trust', actor: a.id });
      }
    }
    const playable = new Set(old.filter((a) => a.playable === true).map((a) => a.id));
    for (const r of after.reactions) expect(r.bindsPeople === true).toBe(playable.has(r.actor));
  });

  it('places a problem of an upgraded file at the field as written: a bad opponent at "opponent"', () => {
    const text = read('tests/fixtures/minimal.json').replace('"opponent": "east"', '"opponent": "eats"');
    const r = loadScenario(text, 'm.json');
    const line = text.split('\n').findIndex((l) => l.includes('"eats"')) + 1;
    expect(r.ok ? [] : r.problems.map((p) => [p.path, p.message, p.line])).toContainEqual([
      'actors[0].opponent',
      "unknown actor 'eats'",
      line,
    ]);
  });
});

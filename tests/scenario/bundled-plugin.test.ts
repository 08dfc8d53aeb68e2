import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { validateScenarioFiles } from '../../src/scenario/bundled-plugin.ts';
import { type BundledScenario, loadScenario } from '../../src/scenario/load.ts';

const minimal = readFileSync('tests/fixtures/minimal.json', 'utf8');
let dir = '';

afterEach(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** A scenario folder holding `files` (name → text). */
function folder(files: Record<string, string>): string {
  dir = mkdtempSync(join(tmpdir(), 'brink-bundled-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}

describe('bundled scenarios validated at build time', () => {
  it('ships a good file as the validator gives it back, defaults filled in, and skips the JSON Schema', () => {
    const d = folder({ 'b.json': minimal, 'scenario.schema.json': '{}' });
    copyFileSync('tests/fixtures/minimal.json', join(d, 'a.json'));
    const files = validateScenarioFiles(d);
    expect(files.map((f) => f.file)).toEqual(['a.json', 'b.json']);
    expect(files[0]?.fileName).toMatch(/^assets\/scenarios\/a-[0-9a-f]{8}\.json$/);
    const shipped = JSON.parse(files[0]?.json ?? '{}') as BundledScenario;
    const loaded = loadScenario(minimal, 'a.json');
    if (!loaded.ok || !shipped.ok) throw new Error('minimal.json must load');
    // What the browser reads is exactly what validating the text there would give, as JSON.
    expect(shipped.scenario).toEqual(JSON.parse(JSON.stringify(loaded.scenario)));
    expect(shipped.scenario).not.toEqual(JSON.parse(minimal));
  });

  it('ships a broken file with its problems, each saying where and what', () => {
    const broken = minimal.replace('"meta"', '"meta",');
    const files = validateScenarioFiles(folder({ 'broken.json': broken }));
    const shipped = JSON.parse(files[0]?.json ?? '{}') as BundledScenario;
    if (shipped.ok) throw new Error('broken.json must not load');
    expect(shipped.file).toBe('broken.json');
    expect(shipped.problems.length).toBeGreaterThan(0);
    expect(shipped.problems[0]).toMatch(/^broken\.json:\d+:\d+/);
  });

  it('ships nothing when the folder is missing', () => {
    expect(validateScenarioFiles(join(tmpdir(), 'brink-no-such-folder'))).toEqual([]);
  });
});

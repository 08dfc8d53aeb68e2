// A worker's bundle is built once and reused while its sources are unchanged; an edit to any source
// (the entry or a module it imports) gives a new bundle with the edit in it.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { workerBundle } from '../../src/cli/worker-bundle.ts';

const dir = mkdtempSync(join(tmpdir(), 'brink-bundle-'));
const made: string[] = [];

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  for (const f of made) rmSync(f, { force: true });
});

describe('workerBundle', () => {
  it('reuses the bundle until a source changes, then builds it again', async () => {
    const entry = join(dir, `entry-${basename(dir)}.ts`);
    const dep = join(dir, 'dep.ts');
    writeFileSync(dep, "export const word: string = 'first';\n");
    writeFileSync(entry, "import { word } from './dep.ts';\nconsole.log(word);\n");
    const url = pathToFileURL(entry);
    const one = await workerBundle(url);
    made.push(one, join(dirname(one), `${basename(entry, '.ts')}.json`));
    expect(readFileSync(one, 'utf8')).toContain('first');
    expect(await workerBundle(url)).toBe(one);

    writeFileSync(dep, "export const word: string = 'second';\n");
    const two = await workerBundle(url);
    made.push(two);
    expect(two).not.toBe(one);
    const text = readFileSync(two, 'utf8');
    expect(text).toContain('second');
    // Plain JavaScript: the type annotation is gone.
    expect(text).not.toContain(': string');
  });
});

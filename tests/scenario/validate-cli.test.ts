import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

/** Runs `npx tsx src/cli/validate.ts ...files` the way `npm run validate` does. */
function validate(...files: string[]) {
  const r = spawnSync('npx', ['tsx', 'src/cli/validate.ts', ...files], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('npm run validate', { timeout: 60_000 }, () => {
  it('exits 0 and says OK for a clean file', () => {
    const r = validate('tests/fixtures/minimal.json');
    expect(r.code).toBe(0);
    expect(r.out).toContain('tests/fixtures/minimal.json: OK');
  });

  it('exits 1 with file:line:column, the path, a code frame and the count for a bad file', () => {
    const r = validate('tests/fixtures/bad/probability-2.json.txt');
    expect(r.code).toBe(1);
    expect(r.out).toContain(
      'tests/fixtures/bad/probability-2.json.txt:156:26  actions[0].outcomes[0].probability',
    );
    expect(r.out).toContain('number too large');
    expect(r.out).toMatch(/> 156 \|/);
    expect(r.out.trimEnd().endsWith('1 problem in 1 file')).toBe(true);
    noStack(r.out + r.err);
  });

  it('prints all problems of every file, then one total, and OK for the clean ones', () => {
    const r = validate(
      'tests/fixtures/bad/unknown-id.json.txt',
      'tests/fixtures/minimal.json',
      'tests/fixtures/bad/condition-misspelt-key.json.txt',
    );
    expect(r.code).toBe(1);
    expect(r.out).toContain('tests/fixtures/minimal.json: OK');
    expect(r.out).toContain('tests/fixtures/bad/unknown-id.json.txt:138:9  actions[0].actors[0]');
    expect(r.out).toContain("did you mean 'west'?");
    expect(r.out).toContain(
      'tests/fixtures/bad/condition-misspelt-key.json.txt:198:9  actions[1].requires.vlaue',
    );
    expect(r.out).toContain("did you mean 'value'?");
    expect(r.out.trimEnd().endsWith('3 problems in 2 files')).toBe(true);
    noStack(r.out + r.err);
  });

  it('reports a missing file and a directory as problems, not crashes', () => {
    const r = validate('no/such/file.json', 'tests/fixtures');
    expect(r.code).toBe(1);
    expect(r.out).toContain('no/such/file.json  (top level)\n  cannot read the file: no such file');
    expect(r.out).toContain('tests/fixtures  (top level)\n  cannot read the file: it is a directory');
    expect(r.out.trimEnd().endsWith('2 problems in 2 files')).toBe(true);
    noStack(r.out + r.err);
  });

  it('prints usage and exits 2 without files', () => {
    const r = validate();
    expect(r.code).toBe(2);
    expect(r.out).toContain('usage: npm run validate -- FILE...');
  });
});

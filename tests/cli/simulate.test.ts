import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';

const run = (...args: string[]) =>
  spawnSync('npx', ['tsx', 'src/cli/simulate.ts', ...args], { encoding: 'utf8', timeout: 60_000 });

// Each case starts tsx and worker threads: seconds, not milliseconds.
describe('npm run simulate', { timeout: 90_000 }, () => {
  it('plays games across worker threads and prints endings, length, peak, mediation and paths', () => {
    const r = run('tests/fixtures/sim/duel.json', '--games', '60', '--seed', '3', '--workers', '2');
    expect(r.status).toBe(0);
    for (const part of [
      '60 games of',
      'Endings:',
      'Mean length:',
      'Escalation peak:',
      'Mediation: offered',
      'Agreements: signed',
      'Most common paths',
      'Content in play (11 actions of playable roles',
      'actions never open to a computer player',
      'reactions that never fired:',
      'endings never reached:',
    ]) {
      expect(r.stdout).toContain(part);
    }
  });

  it('--json gives the same statistics whatever the number of workers', () => {
    const one = JSON.parse(
      run('tests/fixtures/sim/duel.json', '--games', '40', '--seed', '9', '--workers', '1', '--json').stdout,
    );
    const two = JSON.parse(
      run('tests/fixtures/sim/duel.json', '--games', '40', '--seed', '9', '--workers', '2', '--json').stdout,
    );
    delete one.seconds;
    delete two.seconds;
    expect(two).toEqual(one);
    expect(one.games).toBe(40);
  });

  it('bad arguments or a missing file give a message and a non-zero exit, never a stack trace', () => {
    const missing = run('no/such/file.json', '--games', '5');
    expect(missing.status).not.toBe(0);
    expect(missing.stderr).toContain('cannot read');
    const bad = run('tests/fixtures/sim/duel.json', '--games', 'many');
    expect(bad.status).toBe(2);
    expect(`${bad.stdout}${bad.stderr}`).not.toMatch(/\n\s+at /);
  });
});

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

  it('prints each metric per round (median, p10–p90) and the endings per role and policy; --policy is mix by default', () => {
    const r = run('tests/fixtures/sim/duel.json', '--games', '80', '--seed', '5', '--workers', '2');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('Metrics round by round');
    expect(r.stdout).toContain(
      'Policy: mix (the default: each seat of each game draws hawk, dove or tit-for-tat)',
    );
    // A table per metric: rounds as columns, the games in play, p90, median and p10 as rows.
    const table = r.stdout.slice(r.stdout.indexOf('  Trade (trade)'));
    const rows = table
      .split('\n')
      .slice(1, 6)
      .map((l) => l.trim().split(/\s+/));
    expect(rows.map((x) => x[0])).toEqual(['round', 'games', 'p90', 'median', 'p10']);
    expect(rows[0]?.slice(1, 3)).toEqual(['0', '1']);
    expect(rows[1]?.[1]).toBe('80');
    expect(r.stdout).toMatch(/Endings by policy[^\n]*\n {2}north as hawk \(\d+ games\): /);
    const json = JSON.parse(
      run('tests/fixtures/sim/duel.json', '--games', '80', '--seed', '5', '--workers', '2', '--json').stdout,
    );
    expect(json.policy).toBe('mix');
    const trade = json.metricsByRound.trade as {
      round: number;
      games: number;
      p10: number;
      median: number;
      p90: number;
    }[];
    expect(trade[0]).toMatchObject({ round: 0, games: 80 });
    for (const row of trade) {
      expect(row.p10).toBeLessThanOrEqual(row.median);
      expect(row.median).toBeLessThanOrEqual(row.p90);
    }
    // The text shows the same figures as --json.
    expect(rows[3]?.slice(1, 3)).toEqual(trade.slice(0, 2).map((x) => String(x.median)));
    const north = Object.values(json.endingsByPolicy.north) as {
      games: number;
      endings: Record<string, number>;
    }[];
    expect(north.reduce((n, c) => n + c.games, 0)).toBe(80);
    const hawk = run(
      'tests/fixtures/sim/duel.json',
      '--games',
      '30',
      '--seed',
      '5',
      '--workers',
      '1',
      '--policy',
      'hawk',
      '--json',
    );
    expect(Object.keys(JSON.parse(hawk.stdout).endingsByPolicy.south)).toEqual(['hawk']);
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

  it('--json through a pipe arrives whole, past the pipe’s 64 KiB buffer', () => {
    // A shell's pipe (Node's own child pipes are socket pairs, which never filled up this way).
    const r = spawnSync(
      'sh',
      [
        '-c',
        'npx tsx src/cli/simulate.ts scenarios/pakistan-afghanistan-2026.json --games 200 --seed 1 --json | cat',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(r.status).toBe(0);
    expect(r.stdout.length).toBeGreaterThan(65_536);
    expect(JSON.parse(r.stdout).games).toBe(200);
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

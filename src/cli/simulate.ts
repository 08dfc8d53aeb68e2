// `npm run simulate -- FILE --games N --seed S [--policy POLICY | --policy ROLE=POLICY,…] [--no-mediation] [--workers K] [--json]`
// Plays N computer-only games across worker threads and prints what happened; `--policy` is `mix` by default.
import { cpus } from 'node:os';
import { type ParseArgsConfig, parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { SingleBar } from 'cli-progress';
import { reason } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import {
  type BatchReport,
  type GameSummary,
  POLICY_CHOICES,
  type PolicyChoice,
  type PolicySpec,
  summarise,
} from '../sim/batch.ts';
import { agreed, median, withoutMediation } from '../sim/calibration.ts';
import { readScenario } from './read-scenario.ts';
import { type PackedSummaries, unpackSummaries } from './summary-wire.ts';
import { distributionLines, distributions } from './tuning.ts';
import { workerBundle } from './worker-bundle.ts';

/** Options of one simulation run. */
export interface SimulateOptions {
  games: number;
  seed: number;
  policy: PolicySpec;
  workers: number;
  progress?: (done: number) => void;
}

/** Plays the games across worker threads and returns every game's summary, in game order. */
export async function simulate(scenario: Scenario, o: SimulateOptions): Promise<GameSummary[]> {
  const workers = Math.max(1, Math.min(o.workers, o.games));
  const per = Math.ceil(o.games / workers);
  let done = 0;
  // The workers load the engine built once into plain JavaScript (worker-bundle.ts), not tsx compiling it again in each.
  const file = await workerBundle(new URL('./simulate-worker.ts', import.meta.url));
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = w * per;
      const to = Math.min(o.games, from + per);
      return new Promise<GameSummary[]>((resolve, reject) => {
        const worker = new Worker(file, {
          workerData: { scenario, seed: o.seed, from, to, policy: o.policy },
          // Games allocate many short-lived objects: a larger young generation means far fewer scavenges.
          resourceLimits: { maxYoungGenerationSizeMb: 256 },
        });
        worker.on('message', (m: { progress: number; packed?: PackedSummaries }) => {
          done += m.progress;
          o.progress?.(done);
          if (m.packed) resolve(unpackSummaries(m.packed));
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (code !== 0) reject(new Error(`worker stopped with exit code ${code}`));
        });
      });
    }),
  );
  return parts.flat();
}

/** The report as text. */
export function formatReport(r: BatchReport, scenario: Scenario): string {
  const pct = (k: number) => `${((100 * k) / (r.games || 1)).toFixed(1)}%`;
  const title = (id: string) => scenario.endings.find((e) => e.id === id)?.title ?? id;
  const lines = [`${r.games} games of "${scenario.meta.title}"`, '', 'Endings:'];
  for (const [id, k] of Object.entries(r.endings).sort((a, b) => b[1] - a[1]))
    lines.push(`  ${title(id).padEnd(40)} ${String(k).padStart(6)}  ${pct(k)}`);
  lines.push('', `Mean length: ${r.meanRounds.toFixed(2)} rounds`);
  lines.push(`Escalation peak: mean rung ${r.peakRung.mean.toFixed(2)}`);
  for (const [rung, k] of Object.entries(r.peakRung.distribution))
    lines.push(`  peak at ${rung.padEnd(34)} ${String(k).padStart(6)}  ${pct(k)}`);
  lines.push(
    '',
    `Mediation: offered in ${pct(r.mediation.offered)}, accepted in ${pct(r.mediation.accepted)}, succeeded in ${pct(r.mediation.succeeded)}`,
    `Agreements: signed in ${pct(r.agreements.signed)}, collapsed (ceasefire broke or text collapsed after signing) in ${pct(r.agreements.collapsed)}`,
    `  negotiated texts: signed in ${pct(r.agreements.negotiated.signed)}, collapsed after violations in ${pct(r.agreements.negotiated.collapsed)}`,
    '',
    'Most common paths (rungs entered, then the ending):',
  );
  for (const p of r.paths) lines.push(`  ${String(p.games).padStart(6)}  ${p.path}`);
  lines.push('', ...contentLines(r));
  return lines.join('\n');
}

/**
 * Parses `--policy`: one policy for every seat, or `ROLE=POLICY,…` (unlisted roles draw as in `mix`).
 * Returns the spec, or a message naming what is wrong.
 */
export function parsePolicy(text: string, scenario: Scenario): { spec: PolicySpec } | { error: string } {
  const names: readonly string[] = POLICY_CHOICES;
  const known = (p: string) => names.includes(p);
  if (!text.includes('='))
    return known(text)
      ? { spec: text as PolicyChoice }
      : { error: `unknown policy "${text}": use ${names.join(', ')}` };
  const roles = scenario.actors.filter((a) => a.playable).map((a) => a.id);
  const spec: Record<string, PolicyChoice> = {};
  for (const part of text.split(',')) {
    const [role = '', policy = ''] = part.split('=').map((x) => x.trim());
    if (!roles.includes(role))
      return { error: `--policy ${part}: "${role}" is not a playable role (${roles.join(', ')})` };
    if (!known(policy))
      return { error: `--policy ${part}: unknown policy "${policy}": use ${names.join(', ')}` };
    spec[role] = policy as PolicyChoice;
  }
  return { spec };
}

/** The policy of a run in words; `mix`, the default, says what it does. */
function policyText(spec: PolicySpec): string {
  if (spec === 'mix') return 'mix (the default: each seat of each game draws hawk, dove or tit-for-tat)';
  if (typeof spec === 'string') return spec;
  return Object.entries(spec)
    .map(([role, p]) => `${role}=${p}`)
    .join(', ')
    .concat(' (other roles: mix)');
}

/** The figures `--json` adds for scripts: each role's mean score, the median length, the share of games with an agreement. */
export function headline(games: readonly GameSummary[]): {
  medianRounds: number;
  agreementRate: number;
  scores: Record<string, number>;
} {
  const scores: Record<string, number> = {};
  for (const g of games)
    for (const [role, v] of Object.entries(g.scores)) scores[role] = (scores[role] ?? 0) + v;
  for (const role of Object.keys(scores))
    scores[role] = Math.round(((scores[role] ?? 0) / games.length) * 100) / 100;
  return {
    medianRounds: median(games.map((g) => g.rounds)),
    agreementRate: games.length === 0 ? 0 : games.filter(agreed).length / games.length,
    scores,
  };
}

/** Design choice: an action taken in fewer than this share of the games it was open in is flagged as rare. */
const RARE = 0.02;

/** What of the scenario never or seldom came into play: the designer's list of dead or doubtful content. */
function contentLines(r: BatchReport): string[] {
  const actions = Object.entries(r.content.actions);
  const list = (ids: string[]) => (ids.length === 0 ? 'none' : ids.join(', '));
  const never = actions.filter(([, a]) => a.open === 0).map(([id]) => id);
  const untaken = actions.filter(([, a]) => a.open > 0 && a.taken === 0).map(([id]) => id);
  const rare = actions
    .filter(([, a]) => a.taken > 0 && a.taken / a.open < RARE)
    .map(([id, a]) => `${id} (${a.taken} of ${a.open})`);
  const silent = Object.entries(r.content.reactions)
    .filter(([, k]) => k === 0)
    .map(([id]) => id);
  return [
    `Content in play (${actions.length} actions of playable roles, ${Object.keys(r.content.reactions).length} reactions, --json has every count):`,
    `  actions never open to a computer player (check their "requires"): ${list(never)}`,
    `  actions open but never taken by the policies: ${list(untaken)}`,
    `  actions taken in under ${RARE * 100}% of the games they were open in: ${list(rare)}`,
    `  reactions that never fired: ${list(silent)}`,
    `  endings never reached: ${list(r.content.unreachedEndings)}`,
  ];
}

/** The options every batch tool takes: how many games, the first seed, worker threads, JSON output. */
const BATCH_OPTIONS = {
  games: { type: 'string', default: '1000' },
  seed: { type: 'string', default: '1' },
  workers: { type: 'string', default: String(Math.max(1, cpus().length)) },
  json: { type: 'boolean', default: false },
} as const;

/** The `--games`, `--seed` and `--workers` options as whole numbers (games and workers at least 1), or null. */
function batchCounts(v: Record<string, unknown>): { games: number; seed: number; workers: number } | null {
  const [games, seed, workers] = [v.games, v.seed, v.workers].map(Number);
  if (games === undefined || seed === undefined || workers === undefined) return null;
  if (
    !Number.isInteger(games) ||
    games < 1 ||
    !Number.isInteger(seed) ||
    !Number.isInteger(workers) ||
    workers < 1
  )
    return null;
  return { games, seed, workers };
}

/** A batch tool's command line read: its options, counts and scenario, or the exit code after saying what is wrong. */
export function readBatch<O extends ParseArgsConfig['options']>(
  usage: string,
  extra: O,
  defaultFile?: string,
):
  | {
      values: Record<string, string | boolean | undefined>;
      counts: { games: number; seed: number; workers: number };
      scenario: Scenario;
    }
  | number {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({ allowPositionals: true, options: { ...BATCH_OPTIONS, ...extra } });
  } catch (e) {
    console.error(`${reason(e)}\n${usage}`);
    return 2;
  }
  const file = args.positionals[0] ?? defaultFile;
  const counts = batchCounts(args.values);
  if (!file || !counts) {
    console.error(usage);
    return 2;
  }
  const loaded = readScenario(file);
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  return {
    values: args.values as Record<string, string | boolean | undefined>,
    counts,
    scenario: loaded.scenario,
  };
}

const USAGE =
  'usage: npm run simulate -- FILE --games N --seed S [--policy hawk|dove|tit-for-tat|planner[:quick|:standard|:deep]|mix | --policy ROLE=POLICY[,ROLE=POLICY…]] [--no-mediation] [--workers K] [--json]\n--policy is mix by default: each seat of each game draws hawk, dove or tit-for-tat';

async function main(): Promise<number> {
  const read = readBatch(USAGE, {
    policy: { type: 'string', default: 'mix' },
    'no-mediation': { type: 'boolean', default: false },
  });
  if (typeof read === 'number') return read;
  const { values } = read;
  const { games, seed, workers } = read.counts;
  const parsed = parsePolicy(String(values.policy), read.scenario);
  if ('error' in parsed) {
    console.error(parsed.error);
    return 2;
  }
  const spec = parsed.spec;
  const scenario = values['no-mediation'] ? withoutMediation(read.scenario) : read.scenario;
  const bar =
    values.json || !process.stderr.isTTY
      ? null
      : new SingleBar({ stream: process.stderr, format: 'simulating [{bar}] {value}/{total} games' });
  bar?.start(games, 0);
  const started = performance.now();
  const summaries = await simulate(scenario, {
    games,
    seed,
    policy: spec,
    workers,
    progress: (n) => bar?.update(n),
  });
  bar?.stop();
  const report = summarise(scenario, summaries);
  const seconds = (performance.now() - started) / 1000;
  const head = headline(summaries);
  if (values.json)
    console.log(
      JSON.stringify({ ...report, ...head, policy: spec, ...distributions(summaries), seconds }, null, 2),
    );
  else
    console.log(
      `${formatReport(report, scenario)}\n\n${distributionLines(summaries, scenario).join('\n')}\n\nPolicy: ${policyText(spec)}\nMedian length: ${head.medianRounds} rounds; agreement in ${(100 * head.agreementRate).toFixed(1)}% of games\nMean scores: ${Object.entries(
        head.scores,
      )
        .map(([r, v]) => `${r} ${v}`)
        .join(', ')}\n\n${games} games in ${seconds.toFixed(2)} s on ${workers} worker thread(s)`,
    );
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main().then(
    // exitCode, not exit(): exit() would cut a piped report at the pipe's buffer (64 KiB).
    (code) => {
      process.exitCode = code;
    },
    (e: unknown) => {
      console.error(`simulate failed: ${reason(e)}`);
      process.exitCode = 1;
    },
  );
}

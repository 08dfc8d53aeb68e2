// `npm run simulate -- FILE --games N --seed S [--policy hawk|dove|tit-for-tat|mix] [--workers K] [--json]`
// Plays N computer-only games across worker threads and prints what happened.
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { SingleBar } from 'cli-progress';
import { reason } from '../errors.ts';
import type { Scenario } from '../scenario/schema.ts';
import { type BatchReport, type GameSummary, POLICIES, summarise } from '../sim/batch.ts';
import type { PolicyName } from '../sim/types.ts';
import { readScenario } from './read-scenario.ts';

/** Options of one simulation run. */
export interface SimulateOptions {
  games: number;
  seed: number;
  policy: PolicyName | 'mix';
  workers: number;
  progress?: (done: number) => void;
}

/** Plays the games across worker threads and returns every game's summary, in game order. */
export async function simulate(scenario: Scenario, o: SimulateOptions): Promise<GameSummary[]> {
  const workers = Math.max(1, Math.min(o.workers, o.games));
  const per = Math.ceil(o.games / workers);
  let done = 0;
  const parts = await Promise.all(
    Array.from({ length: workers }, (_, w) => {
      const from = w * per;
      const to = Math.min(o.games, from + per);
      return new Promise<GameSummary[]>((resolve, reject) => {
        const url = new URL('./simulate-worker.ts', import.meta.url).href;
        // Workers do not inherit tsx's loader: register it first, then load the TypeScript worker.
        const boot = `import('tsx/esm/api').then((t) => { t.register(); return import(${JSON.stringify(url)}); })`;
        const worker = new Worker(boot, {
          eval: true,
          workerData: { scenario, seed: o.seed, from, to, policy: o.policy },
          // Games allocate many short-lived objects: a larger young generation means far fewer scavenges.
          resourceLimits: { maxYoungGenerationSizeMb: 256 },
        });
        worker.on('message', (m: { progress: number; games?: GameSummary[] }) => {
          done += m.progress;
          o.progress?.(done);
          if (m.games) resolve(m.games);
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

async function main(): Promise<number> {
  let args: ReturnType<typeof parseArgs>;
  try {
    args = parseArgs({
      allowPositionals: true,
      options: {
        games: { type: 'string', default: '1000' },
        seed: { type: 'string', default: '1' },
        policy: { type: 'string', default: 'mix' },
        workers: { type: 'string', default: String(Math.max(1, cpus().length)) },
        json: { type: 'boolean', default: false },
      },
    });
  } catch (e) {
    console.error(reason(e));
    return 2;
  }
  const file = args.positionals[0];
  const games = Number(args.values.games);
  const seed = Number(args.values.seed);
  const workers = Number(args.values.workers);
  const policy = String(args.values.policy);
  if (
    !file ||
    !Number.isInteger(games) ||
    games < 1 ||
    !Number.isInteger(seed) ||
    !Number.isInteger(workers) ||
    workers < 1
  ) {
    console.error(
      'usage: npm run simulate -- FILE --games N --seed S [--policy hawk|dove|tit-for-tat|mix] [--workers K] [--json]',
    );
    return 2;
  }
  if (policy !== 'mix' && !POLICIES.includes(policy as PolicyName)) {
    console.error(`unknown policy "${policy}": use ${[...POLICIES, 'mix'].join(', ')}`);
    return 2;
  }
  const loaded = readScenario(file);
  if (!loaded.ok) {
    console.error(loaded.message);
    return 1;
  }
  const bar =
    args.values.json || !process.stderr.isTTY
      ? null
      : new SingleBar({ stream: process.stderr, format: 'simulating [{bar}] {value}/{total} games' });
  bar?.start(games, 0);
  const started = performance.now();
  const summaries = await simulate(loaded.scenario, {
    games,
    seed,
    policy: policy as PolicyName | 'mix',
    workers,
    progress: (n) => bar?.update(n),
  });
  bar?.stop();
  const report = summarise(loaded.scenario, summaries);
  const seconds = (performance.now() - started) / 1000;
  if (args.values.json) console.log(JSON.stringify({ ...report, seconds }, null, 2));
  else
    console.log(
      `${formatReport(report, loaded.scenario)}\n\n${games} games in ${seconds.toFixed(2)} s on ${workers} worker thread(s)`,
    );
  return 0;
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  main().then(
    (code) => process.exit(code),
    (e: unknown) => {
      console.error(`simulate failed: ${reason(e)}`);
      process.exit(1);
    },
  );
}

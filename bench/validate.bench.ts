import { existsSync, readFileSync } from 'node:fs';
import { SharedView, type SharedView as View } from '../src/net/protocol.ts';
import { loadScenario } from '../src/scenario/load.ts';
import { seatsFor } from '../src/sim/batch.ts';
import { playAuto } from '../src/sim/game.ts';
import { projectFor } from '../src/sim/projection.ts';
import type { BenchRow } from './types.ts';

const SEED = 'scenarios/pakistan-afghanistan-2026.json';
const FALLBACK = 'tests/fixtures/minimal.json';
const TARGET_BYTES = 2 * 1024 * 1024;

type Json = Record<string, unknown>;
type Item = Json & { id: string };

/**
 * A valid scenario of at least `bytes` of JSON text, grown from `seed` by cloning its actions and
 * locations under new ids. Clones refer to the same actors, metrics and outcomes, so they stay valid.
 */
export function growScenario(seed: string, bytes: number): string {
  const s = JSON.parse(seed) as Json;
  const actions = s.actions as Item[];
  const locations = s.locations as Item[];
  const originals = { actions: [...actions], locations: [...locations] };
  const perRound = JSON.stringify(originals).length;
  const rounds = Math.max(1, Math.ceil((bytes - seed.length) / perRound));
  for (let n = 1; n <= rounds + 1; n++) {
    for (const a of originals.actions) actions.push({ ...structuredClone(a), id: `${a.id}-copy-${n}` });
    // Cloned crossings would start open and never close, which is fine: nothing refers to them.
    for (const l of originals.locations) locations.push({ ...structuredClone(l), id: `${l.id}-copy-${n}` });
    const text = JSON.stringify(s, null, 2);
    if (text.length >= bytes) return text;
  }
  return JSON.stringify(s, null, 2);
}

/** Median milliseconds of `runs` calls after `warmup` unmeasured ones. */
function median(fn: () => unknown, runs: number, warmup: number): number {
  for (let i = 0; i < warmup; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

/** Validation time of the seed scenario and of a generated ~2 MB one, each against JSON.parse of the same text. */
export default async function validateBench(): Promise<BenchRow[]> {
  const file = existsSync(SEED) ? SEED : FALLBACK;
  const seed = readFileSync(file, 'utf8');
  const big = growScenario(seed, TARGET_BYTES);
  const rows: BenchRow[] = [];
  for (const [name, text, runs] of [
    [`validate ${file}`, seed, 31],
    [`validate generated ${(big.length / 1024 / 1024).toFixed(1)} MB scenario`, big, 11],
  ] as const) {
    const r = loadScenario(text, name);
    if (!r.ok) throw new Error(`${name} does not validate: ${r.problems[0]?.message}`);
    const figure = median(() => loadScenario(text, name), runs, 3);
    const baseline = median(() => JSON.parse(text), runs, 3);
    rows.push({
      name,
      figure,
      baseline,
      unit: 'ms',
      baselineName: 'JSON.parse of the same text',
      ratio: figure / baseline,
      method: `median of ${runs} runs after 3 warm-up runs, loadScenario (JSON with positions, Zod, meaning pass) and JSON.parse timed alternately in one process with performance.now()`,
    });
  }
  rows.push(viewRow(seed));
  return rows;
}

/**
 * What a room client spends parsing each view the server sends (room-client.ts), at its largest: the
 * trainer's view at the end of a computer game of the seed scenario, against JSON.parse of its text.
 */
function viewRow(text: string): BenchRow {
  const r = loadScenario(text, 'seed');
  if (!r.ok) throw new Error(`the seed scenario does not validate: ${r.problems[0]?.message}`);
  const sc = r.scenario;
  const { state } = playAuto(sc, { seed: 7, seats: seatsFor(sc, 7, 'mix') });
  const view: View = {
    code: 'ABCDEF',
    you: { kind: 'trainer', role: null, pending: false },
    phase: 'ended',
    projection: projectFor(sc, 'trainer', state),
    people: [],
    locked: false,
    approval: false,
    autoplay: false,
    pick: true,
    drafts: {},
    lines: [],
    notice: null,
    undoes: null,
    thinking: [],
    advice: null,
  };
  const json = JSON.stringify(view);
  const runs = 101;
  const figure = median(() => SharedView.parse(view), runs, 10);
  const baseline = median(() => JSON.parse(json), runs, 10);
  return {
    name: `parse a room view (trainer's, round ${state.round} of the seed scenario, ${(json.length / 1024).toFixed(0)} KiB as JSON)`,
    figure,
    baseline,
    unit: 'ms',
    baselineName: 'JSON.parse of its JSON text',
    method: `median of ${runs} runs after 10 warm-up runs: the SharedView schema's parse of the view as decoded (what RoomConnection does with every view), and JSON.parse of the same view's text, in one process with performance.now()`,
  };
}

// Game summaries as a worker thread sends them: every game's metric series packed into one Float64Array
// and its lists of action and reaction ids into one Int32Array of indices into a table of the ids, both
// moved to the main thread without a copy. Cloned one value at a time, the series and the lists were
// nearly all the bytes of a run's summaries and of the time spent copying them between threads.
import type { GameSummary } from '../sim/batch.ts';

/** The summaries' lists of ids, packed as indices into `names`. */
const LISTS = ['available', 'chosen', 'fired'] as const;

/** Summaries with their metrics and lists emptied, and what was in them. */
export interface PackedSummaries {
  games: GameSummary[];
  ids: string[];
  /** Each game's series lengths, id by id, then its lists' lengths, list by list. */
  lengths: Int32Array<ArrayBuffer>;
  values: Float64Array<ArrayBuffer>;
  names: string[];
  /** The lists' entries, game by game and list by list, as indices into `names`. */
  entries: Int32Array<ArrayBuffer>;
}

/** Packs the summaries (every game has the same metrics, in the same order: the scenario's). */
export function packSummaries(games: readonly GameSummary[]): PackedSummaries {
  const ids = Object.keys(games[0]?.metrics ?? {});
  const stride = ids.length + LISTS.length;
  const lengths = new Int32Array(games.length * stride);
  let values = 0;
  let entries = 0;
  games.forEach((g, i) => {
    ids.forEach((id, j) => {
      const n = g.metrics[id]?.length ?? 0;
      lengths[i * stride + j] = n;
      values += n;
    });
    LISTS.forEach((list, j) => {
      lengths[i * stride + ids.length + j] = g[list].length;
      entries += g[list].length;
    });
  });
  const p: PackedSummaries = {
    games: [],
    ids,
    lengths,
    values: new Float64Array(values),
    names: [],
    entries: new Int32Array(entries),
  };
  const index = new Map<string, number>();
  let v = 0;
  let e = 0;
  for (const g of games) {
    const keys = Object.keys(g.metrics);
    if (keys.length !== ids.length || keys.some((k, j) => k !== ids[j]))
      throw new Error(
        `game ${g.seed}: its metrics (${keys.join(', ')}) are not the run's (${ids.join(', ')})`,
      );
    for (const id of ids) for (const x of g.metrics[id] ?? []) p.values[v++] = x;
    for (const list of LISTS)
      for (const name of g[list]) {
        let k = index.get(name);
        if (k === undefined) {
          k = p.names.push(name) - 1;
          index.set(name, k);
        }
        p.entries[e++] = k;
      }
    p.games.push({ ...g, available: [], chosen: [], fired: [], metrics: {} });
  }
  return p;
}

/** The summaries as they were packed. */
export function unpackSummaries(p: PackedSummaries): GameSummary[] {
  const stride = p.ids.length + LISTS.length;
  let v = 0;
  let e = 0;
  return p.games.map((g, i) => {
    const metrics: Record<string, number[]> = {};
    p.ids.forEach((id, j) => {
      const n = p.lengths[i * stride + j] ?? 0;
      const series: number[] = [];
      for (let k = 0; k < n; k++) series.push(p.values[v + k] ?? 0);
      v += n;
      metrics[id] = series;
    });
    const [available = [], chosen = [], fired = []] = LISTS.map((_, j) => {
      const n = p.lengths[i * stride + p.ids.length + j] ?? 0;
      const names: string[] = [];
      for (let k = 0; k < n; k++) names.push(p.names[p.entries[e + k] ?? 0] ?? '');
      e += n;
      return names;
    });
    return { ...g, available, chosen, fired, metrics };
  });
}

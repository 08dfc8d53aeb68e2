// Game summaries as a worker thread sends them: every game's metric series packed into one Float64Array
// that moves to the main thread without a copy. Cloned one number at a time, the series were half the
// bytes of a run's summaries and most of the time spent copying them between threads.
import type { GameSummary } from '../sim/batch.ts';

/** Summaries with their metrics emptied, and the metrics' ids, lengths and values (game by game, id by id). */
export interface PackedSummaries {
  games: GameSummary[];
  ids: string[];
  lengths: Int32Array<ArrayBuffer>;
  values: Float64Array<ArrayBuffer>;
}

/** Packs the summaries' metric series (every game has the same metrics, in the same order: the scenario's). */
export function packSummaries(games: readonly GameSummary[]): PackedSummaries {
  const ids = Object.keys(games[0]?.metrics ?? {});
  const lengths = new Int32Array(games.length * ids.length);
  let total = 0;
  games.forEach((g, i) => {
    ids.forEach((id, j) => {
      const n = g.metrics[id]?.length ?? 0;
      lengths[i * ids.length + j] = n;
      total += n;
    });
  });
  const values = new Float64Array(total);
  let at = 0;
  const out = games.map((g) => {
    const keys = Object.keys(g.metrics);
    if (keys.length !== ids.length || keys.some((k, j) => k !== ids[j]))
      throw new Error(
        `game ${g.seed}: its metrics (${keys.join(', ')}) are not the run's (${ids.join(', ')})`,
      );
    for (const id of ids) for (const v of g.metrics[id] ?? []) values[at++] = v;
    return { ...g, metrics: {} };
  });
  return { games: out, ids, lengths, values };
}

/** The summaries as they were packed. */
export function unpackSummaries(p: PackedSummaries): GameSummary[] {
  let at = 0;
  return p.games.map((g, i) => {
    const metrics: Record<string, number[]> = {};
    p.ids.forEach((id, j) => {
      const n = p.lengths[i * p.ids.length + j] ?? 0;
      const series: number[] = [];
      for (let k = 0; k < n; k++) series.push(p.values[at + k] ?? 0);
      at += n;
      metrics[id] = series;
    });
    return { ...g, metrics };
  });
}

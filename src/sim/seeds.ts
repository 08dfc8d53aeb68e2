// How a batch of games derives each game's seed from the run's: game i of a run plays seed
// start(run) + i (mod 2^32), where start is a bijective 32-bit hash of the run seed. A run's games are
// one block of consecutive seeds (none repeats within a run), and the blocks of distinct run seeds lie
// at unrelated points of the 2^32 circle, so runs 1 and 2 share no game (before, game i played seed
// run + i, and runs 1 and 2 shared all but one of their games).

/** A bijective 32-bit integer hash (math: Wellons' lowbias32, its shifts and odd multipliers): nearby inputs give unrelated outputs. */
export function mix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  h ^= h >>> 15;
  h = Math.imul(h, 0x846ca68b);
  h ^= h >>> 16;
  return h >>> 0;
}

/** Where run `runSeed`'s block of game seeds starts (math: bits above 32 of the run seed are folded in). */
export function blockStart(runSeed: number): number {
  const high = Math.floor(runSeed / 2 ** 32);
  return mix32((runSeed >>> 0) ^ mix32(high));
}

/** The seed of game `index` (0, 1, …) of the run with seed `runSeed`: a whole number in [0, 2^32). */
export function gameSeed(runSeed: number, index: number): number {
  return (blockStart(runSeed) + index) >>> 0;
}

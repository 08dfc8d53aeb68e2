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

/** A text folded into 32 bits through mix32, one UTF-16 unit at a time. */
export function hashText(text: string): number {
  let h = mix32(text.length);
  for (let i = 0; i < text.length; i++) h = mix32(h ^ text.charCodeAt(i));
  return h;
}

/**
 * The seed of a planner's own random stream for one seat's decision in one round: from the game's seed,
 * the seat and the round, so the planner never draws from the game's generator and the same game plans
 * the same way wherever it runs (the page's worker, the simulator, the room server).
 */
export function planSeed(s: { seed: number; round: number }, actor: string): number {
  // math: the golden-ratio constant keeps round 0 of seed 0 away from mix32's fixed point at 0.
  return mix32(mix32(s.seed >>> 0) ^ hashText(actor) ^ mix32(s.round + 0x9e3779b9));
}

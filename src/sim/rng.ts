// Seeded randomness whose whole state is a plain array, so it lives in the machine's context
// and a saved game resumes with exactly the same draws.
import { uniformFloat64 } from 'pure-rand/distribution/uniformFloat64';
import { xoroshiro128plus, xoroshiro128plusFromState } from 'pure-rand/generator/xoroshiro128plus';

/** The serialisable state of the generator. */
export type RngState = readonly number[];

/** A mutable draw source for the duration of one step; read its state back with `state()`. */
export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** A float in [min, max). */
  between(min: number, max: number): number;
  state(): RngState;
}

/** The generator state for a seed. */
export function seedRng(seed: number): RngState {
  const gen = xoroshiro128plus(seed | 0);
  // xoroshiro's state straight from a small seed is nearly all zeros, so nearby seeds would
  // give nearly equal first draws; one jump (2^64 steps) mixes it thoroughly.
  gen.jump();
  return gen.getState();
}

/** Opens a draw source on a stored state; the stored state itself is never changed. */
export function openRng(state: RngState): Rng {
  return new Draws(xoroshiro128plusFromState(state));
}

// A class rather than closures: a draw source is opened several times a round, in every game.
class Draws implements Rng {
  constructor(private readonly gen: ReturnType<typeof xoroshiro128plusFromState>) {}
  next(): number {
    return uniformFloat64(this.gen);
  }
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }
  between(min: number, max: number): number {
    return min + this.next() * (max - min);
  }
  state(): RngState {
    return this.gen.getState();
  }
}

/**
 * The index drawn by `r` (uniform in [0, 1)) when index i has a chance proportional to `weights[i]`:
 * the first whose running share passes r; the last when rounding leaves r on top. Equal chances when
 * every weight is 0.
 */
export function weightedIndex(r: number, weights: readonly number[]): number {
  const total = weights.reduce((a, b) => a + b, 0);
  if (total <= 0) return Math.min(weights.length - 1, Math.floor(r * weights.length));
  let acc = 0;
  for (let i = 0; i < weights.length; i++) {
    acc += (weights[i] ?? 0) / total;
    if (r < acc) return i;
  }
  return weights.length - 1;
}

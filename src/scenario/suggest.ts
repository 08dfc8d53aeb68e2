// "Did you mean ...?" for misspelt ids, keys and placeholders.
import { distance } from 'fastest-levenshtein';

/**
 * The candidate closest to `word` when it is close enough to be a likely misspelling: an edit
 * distance of at most 2, or at most a third of the word's length for long words.
 */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const c of candidates) {
    if (c === word) continue;
    const d = distance(word, c);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best !== undefined && (bestDistance <= 2 || bestDistance <= word.length / 3) ? best : undefined;
}

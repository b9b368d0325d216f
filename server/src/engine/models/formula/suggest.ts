// "Did you mean" for unknown variables and functions: the closest name within a typo's reach.
import { closest, distance } from 'fastest-levenshtein';

export function didYouMean(word: string, candidates: readonly string[]): string {
  if (candidates.length === 0) return '';
  const caseless = candidates.find((c) => c.toLowerCase() === word.toLowerCase());
  const d = distance(word, caseless ?? closest(word, candidates as string[]));
  // Among equally close names prefer a transposition (`lgo` → `log`, not `l`).
  const letters = (w: string) => [...w.toLowerCase()].sort().join('');
  const nearest = candidates.filter((c) => distance(word, c) === d);
  const best = caseless ?? nearest.find((c) => letters(c) === letters(word)) ?? nearest[0];
  return caseless || (d <= Math.max(2, Math.floor(word.length / 3)) && d < word.length) ? ` Did you mean \`${best}\`?` : '';
}

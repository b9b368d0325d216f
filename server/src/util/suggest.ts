// "Did you mean": the closest name within a typo's reach, for the checks' diagnostics and quick fixes and
// for the engine's formula errors alike.
import { closest, distance } from 'fastest-levenshtein';

/** The closest candidate within a typo's reach (edit distance ≤ 2, or ≤ a third of the word). */
export function suggest(word: string, candidates: Iterable<string>): string | undefined {
  const list = [...candidates].filter((c) => c !== word);
  if (!list.length) return undefined;
  const caseless = list.find((c) => c.toLowerCase() === word.toLowerCase());
  if (caseless) return caseless;
  const d = distance(word, closest(word, list));
  // Among equally close candidates prefer a transposition (`inetr` → `inter`, not `intra`).
  const nearest = list.filter((c) => distance(word, c) === d);
  const letters = (w: string) => [...w.toLowerCase()].sort().join('');
  const best = nearest.find((c) => letters(c) === letters(word)) ?? nearest[0];
  return d <= Math.max(2, Math.floor(word.length / 3)) && d < word.length ? best : undefined;
}

/** ` Did you mean \`x\`?` to append to a message, or ''. */
export function didYouMean(word: string, candidates: Iterable<string>): string {
  const best = suggest(word, candidates);
  return best ? ` Did you mean \`${best}\`?` : '';
}

// Numbers and counts in the sentences users read (notes, the command line's log): no float noise
// ("19.400000000000034" is 19.4) and the right plural ("1 row", "2 rows").

/** `1 row`, `2 rows`; `many` for an irregular plural (`1 tie is`, `2 ties are` are the caller's). */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count} ${count === 1 ? one : many}`;
}

/** `a` or `an` before a word. */
export const article = (word: string) => (/^[aeiou]/.test(word) ? 'an' : 'a');

/**
 * A number for text: whole numbers as they are, others to 4 significant digits but never fewer than their
 * integer digits (12345.67 is 12346, 0.28064516 is 0.2806); NaN and infinities as JavaScript prints them.
 */
export function shortNumber(x: number): string {
  if (Number.isInteger(x) || !Number.isFinite(x)) return String(x);
  const integerDigits = Math.floor(Math.log10(Math.abs(x))) + 1;
  return String(Number(x.toPrecision(Math.min(21, Math.max(4, integerDigits)))));
}

// Windows as a SQL relation, so one query builds a network for every window at once.
import type { Window } from '../windows/windows.js';

/** `(VALUES (0, lo, hi), …) AS w(wi, lo, hi)`; an unbounded window has NULL bounds. */
export function windowsRelation(windows: readonly Window[]): string {
  const bound = (y: number) => (Number.isFinite(y) ? String(y) : 'NULL');
  const rows = windows.map((w, i) => `(${i}, ${bound(w.from)}, ${bound(w.to)})`).join(', ');
  return `(VALUES ${rows}) AS w(wi, lo, hi)`;
}

/** The condition placing a row with `year` in window `w`. */
export const IN_WINDOW = '(w.lo IS NULL OR year >= w.lo) AND (w.hi IS NULL OR year <= w.hi)';

// The note on a window without ties, with the years the network's data has: a window outside them is a
// typo or a wrong period, and years like 19980421 are dates given as `year:`.
import type { Window } from '../../engine/windows/windows.js';
import type { RunContext } from '../context.js';
import type { YearRange } from '../values.js';

/** The smallest and largest year of a relation's `year` column; undefined when it has none. */
export async function yearRange(ctx: RunContext, relation: string): Promise<YearRange | undefined> {
  const reader = await ctx.db.runAndReadAll(`SELECT min(year), max(year) FROM ${relation}`);
  const [first, last] = reader.getRows()[0] ?? [];
  return first === null || first === undefined || last === null || last === undefined ? undefined : { first: Number(first), last: Number(last) };
}

// A year past 9999 is no calendar year; eight digits read as YYYYMMDD.
const LAST_PLAUSIBLE_YEAR = 9999;

export function emptyWindowNote(window: Window, years: YearRange | undefined): string {
  const note = `Window ${window.label} is empty: no ties in it`;
  if (!years) return `${note}.`;
  const range = years.first === years.last ? `${years.first}` : `${years.first}–${years.last}`;
  const dates = years.last > LAST_PLAUSIBLE_YEAR;
  return dates
    ? `${note}; the data's years are ${range}: is \`year:\` a date? Derive the year with \`name = year(date)\` (§7.2).`
    : `${note}; the data's years are ${range}.`;
}

// Which year each generated patent belongs to. Counts per year are fixed up
// front (growing over time) and patents are emitted in year order, so a
// streaming generator knows, for every patent, which earlier ones exist.
import { allocateCounts, growthWeights } from './sampling.js';

export interface YearSlot {
  /** 0-based position of the patent in the output. */
  index: number;
  year: number;
  /** Index of the first patent of this year: all lower indices are strictly older. */
  yearStart: number;
  /** 0-based position of the patent within its year. */
  indexInYear: number;
  /** Number of patents in this year. */
  yearCount: number;
}

export interface YearScheduleOptions {
  total: number;
  firstYear: number;
  lastYear: number;
  /** e.g. 0.12 for 12% more patents every year. */
  annualGrowth: number;
}

export function yearCounts(o: YearScheduleOptions): Array<{ year: number; count: number }> {
  if (!(o.lastYear >= o.firstYear)) throw new Error('lastYear must not precede firstYear');
  const counts = allocateCounts(o.total, growthWeights(o.firstYear, o.lastYear, o.annualGrowth));
  return counts.map((count, i) => ({ year: o.firstYear + i, count }));
}

export function* yearSchedule(o: YearScheduleOptions): Generator<YearSlot> {
  let index = 0;
  for (const { year, count } of yearCounts(o)) {
    const yearStart = index;
    for (let i = 0; i < count; i++) {
      yield { index, year, yearStart, indexInYear: i, yearCount: count };
      index++;
    }
  }
}

// The pairing step of technological overlap (overlap.ts reads the rows): one window's ties from its years'
// rows, made here on the run's thread or on a worker thread (overlapWorker.ts) — no DuckDB, so that the
// workers load none. A window's ties come back as columns of region ids, which a worker transfers whole.
import { couplingTies, type Columns, type CouplingRule } from './coupling.js';
import type { Window } from '../windows/windows.js';

/** `count`: |C_i ∩ C_j|; `product`: Σ_c n_i(c)·n_j(c); `min`: Σ_c min(n_i(c), n_j(c)). */
export type OverlapWeight = 'count' | 'product' | 'min';

const WEIGHT: Record<OverlapWeight, (ni: number, nj: number) => number> = {
  count: () => 1,
  product: (ni, nj) => ni * nj,
  min: (ni, nj) => Math.min(ni, nj),
};

/** NULL as a year: it falls only in a window unbounded on both sides, as in SQL. */
export const NO_YEAR = -0x80000000;

/**
 * One row per citing patent of a region and citation — region rid had a patent citing patent cid — kept
 * by year, years ascending, so that a window's rows are a run of years; `cited` bounds the cid. The arrays
 * are in shared memory: worker threads read them where they are.
 */
export interface CitingRows { years: Int32Array; rows: YearRows[]; cited: number }

/** A year's rows. */
export interface YearRows { cid: Int32Array; rid: Int32Array }

/** Each region's flags: the two sets of `between`, if any, and whether it may end a tie (`touching`). */
export interface RegionFlags { between?: { left: Uint8Array; right: Uint8Array }; touching: Uint8Array }

export function couplingRule(flags: RegionFlags, weight: OverlapWeight): CouplingRule {
  return { ...flags, weigh: WEIGHT[weight] };
}

/** The years a window holds, [first, end) of CitingRows' years. */
export function windowYears(citing: CitingRows, w: Window): [number, number] {
  // Integer bounds, NO_YEAR below all but those of a window unbounded on both sides.
  const everything = !Number.isFinite(w.from) && !Number.isFinite(w.to);
  const lo = everything ? NO_YEAR : Number.isFinite(w.from) ? w.from : NO_YEAR + 1;
  const hi = Number.isFinite(w.to) ? w.to : 0x7fffffff;
  const { years } = citing;
  let first = 0;
  while (first < years.length && years[first] < lo) first++;
  let last = first;
  while (last < years.length && years[last] <= hi) last++;
  return [first, last];
}

/** How many rows the years [first, end) hold. */
export function rowCount(citing: CitingRows, [first, end]: [number, number]): number {
  let n = 0;
  for (let y = first; y < end; y++) n += citing.rows[y].cid.length;
  return n;
}

/**
 * The arrays a window's matrix is built in, allocated once (per thread) for the largest window and reused:
 * tens of MB each, which allocated per window made the garbage collector walk the ties of the windows before.
 */
export interface Workspace { start: Int32Array; next: Int32Array; placed: Int32Array; cells: Int32Array }

export function workspace(cited: number, rows: number): Workspace {
  return { start: new Int32Array(cited + 1), next: new Int32Array(cited), placed: new Int32Array(rows), cells: new Int32Array(2 * rows) };
}

/** A window's ties: source, target (region ids, sorted by source then target) and weight. */
export interface TieColumns { source: Int32Array; target: Int32Array; weight: Float64Array }

/** The ties of the window of years [first, end). */
export function windowTies(citing: CitingRows, years: [number, number], work: Workspace, regions: number, rule: CouplingRule): TieColumns {
  let source = new Int32Array(1024);
  let target = new Int32Array(1024);
  let weight = new Float64Array(1024);
  let n = 0;
  couplingTies(columnsIn(citing, years, work), regions, rule, (i, j, w) => {
    if (n === source.length) {
      // Doubled: the copies sum to at most the final size.
      [source, target, weight] = [grown(source), grown(target), grown(weight)];
    }
    source[n] = i;
    target[n] = j;
    weight[n++] = w;
  });
  return { source: source.slice(0, n), target: target.slice(0, n), weight: weight.slice(0, n) };
}

function grown<T extends Int32Array | Float64Array>(x: T): T {
  const larger = new (x.constructor as { new (n: number): T })(2 * x.length);
  larger.set(x);
  return larger;
}

/**
 * The window's matrix by cited patent, from its years' rows alone: the rows' regions placed by cited patent
 * (a counting sort), each column's regions sorted and counted. Valid until the workspace's next use.
 */
function columnsIn(citing: CitingRows, [first, last]: [number, number], work: Workspace): Columns {
  const { cited } = citing;
  const years = citing.rows.slice(first, last);
  const { start, next, placed, cells } = work;
  start.fill(0);
  for (const { cid } of years) for (let r = 0; r < cid.length; r++) start[cid[r] + 1]++;
  for (let c = 0; c < cited; c++) start[c + 1] += start[c];
  next.set(start.subarray(0, cited));
  for (const { cid, rid } of years) for (let r = 0; r < cid.length; r++) placed[next[cid[r]]++] = rid[r];
  // Each column's regions sorted, equal ones counted into one entry; start[] is rewritten in place, an
  // entry never ahead of the row it comes from.
  let m = 0;
  let begin = 0;
  for (let c = 0; c < cited; c++) {
    const end = start[c + 1];
    start[c] = m;
    sortSmall(placed, begin, end);
    for (let k = begin; k < end; k++) {
      if (k > begin && placed[k] === placed[k - 1]) cells[2 * m - 1]++;
      else {
        cells[2 * m] = placed[k];
        cells[2 * m++ + 1] = 1;
      }
    }
    begin = end;
  }
  start[cited] = m;
  return { start, cells: cells.subarray(0, 2 * m) };
}

/** Sorts values[begin…end−1] ascending: insertion for the few regions most cited patents have. */
function sortSmall(values: Int32Array, begin: number, end: number): void {
  if (end - begin > 16) {
    values.subarray(begin, end).sort();
    return;
  }
  for (let k = begin + 1; k < end; k++) {
    const v = values[k];
    let j = k - 1;
    while (j >= begin && values[j] > v) values[j + 1] = values[j--];
    values[j + 1] = v;
  }
}

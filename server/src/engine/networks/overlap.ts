// Technological overlap between regions (bibliographic coupling, METHODS A(a)): regions are tied by the
// cited patents their patents share. DuckDB joins holders to citations into a table of a row per (cited
// patent, region, citing patent, year), read year by year as typed arrays (8 bytes a row); each window's run
// of years is placed by cited patent to count n_r(c) and make the product of coupling.ts, which holds only
// the pairs that occur (or, for few regions, an R × R triangle no larger than the window's rows). Forming
// the pairs in SQL would materialise Σ_c (regions citing c)² rows — billions for a heavily cited patent
// pool — and a region × region matrix per window cannot serve firms or inventors as nodes (R of 10⁴–10⁶).
import type { DuckDBConnection } from '@duckdb/node-api';
import { forEachIntegerChunk } from '../data/columnar.js';
import type { Window } from '../windows/windows.js';
import type { RegionSets } from './collaboration.js';
import { couplingTies, type Columns, type CouplingRule } from './coupling.js';
import type { Network, Tie } from './network.js';
import { IN_WINDOW, windowsRelation } from './windowSql.js';

/** `count`: |C_i ∩ C_j|; `product`: Σ_c n_i(c)·n_j(c); `min`: Σ_c min(n_i(c), n_j(c)). */
export type OverlapWeight = 'count' | 'product' | 'min';

export interface OverlapOptions {
  weight: OverlapWeight;
  /** Keep only pairs between the two sets, oriented left → right. */
  between?: RegionSets;
  /** Keep only pairs with at least one region in this set (a relation with a `region` column). */
  touching?: string;
  /** Throws when the run is cancelled; called for every window (its queries are interrupted by the caller). */
  checkpoint?: () => void;
}

const WEIGHT: Record<OverlapWeight, (ni: number, nj: number) => number> = {
  count: () => 1,
  product: (ni, nj) => ni * nj,
  min: (ni, nj) => Math.min(ni, nj),
};

/**
 * Regions numbered in sort order, so that pairs i < j are pairs with source < target: those of the holders
 * in some window (the same as those of their distinct patent rows, which need a costly DISTINCT).
 */
const regionIds = (holders: string, inSomeWindow: string) => `SELECT region, (row_number() OVER (ORDER BY region) - 1)::INTEGER AS rid
  FROM (SELECT DISTINCT region FROM ${holders} WHERE ${inSomeWindow})`;

/** NULL as a year: it falls only in a window unbounded on both sides, as in SQL. */
const NO_YEAR = -0x80000000;

/**
 * One network per window, by the citing patent's year. `holders` has columns patent, region, year;
 * `citations` has citing, cited. A patent counts once per region however many holders it has there;
 * n_r(c) is the number of region r's patents citing c.
 */
export async function overlapNetworks(db: DuckDBConnection, holders: string, citations: string, windows: readonly Window[], options: OverlapOptions): Promise<Network[]> {
  const inSomeWindow = `EXISTS (SELECT 1 FROM ${windowsRelation(windows)} WHERE ${IN_WINDOW})`;
  const ids = regionIds(holders, inSomeWindow);
  const flag = (set: string | undefined) => (set ? `region IN (SELECT region FROM ${set})` : 'TRUE');
  const regions = (await db.runAndReadAll(`SELECT region, ${flag(options.between?.left)}, ${flag(options.between?.right)}, ${flag(options.touching)} FROM (${ids}) ORDER BY rid`)).getRows();
  const citing = await readCitingRows(db, `
    WITH h AS (SELECT DISTINCT patent, region, year FROM ${holders} WHERE ${inSomeWindow}), ids AS (${ids}),
    cited_ids AS (SELECT cited, (row_number() OVER () - 1)::INTEGER AS cid FROM (SELECT DISTINCT cited FROM ${citations}))
    SELECT cid, rid, year FROM h JOIN ids USING (region) JOIN ${citations} c ON c.citing = h.patent JOIN cited_ids USING (cited)`, windows, options.checkpoint);
  const flags = (column: number) => Uint8Array.from(regions, (r) => (r[column] === true ? 1 : 0));
  const rule: CouplingRule = {
    ...(options.between ? { between: { left: flags(1), right: flags(2) } } : {}),
    touching: flags(3),
    weigh: WEIGHT[options.weight],
  };
  const names = regions.map((r) => String(r[0]));
  const runs = windows.map((w) => windowYears(citing, w));
  const work = workspace(citing.cited, Math.max(0, ...runs.map((run) => rowCount(citing, run))));
  return runs.map((run) => {
    options.checkpoint?.();
    return windowNetwork(names, columnsIn(citing, run, work), rule);
  });
}

/**
 * One row per citing patent of a region and citation — region rid had a patent citing patent cid — kept
 * by year, years ascending, so that a window's rows are a run of years; `cited` bounds the cid.
 */
interface CitingRows { years: Int32Array; rows: YearRows[]; cited: number }

/** A year's rows. */
interface YearRows { cid: Int32Array; rid: Int32Array }

let tablesMade = 0;

/**
 * The rows of `query` (cid, rid, year) by year. DuckDB writes them into a table (in parallel, spilling to disk
 * if it must), then each year's rows are read by themselves into arrays of their exact size: chunk copies,
 * where streaming the join's rows and bucketing them one by one in JS took twice as long. A year beyond
 * every finite window bound is counted as the bound's next year, which every window holds or not alike, so
 * the years are at most those the windows span.
 */
async function readCitingRows(db: DuckDBConnection, query: string, windows: readonly Window[], checkpoint?: () => void): Promise<CitingRows> {
  const bounds = windows.flatMap((w) => [w.from, w.to]).filter(Number.isFinite);
  const lo = bounds.length ? Math.min(...bounds) - 1 : 0;
  const hi = bounds.length ? Math.max(...bounds) + 1 : 0;
  // Year k is NO_YEAR for k = 0, else lo + k − 1.
  const years = Int32Array.from({ length: hi - lo + 2 }, (_, k) => (k === 0 ? NO_YEAR : lo + k - 1));
  const table = `overlap_rows_${++tablesMade}`;
  await db.run(`CREATE TEMP TABLE ${table} AS SELECT cid, rid,
    CASE WHEN year IS NULL THEN ${NO_YEAR} ELSE least(greatest(CAST(year AS INTEGER), ${lo}), ${hi}) END AS year FROM (${query})`);
  try {
    const sizes = new Map((await db.runAndReadAll(`SELECT year, count(*) FROM ${table} GROUP BY year`)).getRows().map(([y, n]) => [Number(y), Number(n)]));
    const rows: YearRows[] = [];
    for (const year of years) {
      checkpoint?.();
      const length = sizes.get(year) ?? 0;
      const into: YearRows = { cid: new Int32Array(length), rid: new Int32Array(length) };
      let at = 0;
      if (length) {
        await forEachIntegerChunk(await db.stream(`SELECT cid, rid FROM ${table} WHERE year = ${year}`), ([cid, rid], count) => {
          into.cid.set(cid.subarray(0, count), at);
          into.rid.set(rid.subarray(0, count), at);
          at += count;
        });
      }
      rows.push(into);
    }
    const [[cited]] = (await db.runAndReadAll(`SELECT coalesce(max(cid) + 1, 0) FROM ${table}`)).getRows();
    return { years, rows, cited: Number(cited) };
  } finally {
    await db.run(`DROP TABLE ${table}`);
  }
}

/** The years a window holds, [first, end) of CitingRows' years. */
function windowYears(citing: CitingRows, w: Window): [number, number] {
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
function rowCount(citing: CitingRows, [first, end]: [number, number]): number {
  let n = 0;
  for (let y = first; y < end; y++) n += citing.rows[y].cid.length;
  return n;
}

/**
 * The arrays a window's matrix is built in, allocated once for the largest window and reused: tens of MB
 * each, which allocated per window made the garbage collector walk the ties of the windows before.
 */
interface Workspace { start: Int32Array; next: Int32Array; placed: Int32Array; cells: Int32Array }

function workspace(cited: number, rows: number): Workspace {
  return { start: new Int32Array(cited + 1), next: new Int32Array(cited), placed: new Int32Array(rows), cells: new Int32Array(2 * rows) };
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

/** One window's network from its matrix; ties sorted by source then target. */
function windowNetwork(names: readonly string[], columns: Columns, rule: CouplingRule): Network {
  const ties: Tie[] = [];
  const node = new Uint8Array(names.length);
  couplingTies(columns, names.length, rule, (i, j, weight) => {
    ties.push({ source: names[i], target: names[j], weight });
    node[i] = node[j] = 1;
  });
  return { directed: false, nodes: names.filter((_, i) => node[i]).sort(), ties, intra: new Map() };
}

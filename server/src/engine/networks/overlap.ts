// Technological overlap between regions (bibliographic coupling, METHODS A(a)): regions are tied by the
// cited patents their patents share. DuckDB joins holders to citations and streams a row per (cited patent,
// region, citing patent), ordered by cited patent and region (memory in the citations, 12 bytes a row);
// each window's pass over them counts n_r(c) and makes the sparse product of coupling.ts, which holds
// only the pairs that occur. Forming the pairs in SQL would materialise Σ_c (regions citing c)² rows —
// billions for a heavily cited patent pool — and a dense region × region matrix (8·R² bytes, per window)
// cannot serve firms or inventors as nodes (R of 10⁴–10⁶).
import type { DuckDBConnection, DuckDBResult } from '@duckdb/node-api';
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

/** Regions numbered in sort order, so that pairs i < j are pairs with source < target. */
const REGION_IDS = `SELECT region, (row_number() OVER (ORDER BY region) - 1)::INTEGER AS rid FROM (SELECT DISTINCT region FROM h)`;

/**
 * One network per window, by the citing patent's year. `holders` has columns patent, region, year;
 * `citations` has citing, cited. A patent counts once per region however many holders it has there;
 * n_r(c) is the number of region r's patents citing c.
 */
export async function overlapNetworks(db: DuckDBConnection, holders: string, citations: string, windows: readonly Window[], options: OverlapOptions): Promise<Network[]> {
  const inSomeWindow = `EXISTS (SELECT 1 FROM ${windowsRelation(windows)} WHERE ${IN_WINDOW})`;
  const h = `h AS (SELECT DISTINCT patent, region, year FROM ${holders} WHERE ${inSomeWindow})`;
  const flag = (set: string | undefined) => (set ? `region IN (SELECT region FROM ${set})` : 'TRUE');
  const regions = (await db.runAndReadAll(`WITH ${h}
    SELECT region, ${flag(options.between?.left)}, ${flag(options.between?.right)}, ${flag(options.touching)} FROM (${REGION_IDS}) ORDER BY rid`)).getRows();
  // No GROUP BY: nearly every (cited, region, year) is its own group, and the hash table of ~all rows was
  // most of the time and memory; the rows ordered by (cid, rid) bring a region's citing patents together.
  const citing = await readCitingRows(await db.stream(`
    WITH ${h}, ids AS (${REGION_IDS}),
    cited_ids AS (SELECT cited, (row_number() OVER () - 1)::INTEGER AS cid FROM (SELECT DISTINCT cited FROM ${citations}))
    SELECT cid, rid, CAST(year AS INTEGER) AS year
    FROM h JOIN ids USING (region) JOIN ${citations} c ON c.citing = h.patent JOIN cited_ids USING (cited)
    ORDER BY cid, rid`));
  const flags = (column: number) => Uint8Array.from(regions, (r) => (r[column] === true ? 1 : 0));
  const rule: CouplingRule = {
    ...(options.between ? { between: { left: flags(1), right: flags(2) } } : {}),
    touching: flags(3),
    weigh: WEIGHT[options.weight],
  };
  const names = regions.map((r) => String(r[0]));
  return windows.map((w) => {
    options.checkpoint?.();
    return windowNetwork(names, columnsIn(citing, w), rule);
  });
}

/** NULL as a year: it falls only in a window unbounded on both sides, as in SQL. */
const NO_YEAR = -0x80000000;

/**
 * One row per citing patent of a region and citation — region rid had a patent of `year` citing patent
 * cid — ordered by (cid, rid) and kept as DuckDB's chunks (no copy into one array); `years` counts the
 * rows of each year, for a window's size.
 */
interface CitingRows { chunks: Array<{ cid: Int32Array; rid: Int32Array; year: Int32Array }>; years: Map<number, number>; cited: number }

async function readCitingRows(result: DuckDBResult): Promise<CitingRows> {
  // Streamed chunk by chunk, so that DuckDB never holds the whole result beside these arrays.
  const rows: CitingRows = { chunks: [], years: new Map(), cited: 0 };
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const [cid, rid, year] = [0, 1, 2].map((i) => chunk.getColumnVector(i));
    const size = chunk.rowCount;
    const part = { cid: new Int32Array(size), rid: new Int32Array(size), year: new Int32Array(size) };
    for (let r = 0; r < size; r++) {
      part.cid[r] = cid.getItem(r) as number;
      part.rid[r] = rid.getItem(r) as number;
      part.year[r] = (year.getItem(r) as number | null) ?? NO_YEAR;
      rows.years.set(part.year[r], (rows.years.get(part.year[r]) ?? 0) + 1);
    }
    rows.chunks.push(part);
    rows.cited = part.cid[size - 1] + 1;
  }
  return rows;
}

/** The window's matrix by cited patent: one pass over the ordered rows, a region's citing patents in the window counted. */
function columnsIn(citing: CitingRows, w: Window): Columns {
  // Integer bounds, NO_YEAR below all but those of a window unbounded on both sides.
  const everything = !Number.isFinite(w.from) && !Number.isFinite(w.to);
  const lo = everything ? NO_YEAR : Number.isFinite(w.from) ? w.from : NO_YEAR + 1;
  const hi = Number.isFinite(w.to) ? w.to : 0x7fffffff;
  const inWindow = (year: number) => year >= lo && year <= hi;
  let rows = 0;
  for (const [year, count] of citing.years) if (inWindow(year)) rows += count;
  const start = new Int32Array(citing.cited + 1);
  const cells = new Int32Array(2 * rows);
  let m = 0;
  for (const { cid, rid, year } of citing.chunks) {
    for (let k = 0; k < cid.length; k++) {
      if (!inWindow(year[k])) continue;
      // The column's last region again (rows are ordered by cid, rid): one more of its citing patents.
      if (start[cid[k] + 1] > 0 && cells[2 * m - 2] === rid[k]) cells[2 * m - 1]++;
      else {
        cells[2 * m] = rid[k];
        cells[2 * m++ + 1] = 1;
        start[cid[k] + 1]++;
      }
    }
  }
  for (let c = 0; c < citing.cited; c++) start[c + 1] += start[c];
  return { start, cells: cells.subarray(0, 2 * m) };
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

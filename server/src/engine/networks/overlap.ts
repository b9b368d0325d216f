// Technological overlap between regions (bibliographic coupling, METHODS A(a)): regions are tied by the
// cited patents their patents share. DuckDB joins holders to citations into a table of a row per (cited
// patent, region, citing patent, year), read year by year as typed arrays (8 bytes a row); each window's run
// of years is placed by cited patent to count n_r(c) and make the product of coupling.ts, which holds only
// the pairs that occur (or, for few regions, an R × R triangle no larger than the window's rows). Forming
// the pairs in SQL would materialise Σ_c (regions citing c)² rows — billions for a heavily cited patent
// pool — and a region × region matrix per window cannot serve firms or inventors as nodes (R of 10⁴–10⁶).
//
// Windows are paired on worker threads, one per core, when there are several and enough rows (each window's
// ties are its own: the same on any thread), the run's thread turning each window's tie columns into the
// network as they arrive in window order.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Checkpoint } from '../cancel.js';
import { forEachNumberChunk } from '../data/columnar.js';
import { tempTableName } from '../data/duckdb.js';
import { runTasks, startWorker, workerCount } from '../threads.js';
import type { Window } from '../windows/windows.js';
import type { RegionSets } from './collaboration.js';
import type { Network, Tie } from './network.js';
import { couplingRule, NO_YEAR, rowCount, windowTies, windowYears, workspace, type CitingRows, type OverlapWeight, type RegionFlags, type TieColumns, type YearRows } from './overlapWindows.js';
import { IN_WINDOW, windowsRelation } from './windowSql.js';

export type { OverlapWeight } from './overlapWindows.js';

export interface OverlapOptions {
  weight: OverlapWeight;
  /** Keep only pairs between the two sets, oriented left → right. */
  between?: RegionSets;
  /** Keep only pairs with at least one region in this set (a relation with a `region` column). */
  touching?: string;
  /** Throws when the run is cancelled; called for every window (its queries are interrupted by the caller). */
  checkpoint?: Checkpoint;
  /** Worker threads for the windows (0: this thread); unset, as `workerCount` says from `PARALLEL_ROWS` rows on. */
  workers?: number;
}

/**
 * Rows (summed over the windows) from which the windows are paired on worker threads: about half a second
 * on one thread (at 1M patents, 44M rows over 18 windows took 4 s), five times what starting the workers costs.
 */
const PARALLEL_ROWS = 5e6;

/** What an overlap worker is started with: the rows in shared memory, the coupling rule's parts, and the largest window's rows. */
export interface OverlapWorkerData { citing: CitingRows; regions: number; flags: RegionFlags; weight: OverlapWeight; largest: number }
/** A window: its years [first, end) of the citing rows. */
export type WindowTask = { years: [number, number] };

/**
 * Regions numbered in sort order, so that pairs i < j are pairs with source < target: those of the holders
 * in some window (the same as those of their distinct patent rows, which need a costly DISTINCT).
 */
const regionIds = (holders: string, inSomeWindow: string) => `SELECT region, (row_number() OVER (ORDER BY region) - 1)::INTEGER AS rid
  FROM (SELECT DISTINCT region FROM ${holders} WHERE ${inSomeWindow})`;

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
  const flagged = (column: number) => Uint8Array.from(regions, (r) => (r[column] === true ? 1 : 0));
  const flags: RegionFlags = { ...(options.between ? { between: { left: flagged(1), right: flagged(2) } } : {}), touching: flagged(3) };
  const names = regions.map((r) => String(r[0]));
  const runs = windows.map((w) => windowYears(citing, w));
  const rows = runs.map((run) => rowCount(citing, run));
  const data: OverlapWorkerData = { citing, regions: names.length, flags, weight: options.weight, largest: Math.max(0, ...rows) };
  const workers = Math.min(runs.length, workerCount(runs.length > 1 && rows.reduce((a, b) => a + b, 0) >= PARALLEL_ROWS, options.workers));
  if (!workers) {
    const rule = couplingRule(flags, options.weight);
    const work = workspace(citing.cited, data.largest);
    return runs.map((years) => {
      options.checkpoint?.();
      return windowNetwork(names, windowTies(citing, years, work, names.length, rule));
    });
  }
  const networks: Network[] = [];
  await runTasks<WindowTask, TieColumns>({
    start: () => startWorker(import.meta.url, 'overlapWorker', data),
    workers,
    tasks: runs.map((years) => ({ years })),
    take: (ties) => networks.push(windowNetwork(names, ties)),
    ...(options.checkpoint ? { checkpoint: options.checkpoint } : {}),
  });
  return networks;
}

/**
 * The rows of `query` (cid, rid, year) by year. DuckDB writes them into a table (in parallel, spilling to disk
 * if it must), then each year's rows are read by themselves into arrays of their exact size: chunk copies,
 * where streaming the join's rows and bucketing them one by one in JS took twice as long. A year beyond
 * every finite window bound is counted as the bound's next year, which every window holds or not alike, so
 * the years are at most those the windows span.
 */
async function readCitingRows(db: DuckDBConnection, query: string, windows: readonly Window[], checkpoint?: Checkpoint): Promise<CitingRows> {
  const bounds = windows.flatMap((w) => [w.from, w.to]).filter(Number.isFinite);
  const lo = bounds.length ? Math.min(...bounds) - 1 : 0;
  const hi = bounds.length ? Math.max(...bounds) + 1 : 0;
  // Year k is NO_YEAR for k = 0, else lo + k − 1.
  const years = Int32Array.from({ length: hi - lo + 2 }, (_, k) => (k === 0 ? NO_YEAR : lo + k - 1));
  const table = tempTableName('overlap_rows');
  await db.run(`CREATE TEMP TABLE ${table} AS SELECT cid, rid,
    CASE WHEN year IS NULL THEN ${NO_YEAR} ELSE least(greatest(CAST(year AS INTEGER), ${lo}), ${hi}) END AS year FROM (${query})`);
  try {
    const sizes = new Map((await db.runAndReadAll(`SELECT year, count(*) FROM ${table} GROUP BY year`)).getRows().map(([y, n]) => [Number(y), Number(n)]));
    const rows: YearRows[] = [];
    for (const year of years) {
      checkpoint?.();
      const length = sizes.get(year) ?? 0;
      const into: YearRows = { cid: new Int32Array(new SharedArrayBuffer(4 * length)), rid: new Int32Array(new SharedArrayBuffer(4 * length)) };
      let at = 0;
      if (length) {
        await forEachNumberChunk(await db.stream(`SELECT cid, rid FROM ${table} WHERE year = ${year}`), ([cid, rid], count) => {
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

/** One window's network from its tie columns. */
function windowNetwork(names: readonly string[], { source, target, weight }: TieColumns): Network {
  const ties: Tie[] = new Array(source.length);
  const node = new Uint8Array(names.length);
  for (let k = 0; k < source.length; k++) {
    ties[k] = { source: names[source[k]], target: names[target[k]], weight: weight[k] };
    node[source[k]] = node[target[k]] = 1;
  }
  return { directed: false, nodes: names.filter((_, i) => node[i]).sort(), ties, intra: new Map() };
}

// Patent counts per region and window from the holder table: full counting (a patent counts once in
// every region holding it), fractional (a patent with k holders gives 1/k per holder, as seed 001
// counts innovation output), records (every holder row counts 1: inventors of an inventor table) or distinct
// (distinct holder ids: how many applicants or inventors the region has) or share (each row its declared
// share of the patent, as OECD REGPAT's `reg_share` and `inv_share`).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Window } from '../windows/windows.js';
import { IN_WINDOW, windowsRelation } from './windowSql.js';

export type Counting = 'full' | 'fractional' | 'records' | 'distinct' | 'share';

const VALUE: Record<Counting, string> = { full: 'count(DISTINCT patent)', fractional: 'sum(1.0 / k)', records: 'count(*)', distinct: 'count(DISTINCT holder)', share: 'sum(share)' };

/** One map region → count per window; `holders` has columns patent, region, year, holder and share. */
export async function patentCounts(db: DuckDBConnection, holders: string, windows: readonly Window[], counting: Counting): Promise<Map<string, number>[]> {
  const rows = (await db.runAndReadAll(`
    WITH h AS (SELECT patent, region, year, holder, share, count(*) OVER (PARTITION BY patent) AS k FROM ${holders})
    SELECT wi, region, ${VALUE[counting]} FROM h, ${windowsRelation(windows)} WHERE ${IN_WINDOW} GROUP BY wi, region`)).getRows();
  const maps = windows.map(() => new Map<string, number>());
  for (const [wi, region, n] of rows) maps[Number(wi)].set(String(region), Number(n));
  return maps;
}

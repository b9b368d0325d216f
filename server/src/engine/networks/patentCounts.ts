// Patent counts per region and window from the holder table: full counting (a patent counts once in
// every region holding it) or fractional (a patent with k holders gives 1/k per holder, as seed 001
// counts innovation output).
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Window } from '../windows/windows.js';
import { IN_WINDOW, windowsRelation } from './windowSql.js';

export type Counting = 'full' | 'fractional';

/** One map region → count per window; `holders` has columns patent, region, year. */
export async function patentCounts(db: DuckDBConnection, holders: string, windows: readonly Window[], counting: Counting): Promise<Map<string, number>[]> {
  const value = counting === 'full' ? 'count(DISTINCT patent)' : 'sum(1.0 / k)';
  const rows = (await db.runAndReadAll(`
    WITH h AS (SELECT patent, region, year, count(*) OVER (PARTITION BY patent) AS k FROM ${holders})
    SELECT wi, region, ${value} FROM h, ${windowsRelation(windows)} WHERE ${IN_WINDOW} GROUP BY wi, region`)).getRows();
  const maps = windows.map(() => new Map<string, number>());
  for (const [wi, region, n] of rows) maps[Number(wi)].set(String(region), Number(n));
  return maps;
}

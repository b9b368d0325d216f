// Technological overlap between regions (bibliographic coupling, METHODS A(a)): regions are tied by the
// cited patents their patents share. Built by DuckDB for every window in one query.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Window } from '../windows/windows.js';
import type { RegionSets } from './collaboration.js';
import { assembleNetworks, type Network } from './network.js';
import { IN_WINDOW, windowsRelation } from './windowSql.js';

/** `count`: |C_i ∩ C_j|; `product`: Σ_c n_i(c)·n_j(c); `min`: Σ_c min(n_i(c), n_j(c)). */
export type OverlapWeight = 'count' | 'product' | 'min';

export interface OverlapOptions {
  weight: OverlapWeight;
  /** Keep only pairs between the two sets, oriented left → right. */
  between?: RegionSets;
}

const WEIGHT_SQL: Record<OverlapWeight, string> = { count: 'count(*)', product: 'sum(a.n * b.n)', min: 'sum(least(a.n, b.n))' };

/**
 * One network per window, by the citing patent's year. `holders` has columns patent, region, year;
 * `citations` has citing, cited. A patent counts once per region however many holders it has there;
 * n_r(c) is the number of region r's patents citing c.
 */
export async function overlapNetworks(db: DuckDBConnection, holders: string, citations: string, windows: readonly Window[], options: OverlapOptions): Promise<Network[]> {
  const pair = options.between
    ? `a.region IN (SELECT region FROM ${options.between.left}) AND b.region IN (SELECT region FROM ${options.between.right}) AND a.region <> b.region`
    : 'a.region < b.region';
  const sql = `
    WITH h AS (SELECT DISTINCT patent, region, year FROM ${holders}),
    rc AS (
      SELECT wi, h.region, c.cited, count(*) AS n
      FROM h JOIN ${citations} c ON c.citing = h.patent, ${windowsRelation(windows)}
      WHERE ${IN_WINDOW} GROUP BY wi, h.region, c.cited)
    SELECT a.wi, a.region AS s, b.region AS t, ${WEIGHT_SQL[options.weight]} AS weight
    FROM rc a JOIN rc b ON a.wi = b.wi AND a.cited = b.cited AND ${pair}
    GROUP BY a.wi, a.region, b.region ORDER BY a.wi, s, t`;
  const rows = (await db.runAndReadAll(sql)).getRows();
  return assembleNetworks(rows, windows.length, false, false);
}

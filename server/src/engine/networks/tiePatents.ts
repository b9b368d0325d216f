// Tie provenance: the patents that made each tie of a co-application or co-invention network, with their
// years and holders — reviewers' first question. DuckDB forms them from the same pairs the ties are counted
// from (collaboration.ts), so a tie's patents are exactly the ones its weight counts; only the first `limit`
// patents of a tie are read, with the tie's full count, so memory stays bounded on large data.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Window } from '../windows/windows.js';
import { collaborationPairs, orientedPairs, type CollaborationOptions } from './collaboration.js';
import { IN_WINDOW, windowsRelation } from './windowSql.js';

export interface TiePatent {
  id: string;
  /** The patent's year (the earliest of its holder rows), null when the data has none. */
  year: number | null;
  /** Its holders in order, as `holder (region)`, or the region alone when the data names no holder. */
  holders: string[];
}

export interface TiePatents {
  source: string;
  target: string;
  /** How many distinct patents made the tie; `patents` lists at most the limit, earliest first. */
  count: number;
  patents: TiePatent[];
}

/** Separates holders inside one SQL string (a unit separator, never in an id or a region code). */
const SEPARATOR = '\u001f';

/**
 * Each window's ties (as `collaborationNetworks` orients them, intra-region pairs left out) with their
 * patents: at most `limit` per tie, by year then id. `holders` is the holder relation the network is built
 * from (columns patent, ord, region, year, holder).
 */
export async function tiePatents(db: DuckDBConnection, holders: string, windows: readonly Window[], options: CollaborationOptions, limit: number): Promise<TiePatents[][]> {
  const directed = options.ties === 'first_led';
  const oriented = orientedPairs(collaborationPairs(holders, options.ties), { ...options, directed });
  const sql = `
    WITH oriented AS (${oriented}),
    info AS (
      SELECT patent, min(year) AS year,
             string_agg(CASE WHEN holder IS NULL THEN region ELSE holder || ' (' || region || ')' END, '${SEPARATOR}' ORDER BY ord, holder, region) AS holders
      FROM ${holders} GROUP BY patent),
    tied AS (SELECT DISTINCT wi, s, t, patent FROM oriented, ${windowsRelation(windows)} WHERE ${IN_WINDOW} AND s <> t),
    ranked AS (
      SELECT wi, s, t, patent, info.year, info.holders, count(*) OVER (PARTITION BY wi, s, t) AS n,
             row_number() OVER (PARTITION BY wi, s, t ORDER BY info.year NULLS LAST, patent) AS k
      FROM tied JOIN info USING (patent))
    SELECT wi, s, t, n, patent, year, holders FROM ranked WHERE k <= ${Math.max(0, Math.floor(limit))} ORDER BY wi, s, t, k`;
  const perWindow: TiePatents[][] = windows.map(() => []);
  for (const [wi, s, t, n, patent, year, names] of (await db.runAndReadAll(sql)).getRows()) {
    const ties = perWindow[Number(wi)];
    let tie = ties.at(-1);
    if (!tie || tie.source !== String(s) || tie.target !== String(t)) ties.push(tie = { source: String(s), target: String(t), count: Number(n), patents: [] });
    // A holder with several rows of one patent (several classes, say) is listed once.
    const listed = [...new Set(String(names ?? '').split(SEPARATOR).filter(Boolean))];
    tie.patents.push({ id: String(patent), year: year === null ? null : Number(year), holders: listed });
  }
  return perWindow;
}

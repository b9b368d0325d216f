// A unit's most frequent value of a column in a dataset (ties: the least in order): a firm's city for a city–year
// table joined to a firm panel, a firm network node's region.
import type { RunContext } from '../context.js';
import { quoteIdent } from '../sql.js';

/** Each value of `unit` in the dataset table (as text) → its most frequent non-null value of `column`. */
export async function modalValues(ctx: RunContext, table: string, unit: string, column: string): Promise<Map<string, string>> {
  const rows = (await ctx.db.runAndReadAll(`
    SELECT r, first(k ORDER BY n DESC, k) FROM (
      SELECT CAST(${quoteIdent(unit)} AS VARCHAR) AS r, CAST(${quoteIdent(column)} AS VARCHAR) AS k, count(*) AS n
      FROM ${table} WHERE ${quoteIdent(column)} IS NOT NULL AND ${quoteIdent(unit)} IS NOT NULL GROUP BY ALL) GROUP BY r`)).getRows();
  return new Map(rows.map(([r, k]) => [String(r), String(k)]));
}

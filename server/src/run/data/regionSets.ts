// A region set as a DuckDB table with one `region` column: `regions name = dataset where condition`, the
// region codes (at the set's level) of the rows meeting the condition, or `regions name = members(c)`, the
// regions the clusters declaration c identifies as clusters.
import type { Symbol } from '../../language/semantic/model.js';
import type { Expr } from '../../language/syntax/ast.js';
import type { RunContext } from '../context.js';
import { loadDataset, rowConditionSql } from './datasets.js';
import { SpecError } from '../errors.js';
import { quoteIdent } from '../sql.js';
import { sqlString } from '../../engine/data/duckdb.js';
import { clusterMembers } from '../values.js';

export function regionSet(ctx: RunContext, symbol: Symbol): Promise<string> {
  return ctx.once(`regions:${symbol.name}`, async () => {
    const value = symbol.decl.values[0];
    if (value?.type === 'call') return membersSet(ctx, symbol, value.args[0]?.value);
    const [datasetExpr, condition] = value?.type === 'binary' && value.op === 'where' ? [value.left, value.right] : [value, undefined];
    const dataset = await loadDataset(ctx, ctx.symbol(datasetExpr, 'a dataset'));
    const levels = dataset.roles('region');
    const level = ctx.word(symbol.decl, 'level', levels[levels.length - 1] ?? '');
    if (!level) throw new SpecError(`${dataset.symbol.name} declares no \`region\` column to take the regions from.`, value?.span ?? symbol.nameSpan);
    const table = ctx.tempName(symbol.name);
    const patent = ctx.model.patentColumn(dataset.symbol);
    const rows = { column: (c: string) => `d.${quoteIdent(c)}`, patent: patent && `d.${quoteIdent(patent)}` };
    const where = condition ? ` AND ${await rowConditionSql(ctx, condition, rows)}` : '';
    await ctx.db.run(`CREATE TEMP TABLE ${table} AS SELECT DISTINCT CAST(d.${quoteIdent(level)} AS VARCHAR) AS region
      FROM ${dataset.table} d WHERE d.${quoteIdent(level)} IS NOT NULL${where}`);
    return table;
  });
}

/** `members(clusters)`: the clusters' regions, computed by the clusters declaration once per run. */
async function membersSet(ctx: RunContext, symbol: Symbol, clustersExpr: Expr | undefined): Promise<string> {
  const regions = clusterMembers(await ctx.resultOf(ctx.symbol(clustersExpr, 'a clusters declaration')));
  const table = ctx.tempName(symbol.name);
  await ctx.db.run(`CREATE TEMP TABLE ${table} (region VARCHAR)`);
  if (regions.length) await ctx.db.run(`INSERT INTO ${table} VALUES ${regions.map((r) => `(${sqlString(r)})`).join(', ')}`);
  return table;
}

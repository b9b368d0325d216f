// A panel's declared units (`units:`): every region of a region set, or every key of an attribute table,
// so that a panel's N and cluster count do not depend on which regions happen to have ties (seed 000's
// dyadic panel pairs the Chinese regions with all 586 foreign regions, tied or not).
import type { Decl, Expr } from '../../language/syntax/ast.js';
import { isRegionPair } from '../../language/semantic/regionPair.js';
import type { RunContext } from '../context.js';
import { loadDataset } from '../data/datasets.js';
import { regionSet } from '../data/regionSets.js';
import { SpecError } from '../errors.js';
import { quoteIdent } from '../sql.js';

/**
 * The units of each side: `crossed` when given as `a × b` (then every a with every b); `name` the set or
 * table they come from (the first one when crossed), `description` them as a dyadic panel's regions.
 */
export interface Units { left: string[]; right: string[]; crossed: boolean; name: string; description: string }

export async function declaredUnits(ctx: RunContext, decl: Decl): Promise<Units | undefined> {
  const value = ctx.model.option(decl, 'units')?.values[0];
  if (!value) return undefined;
  if (isRegionPair(value) && value.right) {
    const [left, right] = [await unitsOf(ctx, value.left), await unitsOf(ctx, value.right)];
    return { left, right, crossed: true, name: nameOf(value.left), description: `every region of ${nameOf(value.left)} (${left.length}) with every region of ${nameOf(value.right)} (${right.length})` };
  }
  const all = await unitsOf(ctx, value);
  return { left: all, right: all, crossed: false, name: nameOf(value), description: `the ${all.length} regions of ${nameOf(value)}` };
}

async function unitsOf(ctx: RunContext, expr: Expr): Promise<string[]> {
  const symbol = ctx.symbol(expr, 'a regions set or an attribute dataset');
  let sql: string;
  if (symbol.kind === 'regions') {
    sql = `SELECT region FROM ${await regionSet(ctx, symbol)}`;
  } else {
    const dataset = await loadDataset(ctx, symbol);
    const key = dataset.role('key');
    if (!key) throw new SpecError(`${symbol.name} needs a \`key\` column to list a panel's units.`, expr.span);
    sql = `SELECT DISTINCT CAST(${quoteIdent(key)} AS VARCHAR) FROM ${dataset.table} WHERE ${quoteIdent(key)} IS NOT NULL`;
  }
  const rows = (await ctx.db.runAndReadAll(`${sql} ORDER BY 1`)).getRows();
  if (!rows.length) throw new SpecError(`${symbol.name} has no regions, so the panel would have no units.`, expr.span);
  return rows.map(([r]) => String(r));
}

function nameOf(expr: Expr): string {
  return expr.type === 'ident' ? expr.name : 'the set';
}

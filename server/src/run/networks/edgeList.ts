// Networks read from an edge list — `network trade = edges(flows) { from: exporter, to: importer, weight: value }`
// — one row per tie, of any origin (a matrix exported from UCINET or Gephi, another study's network): the same
// windows, filters, region sets and measures as a network built from patents.
import type { Call, Decl } from '../../language/syntax/ast.js';
import type { RunContext } from '../context.js';
import { checkNumberColumn, loadDataset, rowConditionSql } from '../data/datasets.js';
import { SpecError } from '../errors.js';
import { quoteIdent } from '../sql.js';

export interface EdgeRows {
  /** A table of (r1, r2, w, year): the ties' two ends, weight and year (NULL without a `year` column). */
  table: string;
  /** A relation with a `region` column: every node of the edge list and of its node list. */
  nodes: string;
  directed: boolean;
  hasYear: boolean;
  notes: string[];
}

export async function edgeRows(ctx: RunContext, decl: Decl, call: Call): Promise<EdgeRows> {
  const symbol = ctx.symbol(call.args[0]?.value, 'the edge-list dataset');
  const dataset = await loadDataset(ctx, symbol);
  const column = (option: string) => {
    const name = ctx.word(decl, option, '');
    if (!name) throw new SpecError(`An edge list needs \`${option}:\`, the column of each tie's ${option === 'from' ? 'first' : 'second'} node.`, call.span);
    return `CAST(${quoteIdent(name)} AS VARCHAR)`;
  };
  const [r1, r2] = [column('from'), column('to')];
  const weightColumn = ctx.word(decl, 'weight', '');
  if (weightColumn) await checkNumberColumn(ctx, symbol, weightColumn, 'weight');
  const weight = weightColumn ? `CAST(${quoteIdent(weightColumn)} AS DOUBLE)` : '1';
  const year = dataset.role('year');
  const where = ctx.model.option(decl, 'where')?.values[0];
  const filter = where ? ` AND ${await rowConditionSql(ctx, where, { column: (c) => quoteIdent(c) })}` : '';
  const complete = [r1, r2].map((end) => `${end} IS NOT NULL AND trim(${end}) <> ''`).concat(weightColumn ? [`${quoteIdent(weightColumn)} IS NOT NULL`] : []).join(' AND ');
  const table = ctx.tempName(`${symbol.name}_edges`);
  await ctx.db.run(`CREATE TEMP TABLE ${table} AS
    SELECT ${r1} AS r1, ${r2} AS r2, ${weight} AS w, ${year ? `CAST(${quoteIdent(year)} AS INTEGER)` : 'NULL'} AS year
    FROM ${dataset.table} WHERE ${complete}${filter}`);
  const notes: string[] = [];
  const incomplete = Number((await ctx.db.runAndReadAll(`SELECT count(*) FROM ${dataset.table} WHERE NOT (${complete})`)).getRows()[0][0]);
  if (incomplete) notes.push(`${incomplete} row${incomplete === 1 ? '' : 's'} of ${symbol.name} without both ends${weightColumn ? ' or without a weight' : ''} left out.`);
  const directed = ctx.word(decl, 'directed', 'false') === 'true';
  if (!directed) notes.push('Undirected: the rows of a pair, in either orientation, are summed into one tie.');
  const ends = `SELECT r1 AS region FROM ${table} UNION SELECT r2 FROM ${table}`;
  const list = await nodeList(ctx, call);
  return { table, nodes: `(${ends}${list ? ` UNION ${list}` : ''})`, directed, hasYear: year !== undefined, notes };
}

/** `edges(ties, nodes)`: the node list's ids as a query of `region`s, if one is given. */
async function nodeList(ctx: RunContext, call: Call): Promise<string | undefined> {
  const arg = call.args[1]?.value;
  if (!arg) return undefined;
  const nodes = await loadDataset(ctx, ctx.symbol(arg, 'the node-list dataset'));
  const id = nodes.role('id') ?? nodes.role('region');
  if (!id) throw new SpecError(`${nodes.symbol.name} names no node column: declare its \`id\` (or \`region\`) column.`, arg.span);
  return `SELECT CAST(${quoteIdent(id)} AS VARCHAR) FROM ${nodes.table} WHERE ${quoteIdent(id)} IS NOT NULL`;
}

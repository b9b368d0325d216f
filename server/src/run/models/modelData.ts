// The table a model is estimated on (its `data:`): a panel, a dataset (all its columns; a panel index when
// it declares `key` and `time`) or node measures (region × window). Formulas may also name node measures
// of another declaration, `rein_nodes.degree`: they are joined to the table's regions.
import type { Symbol } from '../../language/semantic/model.js';
import { columnFrom, type Column, type DataTable } from '../../engine/data/dataTable.js';
import type { Expr } from '../../engine/models/formula/expr.js';
import type { RunContext } from '../context.js';
import { datasetTable } from '../data/datasets.js';
import { SpecError } from '../errors.js';
import type { ModelSpec } from './modelSpecs.js';
import type { Cell, Table } from '../../results/format.js';

export interface ModelData { table: DataTable; notes: string[] }

export async function modelData(ctx: RunContext, spec: ModelSpec, extra: readonly Expr[] = []): Promise<ModelData> {
  const dataExpr = spec.option('data')?.[0];
  if (!dataExpr) throw new SpecError(`${spec.symbol.name} needs \`data:\` — the panel, dataset or measures it is estimated on.`, spec.symbol.nameSpan);
  const source = ctx.symbol(dataExpr, 'a panel, dataset or measures declaration');
  const base = await sourceTable(ctx, source);
  const notes: string[] = [];
  const exprs = [spec.formula?.lhs, ...(spec.formula?.terms.flatMap((t) => t.factors) ?? []), ...extra].filter((e): e is Expr => !!e);
  const members = new Set(exprs.flatMap(dottedNames));
  if (!members.size) return { table: base, notes };
  const columns = new Map(base.columns);
  for (const name of members) columns.set(name, await joinedMeasure(ctx, name, base, notes));
  return { table: { ...base, columns }, notes };
}

function sourceTable(ctx: RunContext, source: Symbol): Promise<DataTable> {
  switch (source.kind) {
    case 'panel': return ctx.valueOf('panel', source).then((p) => p.table);
    case 'dataset': return datasetTable(ctx, source);
    case 'measures': return measuresTable(ctx, source);
    default: throw new SpecError(`${source.name} is a ${source.kind}; models are estimated on panels, datasets or measures.`, source.nameSpan);
  }
}

/** A node measures table: `i` the region, `t` the window, one column per measure (a panel over windows). */
async function measuresTable(ctx: RunContext, symbol: Symbol): Promise<DataTable> {
  const nodes = (await ctx.resultOf(symbol)).tables?.nodes;
  if (!nodes) throw new SpecError(`${symbol.name} has no node table: models use \`nodes(…)\` measures.`, symbol.nameSpan);
  return tableFromResult(symbol.name, nodes);
}

function tableFromResult(name: string, result: Table): DataTable {
  const w = result.columns.indexOf('window');
  const r = result.columns.indexOf('region');
  const columns = new Map<string, Column>();
  result.columns.forEach((col, c) => {
    if (c === w || c === r) return;
    columns.set(col, columnFrom(result.rows.map((row) => row[c]), result.rows.every((row) => row[c] === null || typeof row[c] === 'number')));
  });
  columns.set('i', columnFrom(result.rows.map((row) => row[r]), false));
  columns.set('t', columnFrom(result.rows.map((row) => row[w]), false));
  const windows = [...new Set(result.rows.map((row) => String(row[w])))];
  const regions = new Map<string, number>();
  const unit = Int32Array.from(result.rows, (row) => {
    const k = String(row[r]);
    if (!regions.has(k)) regions.set(k, regions.size);
    return regions.get(k)!;
  });
  return { name, rows: result.rows.length, columns, panel: { unit, time: Int32Array.from(result.rows, (row) => windows.indexOf(String(row[w]))) } };
}

/** Names such as `rein_nodes.degree` used in an expression. */
function dottedNames(e: Expr): string[] {
  switch (e.type) {
    case 'var': return e.name.includes('.') ? [e.name] : [];
    case 'call': return e.args.flatMap(dottedNames);
    case 'binary': return [...dottedNames(e.left), ...(e.right ? dottedNames(e.right) : [])];
    case 'unary': return dottedNames(e.operand);
    case 'list': return e.items.flatMap(dottedNames);
    default: return [];
  }
}

/**
 * `measures.item` by region: the region is the table's `key` role (datasets) or `i`; the measures must
 * cover one window (or the table has a window `t` to match).
 */
async function joinedMeasure(ctx: RunContext, name: string, table: DataTable, notes: string[]): Promise<Column> {
  const [declName, item] = name.split('.');
  const symbol = ctx.model.symbols.get(declName);
  const nodes = symbol?.kind === 'measures' ? (await ctx.resultOf(symbol)).tables?.nodes : undefined;
  if (!symbol || !nodes || !nodes.columns.includes(item)) throw new SpecError(`\`${name}\` is not a node measure: expected \`measures.item\` of a \`nodes(…)\` declaration listing \`${item}\`.`, symbol?.nameSpan ?? { start: 0, end: 0 });
  const [w, r, c] = ['window', 'region', item].map((k) => nodes.columns.indexOf(k));
  const windows = new Set(nodes.rows.map((row) => row[w]));
  const keyName = keyColumn(ctx, table);
  const keys = table.columns.get(keyName);
  if (!keys) throw new SpecError(`${table.name} has no region column to join \`${name}\` by.`, symbol.nameSpan);
  const timeColumn = windows.size > 1 ? table.columns.get('t') : undefined;
  if (windows.size > 1 && !timeColumn) throw new SpecError(`${declName} covers ${windows.size} windows; give it \`window:\` to join it to ${table.name}.`, symbol.nameSpan);
  const value = new Map<string, Cell>(nodes.rows.map((row) => [`${row[r]}${timeColumn ? `\u0000${row[w]}` : ''}`, row[c]]));
  const values = new Float64Array(table.rows);
  let missing = 0;
  for (let k = 0; k < table.rows; k++) {
    const region = keys.type === 'text' ? keys.values[k] : String(keys.values[k]);
    const time = timeColumn ? (timeColumn.type === 'text' ? timeColumn.values[k] : String(timeColumn.values[k])) : '';
    const v = value.get(`${region}${timeColumn ? `\u0000${time}` : ''}`);
    values[k] = typeof v === 'number' ? v : NaN;
    if (typeof v !== 'number') missing++;
  }
  if (missing) notes.push(`${missing} of ${table.rows} rows of ${table.name} have no ${name} (regions absent from ${declName}).`);
  return { type: 'number', values };
}

/** The column naming a table's regions: a dataset's `key` role, else `i`. */
function keyColumn(ctx: RunContext, table: DataTable): string {
  const symbol = ctx.model.symbols.get(table.name);
  const key = symbol?.kind === 'dataset' ? ctx.words(symbol.decl, 'key')[0] : undefined;
  return key ?? 'i';
}

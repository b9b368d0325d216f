// The table a model is estimated on (its `data:`): a panel, a dataset (all its columns; a panel index when
// it declares `key` and `time`), node measures (region × window) or a keyed table of a result (`geo.cells`:
// region × technology over the windows). Formulas may also name node measures of another declaration,
// `rein_nodes.degree`: they are joined to the table's regions.
import type { Symbol } from '../../language/semantic/model.js';
import { columnFrom, type Column, type DataTable } from '../../engine/data/dataTable.js';
import type { Expr } from '../../engine/models/formula/expr.js';
import type { RunContext } from '../context.js';
import { datasetTable } from '../data/datasets.js';
import { SpecError } from '../errors.js';
import type { ModelSpec } from './modelSpecs.js';
import type { Cell, Table } from '../../results/format.js';
import type { Span } from '../../language/syntax/ast.js';

export interface ModelData { table: DataTable; notes: string[] }

export async function modelData(ctx: RunContext, spec: ModelSpec, extra: readonly Expr[] = []): Promise<ModelData> {
  const dataExpr = spec.option('data')?.[0];
  if (!dataExpr) throw new SpecError(`${spec.symbol.name} needs \`data:\` — the panel, dataset or measures it is estimated on.`, spec.symbol.nameSpan);
  const named = dataExpr.type === 'member' ? dataExpr.property : undefined;
  const source = ctx.symbol(dataExpr.type === 'member' ? dataExpr.object : dataExpr, 'a panel, dataset or measures declaration');
  const base = named ? await keyedTable(ctx, source, named.name, dataExpr.span) : await sourceTable(ctx, source);
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
  return tableFromResult(symbol.name, nodes, ['region'], { window: 't', region: 'i' });
}

/**
 * `data: geo.cells`: a result table whose rows have keys (the schema's), every column under its own name and
 * `t` the window — a panel whose unit is the keys' values (region × technology) and time the window's position.
 */
async function keyedTable(ctx: RunContext, symbol: Symbol, name: string, at: Span): Promise<DataTable> {
  const keys = ctx.model.resultTables(symbol)?.find((t) => t.name === name)?.keys;
  if (!keys) throw new SpecError(`${symbol.name} has no table \`${name}\` that a model can read.`, at);
  const table = (await ctx.resultOf(symbol)).tables?.[name];
  if (!table) throw new SpecError(`${symbol.name} has no table \`${name}\`: list one of its indicators to compute it.`, at);
  const data = tableFromResult(`${symbol.name}.${name}`, table, keys, {});
  data.columns.set('t', data.columns.get('window')!);
  return data;
}

/**
 * A result table as a panel over its windows in order: the unit the values of `keys`, the time the window's
 * position (so lags go back windows); `renamed` columns under another name (`region` as `i`).
 */
function tableFromResult(name: string, result: Table, keys: readonly string[], renamed: Record<string, string>): DataTable {
  const w = result.columns.indexOf('window');
  const k = keys.map((key) => result.columns.indexOf(key));
  const columns = new Map<string, Column>();
  result.columns.forEach((col, c) => {
    columns.set(renamed[col] ?? col, columnFrom(result.rows.map((row) => row[c]), c !== w && !k.includes(c) && result.rows.every((row) => row[c] === null || typeof row[c] === 'number')));
  });
  const windows = new Map<string, number>();
  const units = new Map<string, number>();
  const code = (codes: Map<string, number>, key: string) => codes.get(key) ?? codes.set(key, codes.size).get(key)!;
  const unit = Int32Array.from(result.rows, (row) => code(units, k.map((c) => String(row[c])).join('\u0000')));
  const time = Int32Array.from(result.rows, (row) => code(windows, String(row[w])));
  return { name, rows: result.rows.length, columns, panel: { unit, time } };
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

/** The column naming a table's regions: a dataset's `key` role, else `i` (a result table's `region`). */
function keyColumn(ctx: RunContext, table: DataTable): string {
  const symbol = ctx.model.symbols.get(table.name);
  const key = symbol?.kind === 'dataset' ? ctx.words(symbol.decl, 'key')[0] : undefined;
  return key ?? (table.columns.has('i') ? 'i' : 'region');
}

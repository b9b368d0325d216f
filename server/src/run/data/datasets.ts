// Datasets and lookups into DuckDB: each file is read once per run into a temporary table holding only
// the columns the spec uses (large patent tables) or all of them (small attribute tables), with the
// declaration's `where` applied. Files are only ever read, by a DuckDB confined to the spec's own files.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { checkCsvShape, TableShapeError } from '../../engine/data/csvShape.js';
import { firstLine } from '../../engine/data/duckdb.js';
import { textAt, type DataTable } from '../../engine/data/dataTable.js';
import { readTable } from '../../engine/data/columnar.js';
import { tableScan } from '../../engine/data/source.js';
import type { Symbol } from '../../language/semantic/model.js';
import { walkExpr, type AssignEntry, type Call, type Expr } from '../../language/syntax/ast.js';
import { derivedColumns, splits } from '../../language/semantic/derived.js';
import { derivedRelation } from '../derivedSql.js';
import type { RunContext } from '../context.js';
import { DataError, SpecError, dataErrorFrom } from '../errors.js';
import { conditionSql, prefixKeySql, quoteIdent, type HolderRelation, type LookupRelation } from '../sql.js';

export interface LoadedDataset {
  symbol: Symbol;
  /** The DuckDB table with the rows kept. */
  table: string;
  file: string;
  /** Role → column(s), as declared. */
  role(name: string): string | undefined;
  roles(name: string): string[];
}

// Roles that mark a table of patents, applicants or citations: only the columns used are loaded.
const PATENT_ROLES = ['id', 'patent', 'citing'];
const INTEGER_ROLES = ['year', 'order', 'time'];
const ROLE_NAMES = ['id', 'year', 'patent', 'order', 'applicant', 'inventor', 'region', 'country', 'citing', 'cited', 'ipc', 'share', 'key', 'time', 'value'];

export function loadDataset(ctx: RunContext, symbol: Symbol): Promise<LoadedDataset> {
  return ctx.once(`dataset:${symbol.name}`, () => load(ctx, symbol));
}

/**
 * A file declaration's rows as SQL: its file read by DuckDB, split columns unnested and derived columns
 * added (`derivedSql.ts`); `upTo` stops after that derived column.
 */
async function datasetRelation(ctx: RunContext, symbol: Symbol, upTo?: AssignEntry): Promise<string> {
  const scan = tableScan(fileSource(ctx, symbol));
  const types = (c: string) => ctx.model.columnType(symbol, c);
  // A dataset's derived columns may look codes up; a lookup's may not, so no lookup waits on itself.
  if (symbol.kind === 'lookup') return derivedRelation(scan, symbol.decl, types, upTo);
  const lookups = new Map<Call, LookupRelation>();
  for (const entry of derivedColumns(symbol.decl)) {
    const calls: Call[] = [];
    walkExpr(entry.value, (e) => { if (e.type === 'call' && e.callee.name === 'lookup') calls.push(e); });
    for (const call of calls) lookups.set(call, await lookupRelation(ctx, ctx.symbol(call.args[0]?.value, 'a lookup')));
  }
  return derivedRelation(scan, symbol.decl, types, upTo, (call) => lookups.get(call)!);
}

/** A file declaration's data file as DuckDB reads it; a missing file is a data error. */
function fileSource(ctx: RunContext, symbol: Symbol): Parameters<typeof tableScan>[0] {
  const from = symbol.decl.from!;
  const file = resolve(ctx.analysis.baseDir, from.value);
  if (!existsSync(file)) throw new DataError(`The data file ${from.value} does not exist.`, file);
  return { path: file, ...ctx.model.dialect(symbol.decl) };
}

async function load(ctx: RunContext, symbol: Symbol): Promise<LoadedDataset> {
  const { decl } = symbol;
  const from = decl.from!;
  const source = fileSource(ctx, symbol);
  const file = source.path;
  const roles = (name: string) => ctx.words(decl, name);
  const role = (name: string) => roles(name)[0];
  // A header read without error has checked the file's shape already (readTableSchema); only a file whose header
  // is not known is checked here.
  if (ctx.model.table(symbol)?.status !== 'ok') {
    try {
      checkCsvShape(source);
    } catch (err) {
      if (err instanceof TableShapeError) throw new DataError(`Cannot read ${from.value}: ${err.message}`, file, err.line);
      throw err;
    }
  }
  const relation = await datasetRelation(ctx, symbol);
  const isPatentTable = PATENT_ROLES.some((r) => role(r));
  const columns = isPatentTable ? usedColumns(ctx, symbol, roles) : undefined;
  // The header read for the checks knows each column's type: only text-typed role columns are scanned.
  const info = ctx.model.table(symbol);
  const typeOf = (column: string) => (info?.status === 'ok' ? info.types[info.columns.indexOf(column)] : undefined);
  for (const r of INTEGER_ROLES) {
    const column = role(r);
    if (!column || /INT/.test(typeOf(column) ?? '')) continue;
    await checkNumbers(ctx, symbol, column, r, 'BIGINT').catch(async (err) => {
      await failedDerivedColumn(ctx, symbol, err);
      throw err;
    });
  }
  const where = ctx.model.option(decl, 'where')?.values[0];
  const patent = ctx.model.patentColumn(symbol);
  const condition = where ? ` WHERE ${await rowConditionSql(ctx, where, { column: (c) => `datafile.${quoteIdent(c)}`, patent: patent && `datafile.${quoteIdent(patent)}`, files: true })}` : '';
  const table = ctx.tempName(symbol.name);
  const select = columns ? columns.map((c) => `datafile.${quoteIdent(c)}`).join(', ') : 'datafile.*';
  try {
    await ctx.db.run(`CREATE TEMP TABLE ${table} AS SELECT ${select} FROM ${relation} datafile${condition}`);
  } catch (err) {
    await failedDerivedColumn(ctx, symbol, err);
    const message = (err as Error).message ?? '';
    if (where && /Binder Error|Conversion Error|No function matches/i.test(message)) {
      throw new SpecError(`This condition cannot be evaluated on ${from.value}: ${firstLine(message)}`, where.span);
    }
    throw dataErrorFrom(err, file, from.value);
  }
  return { symbol, table, file, role, roles };
}

/**
 * A condition over some rows as SQL: `column` gives a name's SQL, `patent` the SQL of a row's patent.
 * Holder conditions (`any(applicants, …)`) read each dataset they name as declared — or, with `files` (in a
 * dataset's own `where:`, which decides what a dataset holds), the rows of its file, so that no dataset's
 * filter waits on another's.
 */
export async function rowConditionSql(ctx: RunContext, expr: Expr, rows: { column: (name: string) => string; patent?: string; files?: boolean }): Promise<string> {
  const calls: Call[] = [];
  walkExpr(expr, (e) => { if (e.type === 'call') calls.push(e); });
  if (!calls.length) return conditionSql(expr, rows.column);
  const relations = new Map<Call, HolderRelation>();
  const lookups = new Map<Call, LookupRelation>();
  for (const call of calls) {
    if (call.callee.name === 'lookup') {
      lookups.set(call, await lookupRelation(ctx, ctx.symbol(call.args[0]?.value, 'a lookup')));
      continue;
    }
    if (!rows.patent) continue; // reported where the condition is compiled
    const holders = ctx.symbol(call.args[0]?.value, 'a dataset');
    const patent = ctx.model.patentColumn(holders);
    if (!patent) throw new SpecError(`${holders.name} declares no \`patent\` column to match its rows to patents.`, call.args[0]!.value!.span);
    relations.set(call, { from: rows.files ? await datasetRelation(ctx, holders) : (await loadDataset(ctx, holders)).table, patent });
  }
  return conditionSql(expr, rows.column, { patent: rows.patent, relation: (call) => relations.get(call)!, lookup: (call) => lookups.get(call)! });
}

/**
 * A lookup's keys as conditions and `map:` read them, once per run: normalised for `match: prefix`, empty keys
 * left out. A key given two different values is a data error: which one a code gets would be arbitrary.
 */
export function lookupRelation(ctx: RunContext, symbol: Symbol): Promise<LookupRelation> {
  return ctx.once(`lookupKeys:${symbol.name}`, async () => {
    const lookup = await loadDataset(ctx, symbol);
    const key = lookup.role('key')!;
    const prefix = ctx.word(symbol.decl, 'match', 'exact') === 'prefix';
    const k = prefix ? prefixKeySql(quoteIdent(key)) : `CAST(${quoteIdent(key)} AS VARCHAR)`;
    const table = ctx.tempName(`${symbol.name}_keys`);
    await ctx.db.run(`CREATE TEMP TABLE ${table} AS SELECT DISTINCT ${k} AS k, ${quoteIdent(lookup.role('value')!)} AS v, length(${k}) AS n FROM ${lookup.table} WHERE ${k} <> ''`);
    const clashes = (await ctx.db.runAndReadAll(`SELECT k, count(*) FROM ${table} GROUP BY k HAVING count(*) > 1 ORDER BY k`)).getRows();
    if (clashes.length) {
      const list = clashes.slice(0, 5).map(([c]) => String(c)).join(', ');
      throw new DataError(`${clashes.length} key${clashes.length === 1 ? '' : 's'} of ${symbol.name} ${clashes.length === 1 ? 'has' : 'have'} different values: ${list}${clashes.length > 5 ? ', …' : ''}.`, lookup.file, undefined, key);
    }
    return { table, prefix };
  });
}

/** Role columns plus every column the spec refers to in this dataset. */
function usedColumns(ctx: RunContext, symbol: Symbol, roles: (name: string) => string[]): string[] {
  const used = new Set<string>(ROLE_NAMES.flatMap(roles));
  for (const ref of ctx.analysis.references) if (ref.kind === 'column' && ref.dataset === symbol) used.add(ref.column);
  return [...used];
}

/**
 * Years, orders and times must be whole numbers (BIGINT), weights numbers (DOUBLE): the first offending row is
 * reported with its line in the file and the number of such rows. A derived column is checked in the rows it is
 * computed over: their order is the file's, unless a split multiplied them (the line is then unknown).
 */
async function checkNumbers(ctx: RunContext, symbol: Symbol, column: string, role: string, type: 'BIGINT' | 'DOUBLE'): Promise<void> {
  const source = fileSource(ctx, symbol);
  const isDerived = derivedColumns(symbol.decl).some((e) => e.name.name === column);
  const rows = isDerived ? await datasetRelation(ctx, symbol) : tableScan(source, true);
  const lineOffset = isDerived && splits(symbol.decl).length ? undefined : source.header === false ? 0 : 1;
  const text = `CAST(${quoteIdent(column)} AS VARCHAR)`;
  const bad = await ctx.db.runAndReadAll(`
    SELECT first(rn ORDER BY rn), first(v ORDER BY rn), count(*) FROM (
      SELECT row_number() OVER () AS rn, ${text} AS v FROM ${rows})
    WHERE v IS NOT NULL AND trim(v) <> '' AND TRY_CAST(v AS ${type}) IS NULL`);
  const [rn, value, count] = bad.getRows()[0] ?? [];
  if (!Number(count)) return;
  const line = lineOffset === undefined ? undefined : Number(rn) + lineOffset;
  const more = Number(count) > 1 ? ` (${Number(count)} rows like this)` : '';
  throw new DataError(`Column ${column} (the ${role}) must hold ${type === 'BIGINT' ? 'whole numbers' : 'numbers'}, but has ${JSON.stringify(String(value))}${more}.`, source.path, line, column);
}

/** A dataset's column that the run reads as numbers (an edge list's weights), checked row by row unless its header type is numeric. */
export async function checkNumberColumn(ctx: RunContext, symbol: Symbol, column: string, role: string): Promise<void> {
  const info = ctx.model.table(symbol);
  const type = info?.status === 'ok' ? info.types[info.columns.indexOf(column)] : undefined;
  if (/INT|DOUBLE|FLOAT|DECIMAL|REAL/.test(type ?? '')) return;
  await checkNumbers(ctx, symbol, column, role, 'DOUBLE');
}

/** DuckDB's words for a value or expression that cannot be computed (not an interrupt, not a missing file). */
const EVALUATION_ERROR = /Binder Error|Conversion Error|Invalid Input Error|Out of Range Error|No function matches|Could not parse/i;

/**
 * After a query over a dataset's rows failed computing something: the first derived column that cannot be
 * computed on its own (a date that is none, text where a number is needed) is reported on its definition,
 * with DuckDB's words. Otherwise it returns, and the caller reports the error as it would have. Each column
 * is computed over the whole file, so only after such a failure.
 */
async function failedDerivedColumn(ctx: RunContext, symbol: Symbol, err: unknown): Promise<void> {
  if (err instanceof DataError || err instanceof SpecError) throw err;
  if (!EVALUATION_ERROR.test((err as Error).message ?? '')) return;
  for (const entry of derivedColumns(symbol.decl)) {
    try {
      await ctx.db.run(`SELECT count(${quoteIdent(entry.name.name)}) FROM ${await datasetRelation(ctx, symbol, entry)}`);
    } catch (failed) {
      throw new SpecError(`\`${entry.name.name}\` cannot be computed on ${symbol.decl.from!.value}: ${firstLine((failed as Error).message ?? '')}`, entry.span);
    }
  }
}

/** Every column of a dataset in memory; with `key` and `time` roles it is a panel (unit = key, period = time). */
export function datasetTable(ctx: RunContext, symbol: Symbol): Promise<DataTable> {
  return ctx.once(`datatable:${symbol.name}`, async () => {
    const dataset = await loadDataset(ctx, symbol);
    const { rows, columns } = await readTable(ctx.db, dataset.table);
    const table: DataTable = { name: symbol.name, rows, columns };
    const key = dataset.role('key');
    const time = dataset.role('time');
    if (key && time) {
      const keys = columns.get(key)!;
      const times = columns.get(time)!;
      const units = new Map<string, number>();
      const unit = Int32Array.from({ length: rows }, (_, r) => {
        const k = String(textAt(keys, r));
        if (!units.has(k)) units.set(k, units.size);
        return units.get(k)!;
      });
      table.panel = { unit, time: Int32Array.from({ length: rows }, (_, r) => Number(times.values[r])) };
    }
    return table;
  });
}

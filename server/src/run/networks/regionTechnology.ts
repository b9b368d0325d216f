// `region_technology(data, region: …, technology: …, count: …, period: …)`: the region × technology counts of
// each period summed by DuckDB, EconGeo's indicators computed by the engine, one table per level.
import type { Symbol } from '../../language/semantic/model.js';
import { regionTechnologyIndicators, type ToolkitOptions, type ToolkitValues } from '../../engine/measures/regionTechnology/indicators.js';
import { colSums, rowSums, type RegionTechnology } from '../../engine/measures/regionTechnology/matrix.js';
import type { RelatednessMethod } from '../../engine/measures/regionTechnology/relatedness.js';
import type { Cell, Table } from '../../results/format.js';
import type { RunContext } from '../context.js';
import { checkNumberColumn, loadDataset, type LoadedDataset } from '../data/datasets.js';
import { DataError, SpecError } from '../errors.js';
import { conventions } from '../options.js';
import { quoteIdent } from '../sql.js';
import { sqlString } from '../../engine/data/duckdb.js';
import type { Window } from '../../engine/windows/windows.js';
import { windowsOf } from '../data/windows.js';
import type { Computed } from '../values.js';
import { itemsOf } from './measured.js';

interface Period { label: string; data: RegionTechnology }

export async function runRegionTechnology(ctx: RunContext, symbol: Symbol): Promise<Computed> {
  const { decl } = symbol;
  const items = itemsOf(decl);
  const notes: string[] = [];
  const periods = await periodMatrices(ctx, symbol, notes);
  const options: ToolkitOptions = {
    relatedness: ctx.word(decl, 'relatedness', 'prob') as RelatednessMethod,
    rounding: ctx.word(decl, 'rounding', 'econgeo') === 'none' ? 'none' : 'econgeo',
    population: ctx.word(decl, 'population', 'uniform') === 'total' ? 'total' : 'uniform',
  };
  const tables = { nodes: table(['window', 'region']), technologies: table(['window', 'technology']), cells: table(['window', 'region', 'technology', 'count']), pairs: table(['window', 'source', 'target']) };
  for (const { label, data } of periods) {
    ctx.checkpoint();
    const values = regionTechnologyIndicators(data, items, options);
    addRows(tables, label, data, values);
  }
  const listed = (t: Table, fixed: number) => t.columns.length > fixed;
  return {
    tables: {
      nodes: tables.nodes,
      ...(listed(tables.technologies, 2) ? { technologies: tables.technologies } : {}),
      ...(listed(tables.cells, 4) ? { cells: tables.cells } : {}),
      ...(listed(tables.pairs, 3) ? { pairs: tables.pairs } : {}),
    },
    notes,
    conventions: conventions(ctx, decl, ['cooccurrence', 'relatedness', 'rounding', 'population']),
  };
}

function table(columns: string[]): Table {
  return { columns, rows: [] };
}

/** One period's rows of every table; a table's item columns are set from the first period's values. */
function addRows(tables: Record<'nodes' | 'technologies' | 'cells' | 'pairs', Table>, label: string, data: RegionTechnology, values: ToolkitValues): void {
  const { regions, technologies, counts } = data;
  const columns = (t: Table, fixed: number, names: Iterable<string>) => { if (t.columns.length === fixed) t.columns.push(...names); };
  columns(tables.nodes, 2, values.regions.keys());
  columns(tables.technologies, 2, values.technologies.keys());
  columns(tables.cells, 4, values.cells.keys());
  columns(tables.pairs, 3, values.pairs.keys());
  const cell = (x: number): Cell => (Number.isFinite(x) ? x : null);
  regions.forEach((region, r) => tables.nodes.rows.push([label, region, ...[...values.regions.values()].map((v) => cell(v[r]))]));
  if (values.technologies.size) technologies.forEach((tech, t) => tables.technologies.rows.push([label, tech, ...[...values.technologies.values()].map((v) => cell(v[t]))]));
  if (values.cells.size) regions.forEach((region, r) => technologies.forEach((tech, t) => tables.cells.rows.push([label, region, tech, counts[r][t], ...[...values.cells.values()].map((v) => cell(v[r][t]))])));
  // Pairs are symmetric: each once, and only those that co-occur (every relatedness is 0 otherwise).
  const cooc = values.pairs.get('co_occurrence') ?? values.pairs.get('relatedness');
  if (!cooc) return;
  technologies.forEach((a, i) => technologies.forEach((b, j) => {
    if (j > i && cooc[i][j] !== 0) tables.pairs.rows.push([label, a, b, ...[...values.pairs.values()].map((v) => cell(v[i][j]))]);
  }));
}

/**
 * Each period's count matrix, summed by DuckDB over the rows (or their `count:`), with the regions and
 * technologies that have counts in it — EconGeo's KCI and TCI drop empty rows and columns, and the other
 * indicators are undefined for them.
 */
async function periodMatrices(ctx: RunContext, symbol: Symbol, notes: string[]): Promise<Period[]> {
  const { decl } = symbol;
  const dataset = await loadDataset(ctx, ctx.symbol(ctx.model.source(decl)?.call.args[0]?.value, 'the dataset of patent rows or counts'));
  const at = decl.values[0]?.span ?? symbol.nameSpan;
  const region = ctx.word(decl, 'region', '');
  const technology = ctx.word(decl, 'technology', '');
  if (!region || !technology) throw new SpecError('Say which columns hold the region and the technology: `region: …, technology: …`.', at);
  const count = ctx.word(decl, 'count', '');
  const period = ctx.word(decl, 'period', '');
  if (count) await checkNumberColumn(ctx, dataset.symbol, count, 'count');
  const windows = await windowsFor(ctx, symbol, dataset, period);
  const periods = periodsSql(period, windows);
  const present = [region, technology, ...(period ? [period] : [])].map((c) => `${quoteIdent(c)} IS NOT NULL`).join(' AND ');
  const rows = (await ctx.db.runAndReadAll(`
    SELECT ${periods.label}, CAST(${quoteIdent(region)} AS VARCHAR), CAST(${quoteIdent(technology)} AS VARCHAR),
      sum(${count ? `CAST(${quoteIdent(count)} AS DOUBLE)` : '1'})
    FROM ${dataset.table}${periods.join} WHERE ${present} GROUP BY ${periods.order}2, 3 ORDER BY ${periods.order}2, 3`)).getRows();
  const [dropped] = (await ctx.db.runAndReadAll(`SELECT count(*) FROM ${dataset.table} WHERE NOT (${present})`)).getRows()[0] ?? [0];
  if (Number(dropped)) notes.push(`${Number(dropped)} rows of ${dataset.symbol.name} without a region, technology${period ? ' or period' : ''} left out.`);
  const negative = rows.find((r) => Number(r[3]) < 0);
  if (negative) throw new DataError(`Column ${count} (the count) sums to ${Number(negative[3])} for region ${negative[1]}, technology ${negative[2]}${period ? `, period ${negative[0]}` : ''}: counts cannot be negative.`, dataset.file, undefined, count);
  const cooccurrences = await patentCooccurrences(ctx, symbol, dataset, { technology, periods, present });
  const counted = byPeriod(rows);
  const empty = windows?.filter((w) => !counted.has(w.label)).map((w) => w.label) ?? [];
  if (empty.length) notes.push(`No rows in window${empty.length > 1 ? 's' : ''} ${empty.join(', ')}.`);
  return [...counted].flatMap(([label, cells]) => {
    const data = matrixOf(cells);
    if (cooccurrences) data.cooccurrence = squareOf(data.technologies, cooccurrences.get(label) ?? []);
    if (data.regions.length < 2 || data.technologies.length < 2) {
      notes.push(`Window ${label}: ${data.regions.length} region(s) and ${data.technologies.length} technolog${data.technologies.length === 1 ? 'y' : 'ies'} with counts; the toolkit needs two of each, so the window is left out.`);
      return [];
    }
    return [{ label, data }];
  });
}

/**
 * `cooccurrence: patents`: per period, the pairs of distinct technologies of each patent, counted over the
 * patents (EconGeo's co.occurrence of the technology × patent incidence matrix); undefined for `regions`.
 */
async function patentCooccurrences(ctx: RunContext, symbol: Symbol, dataset: LoadedDataset, rows: { technology: string; periods: PeriodsSql; present: string }): Promise<Map<string, [string, string, number][]> | undefined> {
  if (ctx.word(symbol.decl, 'cooccurrence', 'regions') !== 'patents') return undefined;
  const option = ctx.model.option(symbol.decl, 'cooccurrence')!.values[0];
  const patent = ctx.model.patentColumn(dataset.symbol);
  if (ctx.word(symbol.decl, 'count', '')) throw new SpecError('A count table has no patents for technologies to co-occur on: `cooccurrence: patents` reads patent rows, without `count:`.', option.span);
  if (!patent) throw new SpecError(`Technologies co-occur on patents named by ${dataset.symbol.name}'s \`id:\` or \`patent:\` column; it declares neither.`, option.span);
  const pairs = (await ctx.db.runAndReadAll(`
    WITH held AS (
      SELECT DISTINCT ${rows.periods.label} AS period, ${quoteIdent(patent)} AS patent, CAST(${quoteIdent(rows.technology)} AS VARCHAR) AS technology
      FROM ${dataset.table}${rows.periods.join} WHERE ${rows.present} AND ${quoteIdent(patent)} IS NOT NULL)
    SELECT a.period, a.technology, b.technology, count(*) FROM held a JOIN held b
      ON a.period = b.period AND a.patent = b.patent AND a.technology <> b.technology GROUP BY 1, 2, 3`)).getRows();
  return byPeriod(pairs);
}

/** Rows (period, a, b, value) read from DuckDB, grouped by period in their order. */
function byPeriod(rows: readonly unknown[][]): Map<string, [string, string, number][]> {
  const periods = new Map<string, [string, string, number][]>();
  for (const [p, a, b, n] of rows) {
    const label = String(p);
    if (!periods.has(label)) periods.set(label, []);
    periods.get(label)!.push([String(a), String(b), Number(n)]);
  }
  return periods;
}

/** `windows: w`: the windows the `period:` column's years fall in, that column checked to hold numbers. */
async function windowsFor(ctx: RunContext, symbol: Symbol, dataset: LoadedDataset, period: string): Promise<Window[] | undefined> {
  const value = ctx.model.option(symbol.decl, 'windows')?.values[0];
  if (!value) return undefined;
  if (!period) throw new SpecError('Windows group the years of a period column: name it with `period: …`.', value.span);
  await checkNumberColumn(ctx, dataset.symbol, period, 'period');
  return windowsOf(ctx, ctx.symbol(value, 'a windows declaration'));
}

/**
 * How rows fall into periods: `label` a row's period label (its `period:` value as text, the label of each
 * window its year is in, or `all`), `join` what a row is joined with for that, `order` the period's order
 * as the first terms of a GROUP BY (a period column's values as they sort, numbers as numbers).
 */
interface PeriodsSql { label: string; join: string; order: string }

function periodsSql(period: string, windows: Window[] | undefined): PeriodsSql {
  if (windows) {
    const values = windows.map((w, k) => `(${k}, ${sqlString(w.label)}, ${w.from}, ${w.to})`).join(', ');
    return { label: 'w.label', join: ` JOIN (VALUES ${values}) AS w(k, label, lo, hi) ON CAST(${quoteIdent(period)} AS DOUBLE) BETWEEN w.lo AND w.hi`, order: 'w.k, w.label, ' };
  }
  if (period) return { label: `CAST(${quoteIdent(period)} AS VARCHAR)`, join: '', order: `${quoteIdent(period)}, ` };
  return { label: `'all'`, join: '', order: '' };
}

/** A technology × technology matrix of the listed pairs' values, 0 elsewhere. */
function squareOf(technologies: readonly string[], pairs: readonly [string, string, number][]): number[][] {
  const index = new Map(technologies.map((t, k) => [t, k]));
  const m = technologies.map(() => new Array<number>(technologies.length).fill(0));
  for (const [a, b, n] of pairs) {
    const [i, j] = [index.get(a), index.get(b)];
    if (i !== undefined && j !== undefined) m[i][j] = n;
  }
  return m;
}

/** The matrix of the regions and technologies with a positive total. */
function matrixOf(cells: readonly [string, string, number][]): RegionTechnology {
  const regions = [...new Set(cells.map((c) => c[0]))].sort();
  const technologies = [...new Set(cells.map((c) => c[1]))].sort();
  const counts = regions.map(() => new Array<number>(technologies.length).fill(0));
  const ri = new Map(regions.map((r, k) => [r, k]));
  const ti = new Map(technologies.map((t, k) => [t, k]));
  for (const [r, t, n] of cells) counts[ri.get(r)!][ti.get(t)!] += n;
  const rs = rowSums(counts);
  const cs = colSums(counts);
  const keptRegions = regions.flatMap((_, k) => (rs[k] > 0 ? [k] : []));
  const keptTechnologies = technologies.flatMap((_, k) => (cs[k] > 0 ? [k] : []));
  return {
    regions: keptRegions.map((k) => regions[k]),
    technologies: keptTechnologies.map((k) => technologies[k]),
    counts: keptRegions.map((r) => keptTechnologies.map((t) => counts[r][t])),
  };
}

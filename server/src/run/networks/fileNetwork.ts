// Networks read from a network file — `network advice = file("advice.net")` — in UCINET DL, Pajek, GraphML, GEXF
// or as an adjacency matrix: one network (a dynamic GEXF's ties have years, for windows), every node of the file kept, its ties then built by the
// same pair builder as an edge list's, so `between`, `touching`, `intra`, measures and exports apply alike.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Call, Decl } from '../../language/syntax/ast.js';
import { checkCsvShape, TableShapeError } from '../../engine/data/csvShape.js';
import { sqlString } from '../../engine/data/duckdb.js';
import { tableScan } from '../../engine/data/source.js';
import { fileTies, NetworkFileError, networkFormatOf, parseAdjacencyMatrix, readNetworkText, type NetworkFile, type NetworkFormat } from '../../engine/networks/files/index.js';
import type { RunContext } from '../context.js';
import { DataError, dataErrorFrom, SpecError } from '../errors.js';
import type { EdgeRows } from './edgeList.js';

const FORMAT_NAMES: Record<NetworkFormat, string> = { ucinet: 'a UCINET DL file', pajek: 'a Pajek file', graphml: 'GraphML', gexf: 'GEXF', matrix: 'an adjacency matrix' };

export async function fileEdgeRows(ctx: RunContext, decl: Decl, call: Call): Promise<EdgeRows> {
  const path = call.args[0]?.value;
  if (path?.type !== 'string') throw new SpecError('`file(…)` takes the network file\'s path in double quotes.', call.span);
  const file = resolve(ctx.analysis.baseDir, path.value);
  if (!existsSync(file)) throw new DataError(`The network file ${path.value} does not exist.`, file);
  const format = (ctx.word(decl, 'format', '') || networkFormatOf(file)) as NetworkFormat | undefined;
  if (!format) throw new SpecError(`Which format is ${path.value}? Its name does not say: state \`format:\` (ucinet, pajek, graphml, gexf or matrix).`, path.span);
  const read = await readNetworkFile(ctx, file, path.value, format, ctx.model.option(decl, 'weight') ? ctx.word(decl, 'weight', '') : undefined);
  const stated = ctx.word(decl, 'directed', '');
  let settled: ReturnType<typeof fileTies>;
  try {
    settled = fileTies(read, stated ? stated === 'true' : undefined);
  } catch (err) {
    if (err instanceof NetworkFileError) throw new DataError(`${path.value}: ${err.message}.`, file, err.line);
    throw new SpecError(`${path.value}: ${(err as Error).message}.`, ctx.model.option(decl, 'directed')?.values[0]?.span ?? call.span);
  }
  const table = ctx.tempName('file_edges');
  await ctx.db.run(`CREATE TEMP TABLE ${table} (r1 VARCHAR, r2 VARCHAR, w DOUBLE, year INTEGER)`);
  await insertRows(ctx, table, settled.ties.map((t) => `(${sqlString(t.source)}, ${sqlString(t.target)}, ${t.weight}, ${t.year ?? 'NULL'})`));
  const nodes = ctx.tempName('file_nodes');
  await ctx.db.run(`CREATE TEMP TABLE ${nodes} (region VARCHAR)`);
  await insertRows(ctx, nodes, read.nodes.map((n) => `(${sqlString(n)})`));
  const hasYear = settled.ties.some((t) => t.year !== undefined);
  return { table, nodes, directed: settled.directed, hasYear, notes: [`Read from ${path.value} (${FORMAT_NAMES[format]}).`, ...read.notes, settled.note] };
}

/** The file parsed; what is wrong with it is a data error at its line. */
async function readNetworkFile(ctx: RunContext, file: string, name: string, format: NetworkFormat, weight: string | undefined): Promise<NetworkFile> {
  try {
    if (format === 'matrix') return parseAdjacencyMatrix(await matrixRows(ctx, file, name));
    return readNetworkText(file, format, weight === undefined ? {} : { weight });
  } catch (err) {
    if (err instanceof NetworkFileError) throw new DataError(`Cannot read ${name} as ${FORMAT_NAMES[format]}: ${err.message}.`, file, err.line);
    throw err;
  }
}

/** A delimited matrix file's cells as text, through DuckDB as every table is read: row k is line k + 1. */
async function matrixRows(ctx: RunContext, file: string, name: string): Promise<(string | null)[][]> {
  const source = { path: file, header: false };
  try {
    checkCsvShape(source);
  } catch (err) {
    if (err instanceof TableShapeError) throw new DataError(`Cannot read ${name}: ${err.message}`, file, err.line);
    throw err;
  }
  try {
    return (await ctx.db.runAndReadAll(`SELECT * FROM ${tableScan(source, true)}`)).getRows().map((row) => row.map((cell) => (cell === null ? null : String(cell))));
  } catch (err) {
    throw dataErrorFrom(err, file, name);
  }
}

/** Inserts VALUES tuples in batches (one statement per thousand rows). */
async function insertRows(ctx: RunContext, table: string, tuples: string[]): Promise<void> {
  for (let i = 0; i < tuples.length; i += 1000) {
    ctx.checkpoint();
    await ctx.db.run(`INSERT INTO ${table} VALUES ${tuples.slice(i, i + 1000).join(', ')}`);
  }
}

// A DuckDB table read column by column into a DataTable, straight from the result's chunks: numbers as a
// Float64Array (DuckDB casts them to DOUBLE, NULL → NaN), text as dictionary codes that DuckDB computes
// (dense_rank over the column's distinct values), so no row becomes a JS array or value on the way. A text
// column's strings are its levels, shared by every row that holds them.
import { DuckDBTypeId, type DuckDBConnection, type DuckDBDataChunk, type DuckDBResult } from '@duckdb/node-api';
import type { Column } from './dataTable.js';
import { quoteIdent } from './duckdb.js';

/** The header types read as numbers (as `columnFrom`'s callers have always decided). */
const NUMERIC_TYPE = /INT|DOUBLE|FLOAT|DECIMAL/;

export interface ReadTable {
  rows: number;
  columns: Map<string, Column>;
}

/** Every column of `table` (a DuckDB table, whose rowid keeps the rows in their order). */
export async function readTable(db: DuckDBConnection, table: string): Promise<ReadTable> {
  const described = (await db.runAndReadAll(`DESCRIBE ${table}`)).getRows();
  const names = described.map((r) => String(r[0]));
  const numeric = described.map((r) => NUMERIC_TYPE.test(String(r[1])));
  const select = names.map((name, c) => {
    const col = quoteIdent(name);
    // TRY_CAST: a type the pattern takes for a number that is none (INTERVAL) reads as missing, as it always has.
    return numeric[c] ? `TRY_CAST(${col} AS DOUBLE)` : `CAST(CASE WHEN ${col} IS NULL THEN -1 ELSE dense_rank() OVER (ORDER BY CAST(${col} AS VARCHAR)) - 1 END AS INTEGER)`;
  });
  const rows = Number((await db.runAndReadAll(`SELECT count(*) FROM ${table}`)).getRows()[0][0]);
  const read = names.map((_, c) => (numeric[c] ? new Float64Array(rows) : new Int32Array(rows)));
  const bindings = await nativeBindings();
  // Streamed chunk by chunk rather than materialised first, which would hold the whole result in memory once
  // more (memory first touched costs a page fault per page, a large part of reading a table).
  // The window functions may reorder rows: rowid puts them back in the table's order (a sort, so only then).
  const result = await db.stream(`SELECT ${select.join(', ')} FROM ${table}${numeric.every(Boolean) ? '' : ' ORDER BY rowid'}`);
  let at = 0;
  for (let chunk = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    // A chunk's row count is a native call each time it is read: read once per chunk.
    const length = chunk.rowCount;
    for (let c = 0; c < names.length; c++) {
      const vector = bindings.data_chunk_get_vector(chunk.chunk, c);
      const out = read[c];
      // The vector's memory is copied whole, as the node API's per-item reads test a BigInt validity bit each.
      const data = bindings.vector_get_data(vector, length * out.BYTES_PER_ELEMENT);
      out.set(out instanceof Float64Array ? new Float64Array(data.buffer, data.byteOffset, length) : new Int32Array(data.buffer, data.byteOffset, length), at);
      // NULL → NaN for numbers (codes have none: −1 stands for it); no validity mask means no NULL.
      const validity = out instanceof Float64Array ? bindings.vector_get_validity(vector, Math.ceil(length / 64) * 8) : null;
      if (validity) for (let i = 0; i < length; i++) if (!((validity[i >> 3] >> (i & 7)) & 1)) out[at + i] = NaN;
    }
    at += length;
  }
  const columns = new Map<string, Column>();
  for (let c = 0; c < names.length; c++) {
    const values = read[c];
    if (values instanceof Float64Array) {
      columns.set(names[c], { type: 'number', values });
      continue;
    }
    const levels = await textLevels(db, table, names[c]);
    columns.set(names[c], { type: 'text', values: Array.from(values, (k) => (k < 0 ? null : levels[k])), dictionary: { codes: values, levels } });
  }
  return { rows, columns };
}

/** The native bindings the node API wraps, for reading a vector's memory whole. */
async function nativeBindings() {
  return (await import('@duckdb/node-bindings')).default;
}

/** A numeric column of a result: INTEGER as Int32Array, DOUBLE as Float64Array. */
export type NumberColumn = Int32Array | Float64Array;

/**
 * Streams a result of INTEGER and DOUBLE columns with no NULL (a NULL's slot holds whatever DuckDB left there)
 * and hands each chunk's columns to `read` as views of DuckDB's vectors, valid only during the call: a caller
 * copies what it keeps, and no row ever becomes JS values.
 */
export async function forEachNumberChunk(result: DuckDBResult, read: (columns: NumberColumn[], rows: number) => void): Promise<void> {
  const bindings = await nativeBindings();
  const doubles = Array.from({ length: result.columnCount }, (_, c) => {
    const type = result.columnTypeId(c);
    if (type !== DuckDBTypeId.INTEGER && type !== DuckDBTypeId.DOUBLE) throw new Error(`column ${result.columnName(c)} is neither INTEGER nor DOUBLE`);
    return type === DuckDBTypeId.DOUBLE;
  });
  for (let chunk: DuckDBDataChunk | null = await result.fetchChunk(); chunk && chunk.rowCount > 0; chunk = await result.fetchChunk()) {
    const rows = chunk.rowCount;
    const views = doubles.map((double, c) => {
      const data = bindings.vector_get_data(bindings.data_chunk_get_vector(chunk.chunk, c), rows * (double ? 8 : 4));
      return double ? new Float64Array(data.buffer, data.byteOffset, rows) : new Int32Array(data.buffer, data.byteOffset, rows);
    });
    read(views, rows);
  }
}

/** The distinct values of a text column in the order of its codes (the same ORDER BY as dense_rank). */
async function textLevels(db: DuckDBConnection, table: string, name: string): Promise<string[]> {
  const col = `CAST(${quoteIdent(name)} AS VARCHAR)`;
  const result = await db.run(`SELECT DISTINCT ${col} AS v FROM ${table} WHERE v IS NOT NULL ORDER BY v`);
  const levels: string[] = [];
  for (let k = 0; k < result.chunkCount; k++) {
    const vector = result.getChunk(k).getColumnVector(0);
    for (let i = 0; i < vector.itemCount; i++) levels.push(vector.getItem(i) as string);
  }
  return levels;
}

// Reads a data file's columns, their types and its row count through DuckDB, without loading the table.
// The file's beginning is checked too (csvShape.ts), its errors before DuckDB's, so a ragged row, an empty file
// or a header without rows is named as such; the DuckDB instance can open this one file and nothing else.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCsvShape, type FilePrefix } from './csvShape.js';
import { closeDuckdb, confine, duckdb } from './duckdb.js';
import { detectEncoding, formatOf, tableScan, type DataSource } from './source.js';

/**
 * `ranges`: each whole-number column's smallest and largest value among the file's first rows, read with the
 * header, so that checks can tell what a column holds without reading the file (a `year` of `YYYYMMDD` dates).
 */
export interface TableSchema { columns: string[]; types: string[]; rowCount?: number; ranges?: (ValueRange | undefined)[] }
export interface ValueRange { min: number; max: number }

/** How many of a file's first rows `ranges` looks at. */
const SAMPLE_ROWS = 1000;

export interface SchemaOptions {
  rowCount: boolean;
  /**
   * Read no more of a text file than the prefix its shape is checked on (an untrusted workspace): the types
   * are sniffed from its first complete lines, copied to a temporary file, and there is no row count.
   * Parquet files are described from their footer, which is bounded already.
   */
  prefixOnly?: boolean;
}

export async function readTableSchema(source: DataSource, options: SchemaOptions): Promise<TableSchema> {
  const prefix = options.prefixOnly ? boundedCopy(source, checkCsvShape(source)) : undefined;
  // A whole file's head is checked while DuckDB sniffs the file on its own threads, or once DuckDB has failed:
  // the head's error, if any, is the one reported, as when the check came first.
  let shapeChecked = options.prefixOnly === true;
  const checkShape = () => {
    if (shapeChecked) return;
    shapeChecked = true;
    checkCsvShape(source);
  };
  try {
    return await describe(prefix?.source ?? source, options.rowCount && !prefix, checkShape);
  } catch (err) {
    checkShape();
    throw err;
  } finally {
    prefix?.remove();
  }
}

/** The file's columns and types, its row count when asked; `meanwhile` runs while DuckDB sniffs the file. */
async function describe(read: DataSource, rowCount: boolean, meanwhile: () => void): Promise<TableSchema> {
  const db = await duckdb();
  try {
    await confine(db, [read.path]);
    const scan = tableScan(read);
    // The first rows in a table of their own: the file's dialect and types are sniffed once, for the header and
    // the ranges both.
    const sniffed = db.run(`CREATE TEMP TABLE head AS SELECT * FROM ${scan} LIMIT ${SAMPLE_ROWS}`);
    try {
      meanwhile();
    } catch (err) {
      await sniffed.catch(() => undefined);
      throw err;
    }
    await sniffed;
    const described = await db.runAndReadAll('DESCRIBE head');
    const rows = described.getRowObjects();
    const columns = rows.map((r) => String(r.column_name));
    const types = rows.map((r) => String(r.column_type));
    const counted = rowCount ? Number((await db.runAndReadAll(`SELECT count(*) AS n FROM ${scan}`)).getRowObjects()[0]?.n ?? 0) : undefined;
    return { columns, types, rowCount: counted, ranges: await sampleRanges(db, columns, types) };
  } finally {
    closeDuckdb(db);
  }
}

/** Each whole-number column's smallest and largest value in the `head` table of the file's first rows. */
async function sampleRanges(db: Awaited<ReturnType<typeof duckdb>>, columns: string[], types: string[]): Promise<(ValueRange | undefined)[] | undefined> {
  const whole = columns.flatMap((_, i) => (/INT/.test(types[i]) ? [i] : []));
  if (!whole.length) return undefined;
  const ident = (i: number) => `"${columns[i].replace(/"/g, '""')}"`;
  const bounds = whole.map((i) => `min(${ident(i)}), max(${ident(i)})`).join(', ');
  const row = (await db.runAndReadAll(`SELECT ${bounds} FROM head`)).getRows()[0] ?? [];
  const ranges: (ValueRange | undefined)[] = columns.map(() => undefined);
  whole.forEach((i, k) => {
    if (row[2 * k] !== null && row[2 * k] !== undefined) ranges[i] = { min: Number(row[2 * k]), max: Number(row[2 * k + 1]) };
  });
  return ranges;
}

/**
 * A text file longer than its checked prefix as a temporary copy of the prefix's complete lines
 * (decompressed); undefined when the file can be read as it is (Parquet, or all of it in the prefix).
 */
function boundedCopy(source: DataSource, prefix: FilePrefix | undefined): { source: DataSource; remove: () => void } | undefined {
  if ((source.format ?? formatOf(source.path)) === 'parquet') return undefined;
  if (/\.zst$/i.test(source.path)) throw new Error('in an untrusted workspace a zstd-compressed file is not read (it cannot be read in part). Trust the workspace to check it');
  if (!prefix || prefix.whole) return undefined;
  const { head } = prefix;
  // A UTF-16 line break is two bytes: keep the second.
  const newlineBytes = (source.encoding ?? detectEncoding(source.path)) === 'utf16' ? 2 : 1;
  const lastLine = head.lastIndexOf(0x0a) + newlineBytes;
  const dir = mkdtempSync(join(tmpdir(), 'innograph-head-'));
  const path = join(dir, 'head.csv');
  writeFileSync(path, head.subarray(0, lastLine));
  return { source: { ...source, path, format: source.format ?? formatOf(source.path) }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

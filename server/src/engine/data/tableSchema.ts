// Reads a data file's columns, their types and its row count through DuckDB, without loading the table.
// The file's beginning is checked first (csvShape.ts), so a ragged row, an empty file or a header without
// rows is named as such; the DuckDB instance can open this one file and nothing else.
import { mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkCsvShape } from './csvShape.js';
import { closeDuckdb, confine, duckdb } from './duckdb.js';
import { detectEncoding, formatOf, readPrefix, tableScan, type DataSource } from './source.js';

export interface TableSchema { columns: string[]; types: string[]; rowCount?: number }

export interface SchemaOptions {
  rowCount: boolean;
  /**
   * Read no more than this many bytes of a text file (an untrusted workspace): the types are sniffed from
   * its first complete lines, copied to a temporary file, and there is no row count. Parquet files are
   * described from their footer, which is bounded already.
   */
  maxBytes?: number;
}

export async function readTableSchema(source: DataSource, options: SchemaOptions): Promise<TableSchema> {
  checkCsvShape(source);
  const prefix = options.maxBytes !== undefined ? boundedCopy(source, options.maxBytes) : undefined;
  const read = prefix?.source ?? source;
  const db = await duckdb();
  try {
    await confine(db, [read.path]);
    const scan = tableScan(read);
    const described = await db.runAndReadAll(`DESCRIBE SELECT * FROM ${scan}`);
    const rows = described.getRowObjects();
    const columns = rows.map((r) => String(r.column_name));
    const types = rows.map((r) => String(r.column_type));
    let rowCount: number | undefined;
    if (options.rowCount && !prefix) {
      const counted = await db.runAndReadAll(`SELECT count(*) AS n FROM ${scan}`);
      rowCount = Number(counted.getRowObjects()[0]?.n ?? 0);
    }
    return { columns, types, rowCount };
  } finally {
    closeDuckdb(db);
    prefix?.remove();
  }
}

/**
 * A text file larger than `maxBytes` (or gzipped) as a temporary copy of its first complete lines,
 * decompressed; undefined when the file can be read as it is.
 */
function boundedCopy(source: DataSource, maxBytes: number): { source: DataSource; remove: () => void } | undefined {
  if ((source.format ?? formatOf(source.path)) === 'parquet') return undefined;
  if (/\.zst$/i.test(source.path)) throw new Error('in an untrusted workspace a zstd-compressed file is not read (it cannot be read in part). Trust the workspace to check it');
  const gzipped = /\.(gz|gzip)$/i.test(source.path);
  if (!gzipped && statSync(source.path).size <= maxBytes) return undefined;
  const { head, whole } = readPrefix(source.path, maxBytes);
  // A UTF-16 line break is two bytes: keep the second.
  const newlineBytes = (source.encoding ?? detectEncoding(source.path)) === 'utf16' ? 2 : 1;
  const lastLine = whole ? head.length : head.lastIndexOf(0x0a) + newlineBytes;
  const dir = mkdtempSync(join(tmpdir(), 'innograph-head-'));
  const path = join(dir, 'head.csv');
  writeFileSync(path, head.subarray(0, lastLine));
  return { source: { ...source, path, format: source.format ?? formatOf(source.path) }, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

// Reads a data file's columns, their types and its row count through DuckDB, without loading the table.
// The file's beginning is checked first (csvShape.ts), so a ragged row, an empty file or a header without
// rows is named as such; the DuckDB instance can open this one file and nothing else.
import { checkCsvShape } from './csvShape.js';
import { closeDuckdb, confine, duckdb } from './duckdb.js';
import { tableScan, type DataSource } from './source.js';

export interface TableSchema { columns: string[]; types: string[]; rowCount?: number }

export async function readTableSchema(source: DataSource, options: { rowCount: boolean }): Promise<TableSchema> {
  checkCsvShape(source);
  const db = await duckdb();
  try {
    await confine(db, [source.path]);
    const scan = tableScan(source);
    const described = await db.runAndReadAll(`DESCRIBE SELECT * FROM ${scan}`);
    const rows = described.getRowObjects();
    const columns = rows.map((r) => String(r.column_name));
    const types = rows.map((r) => String(r.column_type));
    let rowCount: number | undefined;
    if (options.rowCount) {
      const counted = await db.runAndReadAll(`SELECT count(*) AS n FROM ${scan}`);
      rowCount = Number(counted.getRowObjects()[0]?.n ?? 0);
    }
    return { columns, types, rowCount };
  } finally {
    closeDuckdb(db);
  }
}

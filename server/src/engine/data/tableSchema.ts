// Reads a data file's columns, their types and its row count through DuckDB, without loading the table.
import { duckdb } from './duckdb.js';
import { tableScan, type DataSource } from './source.js';

export interface TableSchema { columns: string[]; types: string[]; rowCount?: number }

export async function readTableSchema(source: DataSource, options: { rowCount: boolean }): Promise<TableSchema> {
  const db = await duckdb();
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
}

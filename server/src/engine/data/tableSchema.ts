// Reads a data file's columns, their types and its row count through DuckDB, without loading the table.
import { duckdb, sqlString } from './duckdb.js';

export interface TableSchema { columns: string[]; types: string[]; rowCount?: number }

export type TableFormat = 'csv' | 'tsv' | 'parquet';

export function formatOf(path: string): TableFormat {
  const name = path.toLowerCase().replace(/\.(gz|gzip|zst)$/, '');
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return 'parquet';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  return 'csv';
}

/** The DuckDB table expression that reads a file (CSV dialect and compression are detected). */
export function tableScan(path: string, format: TableFormat = formatOf(path)): string {
  if (format === 'parquet') return `read_parquet(${sqlString(path)})`;
  const delim = format === 'tsv' ? `, delim = ${sqlString('\t')}` : '';
  return `read_csv(${sqlString(path)}${delim})`;
}

export async function readTableSchema(path: string, options: { rowCount: boolean }): Promise<TableSchema> {
  const db = await duckdb();
  const scan = tableScan(path);
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

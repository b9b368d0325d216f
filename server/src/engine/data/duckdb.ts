// One embedded, in-memory DuckDB per process, created on first use. User files are only read from it.
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';

let connection: Promise<DuckDBConnection> | undefined;

export function duckdb(): Promise<DuckDBConnection> {
  connection ??= DuckDBInstance.create(':memory:', { threads: '2' }).then((db) => db.connect());
  return connection;
}

/** The first line of a DuckDB error message; the rest is its context dump (CSV dialect, options). */
export function firstLine(message: string): string {
  return message.split('\n').find((l) => l.trim())?.trim() ?? message;
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

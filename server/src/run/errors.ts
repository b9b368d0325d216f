// What a run reports when it cannot go on: a spec problem points at a span of the spec, a data problem
// at a file (row, column). The CLI prints both as file:line:col; the language server makes diagnostics.
import { firstLine } from '../engine/data/duckdb.js';
import type { Span } from '../language/syntax/ast.js';

export class SpecError extends Error {
  constructor(message: string, readonly span: Span) {
    super(message);
  }
}

export class DataError extends Error {
  constructor(message: string, readonly file: string, readonly row?: number, readonly column?: string) {
    super(message);
  }
}

/** A DuckDB failure while reading `file`, with the message's first line and DuckDB's line number. */
export function dataErrorFrom(err: unknown, file: string): DataError {
  const message = (err as Error).message ?? String(err);
  const line = /Line:?\s*(\d+)/i.exec(message);
  return new DataError(firstLine(message), file, line ? Number(line[1]) : undefined);
}

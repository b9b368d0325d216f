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

/**
 * A DuckDB failure while reading `file` (`name` as the spec writes it), at DuckDB's line number. A row with
 * too many or too few fields is said so in words; other messages keep their first line.
 */
export function dataErrorFrom(err: unknown, file: string, name: string): DataError {
  const message = (err as Error).message ?? String(err);
  const line = /Line:?\s*(\d+)/i.exec(message)?.[1];
  const fields = /Expected Number of Columns:\s*(\d+)\s*Found:\s*(\d+)/i.exec(message);
  // DuckDB stops counting one field past the expected number, so "more" is all it knows of a long row.
  const shape = fields && (Number(fields[2]) > Number(fields[1]) ? `more fields than the header's ${fields[1]}` : `${fields[2]} fields, but the header has ${fields[1]}`);
  const text = line && shape ? `line ${line} has ${shape}.` : firstLine(message);
  return new DataError(`Cannot read ${name}: ${text}`, file, line ? Number(line) : undefined);
}

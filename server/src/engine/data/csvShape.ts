// The shape of a CSV file's first bytes: empty, a header without rows, a row with more or fewer fields
// than the header, a quote never closed. DuckDB reports none of these clearly: a ragged row in its
// sniffing sample makes the whole line one column, an empty file gets a `column0`, and a header alone
// reads as text columns. Checked on a bounded prefix, so it costs the same for any file size.
import { DECODER_LABELS, detectEncoding, formatOf, readPrefix, type DataSource, type TableFormat } from './source.js';

/** A problem with a data file, at a line (1-based, the header included) when there is one. */
export class TableShapeError extends Error {
  constructor(message: string, readonly line?: number) {
    super(message);
  }
}

/** Bytes looked at: enough for the header and the first thousands of rows. */
export const SHAPE_PREFIX_BYTES = 1 << 20;

const DELIMITERS = [',', ';', '\t', '|'];

/** A file's first bytes (decompressed when gzipped), and whether they are all of it. */
export type FilePrefix = ReturnType<typeof readPrefix>;

/**
 * Throws a TableShapeError naming the line when the file's beginning is not a table DuckDB reads as meant.
 * Returns the prefix it looked at (none for Parquet and zstd files), for callers that read no further.
 */
export function checkCsvShape(source: DataSource): FilePrefix | undefined {
  const format = source.format ?? formatOf(source.path);
  if (format === 'parquet' || /\.zst$/i.test(source.path)) return undefined;
  const prefix = readPrefix(source.path, SHAPE_PREFIX_BYTES);
  checkPrefix(source, format, prefix);
  return prefix;
}

function checkPrefix(source: DataSource, format: TableFormat, { head, whole }: FilePrefix): void {
  const text = new TextDecoder(DECODER_LABELS[source.encoding ?? detectEncoding(source.path)]).decode(head).replace(/^\uFEFF/, '');
  if (!text.trim()) {
    if (whole) throw new TableShapeError('the file is empty (no header, no rows).');
    return;
  }
  const delimiter = source.delimiter ?? (format === 'tsv' ? '\t' : likelyDelimiter(text));
  const records = splitRecords(text, delimiter, whole);
  const [first, ...rows] = records;
  if (!first) return;
  if (first.unclosedQuote) throw new TableShapeError(`the quoted value starting on line ${first.line} is never closed.`, first.line);
  const names = source.header === false ? undefined : first.fields.map((f) => f.trim()).join(', ');
  if (whole && rows.length === 0 && names !== undefined) throw new TableShapeError(`the file has a header (${names}) but no rows.`);
  for (const row of rows) {
    if (row.unclosedQuote) throw new TableShapeError(`the quoted value starting on line ${row.line} is never closed.`, row.line);
    if (row.fields.length !== first.fields.length) {
      const expected = names !== undefined ? `the header has ${first.fields.length} (${names})` : `line ${first.line} has ${first.fields.length}`;
      throw new TableShapeError(`line ${row.line} has ${row.fields.length} field${row.fields.length === 1 ? '' : 's'}, but ${expected}.`, row.line);
    }
  }
}

/** The candidate delimiter that occurs most often on the first line (none: a one-column file). */
function likelyDelimiter(text: string): string | undefined {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = DELIMITERS.map((d) => firstLine.split(d).length - 1);
  const best = Math.max(...counts);
  return best > 0 ? DELIMITERS[counts.indexOf(best)] : undefined;
}

interface CsvRecord { line: number; fields: string[]; unclosedQuote: boolean }

/**
 * Records with the line each starts on; quoted fields may hold delimiters, doubled quotes and line breaks.
 * Blank lines are skipped. Unless `whole`, the last record may be cut by the prefix and is dropped.
 */
function splitRecords(text: string, delimiter: string | undefined, whole: boolean): CsvRecord[] {
  const records: CsvRecord[] = [];
  let line = 1;
  let start = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== '') records.push({ line: start, fields, unclosedQuote: false });
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += c; i++; }
      else if (c === '"') quoted = false;
      else { if (c === '\n') line++; field += c; }
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) { fields.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      start = ++line;
    } else field += c;
  }
  if (quoted) {
    if (whole) records.push({ line: start, fields: [...fields, field], unclosedQuote: true });
  } else if (whole && (field !== '' || fields.length)) endRecord();
  return records;
}

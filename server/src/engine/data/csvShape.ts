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
  let first: { line: number; fields: string[]; names?: string } | undefined;
  let rows = 0;
  splitRecords(text, delimiter, whole, (record) => {
    if (record.unclosedQuote) throw new TableShapeError(`the quoted value starting on line ${record.line} is never closed.`, record.line);
    if (!first) {
      const fields = record.fields!;
      first = { line: record.line, fields, names: source.header === false ? undefined : fields.map((f) => f.trim()).join(', ') };
      return;
    }
    rows++;
    if (record.width !== first.fields.length) {
      const expected = first.names !== undefined ? `the header has ${first.fields.length} (${first.names})` : `line ${first.line} has ${first.fields.length}`;
      throw new TableShapeError(`line ${record.line} has ${record.width} field${record.width === 1 ? '' : 's'}, but ${expected}.`, record.line);
    }
  });
  if (whole && first && rows === 0 && first.names !== undefined) throw new TableShapeError(`the file has a header (${first.names}) but no rows.`);
}

/** The candidate delimiter that occurs most often on the first line (none: a one-column file). */
function likelyDelimiter(text: string): string | undefined {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const counts = DELIMITERS.map((d) => firstLine.split(d).length - 1);
  const best = Math.max(...counts);
  return best > 0 ? DELIMITERS[counts.indexOf(best)] : undefined;
}

/**
 * A record and the line it starts on. `fields`, its values, are kept for the first record (the header) and for
 * those read character by character; the others, split at once, carry their width only.
 */
interface CsvRecord { line: number; width: number; fields?: string[]; unclosedQuote: boolean }

/**
 * Visits the records in order; quoted fields may hold delimiters, doubled quotes and line breaks. Blank lines
 * are skipped. Unless `whole`, the last record may be cut by the prefix and is dropped.
 */
function splitRecords(text: string, delimiter: string | undefined, whole: boolean, visit: (record: CsvRecord) => void): void {
  let line = 1;
  let start = 1;
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let seen = false;
  const endRecord = () => {
    fields.push(field);
    if (fields.length > 1 || fields[0].trim() !== '') { seen = true; visit({ line: start, width: fields.length, fields, unclosedQuote: false }); }
    fields = [];
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    // The rest of a line holding no quote and no carriage return, where no field has begun, once the first record
    // is read: its fields are its pieces between delimiters, counted at once rather than read character by
    // character (most lines of most files).
    if (seen && !quoted && field === '' && !fields.length) {
      const end = text.indexOf('\n', i);
      if (end >= 0 && !hasQuoteOrReturn(text, i, end)) {
        const width = delimiter?.length === 1 ? 1 + occurrences(text, delimiter, i, end) : 1;
        if (width > 1 || text.slice(i, end).trim() !== '') visit({ line: start, width, unclosedQuote: false });
        start = ++line;
        i = end;
        continue;
      }
    }
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
    if (whole) visit({ line: start, width: fields.length + 1, fields: [...fields, field], unclosedQuote: true });
  } else if (whole && (field !== '' || fields.length)) endRecord();
}

/** Whether text[from, to) holds a quote or a carriage return. */
function hasQuoteOrReturn(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22 || c === 0x0d) return true;
  }
  return false;
}

/** How many times the one-character `delimiter` occurs in text[from, to). */
function occurrences(text: string, delimiter: string, from: number, to: number): number {
  const code = delimiter.charCodeAt(0);
  let n = 0;
  for (let i = from; i < to; i++) if (text.charCodeAt(i) === code) n++;
  return n;
}

// How a data file is read: format, dialect and encoding, declared or detected. DuckDB detects the CSV
// dialect and compression itself; the encoding is sniffed here because DuckDB only reports a wrong one.
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { sqlString } from './duckdb.js';

export type TableFormat = 'csv' | 'tsv' | 'parquet';
export type TextEncoding = 'utf8' | 'utf16' | 'latin1';

export interface DataSource {
  path: string;
  format?: TableFormat;
  delimiter?: string;
  encoding?: TextEncoding;
  header?: boolean;
}

export function formatOf(path: string): TableFormat {
  const name = path.toLowerCase().replace(/\.(gz|gzip|zst)$/, '');
  if (name.endsWith('.parquet') || name.endsWith('.pq')) return 'parquet';
  if (name.endsWith('.tsv') || name.endsWith('.tab')) return 'tsv';
  return 'csv';
}

/** TextDecoder labels of the encodings. */
export const DECODER_LABELS: Record<TextEncoding, string> = { utf8: 'utf-8', utf16: 'utf-16le', latin1: 'latin1' };

const DUCKDB_ENCODING: Record<TextEncoding, string> = { utf8: 'utf-8', utf16: 'utf-16', latin1: 'latin-1' };

/** The DuckDB table expression that reads a source; `allVarchar` reads every column as text (for validation). */
export function tableScan(source: DataSource, allVarchar = false): string {
  const format = source.format ?? formatOf(source.path);
  if (format === 'parquet') return `read_parquet(${sqlString(source.path)})`;
  const args = [sqlString(source.path)];
  const delimiter = source.delimiter ?? (format === 'tsv' ? '\t' : undefined);
  if (delimiter !== undefined) args.push(`delim = ${sqlString(delimiter)}`);
  const encoding = source.encoding ?? detectEncoding(source.path);
  if (encoding !== 'utf8') args.push(`encoding = ${sqlString(DUCKDB_ENCODING[encoding])}`);
  if (source.header !== undefined) args.push(`header = ${source.header}`);
  if (allVarchar) args.push('all_varchar = true');
  return `read_csv(${args.join(', ')})`;
}

/** UTF-16 by its byte-order mark, else UTF-8 when the first 64 KiB decode as UTF-8, else Latin-1. */
export function detectEncoding(path: string): TextEncoding {
  const { head } = readPrefix(path, 1 << 16);
  if ((head[0] === 0xff && head[1] === 0xfe) || (head[0] === 0xfe && head[1] === 0xff)) return 'utf16';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(trimPartialUtf8(head));
    return 'utf8';
  } catch {
    return 'latin1';
  }
}

/** The file's first `bytes` bytes (decompressed when gzipped), and whether they are all of it. */
export function readPrefix(path: string, bytes: number): { head: Uint8Array; whole: boolean } {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(bytes);
    const n = readSync(fd, buffer, 0, bytes, 0);
    const raw = buffer.subarray(0, n);
    if (raw[0] !== 0x1f || raw[1] !== 0x8b) return { head: raw, whole: n === size };
    // A gzip member, perhaps cut short: decompress what is there, or enough of it to tell the head is not all.
    const unzipped = gunzipPrefix(raw, bytes);
    return { head: unzipped.subarray(0, bytes), whole: n === size && unzipped.length <= bytes };
  } catch {
    return { head: new Uint8Array(), whole: false }; // unreadable files are reported by DuckDB with its own message
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/**
 * What a gzip member's beginning (perhaps cut short) decompresses to: all of it, or more than `bytes` of it. Its
 * compressed bytes are taken in growing slices, so that a file's head does not cost decompressing all of `raw`
 * (1 MiB of a well-compressed CSV is several MiB of text).
 */
function gunzipPrefix(raw: Uint8Array, bytes: number): Uint8Array {
  for (let take = Math.min(raw.length, 1 << 16); ; take = Math.min(raw.length, take * 4)) {
    const unzipped = gunzipSync(raw.subarray(0, take), { finishFlush: 2 /* Z_SYNC_FLUSH */ });
    if (unzipped.length > bytes || take === raw.length) return unzipped;
  }
}

/** Drops a multi-byte character cut at the end of the sample, so it is not taken for bad UTF-8. */
function trimPartialUtf8(bytes: Uint8Array): Uint8Array {
  let end = bytes.length;
  let back = 0;
  while (end > 0 && back < 4 && (bytes[end - 1] & 0xc0) === 0x80) { end--; back++; }
  if (end > 0 && bytes[end - 1] >= 0xc0) end--;
  else end = bytes.length;
  return bytes.subarray(0, end);
}

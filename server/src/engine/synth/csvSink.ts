// Row sinks: the generators push rows as they produce them and never keep a
// whole table, so a file sink lets any scale stream straight to disk.
import { createWriteStream, type WriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';

export type Cell = string | number;

export interface RowSink {
  /** Returns a promise only when the consumer needs the producer to wait (backpressure). */
  writeRow(row: readonly Cell[]): void | Promise<void>;
  close(): Promise<void>;
}

/** How a delimited text file writes its fields: the separator, and whether text is always quoted. */
export interface Dialect {
  delimiter: ',' | '|' | '\t';
  /** Quote every text field (PatentsView's TSV, PATSTAT's CSV export); otherwise only where needed (RFC 4180). */
  quoteText: boolean;
}

export const CSV: Dialect = { delimiter: ',', quoteText: false };

function formatCell(cell: Cell, dialect: Dialect): string {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`non-finite number in CSV output: ${cell}`);
    return Object.is(cell, -0) ? '0' : String(cell);
  }
  const quote = dialect.quoteText || cell.includes(dialect.delimiter) || /["\r\n]/.test(cell);
  return quote ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function formatCsvRow(row: readonly Cell[], dialect: Dialect = CSV): string {
  return row.map((c) => formatCell(c, dialect)).join(dialect.delimiter) + '\n';
}

/** Fixed decimals, with "-0.00" normalised so output never depends on the sign of zero. */
export function fixed(value: number, digits: number): string {
  const s = value.toFixed(digits);
  return /^-0\.?0*$/.test(s) ? s.slice(1) : s;
}

/** Collects CSV text in memory; for tests and small outputs. */
export class MemorySink implements RowSink {
  readonly rows: Cell[][] = [];

  constructor(readonly header: readonly string[]) {}

  writeRow(row: readonly Cell[]): void {
    this.rows.push([...row]);
  }

  async close(): Promise<void> {}

  toCsv(): string {
    return formatCsvRow(this.header) + this.rows.map((r) => formatCsvRow(r)).join('');
  }
}

const FLUSH_AT = 1 << 16; // batch small rows into ~64 KB writes

/** Streams delimited text (CSV unless told) to a file with a header row, honouring the stream's backpressure. */
export class CsvFileSink implements RowSink {
  private buffer = '';
  private failure: Error | undefined;
  private readonly stream: WriteStream;
  rowCount = 0;

  constructor(readonly path: string, header: readonly string[], private readonly dialect: Dialect = CSV) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (err) => {
      this.failure = err;
    });
    // Headers are names: quoted only where a field would be.
    this.buffer = formatCsvRow(header, { ...dialect, quoteText: false });
  }

  static async open(path: string, header: readonly string[], dialect: Dialect = CSV): Promise<CsvFileSink> {
    await mkdir(dirname(path), { recursive: true });
    return new CsvFileSink(path, header, dialect);
  }

  writeRow(row: readonly Cell[]): void | Promise<void> {
    if (this.failure) throw this.failure;
    this.buffer += formatCsvRow(row, this.dialect);
    this.rowCount++;
    if (this.buffer.length >= FLUSH_AT) return this.flush();
  }

  private flush(): void | Promise<void> {
    if (this.buffer.length === 0) return;
    const ok = this.stream.write(this.buffer);
    this.buffer = '';
    if (!ok) return this.waitFor('drain');
  }

  private waitFor(event: 'drain' | 'finish'): Promise<void> {
    return new Promise((resolve, reject) => {
      if (this.failure) return reject(this.failure);
      const onError = (err: Error) => {
        this.stream.off(event, onDone);
        reject(err);
      };
      const onDone = () => {
        this.stream.off('error', onError);
        resolve();
      };
      this.stream.once(event, onDone);
      this.stream.once('error', onError);
    });
  }

  async close(): Promise<void> {
    await this.flush();
    const finished = this.waitFor('finish');
    this.stream.end();
    await finished;
  }
}

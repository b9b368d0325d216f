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

function formatCell(cell: Cell): string {
  if (typeof cell === 'number') {
    if (!Number.isFinite(cell)) throw new Error(`non-finite number in CSV output: ${cell}`);
    return Object.is(cell, -0) ? '0' : String(cell);
  }
  // Quote only when needed (RFC 4180), so plain values stay plain.
  return /[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

export function formatCsvRow(row: readonly Cell[]): string {
  return row.map(formatCell).join(',') + '\n';
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
    return formatCsvRow(this.header) + this.rows.map(formatCsvRow).join('');
  }
}

const FLUSH_AT = 1 << 16; // batch small rows into ~64 KB writes

/** Streams CSV to a file with a header row, honouring the stream's backpressure. */
export class CsvFileSink implements RowSink {
  private buffer = '';
  private failure: Error | undefined;
  private readonly stream: WriteStream;
  rowCount = 0;

  constructor(readonly path: string, header: readonly string[]) {
    this.stream = createWriteStream(path, { encoding: 'utf8' });
    this.stream.on('error', (err) => {
      this.failure = err;
    });
    this.buffer = formatCsvRow(header);
  }

  static async open(path: string, header: readonly string[]): Promise<CsvFileSink> {
    await mkdir(dirname(path), { recursive: true });
    return new CsvFileSink(path, header);
  }

  writeRow(row: readonly Cell[]): void | Promise<void> {
    if (this.failure) throw this.failure;
    this.buffer += formatCsvRow(row);
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

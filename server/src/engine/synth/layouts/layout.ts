// A layout: the files one source publishes (names, columns, delimiters, quoting, date formats), written
// from the REGPAT-like generator's patents, so every layout holds the same patents.
import type { RowSink } from '../csvSink.js';
import type { RegpatOptions } from '../regpat.js';
import { writeCsvTables, type TableSpecs, type WrittenFile } from '../writeCsvDataset.js';
import { generatePatentRecords, type PatentRecord } from './patentRecords.js';

export interface Layout {
  /** Where the layout is documented, for the files' readers. */
  source: string;
  tables: TableSpecs;
  /** A writer of one set's patents into the layout's tables (it may remember what it wrote: a location once). */
  writer(sinks: Record<string, RowSink>): (patent: PatentRecord) => Promise<void>;
}

/** Writes the generator's patents in `layout` into `dir`. */
export function writeLayout(layout: Layout, dir: string, options: RegpatOptions): Promise<WrittenFile[]> {
  return writeCsvTables(dir, layout.tables, (sinks) => generatePatentRecords(options, layout.writer(sinks)));
}

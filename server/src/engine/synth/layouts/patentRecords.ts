// The REGPAT-like generator's rows regrouped per patent: a layout writes a patent's inventors, applicants
// and citations together, since shares count a patent's rows and ids link its tables.
import type { Cell, RowSink } from '../csvSink.js';
import { generateRegpat, type RegpatOptions, type RegpatSinks } from '../regpat.js';

export interface Holder { seq: number; region: string; country: string }

export interface PatentRecord {
  applnId: number;
  prioYear: number;
  ipc: string;
  inventors: Holder[];
  applicants: Holder[];
  /** Application ids of the cited documents (external prior art in its own id range). */
  cited: number[];
}

/** Runs the REGPAT-like generator and hands each patent, whole, to `write`, in the generator's order. */
export async function generatePatentRecords(options: RegpatOptions, write: (patent: PatentRecord) => Promise<void>): Promise<void> {
  let current: PatentRecord | undefined;
  const sink = (add: (row: readonly Cell[], patent: PatentRecord) => void): RowSink => ({
    writeRow: (row) => add(row, current!),
    close: async () => {},
  });
  const holder = (row: readonly Cell[]): Holder => ({ seq: Number(row[1]), region: String(row[2]), country: String(row[3]) });
  const sinks: RegpatSinks = {
    // A patent's row comes first, its inventors, applicants and citations after it.
    patents: {
      writeRow: async ([applnId, prioYear, ipc]) => {
        if (current) await write(current);
        current = { applnId: Number(applnId), prioYear: Number(prioYear), ipc: String(ipc), inventors: [], applicants: [], cited: [] };
      },
      close: async () => {},
    },
    inventors: sink((row, p) => p.inventors.push(holder(row))),
    applicants: sink((row, p) => p.applicants.push(holder(row))),
    citations: sink(([, cited], p) => p.cited.push(Number(cited))),
    countries: sink(() => {}),
  };
  await generateRegpat(options, sinks);
  if (current) await write(current);
}

/** Each holder's share of the patent (1/n) and its region's (the holders there / n), as REGPAT gives them. */
export function shares(holders: readonly Holder[]): { holder: number; region: (h: Holder) => number } {
  const inRegion = new Map<string, number>();
  for (const h of holders) inRegion.set(h.region, (inRegion.get(h.region) ?? 0) + 1);
  return { holder: 1 / holders.length, region: (h) => inRegion.get(h.region)! / holders.length };
}

/** A day of `year` fixed by the application id: the generator's model has years only, the offices give dates. */
export function dayOf(year: number, applnId: number): Date {
  return new Date(Date.UTC(year, 0, 1 + ((applnId * 7919) % 365)));
}

export const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

// Runs a generator with one streaming CSV file per table in a directory.
import { join } from 'node:path';
import { mkdir, stat } from 'node:fs/promises';
import { CsvFileSink, MemorySink, type Dialect, type RowSink } from './csvSink.js';
import { AI_TABLES, generateAi, type AiOptions } from './ai.js';
import { RARE_EARTH_TABLES, generateRareEarth, type RareEarthOptions } from './rareEarth.js';
import { REGPAT_TABLES, generateRegpat, type RegpatOptions } from './regpat.js';

export type TableSpecs = Readonly<Record<string, { readonly file: string; readonly columns: readonly string[]; readonly dialect?: Dialect }>>;

export interface WrittenFile {
  path: string;
  rows: number;
  bytes: number;
}

export const PRESETS = ['rare_earth', 'regpat', 'ai'] as const;
export type Preset = (typeof PRESETS)[number];

/** Options shared by all presets; preset-specific extras (e.g. citationsPerPatent) are ignored where unused. */
export type PresetOptions = RareEarthOptions & AiOptions & RegpatOptions;

const PRESET_TABLES: Record<Preset, TableSpecs> = { rare_earth: RARE_EARTH_TABLES, regpat: REGPAT_TABLES, ai: AI_TABLES };

function runPreset(preset: Preset, options: PresetOptions, sinks: Record<string, RowSink>): Promise<void> {
  switch (preset) {
    case 'rare_earth':
      return generateRareEarth(options, sinks as Parameters<typeof generateRareEarth>[1]);
    case 'regpat':
      return generateRegpat(options, sinks as Parameters<typeof generateRegpat>[1]);
    case 'ai':
      return generateAi(options, sinks as Parameters<typeof generateAi>[1]);
  }
}

/** Opens one CSV sink per table, runs `generate`, closes every file (also on failure). */
export async function writeCsvTables(
  dir: string,
  tables: TableSpecs,
  generate: (sinks: Record<string, CsvFileSink>) => Promise<void>,
): Promise<WrittenFile[]> {
  await mkdir(dir, { recursive: true });
  const sinks: Record<string, CsvFileSink> = {};
  for (const [name, spec] of Object.entries(tables)) sinks[name] = await CsvFileSink.open(join(dir, spec.file), spec.columns, spec.dialect);
  let generated = false;
  try {
    await generate(sinks);
    generated = true;
  } finally {
    // Close every file even if generation failed; report a close error only if nothing failed before it.
    const closed = await Promise.allSettled(Object.values(sinks).map((s) => s.close()));
    const failure = closed.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (generated && failure) throw failure.reason;
  }
  const written: WrittenFile[] = [];
  for (const sink of Object.values(sinks)) {
    written.push({ path: sink.path, rows: sink.rowCount, bytes: (await stat(sink.path)).size });
  }
  return written;
}

/** Writes one preset's CSV files into `dir` (the files go directly in `dir`). */
export function writePresetCsv(preset: Preset, dir: string, options: PresetOptions): Promise<WrittenFile[]> {
  return writeCsvTables(dir, PRESET_TABLES[preset], (sinks) => runPreset(preset, options, sinks));
}

/** Generates one preset in memory and returns each table's CSV text by file name; for tests and small runs. */
export async function generatePresetCsvText(preset: Preset, options: PresetOptions): Promise<Record<string, string>> {
  const sinks: Record<string, MemorySink> = {};
  for (const [name, spec] of Object.entries(PRESET_TABLES[preset])) sinks[name] = new MemorySink(spec.columns);
  await runPreset(preset, options, sinks);
  const out: Record<string, string> = {};
  for (const [name, spec] of Object.entries(PRESET_TABLES[preset])) out[spec.file] = sinks[name]!.toCsv();
  return out;
}

export function presetTables(preset: Preset): TableSpecs {
  return PRESET_TABLES[preset];
}

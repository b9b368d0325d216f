// What a replication package records beside the spec: its data files (path, size, SHA-256, rows, columns,
// provenance and licence as declared), the study's metadata, and the machine and software it ran on.
import { statSync } from 'node:fs';
import { arch, cpus, platform, release, totalmem, type } from 'node:os';
import { resolve } from 'node:path';
import { declFile } from '../../language/semantic/model.js';
import type { Decl } from '../../language/syntax/ast.js';
import { sha256File } from '../../util/sha256.js';
import type { Analysis } from '../../workspace/analysis.js';

export const MANIFEST_FORMAT = 'innograph-package';

export interface DataFile {
  /** As the spec names it, relative to the spec's folder. */
  path: string;
  /** The declarations that read it, `kind name`. */
  declarations: string[];
  /** The spec line of the first of them. */
  line: number;
  size: number;
  sha256: string;
  rows?: number;
  columns?: string[];
  provenance?: string;
  licence?: string;
}

export interface Manifest {
  format: typeof MANIFEST_FORMAT;
  version: 1;
  /** The spec's file name inside `study/`. */
  spec: string;
  /** `copy`: the files are in `study/` at their paths; `reference`: they stay in `dataRoot` (the spec's folder when packaged). */
  data: 'copy' | 'reference';
  dataRoot?: string;
  files: DataFile[];
}

export interface StudyMetadata {
  title?: string; authors?: string; description?: string; availability?: string; licence?: string; citation?: string;
  /** Every `seed:` of the spec, `study` or `kind name` → seed. */
  seeds: { where: string; seed: string }[];
}

export interface Environment {
  innograph: string; duckdb: string; node: string;
  os: { type: string; platform: string; release: string; arch: string };
  cpu: { model: string; cores: number };
  memoryBytes: number;
}

/** The string an option of a declaration holds (`provenance: "…"`), if it is one. */
function stringOption(analysis: Analysis, decl: Decl, name: string): string | undefined {
  const value = analysis.model.option(decl, name)?.values[0];
  return value?.type === 'string' ? value.value : undefined;
}

/** The data files of a spec, each once, in spec order, measured and hashed. */
export function dataFiles(analysis: Analysis): DataFile[] {
  const files = new Map<string, DataFile>();
  for (const decl of analysis.file.decls) {
    const file = declFile(decl);
    const symbol = decl.name && analysis.model.symbols.get(decl.name.name);
    if (!file || !symbol) continue;
    const label = `${decl.keyword.name} ${symbol.name}`;
    const known = files.get(file.value);
    if (known) { known.declarations.push(label); continue; }
    const abs = resolve(analysis.baseDir, file.value);
    const table = analysis.model.table(symbol);
    files.set(file.value, {
      path: file.value, declarations: [label], line: analysis.lines.position(decl.span.start).line + 1,
      size: statSync(abs).size, sha256: sha256File(abs),
      ...(table?.status === 'ok' ? { rows: table.rowCount, columns: table.columns } : {}),
      provenance: stringOption(analysis, decl, 'provenance'), licence: stringOption(analysis, decl, 'licence'),
    });
  }
  return [...files.values()];
}

export function studyMetadata(analysis: Analysis): StudyMetadata {
  const study = analysis.file.decls.find((d) => d.keyword.name === 'study');
  const text = (name: string) => (study ? stringOption(analysis, study, name) : undefined);
  const seeds = analysis.file.decls.flatMap((decl) => {
    const seed = analysis.model.option(decl, 'seed')?.values[0];
    return seed?.type === 'number' ? [{ where: decl.keyword.name === 'study' ? 'study' : `${decl.keyword.name} ${decl.name?.name ?? ''}`, seed: seed.text }] : [];
  });
  return {
    title: study?.title?.value, authors: text('authors'), description: text('description'),
    availability: text('availability'), licence: text('licence'), citation: text('citation'), seeds,
  };
}

export async function environment(): Promise<Environment> {
  const { duckdbVersion } = await import('../../engine/data/duckdb.js');
  const cores = cpus();
  return {
    innograph: process.env.INNOGRAPH_VERSION ?? 'dev', duckdb: await duckdbVersion(), node: process.version,
    os: { type: type(), platform: platform(), release: release(), arch: arch() },
    cpu: { model: cores[0]?.model.trim() ?? 'unknown', cores: cores.length },
    memoryBytes: totalmem(),
  };
}

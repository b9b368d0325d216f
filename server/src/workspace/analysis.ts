// One analysed spec: text, syntax tree, semantic model, diagnostics and references. Plain data, shared
// by the language server's features and the command line.
import { dirname } from 'node:path';
import { checkStudy, type CheckResult } from '../language/checks/index.js';
import { LineIndex } from '../language/syntax/lines.js';
import { parseStudy } from '../language/syntax/parse.js';
import type { StudyFile } from '../language/syntax/ast.js';
import type { TableCache } from './tableCache.js';

export interface Analysis extends CheckResult {
  text: string;
  file: StudyFile;
  lines: LineIndex;
  /** Folder that relative data paths are resolved against. */
  baseDir: string;
  /** Some data file was still being read: its column checks will follow when it arrives. */
  readingData: boolean;
}

/**
 * For one-shot callers (CLI, tests, benchmarks): analyses once to start reading the data files' headers,
 * waits for them, and analyses again with them. The language server re-checks on arrival instead.
 */
export async function analyzeWithHeaders(text: string, specPath: string, tables: TableCache): Promise<Analysis> {
  analyze(text, specPath, tables);
  await tables.settled();
  return analyze(text, specPath, tables);
}

export function analyze(text: string, specPath: string, tables: TableCache): Analysis {
  const file = parseStudy(text);
  const baseDir = dirname(specPath);
  let readingData = false;
  const result = checkStudy(file, (relative, dialect) => {
    const info = tables.get(baseDir, relative, dialect);
    readingData ||= tables.reading(baseDir, relative, dialect);
    return info;
  });
  return { ...result, text, file, lines: new LineIndex(text), baseDir, readingData };
}

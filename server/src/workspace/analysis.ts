// One analysed spec: text, syntax tree, semantic model, diagnostics and references. Plain data, shared
// by the language server's features and the command line.
import { dirname } from 'node:path';
import { StudyCheck, type CheckResult } from '../language/checks/index.js';
import { declDialect, declFile, SemanticModel, type ModelEdit } from '../language/semantic/model.js';
import { LineIndex } from '../language/syntax/lines.js';
import { parseStudy, parseStudyInSlices } from '../language/syntax/parse.js';
import type { DocumentParser } from '../language/syntax/reparse.js';
import type { StudyFile } from '../language/syntax/ast.js';
import type { TableCache } from './tableCache.js';

export interface Analysis extends CheckResult {
  text: string;
  file: StudyFile;
  lines: LineIndex;
  /** Folder that relative data paths are resolved against. */
  baseDir: string;
  /** Some data file was still being read when the checks ran: its column checks follow when it arrives. */
  readingData: boolean;
  /**
   * The checks behind `diagnostics` and `references`, which run when first read. Features that need only
   * the tree and the model (completion, outline, signature help) never wait for them; a server can run
   * them with `checks.inSlices()` and keep answering requests meanwhile.
   */
  checks: StudyCheck;
}

/**
 * For one-shot callers (CLI, tests, benchmarks): parses once, reading each declared data file's header from
 * when its declaration is parsed, waits for them, and checks with them. The language server re-checks on arrival instead.
 */
/** The study's title (`study "…"`), if it declares one. */
export function studyTitle(analysis: Analysis): string | undefined {
  return analysis.file.decls.find((d) => d.keyword.name === 'study')?.title?.value;
}

export async function analyzeWithHeaders(text: string, specPath: string, tables: TableCache): Promise<Analysis> {
  const file = await parseStudyInSlices(text, (decl) => {
    const file = declFile(decl);
    if (file) tables.get(dirname(specPath), file.value, declDialect(decl));
  });
  await tables.settled();
  return analyzed(text, file, specPath, tables);
}

export function analyze(text: string, specPath: string, tables: TableCache): Analysis {
  return analyzed(text, parseStudy(text), specPath, tables);
}

/**
 * A new version of an open document, re-parsing only what changed since `previous` (the analysis of the
 * version `parser` parsed last, if any): `previous` is superseded and must not be read again.
 */
export function reanalyze(text: string, specPath: string, tables: TableCache, parser: DocumentParser, previous?: Analysis): Analysis {
  const file = parser.parse(text);
  return analyzed(text, file, specPath, tables, previous && { previous: previous.model, ...parser.lastEdit });
}

function analyzed(text: string, file: StudyFile, specPath: string, tables: TableCache, edit?: ModelEdit): Analysis {
  const baseDir = dirname(specPath);
  let readingData = false;
  const model = new SemanticModel(file, (relative, dialect) => {
    const info = tables.get(baseDir, relative, dialect);
    readingData ||= tables.reading(baseDir, relative, dialect);
    return info;
  }, edit);
  const checks = new StudyCheck(model);
  return {
    text, file, model, checks, lines: new LineIndex(text), baseDir,
    get diagnostics() { return checks.result.diagnostics; },
    get references() { return checks.result.references; },
    // Headers are asked for while the checks run.
    get readingData() { return checks.result && readingData; },
  };
}

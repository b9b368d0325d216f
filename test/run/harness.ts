// Runs a spec file through the same path as `innograph run` (check, then run) and returns its results.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { analyzeWithHeaders, type Analysis } from '../../server/src/workspace/analysis.ts';
import { TableCache } from '../../server/src/workspace/tableCache.ts';
import { runStudy } from '../../server/src/run/runner.ts';
import type { DeclarationResult, ResultsFile } from '../../server/src/results/format.ts';

export async function analyseSpec(path: string, text = readFileSync(path, 'utf8')): Promise<Analysis> {
  return analyzeWithHeaders(text, resolve(path), new TableCache({ rowCounts: () => false }));
}

export async function runSpec(path: string, text?: string): Promise<ResultsFile> {
  const analysis = await analyseSpec(path, text);
  const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length) throw new Error(`spec has errors: ${errors.map((e) => e.message).join('; ')}`);
  return runStudy(analysis, { specPath: resolve(path) });
}

export function result(results: ResultsFile, name: string): DeclarationResult {
  const found = results.results.find((r) => r.name === name);
  if (!found) throw new Error(`no result for ${name}`);
  return found;
}

/** A table's rows as objects keyed by column. */
export function records(r: DeclarationResult, table: string): Record<string, unknown>[] {
  const t = r.tables[table];
  if (!t) throw new Error(`${r.name} has no table ${table}`);
  return t.rows.map((row) => Object.fromEntries(t.columns.map((c, i) => [c, row[i]])));
}

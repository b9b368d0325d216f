// `innograph run`: checks a spec, runs it, prints a summary with timings, and writes the results as
// JSON (`--json FILE`) and/or results.json plus the files of each `--format` into `--out DIR` (outputs.ts).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeWithHeaders } from '../workspace/analysis.js';
import { TableCache } from '../workspace/tableCache.js';
import { runStudy } from '../run/runner.js';
import type { DeclarationResult } from '../results/format.js';
import { errorPlace } from '../run/output/report.js';
import { diagnosticLine, located } from './check.js';
import { outputFiles, type Format } from './outputs.js';

export interface RunCommandOptions { only: string[]; json?: string; out?: string; formats: ReadonlySet<Format>; quiet: boolean }

export async function runCommand(specPath: string, options: RunCommandOptions, print: (line: string) => void, progress: (line: string) => void): Promise<number> {
  const abs = resolve(specPath);
  let text: string;
  try {
    text = readFileSync(abs, 'utf8');
  } catch {
    print(`${specPath}: cannot read the spec`);
    return 2;
  }
  const analysis = await analyzeWithHeaders(text, abs, new TableCache({ rowCounts: () => false }));
  const errors = located(specPath, analysis).filter((d) => d.severity === 'error');
  if (errors.length) {
    for (const d of errors) print(diagnosticLine(d));
    print(`${specPath}: ${errors.length} error${errors.length === 1 ? '' : 's'}; nothing was run.`);
    return 1;
  }
  const unknown = options.only.filter((n) => !analysis.model.symbols.has(n));
  if (unknown.length) {
    print(`${specPath}: no declaration named ${unknown.join(', ')}`);
    return 2;
  }
  const results = await runStudy(analysis, {
    specPath: abs, only: options.only,
    progress: (message, done, total) => { if (!options.quiet && done < total) progress(`[${done + 1}/${total}] ${message}`); },
  });
  for (const r of results.results) for (const line of summarise(specPath, r)) print(line);
  if (options.json) writeFileSync(resolve(options.json), `${JSON.stringify(results, null, 1)}\n`);
  if (options.out) {
    const dir = resolve(options.out);
    const files = outputFiles(results, options.formats);
    mkdirSync(dir, { recursive: true });
    for (const file of files) writeFileSync(join(dir, file.name), file.text);
    print(`${specPath}: ${files.length} files in ${dir}${options.formats.has('html') ? ` (report: ${join(dir, 'report.html')})` : ''}`);
  }
  return results.results.some((r) => r.status === 'error') ? 1 : 0;
}

function summarise(specPath: string, r: DeclarationResult): string[] {
  const head = `${r.kind} ${r.name}`;
  if (r.status === 'skipped') return [`${head}: skipped — ${r.notes[0]}`];
  if (r.status === 'error' && r.error) return [`${errorPlace(specPath, r.error)}: error: ${r.error.message}`, `${head}: failed`];
  const sizes = Object.entries(r.tables).map(([name, t]) => `${name} ${t.rows.length} rows`).join(', ');
  return [`${head}: ok in ${r.seconds.toFixed(2)} s${sizes ? ` (${sizes})` : ''}`, ...r.notes.map((n) => `  note: ${n}`)];
}

// `innograph run`: checks a spec, runs it, prints a summary with timings, and writes the results as
// JSON (`--json FILE`) and/or results.json, one CSV per table and the networks' GEXF / GraphML /
// Pajek / CSV exports (`--out DIR`).
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeWithHeaders } from '../workspace/analysis.js';
import { TableCache } from '../workspace/tableCache.js';
import { runStudy } from '../run/runner.js';
import { csvTable } from '../engine/exports/csv.js';
import type { DeclarationResult, ResultsFile, Table } from '../run/results.js';
import { networkFiles } from '../run/networkFiles.js';
import { diagnosticLine, located } from './check.js';

export interface RunCommandOptions { only: string[]; json?: string; out?: string; quiet: boolean }

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
  if (options.out) writeOutDir(resolve(options.out), results);
  return results.results.some((r) => r.status === 'error') ? 1 : 0;
}

function summarise(specPath: string, r: DeclarationResult): string[] {
  const head = `${r.kind} ${r.name}`;
  if (r.status === 'skipped') return [`${head}: skipped — ${r.notes[0]}`];
  if (r.status === 'error' && r.error) {
    const at = r.error.data
      ? `${r.error.data.file}${r.error.data.line ? `:${r.error.data.line}` : ''}${r.error.data.column ? ` (column ${r.error.data.column})` : ''}`
      : `${specPath}:${r.error.spec?.line}:${r.error.spec?.column}`;
    return [`${at}: error: ${r.error.message}`, `${head}: failed`];
  }
  const sizes = Object.entries(r.tables).map(([name, t]) => `${name} ${t.rows.length} rows`).join(', ');
  return [`${head}: ok in ${r.seconds.toFixed(2)} s${sizes ? ` (${sizes})` : ''}`, ...r.notes.map((n) => `  note: ${n}`)];
}

/** results.json, `<declaration>.<table>.csv` for every table, and each network's export files. */
function writeOutDir(dir: string, results: ResultsFile): void {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'results.json'), `${JSON.stringify(results, null, 1)}\n`);
  for (const r of results.results) {
    for (const [name, table] of Object.entries(r.tables) as [string, Table][]) {
      writeFileSync(join(dir, `${r.name}.${name}.csv`), csvTable(table.columns, table.rows.map((row) => row.map((c) => (typeof c === 'boolean' ? String(c) : c)))));
    }
    for (const file of networkFiles(r)) writeFileSync(join(dir, file.name), file.text);
  }
}

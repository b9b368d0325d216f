// `innograph run`: checks a spec, runs it, prints a summary with timings, and writes the results as
// JSON (`--json FILE`) and/or results.json plus the files of each `--format` into `--out DIR` (outputs.ts).
// The spec runs in the run worker thread (run/worker.ts), as in the editor: a synchronous estimator loop
// would otherwise keep the SIGINT handler from running until it ends, and Ctrl+C must stop a run at once.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { analyzeWithHeaders } from '../workspace/analysis.js';
import { TableCache } from '../workspace/tableCache.js';
import { Cancelled } from '../engine/cancel.js';
import { RunWorker } from '../run/worker.js';
import type { DeclarationResult } from '../results/format.js';
import { errorPlace } from '../run/output/report.js';
import { diagnosticLine, located } from './check.js';
import { outputFiles, wordFiles, type Format } from './outputs.js';

export interface RunCommandOptions {
  only: string[]; json?: string; out?: string; formats: ReadonlySet<Format>; quiet: boolean;
  /** Ctrl+C: the run stops and the command answers `INTERRUPTED`. */
  signal?: AbortSignal;
}

/** The exit code of a run stopped by Ctrl+C (128 + SIGINT, as shells report it). */
export const INTERRUPTED = 130;

// One worker for the process (several specs run one after another), stopped by `stopRunWorker` at the end.
let worker: RunWorker | undefined;

export async function stopRunWorker(): Promise<void> {
  await worker?.dispose();
  worker = undefined;
}

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
  let results;
  try {
    worker ??= new RunWorker(process.argv[1]);
    results = await worker.run({ text, specPath: abs, only: options.only, fresh: true }, {
      signal: options.signal,
      progress: (message, done, total) => { if (!options.quiet && done < total) progress(`[${done + 1}/${total}] ${message}`); },
    });
  } catch (err) {
    if (err instanceof Cancelled) return INTERRUPTED;
    throw err;
  }
  for (const r of results.results) for (const line of summarise(specPath, r)) print(line);
  if (options.json) writeFileSync(resolve(options.json), `${JSON.stringify(results, null, 1)}\n`);
  if (options.out) {
    const dir = resolve(options.out);
    const files = await outputFiles(results, options.formats);
    const documents = options.formats.has('docx') ? await wordFiles(results) : [];
    mkdirSync(dir, { recursive: true });
    for (const file of files) writeFileSync(join(dir, file.name), file.text);
    for (const file of documents) writeFileSync(join(dir, file.name), file.bytes);
    print(`${specPath}: ${files.length + documents.length} files in ${dir}${options.formats.has('html') ? ` (report: ${join(dir, 'report.html')})` : ''}`);
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

// `innograph run`: checks a spec, runs it, prints a summary with timings, and writes the results as
// JSON (`--json FILE`) and/or results.json plus the files of each `--format` into `--out DIR` (outputs.ts).
// Unchanged declarations are read from the persistent cache (run/resultStore.ts) unless `--no-cache`.
// The spec runs in the run worker thread (run/worker.ts), as in the editor: a synchronous estimator loop
// would otherwise keep the SIGINT handler from running until it ends, and Ctrl+C must stop a run at once.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { analyzeWithHeaders, studyTitle, type Analysis } from '../workspace/analysis.js';
import { TableCache } from '../workspace/tableCache.js';
import { Cancelled } from '../engine/cancel.js';
import { RunWorker } from '../run/worker.js';
import type { DeclarationResult, ResultsFile } from '../results/format.js';
import { errorPlace } from '../run/output/report.js';
import { diagnosticLine, located } from './check.js';
import { outputFiles, wordFiles, type Format } from './outputs.js';
import { ProgressLog } from './progressLog.js';
import { plural } from '../util/text.js';

export interface RunCommandOptions {
  only: string[]; json?: string; out?: string; formats: ReadonlySet<Format>; quiet: boolean; cache: CacheChoice;
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

/** Where a run keeps results between runs: a folder (the persistent cache), or none (`--no-cache`). */
export type CacheChoice = { dir: string } | 'none';

/** `--no-cache`, or the persistent cache's folder: `--cache-dir`, else `.innograph/cache/` beside the spec (never among the data). */
export const cacheChoice = (specPath: string, given: { noCache: boolean; cacheDir?: string }): CacheChoice =>
  given.noCache ? 'none' : { dir: resolve(given.cacheDir ?? join(dirname(resolve(specPath)), '.innograph', 'cache')) };

export interface SpecRunOptions {
  only: string[]; quiet: boolean; cache: CacheChoice; signal?: AbortSignal;
  /** Run the text as if it were the spec at `specPath` (verify: a packaged spec beside the data it references). */
  text?: string;
  /** Headers (and row counts, when asked) of the spec's files. */
  tables?: TableCache;
}

export interface SpecRun { text: string; analysis: Analysis; results: ResultsFile }

/** Checks a spec and runs it in the run worker: the run, or the exit code when it has errors or was interrupted. */
export async function runSpec(specPath: string, options: SpecRunOptions, print: (line: string) => void, progress: (line: string) => void): Promise<SpecRun | number> {
  const abs = resolve(specPath);
  let text = options.text;
  try {
    text ??= readFileSync(abs, 'utf8');
  } catch {
    print(`${specPath}: cannot read the spec`);
    return 2;
  }
  // The worker starts (and loads DuckDB) while the spec is checked here.
  worker ??= new RunWorker(process.argv[1]);
  worker.warm();
  const tables = options.tables ?? new TableCache({ rowCounts: () => false });
  const analysis = await analyzeWithHeaders(text, abs, tables);
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
  print(studyHeading(specPath, analysis));
  const cache = options.cache === 'none' ? { fresh: true } : { cacheDir: options.cache.dir };
  const log = new ProgressLog(progress);
  try {
    const results = await worker.run({ text, specPath: abs, only: options.only, headers: tables.headers(), ...cache }, {
      signal: options.signal,
      ...(options.quiet ? {} : { progress: (message, done, total) => log.declaration(message, done, total), steps: (message, done, total) => log.step(message, done, total) }),
    });
    return { text, analysis, results };
  } catch (err) {
    if (err instanceof Cancelled) return INTERRUPTED;
    throw err;
  }
}

/** The log's first line: the study by its title (`study "…"`), then the spec it is in. */
function studyHeading(specPath: string, analysis: Analysis): string {
  const title = studyTitle(analysis);
  return title ? `Study "${title}" (${specPath})` : `Study ${specPath}`;
}

export async function runCommand(specPath: string, options: RunCommandOptions, print: (line: string) => void, progress: (line: string) => void): Promise<number> {
  const run = await runSpec(specPath, options, print, progress);
  if (typeof run === 'number') return run;
  const { results } = run;
  for (const r of results.results) for (const line of summarise(specPath, r)) print(line);
  const reused = results.results.filter((r) => r.cached).length;
  if (reused && options.cache !== 'none') print(`${specPath}: ${reused} of ${plural(results.results.length, 'declaration')} reused from the cache in ${options.cache.dir} (--no-cache runs them all)`);
  if (options.json) writeFileSync(resolve(options.json), `${JSON.stringify(results, null, 1)}\n`);
  if (options.out) {
    const dir = resolve(options.out);
    const files = await writeOutputs(results, options.formats, dir);
    print(`${specPath}: ${plural(files.length, 'file')} in ${dir}${options.formats.has('html') ? ` (report: ${join(dir, 'report.html')})` : ''}`);
  }
  return results.results.some((r) => r.status === 'error') ? 1 : 0;
}

/** Writes the files of each format into `dir` (Word documents as bytes); their names. */
export async function writeOutputs(results: ResultsFile, formats: ReadonlySet<Format>, dir: string): Promise<string[]> {
  const files = await outputFiles(results, formats);
  const documents = formats.has('docx') ? await wordFiles(results) : [];
  mkdirSync(dir, { recursive: true });
  for (const file of files) writeFileSync(join(dir, file.name), file.text);
  for (const file of documents) writeFileSync(join(dir, file.name), file.bytes);
  return [...files, ...documents].map((f) => f.name);
}

function summarise(specPath: string, r: DeclarationResult): string[] {
  const head = `${r.kind} ${r.name}`;
  if (r.status === 'skipped') return [`${head}: skipped — ${r.notes[0]}`];
  if (r.status === 'error' && r.error) return [`${errorPlace(specPath, r.error)}: error: ${r.error.message}`, `${head}: failed`];
  const sizes = Object.entries(r.tables).map(([name, t]) => `${name} ${plural(t.rows.length, 'row')}`).join(', ');
  return [`${head}: ok in ${r.seconds.toFixed(2)} s${sizes ? ` (${sizes})` : ''}`, ...r.notes.map((n) => `  note: ${n}`)];
}

// Runs a checked spec: every runnable declaration (or the ones asked for) in order, each with its
// dependencies computed on demand. Shared by `innograph run` and the language server. A failing
// declaration is reported and the others still run; cancellation stops the run.
import type { Decl } from '../language/syntax/ast.js';
import type { Symbol } from '../language/semantic/model.js';
import { studyTitle, type Analysis } from '../workspace/analysis.js';
import { FormulaError } from '../engine/models/formula/expr.js';
import { EstimationError } from '../engine/models/hdfe/index.js';
import { GmmError } from '../engine/models/gmm/index.js';
import { ConvergenceError, ModelInputError } from '../engine/models/describe/frame.js';
import { GeoDetectorInputError } from '../engine/models/geodetector/index.js';
import { RUNNABLE_KINDS } from '../language/schema/declarations.js';
import { declarationKeys } from './cacheKeys.js';
import type { ResultCache } from './resultStore.js';
import { Cancelled, RunContext, type RunOptions } from './context.js';
import { DataError, SpecError } from './errors.js';
import { EXECUTORS } from './executors.js';
import { specLabels } from './labels.js';
import { RESULTS_FORMAT, RESULTS_VERSION, type DeclarationResult, type ResultsFile, type RunError } from '../results/format.js';

export interface RunRequest extends RunOptions {
  /** Names of the declarations to run (default: all runnable ones). */
  only?: readonly string[];
  specPath: string;
  /** Results of earlier runs by content key (cacheKeys.ts): an unchanged declaration is not recomputed. */
  cache?: ResultCache;
}

/** The declarations a run covers, in spec order. */
function runnableSymbols(analysis: Analysis, only?: readonly string[]): Symbol[] {
  const all = [...analysis.model.symbols.values()].filter((s) => RUNNABLE_KINDS.has(s.kind));
  return only?.length ? all.filter((s) => only.includes(s.name)) : all;
}

export async function runStudy(analysis: Analysis, request: RunRequest): Promise<ResultsFile> {
  const ctx = await RunContext.open(analysis, EXECUTORS, request);
  const symbols = runnableSymbols(analysis, request.only);
  const keys = request.cache ? declarationKeys(analysis, { contentHashes: request.cache.contentHashes }) : undefined;
  const results: DeclarationResult[] = [];
  try {
    for (const [i, symbol] of symbols.entries()) {
      ctx.checkpoint();
      request.progress?.(`${symbol.kind} ${symbol.name}`, i, symbols.length);
      const key = keys?.get(symbol.name);
      const cached = key ? request.cache!.get(key) : undefined;
      const result = cached ? { ...cached, cached: true } : await runOne(ctx, symbol);
      if (key && result.status === 'ok') request.cache!.set(key, result);
      results.push(result);
    }
    ctx.checkpoint(); // cancelled during the last declaration: the answer is still a cancellation
  } finally {
    await ctx.dispose();
  }
  request.progress?.('done', symbols.length, symbols.length);
  const title = studyTitle(analysis);
  const labels = specLabels(analysis.model);
  return {
    format: RESULTS_FORMAT, version: RESULTS_VERSION, spec: request.specPath, title,
    engine: process.env.INNOGRAPH_VERSION ?? 'dev', createdAt: new Date().toISOString(),
    ...(labels.size ? { labels: Object.fromEntries(labels) } : {}), results,
  };
}

async function runOne(ctx: RunContext, symbol: Symbol): Promise<DeclarationResult> {
  const base = { name: symbol.name, kind: symbol.kind, source: ctx.model.source(symbol.decl)?.spec.name, ...basis(ctx, symbol) };
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const outcome = await ctx.resultOf(symbol);
    return { ...base, status: 'ok', seconds: seconds(), peakMemory: process.resourceUsage().maxRSS * 1024, ...outcome };
  } catch (err) {
    // A DuckDB query interrupted by the cancellation fails with its own error: the run was cancelled all the same.
    if (err instanceof Cancelled) throw err;
    if (ctx.cancelled) throw new Cancelled();
    return { ...base, status: 'error', seconds: seconds(), tables: {}, notes: [], error: describeError(ctx, symbol.decl, err) };
  }
}

/** The network a measures or blocks declaration is computed on (`nodes(rein)`, `concor(rein)`), for panels to draw them on. */
function basis(ctx: RunContext, symbol: Symbol): Pick<DeclarationResult, 'of'> {
  if (symbol.kind !== 'measures' && symbol.kind !== 'blocks') return {};
  const network = ctx.model.resolve(ctx.model.source(symbol.decl)?.call.args[0]?.value);
  return network?.kind === 'network' ? { of: network.name } : {};
}

/** What the estimators throw for data they cannot estimate: the user's problem, not an internal error. */
const ESTIMATION_ERRORS = [EstimationError, GmmError, ConvergenceError, ModelInputError, GeoDetectorInputError];

/** Where a failure points: a span of the spec, a place in a data file, or (unexpected) the declaration. */
function describeError(ctx: RunContext, decl: Decl, err: unknown): RunError {
  const position = (span: { start: number; end: number }) => {
    const s = ctx.analysis.lines.position(span.start);
    const e = ctx.analysis.lines.position(span.end);
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  };
  if (err instanceof SpecError) return { message: err.message, spec: position(err.span) };
  if (err instanceof FormulaError) return { message: err.message, spec: position(err.at ?? decl.keyword.span) };
  if (ESTIMATION_ERRORS.some((kind) => err instanceof kind)) {
    return { message: `${decl.name?.name ?? 'This model'} cannot be estimated: ${(err as Error).message}`, spec: position(decl.values[0]?.span ?? decl.keyword.span) };
  }
  if (err instanceof DataError) return { message: err.message, data: { file: err.file, line: err.row, column: err.column }, spec: position(decl.keyword.span) };
  return { message: `Internal error while running ${decl.name?.name ?? 'this declaration'}: ${(err as Error).message ?? String(err)}`, spec: position(decl.keyword.span) };
}

// One run of a spec: the checked model, the DuckDB connection, what has been loaded and computed so far,
// progress and cancellation. Declarations are executed on demand and cached for the rest of the run: an
// executor asks the context for what it depends on, and the context runs that declaration's executor from
// the table it was given (run/executors.ts), so that executors never import one another.
import { resolve } from 'node:path';
import type { DuckDBConnection } from '@duckdb/node-api';
import { closeDuckdb, confine, duckdb, tempTableName } from '../engine/data/duckdb.js';
import type { Analysis } from '../workspace/analysis.js';
import type { Decl, Expr } from '../language/syntax/ast.js';
import { declFile, type Symbol } from '../language/semantic/model.js';
import { Cancelled, type Checkpoint } from '../engine/cancel.js';
import { SpecError } from './errors.js';
import type { KindValues, Outcome, RunnableKind } from './values.js';

export { Cancelled } from '../engine/cancel.js';

export interface RunOptions {
  signal?: AbortSignal;
  /**
   * A cancellation flag in shared memory (non-zero: cancelled), set by another thread with `Atomics.store`.
   * The signal alone cannot stop a run in a worker thread while the engine computes: its 'abort' waits for
   * the event loop, which a synchronous estimator loop holds. The engine's checkpoints read this flag.
   */
  cancelFlag?: Int32Array;
  /** Called at every cancellation checkpoint, before it checks (tests cancel a run at its k-th checkpoint). */
  onCheckpoint?: () => void;
  /** Called as each declaration starts; `done`/`total` count declarations. */
  progress?: (message: string, done: number, total: number) => void;
  /** A long loop's progress inside a declaration (permutations, bootstrap resamples): `done` of `total` steps. */
  steps?: (message: string, done: number, total: number) => void;
  /** The run's DuckDB memory limit (e.g. "4GB"), beyond which it spills to disk; unset, DuckDB's default. */
  memoryLimit?: string;
}

/** How a kind of declaration runs: its value for the declarations that depend on it, and its outcome from that value. */
export interface Executor<V> {
  value(ctx: RunContext, symbol: Symbol): Promise<V>;
  outcome(value: V, ctx: RunContext, symbol: Symbol): Outcome | Promise<Outcome>;
}

export type Executors = { [K in RunnableKind]: Executor<KindValues[K]> };

export class RunContext {
  /** Computed values by declaration name (datasets' table names, networks, measures …). */
  private readonly cache = new Map<string, Promise<unknown>>();
  /** Throws `Cancelled` once the run is cancelled: called between steps here and in the engine's loops. */
  readonly checkpoint: Checkpoint;
  private interrupted = false;
  private disposed = false;
  // A query running when the run is cancelled is interrupted; DuckDB's interrupt only touches the running
  // query (an idle connection is not affected), and the error the query then fails with becomes `Cancelled`
  // in the runner.
  private readonly onAbort = () => this.interrupt();

  private constructor(readonly analysis: Analysis, readonly db: DuckDBConnection, private readonly executors: Executors, readonly options: RunOptions = {}) {
    const { onCheckpoint } = options;
    this.checkpoint = () => {
      onCheckpoint?.();
      if (this.cancelled) {
        this.interrupt();
        throw new Cancelled();
      }
    };
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
  }

  /**
   * A run on its own DuckDB, confined before anything runs to the data files the spec declares: a `where`
   * or a path cannot make it read another file, write, or reach the network.
   */
  static async open(analysis: Analysis, executors: Executors, options: RunOptions = {}): Promise<RunContext> {
    const db = await duckdb({ memoryLimit: options.memoryLimit });
    const files = [...analysis.model.symbols.values()].flatMap((s) => declFile(s.decl) ?? []).map((file) => resolve(analysis.baseDir, file.value));
    await confine(db, [...new Set(files)]);
    return new RunContext(analysis, db, executors, options);
  }

  /** Whether the run has been cancelled (by its signal or its shared flag). */
  get cancelled(): boolean {
    const { signal, cancelFlag } = this.options;
    return !!signal?.aborted || (cancelFlag !== undefined && Atomics.load(cancelFlag, 0) !== 0);
  }

  get model() { return this.analysis.model; }

  /** A declaration's outcome, computed once per run: what the runner reports and a table or panel reads. */
  resultOf(symbol: Symbol): Promise<Outcome> {
    const { kind } = symbol;
    if (!this.isRunnable(kind)) throw new Error(`${kind} declarations produce no result.`);
    return this.once(`result:${symbol.name}`, () => this.outcome(kind, symbol));
  }

  /** What a declaration of `kind` gives its dependents (a network's graphs, a panel's table), computed once per run. */
  valueOf<K extends RunnableKind>(kind: K, symbol: Symbol): Promise<KindValues[K]> {
    return this.once(`${kind}:${symbol.name}`, () => this.executors[kind].value(this, symbol));
  }

  private async outcome<K extends RunnableKind>(kind: K, symbol: Symbol): Promise<Outcome> {
    return this.executors[kind].outcome(await this.valueOf(kind, symbol), this, symbol);
  }

  private isRunnable(kind: string): kind is RunnableKind {
    return Object.hasOwn(this.executors, kind);
  }

  /** Computes a declaration's value once per run. */
  once<T>(name: string, compute: () => Promise<T>): Promise<T> {
    let value = this.cache.get(name) as Promise<T> | undefined;
    if (!value) this.cache.set(name, (value = compute()));
    return value;
  }

  private interrupt(): void {
    if (this.interrupted || this.disposed) return;
    this.interrupted = true;
    this.db.interrupt();
  }

  /** A fresh name for a temporary DuckDB table of this run. */
  tempName(prefix: string): string {
    return tempTableName(prefix);
  }

  /** Closes the run's DuckDB, its temporary tables with it. */
  async dispose(): Promise<void> {
    this.disposed = true; // a late 'abort' must not interrupt a closed connection
    this.options.signal?.removeEventListener('abort', this.onAbort);
    closeDuckdb(this.db);
  }

  /** The declaration a reference names, of one of the expected kinds (the checks have vouched for it). */
  symbol(expr: Expr | undefined, what: string): Symbol {
    const symbol = this.model.resolve(expr);
    if (!symbol) throw new SpecError(`Expected ${what} here.`, expr?.span ?? { start: 0, end: 0 });
    return symbol;
  }

  /** An option's single identifier or literal value, or the fallback. */
  word(decl: Decl, name: string, fallback: string): string {
    return wordValue(this.model.option(decl, name)?.values[0]) ?? fallback;
  }

  number(decl: Decl, name: string, fallback: number): number {
    return numberValue(this.model.option(decl, name)?.values[0]) ?? fallback;
  }

  /** An option's identifiers, e.g. `region: province, city` → ['province', 'city']. */
  words(decl: Decl, name: string): string[] {
    return (this.model.option(decl, name)?.values ?? []).flatMap((v) => (v.type === 'ident' ? [v.name] : []));
  }
}

/** An option value that is one identifier, string or boolean, as text. */
export function wordValue(v: Expr | undefined): string | undefined {
  return v?.type === 'ident' ? v.name : v?.type === 'string' ? v.value : v?.type === 'bool' ? String(v.value) : undefined;
}

/** An option value that is a number, `-` included. */
export function numberValue(v: Expr | undefined): number | undefined {
  if (v?.type === 'number') return v.value;
  if (v?.type === 'unary' && v.op === '-' && v.operand?.type === 'number') return -v.operand.value;
  return undefined;
}

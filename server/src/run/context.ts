// One run of a spec: the checked model, the DuckDB connection, what has been loaded and computed so far,
// progress and cancellation. Declarations are executed on demand and cached for the rest of the run.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { Analysis } from '../workspace/analysis.js';
import type { Decl, Expr } from '../language/syntax/ast.js';
import type { Symbol } from '../language/semantic/model.js';
import { Cancelled, type Checkpoint } from '../engine/cancel.js';
import { SpecError } from './errors.js';

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
}

// Temporary tables are named uniquely across runs: runs in one process share the DuckDB instance.
let tempCounter = 0;

export class RunContext {
  /** Computed values by declaration name (datasets' table names, networks, measures …). */
  private readonly cache = new Map<string, Promise<unknown>>();
  private readonly temps: string[] = [];
  /** Throws `Cancelled` once the run is cancelled: called between steps here and in the engine's loops. */
  readonly checkpoint: Checkpoint;
  private interrupted = false;
  private disposed = false;
  // A query running when the run is cancelled is interrupted; DuckDB's interrupt only touches the running
  // query (an idle connection is not affected), and the error the query then fails with becomes `Cancelled`
  // in the runner.
  private readonly onAbort = () => this.interrupt();

  constructor(readonly analysis: Analysis, readonly db: DuckDBConnection, readonly options: RunOptions = {}) {
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

  /** Whether the run has been cancelled (by its signal or its shared flag). */
  get cancelled(): boolean {
    const { signal, cancelFlag } = this.options;
    return !!signal?.aborted || (cancelFlag !== undefined && Atomics.load(cancelFlag, 0) !== 0);
  }

  get model() { return this.analysis.model; }

  /** Computes a declaration's value once per run. */
  once<T>(name: string, compute: () => Promise<T>): Promise<T> {
    let value = this.cache.get(name) as Promise<T> | undefined;
    if (!value) this.cache.set(name, (value = compute()));
    return value;
  }

  checkCancelled(): void {
    this.checkpoint();
  }

  private interrupt(): void {
    if (this.interrupted || this.disposed) return;
    this.interrupted = true;
    this.db.interrupt();
  }

  /** A fresh name for a temporary DuckDB table of this run. */
  tempName(prefix: string): string {
    const name = `ig_${prefix.replace(/\W/g, '_')}_${++tempCounter}`;
    this.temps.push(name);
    return name;
  }

  /** Drops this run's temporary tables: the DuckDB instance lives as long as the process. */
  async dispose(): Promise<void> {
    this.disposed = true; // a late 'abort' must not interrupt these drops (or the next run's queries)
    this.options.signal?.removeEventListener('abort', this.onAbort);
    for (const name of this.temps) await this.db.run(`DROP TABLE IF EXISTS ${name}`);
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

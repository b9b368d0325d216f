// Runs off the language server's main thread: one long-lived worker thread (the same bundle, started with
// `workerData.innographRun`) executes runs one at a time, keeps the result cache between them, reports
// progress and honours cancellation. The editor stays responsive whatever a run costs. `innograph run` uses
// the same worker, so that Ctrl+C stops a run as promptly as the editor's Cancel.
//
// Cancellation, in two layers:
// - Each run gets a flag in shared memory (SharedArrayBuffer). Cancelling sets it with Atomics.store, and
//   the engine's checkpoints read it: a synchronous estimator loop holds the worker's event loop, so a
//   'cancel' message would only be read after the loop ends; the flag is seen at the next checkpoint.
// - The 'cancel' message aborts the run's AbortSignal, which interrupts the DuckDB query running, if any
//   (a query leaves the event loop free, so the message arrives at once).
// The thread is never terminated to stop a run: a thread stopped inside DuckDB's native code aborts the
// whole process ("terminate called after throwing an instance of 'Napi::Error'"), as seen under load.
//
// This module is the main thread's side and the messages; `workerThread.ts` is the thread's side, which alone
// loads the engine (so that `innograph check` never does).
import { Worker } from 'node:worker_threads';
import { Cancelled } from '../engine/cancel.js';
import type { ResultsFile } from '../results/format.js';
import type { TableHeaders } from '../workspace/tableCache.js';

export interface RunJob {
  text: string;
  specPath: string;
  only?: string[];
  /** Recompute every declaration (`--no-cache`, `verify`); default: reuse unchanged results. */
  fresh?: boolean;
  /** Keep results in this folder between runs (the command line's persistent cache, resultStore.ts). */
  cacheDir?: string;
  /** Headers the caller has read: reused for the files that have not changed since. */
  headers?: TableHeaders;
}

/** How long a cancelled run may take to answer before its worker is terminated. */
export const CANCEL_GRACE_MS = Infinity;

export type ToWorker = { type: 'run'; id: number; job: RunJob; cancelFlag: Int32Array } | { type: 'cancel'; id: number };
export type FromWorker =
  | { type: 'progress' | 'steps'; id: number; message: string; done: number; total: number }
  | { type: 'done'; id: number; results: ResultsFile }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; message: string };

export const WORKER_MARKER = 'innographRun';

/** The main thread's side: starts the worker on first use and runs jobs in it. */
export class RunWorker {
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, Pending>();

  constructor(private readonly script: string) {}

  /** `progress` as each declaration starts, `steps` as a long loop inside one advances (run/context.ts RunOptions). */
  run(job: RunJob, options: { progress?: Progress; steps?: Progress; signal?: AbortSignal } = {}): Promise<ResultsFile> {
    const id = ++this.nextId;
    const cancelFlag = new Int32Array(new SharedArrayBuffer(4));
    return new Promise<ResultsFile>((resolve, reject) => {
      const entry: Pending = { job, cancelFlag, resolve, reject, progress: options.progress, steps: options.steps };
      this.pending.set(id, entry);
      this.start().postMessage({ type: 'run', id, job, cancelFlag } satisfies ToWorker);
      const cancel = () => this.cancel(id);
      if (options.signal?.aborted) cancel();
      else options.signal?.addEventListener('abort', cancel, { once: true });
    });
  }

  /** Starts the thread now, so that it loads while the caller prepares the first job. */
  warm(): void {
    this.start();
  }

  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    await worker?.terminate();
  }

  private cancel(id: number): void {
    const entry = this.pending.get(id);
    if (!entry) return;
    Atomics.store(entry.cancelFlag, 0, 1);
    this.worker?.postMessage({ type: 'cancel', id } satisfies ToWorker);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { [WORKER_MARKER]: true }, argv: [] });
    worker.unref();
    worker.on('message', (m: FromWorker) => {
      const job = this.pending.get(m.id);
      if (!job) return;
      if (m.type === 'progress' || m.type === 'steps') { job[m.type]?.(m.message, m.done, m.total); return; }
      this.pending.delete(m.id);
      if (m.type === 'done') job.resolve(m.results);
      else job.reject(m.type === 'cancelled' ? new Cancelled() : new Error(m.message));
    });
    worker.on('error', (err) => this.failAll(err));
    worker.on('exit', () => { this.worker = undefined; this.failAll(new Error('The run worker stopped.')); });
    this.worker = worker;
    return worker;
  }

  private failAll(err: Error): void {
    for (const job of this.pending.values()) {
      job.reject(Atomics.load(job.cancelFlag, 0) ? new Cancelled() : err);
    }
    this.pending.clear();
  }
}

interface Pending {
  job: RunJob;
  cancelFlag: Int32Array;
  resolve: (r: ResultsFile) => void;
  reject: (e: Error) => void;
  progress?: Progress;
  steps?: Progress;
}

type Progress = (message: string, done: number, total: number) => void;

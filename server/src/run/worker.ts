// Runs off the language server's main thread: one long-lived worker thread (the same bundle, started with
// `workerData.innographRun`) executes runs one at a time, keeps the result cache between them, reports
// progress and honours cancellation. The editor stays responsive whatever a run costs.
import { Worker, parentPort } from 'node:worker_threads';
import { TableCache } from '../workspace/tableCache.js';
import { analyzeWithHeaders } from '../workspace/analysis.js';
import { Cancelled } from './context.js';
import type { DeclarationResult, ResultsFile } from '../results/format.js';
import { runStudy } from './runner.js';

export interface RunJob { text: string; specPath: string; only?: string[] }

type ToWorker = { type: 'run'; id: number; job: RunJob } | { type: 'cancel'; id: number };
type FromWorker =
  | { type: 'progress'; id: number; message: string; done: number; total: number }
  | { type: 'done'; id: number; results: ResultsFile }
  | { type: 'cancelled'; id: number }
  | { type: 'failed'; id: number; message: string };

export const WORKER_MARKER = 'innographRun';

/** The worker thread's side: waits for jobs and answers with progress and results. */
export function serveRuns(): void {
  const port = parentPort!;
  const cache = new Map<string, DeclarationResult>();
  const running = new Map<number, AbortController>();
  let queue = Promise.resolve();
  port.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') { running.get(message.id)?.abort(); return; }
    const controller = new AbortController();
    running.set(message.id, controller);
    const send = (m: FromWorker) => port.postMessage(m);
    queue = queue.then(async () => {
      try {
        // Headers are read afresh for every run: data files may have changed in between.
        const analysis = await analyzeWithHeaders(message.job.text, message.job.specPath, new TableCache({ rowCounts: () => false }));
        const results = await runStudy(analysis, {
          specPath: message.job.specPath, only: message.job.only, cache, signal: controller.signal,
          progress: (text, done, total) => send({ type: 'progress', id: message.id, message: text, done, total }),
        });
        send({ type: 'done', id: message.id, results });
      } catch (err) {
        send(err instanceof Cancelled ? { type: 'cancelled', id: message.id } : { type: 'failed', id: message.id, message: (err as Error).message ?? String(err) });
      } finally {
        running.delete(message.id);
      }
    });
  });
}

/** The main thread's side: starts the worker on first use and runs jobs in it. */
export class RunWorker {
  private worker?: Worker;
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (r: ResultsFile) => void; reject: (e: Error) => void; progress?: (m: string, done: number, total: number) => void }>();

  constructor(private readonly script: string) {}

  run(job: RunJob, options: { progress?: (message: string, done: number, total: number) => void; signal?: AbortSignal } = {}): Promise<ResultsFile> {
    const worker = this.start();
    const id = ++this.nextId;
    return new Promise<ResultsFile>((resolve, reject) => {
      this.pending.set(id, { resolve, reject, progress: options.progress });
      options.signal?.addEventListener('abort', () => worker.postMessage({ type: 'cancel', id } satisfies ToWorker), { once: true });
      worker.postMessage({ type: 'run', id, job } satisfies ToWorker);
    });
  }

  async dispose(): Promise<void> {
    await this.worker?.terminate();
    this.worker = undefined;
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.script, { workerData: { [WORKER_MARKER]: true }, argv: [] });
    worker.unref();
    worker.on('message', (m: FromWorker) => {
      const job = this.pending.get(m.id);
      if (!job) return;
      if (m.type === 'progress') { job.progress?.(m.message, m.done, m.total); return; }
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
    for (const job of this.pending.values()) job.reject(err);
    this.pending.clear();
  }
}

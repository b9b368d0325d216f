// The run worker thread's side (see worker.ts for the protocol and how cancellation reaches a run).
import { parentPort } from 'node:worker_threads';
import { Cancelled } from '../engine/cancel.js';
import { openSpareDuckdb } from '../engine/data/duckdb.js';
import type { DeclarationResult } from '../results/format.js';
import { TableCache } from '../workspace/tableCache.js';
import { analyzeWithHeaders } from '../workspace/analysis.js';
import { runStudy } from './runner.js';
import { ResultStore, type ResultCache } from './resultStore.js';
import type { FromWorker, RunJob, ToWorker } from './worker.js';

/** The worker thread's side: waits for jobs and answers with progress and results. */
export function serveRuns(): void {
  // Every run opens DuckDB: the first run's instance opens (its native library loading) while the caller still
  // checks the spec.
  openSpareDuckdb();
  const port = parentPort!;
  const cache = new Map<string, DeclarationResult>();
  const running = new Map<number, AbortController>();
  let queue = Promise.resolve();
  const cacheFor = (job: RunJob): ResultCache | undefined =>
    job.fresh ? undefined : job.cacheDir ? new ResultStore(job.cacheDir, process.env.INNOGRAPH_BUILD ?? 'dev') : cache;
  port.on('message', (message: ToWorker) => {
    if (message.type === 'cancel') { running.get(message.id)?.abort(); return; }
    const controller = new AbortController();
    running.set(message.id, controller);
    const send = (m: FromWorker) => port.postMessage(m);
    queue = queue.then(async () => {
      try {
        // Headers are read for every run, but for the files unchanged since the caller read them: data files may
        // have changed in between.
        const tables = new TableCache({ rowCounts: () => false });
        if (message.job.headers) tables.adopt(message.job.headers);
        const analysis = await analyzeWithHeaders(message.job.text, message.job.specPath, tables);
        const results = await runStudy(analysis, {
          specPath: message.job.specPath, only: message.job.only, cache: cacheFor(message.job),
          signal: controller.signal, cancelFlag: message.cancelFlag,
          progress: (text, done, total) => send({ type: 'progress', id: message.id, message: text, done, total }),
          steps: (text, done, total) => send({ type: 'steps', id: message.id, message: text, done, total }),
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

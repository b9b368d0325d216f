// Worker threads for the engine's parallel jobs (path searches, overlap windows): how a worker module is
// started, how many a job gets, and a pool that hands numbered tasks to workers and takes their results in
// task order. Workers run no native code, so stopping them mid-task is safe; they are terminated when the job
// ends, fails or is cancelled.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Checkpoint } from './cancel.js';

/**
 * A worker running module `name`, which sits beside the module at `beside` (its import.meta.url):
 * dist/server/<name>.mjs in the bundle (esbuild.mjs makes each worker an entry point beside main.mjs),
 * TypeScript under tsx (tests, benchmarks), whose loader a worker thread does not inherit: the thread
 * registers it before importing the module.
 */
export function startWorker(beside: string, name: string, workerData: unknown): Worker {
  if (!beside.endsWith('.ts')) return new Worker(new URL(`./${name}.mjs`, beside), { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const entry = JSON.stringify(new URL(`./${name}.ts`, beside).href);
  return new Worker(`import(${tsx}).then((tsx) => { tsx.register(); return import(${entry}); })`, { eval: true, workerData });
}

/**
 * Worker threads for a job: `given` when set, else INNOGRAPH_WORKERS where set (any size: tests and the CLI
 * use it), else one per core when the job is `large` (none otherwise: starting a worker costs about 0.1 s
 * of CPU, measured on the 2-core CI machine).
 */
export function workerCount(large: boolean, given?: number): number {
  const set = given ?? (process.env.INNOGRAPH_WORKERS ? Number(process.env.INNOGRAPH_WORKERS) : undefined);
  if (set !== undefined && Number.isFinite(set)) return Math.max(0, Math.floor(set));
  return large ? Math.max(1, availableParallelism()) : 0;
}

/** A copy of a typed array in shared memory, which workers read without a copy of their own. */
export function sharedCopy<T extends Int32Array | Float64Array>(x: T): T {
  const out = new (x.constructor as { new (b: SharedArrayBuffer): T })(new SharedArrayBuffer(x.byteLength));
  out.set(x);
  return out;
}

/** What a pool's worker is sent for task `task`, and sends back. */
export type ToWorker<M> = { task: number } & M;
export type FromWorker<R> = { task: number; result: R };

export interface TaskPool<M, R> {
  /** Starts one worker (startWorker with the job's module and data). */
  start: () => Worker;
  workers: number;
  /** The message of each task, numbered from 0. */
  tasks: readonly M[];
  /** Takes each task's result, in task order. */
  take: (result: R, task: number) => void;
  /** Called as results arrive and polled while workers run; throws to cancel. */
  checkpoint?: Checkpoint;
}

/** How often a job on workers reads the run's cancellation while it waits for them. */
const CANCEL_POLL_MS = 50;

/**
 * Runs the tasks on up to `workers` threads, each given the next task as it finishes one; settles once
 * every thread has stopped, so that none outlives the job.
 */
export function runTasks<M extends object, R>(pool: TaskPool<M, R>): Promise<void> {
  const { tasks, take, checkpoint } = pool;
  const waiting = new Map<number, R>(); // finished out of order
  const workers: Worker[] = [];
  let next = 0;
  let taken = 0;
  return new Promise<void>((resolve, reject) => {
    let settled = false;
    const poll = checkpoint && setInterval(() => { try { checkpoint(); } catch (err) { finish(err as Error); } }, CANCEL_POLL_MS);
    const finish = (err?: Error) => {
      if (settled) return;
      settled = true;
      if (poll) clearInterval(poll);
      void Promise.all(workers.map((w) => w.terminate())).then(() => (err ? reject(err) : resolve()));
    };
    const give = (worker: Worker) => {
      if (next < tasks.length) worker.postMessage({ task: next, ...tasks[next++] } satisfies ToWorker<M>);
    };
    try { checkpoint?.(); } catch (err) { finish(err as Error); return; }
    for (let i = 0; i < Math.min(pool.workers, tasks.length); i++) {
      const worker = pool.start();
      workers.push(worker);
      worker.on('message', (m: FromWorker<R>) => {
        if (settled) return;
        try {
          checkpoint?.();
          waiting.set(m.task, m.result);
          for (let result; (result = waiting.get(taken)) !== undefined; taken++) {
            waiting.delete(taken);
            take(result, taken);
          }
        } catch (err) { finish(err as Error); return; }
        if (taken === tasks.length) finish();
        else give(worker);
      });
      worker.on('error', (err) => finish(err));
      worker.on('exit', (code) => { if (!settled) finish(new Error(`a worker thread stopped (exit code ${code})`)); });
      give(worker);
    }
    if (!tasks.length) finish();
  });
}

/** The buffers of a result's typed arrays, to transfer rather than copy. */
export function buffersOf(result: object): ArrayBuffer[] {
  return Object.values(result).flatMap((x) => (ArrayBuffer.isView(x) && x.buffer instanceof ArrayBuffer ? [x.buffer] : []));
}

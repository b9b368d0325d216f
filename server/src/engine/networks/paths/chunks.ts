// Runs a path job — one search per source — in fixed tasks of consecutive sources, on this thread or on
// worker threads, and adds the tasks' sums in task order. The tasks do not depend on the number of threads,
// so both ways give the same numbers to the last bit. Workers read the graph from shared memory, take the
// next task as they finish one (engine/threads.ts).
import type { Checkpoint } from '../../cancel.js';
import { runTasks, sharedCopy, startWorker, workerCount } from '../../threads.js';
import { transpose, type Adjacency } from '../adjacency.js';
import { dependencySums, distanceSums, scratchFor, type DependencySums, type DistanceSums, type PathKind } from './kernels.js';

export interface PathJob<K extends PathKind = PathKind> {
  kind: K;
  /** The sources searched from, ascending. */
  sources: Int32Array;
  /** Also sum the squared dependencies or distances per node (a sampled estimate's standard error). */
  squares?: boolean;
}

export type PathSums<K extends PathKind> = K extends 'betweenness' ? DependencySums : DistanceSums;

export interface Parallelism {
  /** Worker threads; 0 runs on this thread. Unset: as `workerCount` says, for jobs from `PARALLEL_FROM` on. */
  workers?: number;
  /** Called between tasks (on this thread, or as workers finish them) and polled while workers run; throws to cancel. */
  checkpoint?: Checkpoint;
}

/** Tasks per job at most: enough for both cores to stay busy to the end, few enough that partial sums stay cheap. */
const TASKS = 64;

/**
 * Work (sources × (nodes + arcs)) from which a job goes to worker threads: about 2 s on one thread. Starting
 * a worker costs about 0.1 s of CPU (the bundle's pathWorker.mjs, measured on the 2-core CI machine), so
 * below this the threads would save little of what they cost.
 */
export const PARALLEL_FROM = 2e8;

/** How many workers a job gets: `workers`, else INNOGRAPH_WORKERS where set, else by size. */
export function workersFor(a: Adjacency, job: PathJob, parallelism: Parallelism): number {
  return workerCount(job.sources.length * (a.offsets.length - 1 + a.targets.length) >= PARALLEL_FROM, parallelism.workers);
}

/** The job's sources cut into at most `TASKS` runs of consecutive sources. */
function tasksOf(sources: Int32Array): Int32Array[] {
  const size = Math.max(1, Math.ceil(sources.length / TASKS));
  const tasks: Int32Array[] = [];
  for (let at = 0; at < sources.length; at += size) tasks.push(sources.subarray(at, at + size));
  return tasks;
}

/** The job's sums, on this thread or on workers as `parallelism` says. */
export async function runPathJob<K extends PathKind>(a: Adjacency, job: PathJob<K>, parallelism: Parallelism = {}): Promise<PathSums<K>> {
  const workers = workersFor(a, job, parallelism);
  if (workers === 0) return runPathJobHere(a, job, parallelism.checkpoint);
  return runOnWorkers(a, job, workers, parallelism.checkpoint);
}

/** The job's sums on this thread. */
export function runPathJobHere<K extends PathKind>(a: Adjacency, job: PathJob<K>, checkpoint?: Checkpoint): PathSums<K> {
  const reverse = job.kind === 'betweenness' ? transpose(a) : a; // distances need no predecessors
  const scratch = scratchFor(a.offsets.length - 1);
  const sums = new Sums(job, a.offsets.length - 1);
  for (const task of tasksOf(job.sources)) {
    checkpoint?.();
    sums.add(job.kind === 'betweenness' ? dependencySums(a, reverse, task, !!job.squares, scratch) : distanceSums(a, task, !!job.squares, scratch));
  }
  return sums.value as PathSums<K>;
}

/** Adds task sums in task order. */
class Sums {
  readonly value: DependencySums | DistanceSums;
  private sourcesDone = 0;

  constructor(job: PathJob, n: number) {
    const m = job.sources.length;
    this.value = job.kind === 'betweenness'
      ? { score: new Float64Array(n), squares: job.squares ? new Float64Array(n) : undefined }
      : {
        fromSum: new Float64Array(m), fromCount: new Int32Array(m), toSum: new Float64Array(n), toCount: new Int32Array(n),
        toSquares: job.squares ? new Float64Array(n) : undefined, total: 0, count: 0, max: 0,
      };
  }

  add(part: DependencySums | DistanceSums): void {
    const into = this.value;
    if ('score' in into) {
      const dependencies = part as DependencySums;
      addInto(into.score, dependencies.score);
      if (into.squares && dependencies.squares) addInto(into.squares, dependencies.squares);
      return;
    }
    const distances = part as DistanceSums;
    into.fromSum.set(distances.fromSum, this.sourcesDone);
    into.fromCount.set(distances.fromCount, this.sourcesDone);
    this.sourcesDone += distances.fromSum.length;
    addInto(into.toSum, distances.toSum);
    addInto(into.toCount, distances.toCount);
    if (into.toSquares && distances.toSquares) addInto(into.toSquares, distances.toSquares);
    into.total += distances.total;
    into.count += distances.count;
    into.max = Math.max(into.max, distances.max);
  }
}

function addInto(into: Float64Array | Int32Array, part: Float64Array | Int32Array): void {
  for (let i = 0; i < into.length; i++) into[i] += part[i];
}

// ---------------------------------------------------------------- worker threads

/**
 * What a path worker is started with: the graph and its reverse in shared memory (betweenness reads the
 * predecessors there; distance jobs get the graph itself), and the job's kind.
 */
export interface PathWorkerData { graph: Adjacency; reverse: Adjacency; kind: PathKind; squares: boolean }
/** A task: a run of consecutive sources. */
export type PathTask = { sources: Int32Array };

function shared(a: Adjacency): Adjacency {
  return { directed: a.directed, offsets: sharedCopy(a.offsets), targets: sharedCopy(a.targets), weights: sharedCopy(a.weights) };
}

async function runOnWorkers<K extends PathKind>(a: Adjacency, job: PathJob<K>, count: number, checkpoint?: Checkpoint): Promise<PathSums<K>> {
  const graph = shared(a);
  const reverse = a.directed && job.kind === 'betweenness' ? shared(transpose(a)) : graph;
  const workerData: PathWorkerData = { graph, reverse, kind: job.kind, squares: !!job.squares };
  const sums = new Sums(job, a.offsets.length - 1);
  await runTasks<PathTask, DependencySums | DistanceSums>({
    start: () => startWorker(import.meta.url, 'pathWorker', workerData),
    workers: count,
    tasks: tasksOf(job.sources).map((sources) => ({ sources })),
    take: (part) => sums.add(part),
    ...(checkpoint ? { checkpoint } : {}),
  });
  return sums.value as PathSums<K>;
}

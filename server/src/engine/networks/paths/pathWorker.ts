// A path worker thread (chunks.ts starts it): runs the tasks it is given on the shared graph and sends
// back each task's sums, their buffers transferred rather than copied.
import { parentPort, workerData } from 'node:worker_threads';
import { buffersOf, type FromWorker, type ToWorker } from '../../threads.js';
import type { PathTask, PathWorkerData } from './chunks.js';
import { dependencySums, distanceSums, scratchFor, type DependencySums, type DistanceSums } from './kernels.js';

const { graph, reverse, kind, squares } = workerData as PathWorkerData;
const scratch = scratchFor(graph.offsets.length - 1);

parentPort!.on('message', ({ task, sources }: ToWorker<PathTask>) => {
  const result = kind === 'betweenness' ? dependencySums(graph, reverse, sources, squares, scratch) : distanceSums(graph, sources, squares, scratch);
  parentPort!.postMessage({ task, result } satisfies FromWorker<DependencySums | DistanceSums>, buffersOf(result));
});

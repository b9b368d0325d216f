// A path worker thread (chunks.ts starts it): runs the tasks it is given on the shared graph and sends
// back each task's sums, their buffers transferred rather than copied.
import { parentPort, workerData } from 'node:worker_threads';
import type { FromPathWorker, PathWorkerData, ToPathWorker } from './chunks.js';
import { dependencySums, distanceSums, scratchFor } from './kernels.js';

const { graph, reverse, kind, squares } = workerData as PathWorkerData;
const scratch = scratchFor(graph.offsets.length - 1);

parentPort!.on('message', ({ task, sources }: ToPathWorker) => {
  const sums = kind === 'betweenness' ? dependencySums(graph, reverse, sources, squares, scratch) : distanceSums(graph, sources, scratch);
  const buffers = Object.values(sums).flatMap((x) => (ArrayBuffer.isView(x) ? [x.buffer as ArrayBuffer] : []));
  parentPort!.postMessage({ task, sums } satisfies FromPathWorker, buffers);
});

// An overlap worker thread (overlap.ts starts it): makes the ties of the windows it is given from the citing
// rows in shared memory and sends each window's tie columns back, transferred rather than copied.
import { parentPort, workerData } from 'node:worker_threads';
import { buffersOf, type FromWorker, type ToWorker } from '../threads.js';
import type { OverlapWorkerData, WindowTask } from './overlap.js';
import { couplingRule, windowTies, workspace, type TieColumns } from './overlapWindows.js';

const { citing, regions, flags, weight, largest } = workerData as OverlapWorkerData;
const rule = couplingRule(flags, weight);
const work = workspace(citing.cited, largest);

parentPort!.on('message', ({ task, years }: ToWorker<WindowTask>) => {
  const result = windowTies(citing, years, work, regions, rule);
  parentPort!.postMessage({ task, result } satisfies FromWorker<TieColumns>, buffersOf(result));
});

// The one table from declaration kind to executor. The runner hands it to each run's context, which runs a
// declaration's executor when the runner or a dependent declaration first asks for it (a panel its
// clusters, a table its models), so no executor imports another or this table.
import type { Executor, Executors } from './context.js';
import { runFigure } from './figures/figures.js';
import { partitionOf, runBlocks } from './networks/blocks.js';
import { runClusters } from './networks/clusters.js';
import { runMeasures } from './networks/measures.js';
import { networkResult, runNetwork } from './networks/networks.js';
import { panelOf, panelResult } from './panels/panels.js';
import { runModel } from './models/models.js';
import { runRegressionTable } from './models/regressionTables.js';
import type { Outcome } from './values.js';

export const EXECUTORS: Executors = {
  network: { value: runNetwork, outcome: networkResult },
  measures: outcomeOnly(runMeasures),
  blocks: { value: partitionOf, outcome: runBlocks },
  clusters: outcomeOnly(runClusters),
  panel: { value: panelOf, outcome: panelResult },
  model: outcomeOnly(runModel),
  table: outcomeOnly(runRegressionTable),
  figure: outcomeOnly(runFigure),
};

/** A kind whose dependents read its outcome itself. */
function outcomeOnly(run: Executor<Outcome>['value']): Executor<Outcome> {
  return { value: run, outcome: (outcome) => outcome };
}

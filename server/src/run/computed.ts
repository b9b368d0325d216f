// Every runnable declaration's result, computed once per run: the runner asks for each in turn, and a
// declaration that needs another's result (a panel its clusters, a table its models) gets the same one.
import type { Symbol } from '../language/semantic/model.js';
import { runBlocks } from './networks/blocks.js';
import { runClusters } from './networks/clusters.js';
import type { RunContext } from './context.js';
import { runMeasures, type Computed } from './networks/measures.js';
import { runModel } from './models/models.js';
import { networkResult } from './networks/networks.js';
import { panelResult } from './panels/panels.js';
import type { DeclarationResult } from '../results/format.js';
import { runRegressionTable } from './models/regressionTables.js';

export type Outcome = Computed & Partial<DeclarationResult>;

export function computed(ctx: RunContext, symbol: Symbol): Promise<Outcome> {
  return ctx.once(`result:${symbol.name}`, () => executorFor(symbol.kind)(ctx, symbol));
}

// Looked up at call time: the executors import `computed` themselves, and a table of them built while
// the modules load could see one still undefined.
function executorFor(kind: string): (ctx: RunContext, symbol: Symbol) => Promise<Outcome> {
  switch (kind) {
    case 'network': return networkResult;
    case 'measures': return runMeasures;
    case 'blocks': return runBlocks;
    case 'clusters': return runClusters;
    case 'panel': return panelResult;
    case 'model': return runModel;
    case 'table': return runRegressionTable;
    default: throw new Error(`${kind} declarations produce no result.`);
  }
}

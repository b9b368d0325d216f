// `model` declarations: a design (descriptives, correlation, VIF, geodetector, mediation, permute; in
// modelDesigns.ts) or an estimate on the model's data (estimators.ts), once per group for split samples.
import type { Symbol } from '../../language/semantic/model.js';
import type { RunContext } from '../context.js';
import type { Outcome } from '../values.js';
import { fitModel, regressionOutcome, runSplit } from './estimators.js';
import { modelData } from './modelData.js';
import { DESIGNS, runDesign } from './modelDesigns.js';
import { modelSpec } from './modelSpecs.js';

export async function runModel(ctx: RunContext, symbol: Symbol): Promise<Outcome> {
  const spec = modelSpec(ctx, symbol);
  if (DESIGNS.has(spec.estimator)) return runDesign(ctx, spec);
  const { table, notes } = await modelData(ctx, spec);
  ctx.checkpoint();
  if (spec.split) return runSplit(spec, table, notes, ctx.checkpoint);
  const model = fitModel(spec, table, ctx.checkpoint);
  model.notes = [...notes, ...model.notes];
  return regressionOutcome(spec, model, table);
}

// High-dimensional fixed-effects estimators: OLS (fixest::feols / reghdfe) and Poisson PML (fixest::fepois /
// ppmlhdfe) over a plain numeric frame. See docs/models/hdfe.md for options and conventions.
export { EstimationError } from './errors.ts';
export type { HdfeFrame, NumericColumn, FactorColumn } from './frame.ts';
export { interactCodes } from './factors.ts';
export { feols, fitFeols, OLS_DEFAULTS, type HdfeFitOptions } from './ols.ts';
export { summarizeFit, type HdfeFit, type InferenceOptions } from './summary.ts';
export { FIXEST_SSC, REGHDFE_SSC, type SmallSample, type VcovKind } from './vcov.ts';
export { fepois, fitFepois, POISSON_DEFAULTS, type PoissonFitOptions } from './poisson.ts';

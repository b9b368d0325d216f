// High-dimensional fixed-effects estimators: OLS (fixest::feols / reghdfe) and Poisson PML (fixest::fepois /
// ppmlhdfe) over a plain numeric frame. See docs/models/hdfe.md for options and conventions.
export { EstimationError } from './errors.js';
export type { HdfeFrame } from './frame.js';
export type { NumericColumn, FactorColumn } from '../frame.js';
export { interactCodes } from './factors.js';
export type { FixedEffectsSolver } from './demean.js';
export { feols, fitFeols, OLS_DEFAULTS, type HdfeFitOptions } from './ols.js';
export { summarizeFit, type HdfeFit, type InferenceOptions } from './summary.js';
export { FIXEST_SSC, REGHDFE_SSC, type SmallSample, type VcovKind } from './vcov.js';
export { fepois, fitFepois, POISSON_DEFAULTS, type PoissonFitOptions } from './poisson.js';

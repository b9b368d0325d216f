// Public API of the dynamic panel GMM estimator.
export { pgmm } from './pgmm.ts';
export { GmmError, type FirstStepMatrix, type GmmInstrument, type GmmPanel, type GmmSpec, type LaggedVariable } from './spec.ts';

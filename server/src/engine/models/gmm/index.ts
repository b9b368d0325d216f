// Public API of the dynamic panel GMM estimator.
export { pgmm } from './pgmm.js';
export { GmmError, type FirstStepMatrix, type GmmInstrument, type GmmPanel, type GmmSpec, type LaggedVariable } from './spec.js';

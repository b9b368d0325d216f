// Public surface of the geographical detector.
export { geoDetector } from './geoDetector.js';
export { discretize, type Discretized } from './discretize.js';
export { GeoDetectorInputError } from './errors.js';
export type { GeoDetectorConvention } from './conventions.js';
export type * from './types.js';

// Public surface of the geographical detector.
export { geoDetector } from './geoDetector.ts';
export { discretize, type Discretized } from './discretize.ts';
export { GeoDetectorInputError } from './errors.ts';
export type { GeoDetectorConvention } from './conventions.ts';
export type * from './types.ts';

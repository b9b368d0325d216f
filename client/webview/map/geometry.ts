// Map geometry, DOM-free: TopoJSON to GeoJSON features. Matching regions to them (a region without a
// feature is reported, never dropped silently) is shared with runs: server/src/engine/data/regionMatch.ts.
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { featureKeys } from '../../../server/src/engine/data/regionMatch.js';

export { defaultKey, matchRegions } from '../../../server/src/engine/data/regionMatch.js';

export type RegionFeature = Feature<Geometry, Record<string, unknown>>;

/** The features of the topology's first object (or of `object`). */
export function regionFeatures(topology: unknown, object?: string): RegionFeature[] {
  const t = topology as Topology;
  const name = object ?? Object.keys(t.objects ?? {})[0];
  if (!name || !t.objects[name]) throw new Error('The map file has no objects to draw.');
  const collection = feature(t, t.objects[name]) as FeatureCollection<Geometry, Record<string, unknown>> | RegionFeature;
  return collection.type === 'FeatureCollection' ? collection.features : [collection];
}

/** `id` and every property with a text or number value: what region names can be matched on. */
export const matchKeys = (features: readonly RegionFeature[]): string[] => featureKeys(features).columns;

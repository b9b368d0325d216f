// Region shapes for drawing, DOM-free and Node-free (the map panel and the run's SVG maps both use it):
// TopoJSON to GeoJSON features. Matching regions to them is regionMatch.ts, shared with runs' notes.
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import { featureKeys } from '../data/regionMatch.js';

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

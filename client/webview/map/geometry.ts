// Map geometry, DOM-free: TopoJSON to GeoJSON features, the property names regions can be matched on, and
// the match itself. A region without a feature is reported, never dropped silently.
import { feature } from 'topojson-client';
import type { Topology } from 'topojson-specification';
import type { Feature, FeatureCollection, Geometry } from 'geojson';

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
export function matchKeys(features: readonly RegionFeature[]): string[] {
  const keys = new Set<string>();
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) if (typeof v === 'string' || typeof v === 'number') keys.add(k);
  }
  return [...(features.some((f) => f.id !== undefined) ? ['id'] : []), ...keys];
}

export function defaultKey(keys: readonly string[]): string {
  return keys.find((k) => k === 'name') ?? keys.find((k) => /name/i.test(k)) ?? keys[0] ?? 'id';
}

const normal = (text: string) => text.trim().toLowerCase();

/** Regions matched to features by `key` (exactly, else ignoring case and surrounding spaces). */
export function matchRegions(regions: Iterable<string>, features: readonly RegionFeature[], key: string): { matched: Map<string, RegionFeature>; unmatched: string[] } {
  const valueOf = (f: RegionFeature) => String(key === 'id' ? f.id ?? '' : f.properties?.[key] ?? '');
  const exact = new Map(features.map((f) => [valueOf(f), f]));
  const loose = new Map(features.map((f) => [normal(valueOf(f)), f]));
  const matched = new Map<string, RegionFeature>();
  const unmatched: string[] = [];
  for (const region of regions) {
    const f = exact.get(region) ?? loose.get(normal(region));
    if (f) matched.set(region, f);
    else unmatched.push(region);
  }
  return { matched, unmatched: unmatched.sort() };
}

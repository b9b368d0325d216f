// Region codes matched to map features, the same way for a run's report of unmatched regions and for the
// map panel that draws them (this module is bundled into the webview, so it imports nothing from Node).

/** What matching needs of a TopoJSON geometry or a GeoJSON feature. */
export interface GeometryFeature { id?: string | number; properties?: Record<string, unknown> | null }

/** Keys regions can be matched on, as a table's columns: `id` (when features have one), then every text or number property. */
export function featureKeys(features: readonly GeometryFeature[]): { columns: string[]; types: string[] } {
  const types = new Map<string, string>();
  if (features.some((f) => f.id !== undefined)) types.set('id', 'VARCHAR');
  for (const f of features) {
    for (const [k, v] of Object.entries(f.properties ?? {})) {
      if (typeof v === 'string') types.set(k, 'VARCHAR');
      else if (typeof v === 'number' && !types.has(k)) types.set(k, 'DOUBLE');
    }
  }
  return { columns: [...types.keys()], types: [...types.values()] };
}

/** The key to match on when none is declared: `name`, else a name-like property, else the first. */
export function defaultKey(keys: readonly string[]): string {
  return keys.find((k) => k === 'name') ?? keys.find((k) => /name/i.test(k)) ?? keys[0] ?? 'id';
}

const valueOf = (f: GeometryFeature, key: string) => String((key === 'id' ? f.id : f.properties?.[key]) ?? '');
const normal = (text: string) => text.trim().toLowerCase();

/** A geometry's `aliases:`: region code → the feature's `key` value, where the map spells a region otherwise. */
export type RegionAliases = Readonly<Record<string, string>>;

/**
 * Regions matched to features by `key` (through `aliases` where a region has one): exactly, else ignoring
 * case and surrounding spaces. Unmatched regions come back sorted.
 */
export function matchRegions<F extends GeometryFeature>(regions: Iterable<string>, features: readonly F[], key: string, aliases: RegionAliases = {}): { matched: Map<string, F>; unmatched: string[] } {
  const find = featureFinder(features, key);
  const matched = new Map<string, F>();
  const unmatched: string[] = [];
  for (const region of regions) {
    const f = find(Object.hasOwn(aliases, region) ? aliases[region] : region);
    if (f) matched.set(region, f);
    else unmatched.push(region);
  }
  return { matched, unmatched: unmatched.sort() };
}

/** The aliases whose value no feature has by `key`: a misspelt alias, reported rather than leaving its region off the map unexplained. */
export function deadAliases(aliases: RegionAliases, features: readonly GeometryFeature[], key: string): [string, string][] {
  const find = featureFinder(features, key);
  return Object.entries(aliases).filter(([, value]) => !find(value));
}

function featureFinder<F extends GeometryFeature>(features: readonly F[], key: string): (value: string) => F | undefined {
  const exact = new Map(features.map((f) => [valueOf(f, key), f]));
  const loose = new Map(features.map((f) => [normal(valueOf(f, key)), f]));
  return (value) => exact.get(value) ?? loose.get(normal(value));
}

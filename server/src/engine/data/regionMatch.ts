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

/** Regions matched to features by `key`: exactly, else ignoring case and surrounding spaces. Unmatched regions come back sorted. */
export function matchRegions<F extends GeometryFeature>(regions: Iterable<string>, features: readonly F[], key: string): { matched: Map<string, F>; unmatched: string[] } {
  const exact = new Map(features.map((f) => [valueOf(f, key), f]));
  const loose = new Map(features.map((f) => [normal(valueOf(f, key)), f]));
  const matched = new Map<string, F>();
  const unmatched: string[] = [];
  for (const region of regions) {
    const f = exact.get(region) ?? loose.get(normal(region));
    if (f) matched.set(region, f);
    else unmatched.push(region);
  }
  return { matched, unmatched: unmatched.sort() };
}

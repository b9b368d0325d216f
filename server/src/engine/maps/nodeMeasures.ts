// Node measures of a network found in results (`measures … = nodes(net)` tables: window, region, measures), and
// tie tiers (`measures … = ties(net)`: window, source, target, weight_tier), for the map and network panels and
// the run's SVG maps; DOM-free.
import type { Cell, DeclarationResult } from '../../results/format.js';

/** A node measure column: `declaration.column`. */
export interface NodeMeasure { key: string; declaration: string; column: string; numeric: boolean; tier: boolean }

/** Node measures per window: window label → region → measure key → value. */
export type MeasureValues = Map<string, Map<string, Map<string, Cell>>>;

function entry<V>(map: Map<string, Map<string, V>>, key: string): Map<string, V> {
  let inner = map.get(key);
  if (!inner) map.set(key, (inner = new Map()));
  return inner;
}

export function nodeMeasures(results: readonly DeclarationResult[]): { measures: NodeMeasure[]; values: MeasureValues } {
  const measures: NodeMeasure[] = [];
  const values: MeasureValues = new Map();
  for (const result of results) {
    for (const table of Object.values(result.tables)) {
      const [w, r] = [table.columns.indexOf('window'), table.columns.indexOf('region')];
      if (w < 0 || r < 0) continue;
      table.columns.forEach((column, k) => {
        if (k === w || k === r) return;
        const key = `${result.name}.${column}`;
        measures.push({ key, declaration: result.name, column, numeric: table.rows.some((row) => typeof row[k] === 'number'), tier: column.endsWith('_tier') });
        for (const row of table.rows) entry(entry(values, String(row[w])), String(row[r])).set(key, row[k]);
      });
    }
  }
  return { measures, values };
}

/** `weight_tier` of each tie: key `window source target` (NUL-separated) → tier (null where none). */
export function tieTiers(results: readonly DeclarationResult[]): Map<string, number | null> {
  const tiers = new Map<string, number | null>();
  for (const result of results) {
    for (const table of Object.values(result.tables)) {
      const [w, s, t, k] = ['window', 'source', 'target', 'weight_tier'].map((c) => table.columns.indexOf(c));
      if (w < 0 || s < 0 || t < 0 || k < 0) continue;
      for (const row of table.rows) tiers.set(tieKey(String(row[w]), String(row[s]), String(row[t])), typeof row[k] === 'number' ? row[k] : null);
    }
  }
  return tiers;
}

export const tieKey = (window: string, source: string, target: string) => `${window}\u0000${source}\u0000${target}`;

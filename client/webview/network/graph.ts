// The network view's block partitions: the CONCOR partitions of the same network found in the results.
import type { DeclarationResult } from '../../../server/src/results/format.js';

/** CONCOR partitions (region → block) by blocks declaration. */
export function blockPartitions(results: readonly DeclarationResult[]): Map<string, Map<string, string>> {
  const partitions = new Map<string, Map<string, string>>();
  for (const result of results) {
    const table = result.kind === 'blocks' ? result.tables.partition : undefined;
    if (!table) continue;
    const [r, b] = [table.columns.indexOf('region'), table.columns.indexOf('block')];
    partitions.set(result.name, new Map(table.rows.map((row) => [String(row[r]), `B${row[b]}`])));
  }
  return partitions;
}

// A window's ties on typed arrays — what a large network's view computes on (degrees, core numbers, the
// filtered subgraph) without a graphology graph of the whole window: at a million ties that graph alone
// takes seconds and hundreds of megabytes to build.
import type { NetworkWindow } from '../../../server/src/results/format.js';
import type { TieColumns } from '../../src/panels/messages.js';
import { columnsOf } from '../../src/panels/tieColumns.js';

export interface TieTable {
  nodes: readonly string[];
  directed: boolean;
  /** Tie i joins nodes[source[i]] and nodes[target[i]] with weight[i]. */
  source: Int32Array;
  target: Int32Array;
  weight: Float64Array;
}

/** The window's ties from their columns (as the extension sends them), or from the window's own ties. */
export function tieTable(window: NetworkWindow, directed: boolean, columns: TieColumns = columnsOf(window)): TieTable {
  return { nodes: window.nodes, directed, source: Int32Array.from(columns.source), target: Int32Array.from(columns.target), weight: Float64Array.from(columns.weight) };
}

/** Each node's degree (ties at it, in and out) and weighted degree, as graphology counts them. */
export function degrees(table: TieTable): { degree: Float64Array; weight: Float64Array } {
  const degree = new Float64Array(table.nodes.length);
  const weight = new Float64Array(table.nodes.length);
  for (let i = 0; i < table.source.length; i++) {
    const [s, t, w] = [table.source[i], table.target[i], table.weight[i]];
    degree[s]++; degree[t]++;
    weight[s] += w; weight[t] += w;
  }
  return { degree, weight };
}

/** Every node's ties, either end (compressed rows): node v's are `ties[offsets[v] … offsets[v + 1])`, tie indices. */
export interface Incidence { offsets: Int32Array; ties: Int32Array }

export function incidence(table: TieTable): Incidence {
  const n = table.nodes.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < table.source.length; i++) { offsets[table.source[i] + 1]++; offsets[table.target[i] + 1]++; }
  for (let v = 0; v < n; v++) offsets[v + 1] += offsets[v];
  const next = offsets.slice(0, n);
  const ties = new Int32Array(offsets[n]);
  for (let i = 0; i < table.source.length; i++) { ties[next[table.source[i]]++] = i; ties[next[table.target[i]]++] = i; }
  return { offsets, ties };
}

/** The other end of tie `i` from node `v`. */
export const otherEnd = (table: TieTable, i: number, v: number) => table.source[i] === v ? table.target[i] : table.source[i];

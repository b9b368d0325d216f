// Core numbers in linear time (Batagelj & Zaversnik 2003, "An O(m) algorithm for cores decomposition of
// networks"): nodes kept in bins by current degree and peeled from the lowest, each tie lowering a neighbour's
// degree once. Degrees count every tie at both ends — in and out on a directed network, as networkx's
// core_number does on a DiGraph and igraph's coreness with mode "all".
import { incidence, otherEnd, type Incidence, type TieTable } from './tieTable.js';

export function coreNumbers(table: TieTable, ties: Incidence = incidence(table)): Int32Array {
  const n = table.nodes.length;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, (degree[v] = ties.offsets[v + 1] - ties.offsets[v]));
  // bins: start of each degree's run in `order`; `position[v]`: v's place in `order`
  const bin = new Int32Array(maxDegree + 1);
  for (let v = 0; v < n; v++) bin[degree[v]]++;
  for (let d = 0, start = 0; d <= maxDegree; d++) { const size = bin[d]; bin[d] = start; start += size; }
  const order = new Int32Array(n);
  const position = new Int32Array(n);
  for (let v = 0; v < n; v++) { position[v] = bin[degree[v]]++; order[position[v]] = v; }
  for (let d = maxDegree; d > 0; d--) bin[d] = bin[d - 1];
  bin[0] = 0;
  for (let i = 0; i < n; i++) {
    const v = order[i];
    for (let k = ties.offsets[v]; k < ties.offsets[v + 1]; k++) {
      const u = otherEnd(table, ties.ties[k], v);
      if (degree[u] <= degree[v]) continue;
      // move u to the front of its bin, then into the bin below
      const du = degree[u];
      const first = bin[du];
      const w = order[first];
      if (u !== w) { order[position[u]] = w; position[w] = position[u]; order[first] = u; position[u] = first; }
      bin[du]++;
      degree[u]--;
    }
  }
  return degree;
}

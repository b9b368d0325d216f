// Core numbers in linear time (Batagelj & Zaversnik 2003, "An O(m) algorithm for cores decomposition of
// networks"): nodes kept in bins by current degree and peeled from the lowest, each listed neighbour lowering
// the other's degree once. A node's degree is the length of its row, so a neighbour listed twice (two ties)
// counts twice: the network view passes every tie at both ends, the measures an undirected view's neighbours.

/** Compressed rows: node v's neighbours are `targets[offsets[v] … offsets[v + 1])`. */
export interface NeighbourRows { offsets: Int32Array; targets: Int32Array }

export function coreNumbers({ offsets, targets }: NeighbourRows): Int32Array {
  const n = offsets.length - 1;
  const degree = new Int32Array(n);
  let maxDegree = 0;
  for (let v = 0; v < n; v++) maxDegree = Math.max(maxDegree, (degree[v] = offsets[v + 1] - offsets[v]));
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
    for (let k = offsets[v]; k < offsets[v + 1]; k++) {
      const u = targets[k];
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

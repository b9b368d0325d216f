// The n×n matrix definitions the engine computed these measures by until they moved to the sparse adjacency
// (clustering.ts, cohesion.ts, measures.ts, eigenvector.ts, paths/): written cell by cell from the definitions,
// they are the yardstick `sparseMeasures.test.ts` holds the sparse versions to, to the last bit. Tests only.
import type { Matrix, Symmetrize } from '../../../server/src/engine/networks/measures.ts';

const COMBINE: Record<Symmetrize, (a: number, b: number) => number> = {
  max: Math.max,
  min: Math.min,
  sum: (a, b) => a + b,
  both: (a, b) => (a > 0 && b > 0 ? 1 : 0),
};

/** UCINET's undirected view of a directed matrix, cell by cell (an undirected one is returned as it is). */
export function symmetrize(m: Matrix, how: Symmetrize = 'max'): Matrix {
  if (!m.directed) return m;
  return { nodes: m.nodes, w: m.w.map((row, i) => row.map((x, j) => COMBINE[how](x, m.w[j][i]))), directed: false };
}

const arcOf = (m: Matrix) => (a: number, b: number) => a !== b && m.w[a][b] > 0;
const sizeOf = (m: Matrix) => m.nodes.length;

export function averageClustering(m: Matrix): { average: number; perNode: number[] } {
  const arc = arcOf(m);
  const neighbours = m.nodes.map((_, v) => m.nodes.map((__, u) => u).filter((u) => arc(v, u) || arc(u, v)));
  const perNode = neighbours.map((nb) => {
    const k = nb.length;
    if (k < 2) return 0;
    let links = 0;
    for (const a of nb) for (const b of nb) if (arc(a, b)) links++;
    return links / (k * (k - 1));
  });
  const counted = m.directed ? perNode : perNode.filter((_, v) => neighbours[v].length >= 2);
  return { average: counted.length ? counted.reduce((s, c) => s + c, 0) / counted.length : 0, perNode };
}

export function fagioloClustering(m: Matrix): { average: number; perNode: number[] } {
  const n = sizeOf(m);
  const a = (i: number, j: number) => (arcOf(m)(i, j) ? 1 : 0);
  const s = (i: number, j: number) => a(i, j) + a(j, i);
  const perNode = m.nodes.map((_, i) => {
    let triangles = 0;
    let total = 0;
    let reciprocal = 0;
    for (let j = 0; j < n; j++) {
      total += s(i, j);
      reciprocal += a(i, j) * a(j, i);
      if (!s(i, j)) continue;
      for (let k = 0; k < n; k++) triangles += s(i, j) * s(j, k) * s(k, i);
    }
    const possible = 2 * (total * (total - 1) - 2 * reciprocal);
    return possible > 0 ? triangles / possible : 0;
  });
  return { average: n ? perNode.reduce((x, c) => x + c, 0) / n : 0, perNode };
}

const outStrength = (m: Matrix) => m.w.map((row, i) => row.reduce((s, x, j) => (i === j ? s : s + x), 0));
const inStrength = (m: Matrix) => m.nodes.map((_, j) => m.w.reduce((s, row, i) => (i === j ? s : s + row[j]), 0));
export const dichotomize = (m: Matrix): Matrix => ({ ...m, w: m.w.map((row) => row.map((x) => (x > 0 ? 1 : 0))) });
const largestCell = (m: Matrix) => Math.max(0, ...m.w.flatMap((row, i) => row.filter((_, j) => i !== j)));

export function degreeCentralization(m: Matrix, direction: 'out' | 'in', kind: 'valued' | 'binary'): number {
  const n = sizeOf(m);
  if (n < 3) return 0;
  const cells = kind === 'binary' ? dichotomize(m) : m;
  const degrees = direction === 'out' ? outStrength(cells) : inStrength(cells);
  const wMax = largestCell(cells);
  if (wMax === 0) return 0;
  const max = Math.max(...degrees);
  const sum = degrees.reduce((s, d) => s + d, 0);
  return (n * max - sum) / (m.directed ? wMax * (n - 1) ** 2 : wMax * (n - 1) * (n - 2));
}

/** UCINET's normalised degree as a proportion. */
export function normalizedDegree(m: Matrix, direction: 'out' | 'in', kind: 'valued' | 'binary'): (number | null)[] {
  const cells = kind === 'binary' ? dichotomize(m) : m;
  const degrees = direction === 'out' ? outStrength(cells) : inStrength(cells);
  const possible = (sizeOf(m) - 1) * largestCell(cells);
  return degrees.map((d) => (possible > 0 ? d / possible : null));
}

export function flowRate(m: Matrix, sign: 'leader_positive' | 'paper'): number[] {
  const out = outStrength(m);
  const inn = inStrength(m);
  return out.map((o, i) => {
    const total = o + inn[i];
    if (total === 0) return 0;
    return sign === 'leader_positive' ? (o - inn[i]) / total : (inn[i] - o) / total;
  });
}

export function pathLength(m: Matrix): { average: number; diameter: number; reachablePairs: number } {
  const n = sizeOf(m);
  let total = 0;
  let pairs = 0;
  let diameter = 0;
  for (let s = 0; s < n; s++) {
    const d = Array<number>(n).fill(Infinity);
    d[s] = 0;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const u = queue[head];
      for (let v = 0; v < n; v++) if (v !== u && m.w[u][v] > 0 && d[v] === Infinity) { d[v] = d[u] + 1; queue.push(v); }
    }
    d.forEach((x, j) => { if (j !== s && x !== Infinity) { total += x; pairs++; diameter = Math.max(diameter, x); } });
  }
  return { average: pairs ? total / pairs : 0, diameter, reachablePairs: pairs };
}

export function weakComponents(m: Matrix): number[] {
  const n = sizeOf(m);
  const tie = arcOf(m);
  const membership = Array<number>(n).fill(-1);
  let count = 0;
  for (let s = 0; s < n; s++) {
    if (membership[s] >= 0) continue;
    membership[s] = count;
    const queue = [s];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      for (let w = 0; w < n; w++) if (membership[w] < 0 && (tie(v, w) || tie(w, v))) { membership[w] = count; queue.push(w); }
    }
    count++;
  }
  return membership;
}

export function strongComponents(m: Matrix): number[] {
  const n = sizeOf(m);
  const tie = arcOf(m);
  const index = Array<number>(n).fill(-1);
  const low = Array<number>(n).fill(0);
  const onStack = Array<boolean>(n).fill(false);
  const membership = Array<number>(n).fill(-1);
  const stack: number[] = [];
  let next = 0;
  let count = 0;
  const visit = (v: number): void => {
    index[v] = low[v] = next++;
    stack.push(v);
    onStack[v] = true;
    for (let w = 0; w < n; w++) {
      if (!tie(v, w)) continue;
      if (index[w] < 0) { visit(w); low[v] = Math.min(low[v], low[w]); } else if (onStack[w]) low[v] = Math.min(low[v], index[w]);
    }
    if (low[v] !== index[v]) return;
    for (let w = -1; w !== v;) { w = stack.pop()!; onStack[w] = false; membership[w] = count; }
    count++;
  };
  for (let v = 0; v < n; v++) if (index[v] < 0) visit(v);
  return membership;
}

function triads(u: Matrix): { links: number; degree: number }[] {
  const tie = arcOf(u);
  return u.nodes.map((_, i) => {
    const nb = u.nodes.flatMap((__, j) => (tie(i, j) ? [j] : []));
    let links = 0;
    for (const a of nb) for (const b of nb) if (a < b && tie(a, b)) links++;
    return { links, degree: nb.length };
  });
}

export function localClustering(u: Matrix, belowTwo: 'missing' | 'zero'): (number | null)[] {
  return triads(u).map(({ links, degree }) => (degree < 2 ? (belowTwo === 'zero' ? 0 : null) : links / ((degree * (degree - 1)) / 2)));
}

export function transitivity(u: Matrix): number | null {
  let closed = 0;
  let triples = 0;
  for (const { links, degree } of triads(u)) { closed += links; triples += (degree * (degree - 1)) / 2; }
  return triples ? closed / triples : null;
}

/** Cores by peeling the node of least degree, n times over all nodes. */
export function coreness(u: Matrix): number[] {
  const tie = arcOf(u);
  const nb = u.nodes.map((_, i) => u.nodes.flatMap((__, j) => (tie(i, j) ? [j] : [])));
  const degree = nb.map((x) => x.length);
  const core = Array<number>(nb.length).fill(0);
  const removed = Array<boolean>(nb.length).fill(false);
  let k = 0;
  for (let left = nb.length; left > 0; left--) {
    let v = -1;
    for (let i = 0; i < nb.length; i++) if (!removed[i] && (v < 0 || degree[i] < degree[v])) v = i;
    k = Math.max(k, degree[v]);
    core[v] = k;
    removed[v] = true;
    for (const w of nb[v]) if (!removed[w]) degree[w]--;
  }
  return core;
}

/** Gould–Fernandez brokerage counts (sna::brokerage), two-paths a → v → c read cell by cell. */
export function brokerage(m: Matrix, groups: readonly number[]): Record<string, number[]> {
  const n = sizeOf(m);
  const arc = arcOf(m);
  const counts: Record<string, number[]> = Object.fromEntries(['coordinator', 'itinerant', 'representative', 'gatekeeper', 'liaison'].map((r) => [r, Array<number>(n).fill(0)]));
  const role = (a: number, v: number, c: number) => (a === v ? (v === c ? 'coordinator' : 'representative') : v === c ? 'gatekeeper' : a === c ? 'itinerant' : 'liaison');
  for (let v = 0; v < n; v++) {
    for (let a = 0; a < n; a++) {
      if (!arc(a, v)) continue;
      for (let c = 0; c < n; c++) if (c !== a && arc(v, c) && !arc(a, c)) counts[role(groups[a], groups[v], groups[c])][v]++;
    }
  }
  return counts;
}

/** Mutual weights a_ij = w_ij + w_ji and p_ij = a_ij / Σ_k a_ik (structural holes). */
function mutualShares(m: Matrix): { a: number[][]; p: number[][]; neighbours: number[][] } {
  const a = m.w.map((row, i) => row.map((x, j) => (i === j ? 0 : x + m.w[j][i])));
  const p = a.map((row) => { const total = row.reduce((s, x) => s + x, 0); return row.map((x) => (total > 0 ? x / total : 0)); });
  return { a, p, neighbours: a.map((row) => row.flatMap((x, j) => (x > 0 ? [j] : []))) };
}

export function constraint(m: Matrix): (number | null)[] {
  const { p, neighbours } = mutualShares(m);
  return neighbours.map((nb, i) => (nb.length ? nb.reduce((sum, j) => sum + (p[i][j] + nb.reduce((s, q) => (q === j ? s : s + p[i][q] * p[q][j]), 0)) ** 2, 0) : null));
}

export function effectiveSize(m: Matrix): (number | null)[] {
  const { a, p, neighbours } = mutualShares(m);
  const largest = a.map((row) => Math.max(...row));
  return neighbours.map((nb, i) => (nb.length ? nb.reduce((sum, j) => sum + 1 - nb.reduce((s, q) => (q === j ? s : s + p[i][q] * (a[j][q] / largest[j])), 0), 0) : null));
}

// Bibliographic coupling as a sparse product A·Aᵀ, A the region × cited-patent matrix of one window's citing
// counts: row by row (Gustavson's algorithm), each region's ties summed in an accumulator of R cells and
// flushed before the next region. Memory is that of A (twice: by cited patent and by region) plus the ties —
// never a region × region matrix, so R may be 10⁶ firms or inventors as well as 600 regions.

/** A window's citing counts: entry k says region rid[k] had n[k] patents citing cited patent cid[k] (a region may repeat for a patent). */
export interface Incidence { cid: Int32Array; rid: Int32Array; n: Int32Array; size: number }

/** Which pairs tie and how much one shared cited patent adds (see overlap.ts). */
export interface CouplingRule {
  /** Pairs left → right between the two sets (each region's flags), else unordered pairs i < j. */
  between?: { left: Uint8Array; right: Uint8Array };
  /** Whether each region may end a tie: a pair needs one such end. */
  touching: Uint8Array;
  weigh: (ni: number, nj: number) => number;
}

/**
 * One window's ties, each passed to `tie` as (source, target, weight) region ids, sorted by source then
 * target; `regions` and `cited` bound the ids.
 */
export function couplingTies(a: Incidence, regions: number, cited: number, rule: CouplingRule, tie: (i: number, j: number, weight: number) => void): void {
  const byCited = columns(a, regions, cited);
  const byRegion = rows(byCited, regions);
  const { between, touching, weigh } = rule;
  const acc = new Float64Array(regions);
  const touched = new Int32Array(regions);
  for (let i = 0; i < regions; i++) {
    if (between && !between.left[i]) continue;
    let t = 0;
    for (let e = byRegion.start[i]; e < byRegion.start[i + 1]; e++) {
      const at = byRegion.at[e];
      const c = byCited.cid[at];
      const ni = byCited.n[at];
      // Undirected pairs from the regions after i in the patent's (rid-sorted) column: each pair once, as i < j.
      for (let f = between ? byCited.start[c] : at + 1; f < byCited.start[c + 1]; f++) {
        const j = byCited.rid[f];
        if (j === i || (between && !between.right[j]) || !(touching[i] || touching[j])) continue;
        // Weights are positive (n ≥ 1), so an empty cell is one not yet touched.
        if (acc[j] === 0) touched[t++] = j;
        acc[j] += weigh(ni, byCited.n[f]);
      }
    }
    touched.subarray(0, t).sort();
    for (let k = 0; k < t; k++) {
      const j = touched[k];
      tie(i, j, acc[j]);
      acc[j] = 0;
    }
  }
}

/** A by cited patent: column c holds entries start[c]…start[c+1]−1, regions ascending, each region once (its counts summed). */
interface Columns { start: Int32Array; rid: Int32Array; n: Int32Array; cid: Int32Array }

function columns(a: Incidence, regions: number, cited: number): Columns {
  // Two stable counting sorts — by region, then by cited patent — leave each column's regions ascending.
  const byRid = countingSort(a.rid, a.size, regions, identity(a.size));
  const order = countingSort(a.cid, a.size, cited, byRid);
  const start = new Int32Array(cited + 1);
  const rid = new Int32Array(a.size);
  const n = new Int32Array(a.size);
  const cid = new Int32Array(a.size);
  let m = 0;
  for (let k = 0; k < a.size; k++) {
    const e = order[k];
    // The same region in one column again: another year of the window, summed before any weight is taken.
    if (m > 0 && cid[m - 1] === a.cid[e] && rid[m - 1] === a.rid[e]) n[m - 1] += a.n[e];
    else {
      cid[m] = a.cid[e];
      rid[m] = a.rid[e];
      n[m++] = a.n[e];
      start[a.cid[e] + 1]++;
    }
  }
  for (let c = 0; c < cited; c++) start[c + 1] += start[c];
  return { start, rid: rid.subarray(0, m), n: n.subarray(0, m), cid: cid.subarray(0, m) };
}

/** A by region: row i holds start[i]…start[i+1]−1, each the position (`at`) of its entry in the columns. */
function rows(byCited: Columns, regions: number): { start: Int32Array; at: Int32Array } {
  const size = byCited.rid.length;
  const at = countingSort(byCited.rid, size, regions, identity(size));
  const start = new Int32Array(regions + 1);
  for (let k = 0; k < size; k++) start[byCited.rid[k] + 1]++;
  for (let i = 0; i < regions; i++) start[i + 1] += start[i];
  return { start, at };
}

/** `order` stably re-sorted by key[order[k]] ∈ [0, range). */
function countingSort(key: Int32Array, size: number, range: number, order: Int32Array): Int32Array {
  const next = new Int32Array(range + 1);
  for (let k = 0; k < size; k++) next[key[k] + 1]++;
  for (let v = 0; v < range; v++) next[v + 1] += next[v];
  const sorted = new Int32Array(size);
  for (let k = 0; k < size; k++) sorted[next[key[order[k]]]++] = order[k];
  return sorted;
}

function identity(size: number): Int32Array {
  const order = new Int32Array(size);
  for (let k = 0; k < size; k++) order[k] = k;
  return order;
}

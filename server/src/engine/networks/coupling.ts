// Bibliographic coupling as a sparse product A·Aᵀ, A the region × cited-patent matrix of one window's citing
// counts: row by row (Gustavson's algorithm), each region's ties summed in an accumulator of R cells and
// flushed before the next region. Memory is that of A (by cited patent, and by region as pointers into it)
// plus the ties — never a region × region matrix, so nodes may be 10⁶ firms or inventors as well as 600 regions.

/**
 * A by cited patent: column c is entries start[c]…start[c+1]−1, each region once and regions ascending;
 * entry e is region cells[2e], with cells[2e + 1] of its patents citing c (side by side: one memory line).
 */
export interface Columns { start: Int32Array; cells: Int32Array }

/** Which pairs tie and how much one shared cited patent adds (see overlap.ts). */
export interface CouplingRule {
  /** Pairs left → right between the two sets (each region's flags), else unordered pairs i < j. */
  between?: { left: Uint8Array; right: Uint8Array };
  /** Whether each region may end a tie: a pair needs one such end. */
  touching: Uint8Array;
  /** What one shared cited patent adds to a tie, from the two regions' counts of patents citing it. */
  weigh: (ni: number, nj: number) => number;
}

/** One window's ties, each passed to `tie` as (source, target, weight) region ids, sorted by source then target. */
export function couplingTies(a: Columns, regions: number, rule: CouplingRule, tie: (i: number, j: number, weight: number) => void): void {
  const { between, touching, weigh } = rule;
  const { start, spans } = rows(a, regions, between !== undefined);
  const { cells } = a;
  const acc = new Float64Array(regions);
  const touched = new Int32Array(regions);
  for (let i = 0; i < regions; i++) {
    if (between && !between.left[i]) continue;
    let t = 0;
    const ti = touching[i];
    for (let e = start[i]; e < start[i + 1]; e++) {
      const ni = spans[3 * e + 2];
      const end = spans[3 * e + 1];
      for (let f = spans[3 * e]; f < end; f++) {
        const j = cells[2 * f];
        if ((between && (j === i || !between.right[j])) || !(ti || touching[j])) continue;
        // Weights are positive (n ≥ 1), so an empty cell is one not yet touched.
        if (acc[j] === 0) touched[t++] = j;
        acc[j] += weigh(ni, cells[2 * f + 1]);
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

/**
 * A by region: row i is start[i]…start[i+1]−1, each entry the span of a column that region i meets —
 * spans[3e], spans[3e + 1] — and i's count in it, spans[3e + 2]. Undirected, the span is the column's
 * regions after i (each pair once, as i < j); with `between`, the whole column.
 */
function rows(a: Columns, regions: number, wholeColumns: boolean): { start: Int32Array; spans: Int32Array } {
  const { start: column, cells } = a;
  const columns = column.length - 1;
  // A column with one region ties none, nor, undirected, does its last region: those entries are left out.
  const start = new Int32Array(regions + 1);
  for (let c = 0; c < columns; c++) {
    const first = column[c];
    const end = column[c + 1];
    const whole = wholeColumns && end - first > 1;
    for (let e = first; e < end; e++) if (whole || e + 1 < end) start[cells[2 * e] + 1]++;
  }
  for (let i = 0; i < regions; i++) start[i + 1] += start[i];
  const next = start.slice(0, regions);
  const spans = new Int32Array(3 * start[regions]);
  // Columns are read in order and rows written at R heads: no random reads however large the patent pool.
  for (let c = 0; c < columns; c++) {
    const first = column[c];
    const end = column[c + 1];
    const whole = wholeColumns && end - first > 1;
    for (let e = first; e < end; e++) {
      const from = whole ? first : e + 1;
      if (from >= end) continue;
      const at = 3 * next[cells[2 * e]]++;
      spans[at] = from;
      spans[at + 1] = end;
      spans[at + 2] = cells[2 * e + 1];
    }
  }
  return { start, spans };
}

// Bibliographic coupling as a product A·Aᵀ, A the region × cited-patent matrix of one window's citing counts.
// Many nodes (firms, inventors: 10⁴–10⁶): a sparse product, row by row (Gustavson's algorithm), each region's
// ties summed in an accumulator of R cells and flushed before the next region; memory is that of A (by cited
// patent, and by region as pointers into it) plus the ties. Few nodes (regions): the pairs of each column
// summed into an R × R triangle, which is then no larger than A itself (see `denseFits`).

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

export type TieSink = (i: number, j: number, weight: number) => void;

/**
 * One window's ties, each passed to `tie` as (source, target, weight) region ids, sorted by source then target;
 * `accumulator` forces one of the two ways (tests), which give the same ties.
 */
export function couplingTies(a: Columns, regions: number, rule: CouplingRule, tie: TieSink, accumulator: 'dense' | 'sparse' = denseFits(a, regions) ? 'dense' : 'sparse'): void {
  if (accumulator === 'dense') denseTies(a, regions, rule, tie);
  else sparseTies(a, regions, rule, tie);
}

/**
 * Whether the R × R triangle is the faster way: when its R² cells are no more than A's entries (600 or 1,500
 * regions against millions of citing rows), so that it costs no more memory than A and its scan no more time
 * than reading A. The sparse product then spends most of its time on a cache miss per entry, as each region's
 * row jumps to the column of its next cited patent; the triangle reads A in order and adds into cells that
 * stay in cache (600 regions, 18 windows of 1–4M rows: 7.3 → 2.4 s with the ties made).
 */
function denseFits(a: Columns, regions: number): boolean {
  return regions * regions <= a.cells.length / 2;
}

/**
 * The pairs of each column summed into the upper triangle of an R × R matrix (cell i·R + j, i < j), then read
 * in order. A pair's weight is symmetric in its two counts, so with `between` the pair i → j reads the cell
 * of {i, j} whichever is the smaller.
 */
function denseTies(a: Columns, regions: number, rule: CouplingRule, tie: TieSink): void {
  const { between, touching, weigh } = rule;
  const { start, cells } = a;
  const sums = new Float64Array(regions * regions);
  for (let c = 0; c + 1 < start.length; c++) {
    const end = start[c + 1];
    for (let e = start[c]; e + 1 < end; e++) {
      const row = cells[2 * e] * regions;
      const ni = cells[2 * e + 1];
      for (let f = e + 1; f < end; f++) sums[row + cells[2 * f]] += weigh(ni, cells[2 * f + 1]);
    }
  }
  for (let i = 0; i < regions; i++) {
    if (between && !between.left[i]) continue;
    for (let j = between ? 0 : i + 1; j < regions; j++) {
      if ((between && (j === i || !between.right[j])) || !(touching[i] || touching[j])) continue;
      const weight = i < j ? sums[i * regions + j] : sums[j * regions + i];
      if (weight > 0) tie(i, j, weight);
    }
  }
}

function sparseTies(a: Columns, regions: number, rule: CouplingRule, tie: TieSink): void {
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

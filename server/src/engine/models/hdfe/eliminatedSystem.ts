// The fixed-effect normal equations with the dimension of most levels eliminated exactly: for fixed α_K of
// the other (kept) dimensions, the eliminated dimension's best coefficients are the level means of x − D_Kα_K,
// so what is left is the Schur complement system S α_K = b over the kept levels only,
//   S = D_K'W D_K − Σ_g a_g a_g' / W_g,   a_g = every kept level's weight within eliminated level g.
// When S is sparse enough it is built once (dense blocks where full, as firm × year, and sparse rows for the
// rest): an inventor × firm × year panel leaves a system over firms and years, some ten thousand unknowns,
// whose products cost a fraction of a pass over the million rows. When eliminated levels touch many kept
// levels each (the gravity panel's pairs span 30), S fills in, and its products are taken over the rows
// instead (D_K'W(I − P_g)D_K p, P_g the group means).
import type { Checkpoint } from '../../cancel.js';
import type { FixedEffectsLayout } from './feLayout.js';

/** Pair blocks with at most this many cells are stored densely, larger ones as lists of entries. */
const DENSE_CELLS = 1 << 23;
/** S is built when it has at most this many entries per data row; its products then beat passes over the rows. */
const ENTRIES_PER_ROW = 2;

export class EliminatedSystem {
  /** The dimension eliminated: the one with the most levels. */
  readonly eliminated: number;
  /** The kept dimensions, in order; their levels are numbered from keptStart[k] in the reduced system. */
  readonly kept: number[];
  readonly keptStart: number[];
  readonly size: number;
  /** Each reduced unknown's index in the full coefficient vector α. */
  readonly fullIndex: Int32Array;
  /** S's diagonal (the preconditioner). */
  readonly diagonal: Float64Array;
  /** S, built; null when its products go over the rows. */
  readonly matrix: ReducedMatrix | null;
  private readonly keptCodes: Int32Array[];
  /** The rows grouped by eliminated level: order[start[g] … start[g+1]). */
  private readonly order: Int32Array;
  private readonly start: Int32Array;

  constructor(
    readonly layout: FixedEffectsLayout,
    private readonly checkpoint?: Checkpoint,
  ) {
    const Q = layout.dimensions;
    const levels = Array.from({ length: Q }, (_, q) => layout.levels(q));
    this.eliminated = levels.indexOf(Math.max(...levels));
    this.kept = levels.map((_, q) => q).filter((q) => q !== this.eliminated);
    this.keptCodes = this.kept.map((q) => layout.codes[q]);
    this.keptStart = [];
    let size = 0;
    for (const q of this.kept) {
      this.keptStart.push(size);
      size += levels[q];
    }
    this.size = size;
    this.fullIndex = new Int32Array(size);
    this.kept.forEach((q, k) => {
      for (let l = 0; l < levels[q]; l++) this.fullIndex[this.keptStart[k] + l] = layout.offsets[q] + l;
    });
    // Rows grouped by eliminated level (a counting sort).
    const n = layout.codes[0].length;
    const groups = layout.codes[this.eliminated];
    const nGroups = levels[this.eliminated];
    this.start = new Int32Array(nGroups + 1);
    for (let i = 0; i < n; i++) this.start[groups[i] + 1]++;
    for (let g = 0; g < nGroups; g++) this.start[g + 1] += this.start[g];
    this.order = new Int32Array(n);
    const next = this.start.slice(0, nGroups);
    for (let i = 0; i < n; i++) this.order[next[groups[i]]++] = i;
    const pairs = new PairSums(this.kept.map((q) => levels[q]), this.keptStart, ENTRIES_PER_ROW * n);
    this.diagonal = Float64Array.from(this.fullIndex, (l) => 1 / layout.invWeight[l]);
    this.accumulate(pairs);
    this.matrix = pairs.overflowed ? null : pairs.toMatrix(this.diagonal);
  }

  /**
   * The kept levels eliminated level g's rows touch and their weights within it: the touched reduced unknowns
   * of kept dimension a are touched.levels[from[a] … from[a+1]), their weights touched.weights[…].
   */
  private gather(g: number, touched: Touched): void {
    const { layout, keptCodes, keptStart, order, start } = this;
    const { slot, levels, weights, from } = touched;
    const w = layout.weights;
    for (let s = 0; s < from[keptCodes.length]; s++) slot[levels[s]] = -1;
    let count = 0;
    for (let a = 0; a < keptCodes.length; a++) {
      from[a] = count;
      const codes = keptCodes[a];
      for (let k = start[g]; k < start[g + 1]; k++) {
        const i = order[k];
        const at = keptStart[a] + codes[i];
        let s = slot[at];
        if (s < 0) {
          slot[at] = s = count++;
          levels[s] = at;
          weights[s] = 0;
        }
        weights[s] += w ? w[i] : 1;
      }
    }
    from[keptCodes.length] = count;
  }

  private touched(): Touched {
    let largest = 0;
    for (let g = 0; g + 1 < this.start.length; g++) largest = Math.max(largest, this.start[g + 1] - this.start[g]);
    const K = this.kept.length;
    return { slot: new Int32Array(this.size).fill(-1), levels: new Int32Array(K * largest), weights: new Float64Array(K * largest), from: new Int32Array(K + 1) };
  }

  /**
   * S's diagonal, and its other entries into `pairs`: D_K'WD_K row by row, minus a_g a_g'/W_g group by group
   * (the pairs stop listing once S is too large to build, the diagonal is always needed).
   */
  private accumulate(pairs: PairSums): void {
    const { layout, keptCodes, keptStart, diagonal } = this;
    const K = keptCodes.length;
    const w = layout.weights;
    for (let a = 0; a < K; a++) {
      for (let b = a + 1; b < K; b++) {
        const ca = keptCodes[a];
        const cb = keptCodes[b];
        for (let i = 0; i < ca.length; i++) pairs.add(a, keptStart[a] + ca[i], b, keptStart[b] + cb[i], w ? w[i] : 1);
      }
    }
    // Within a dimension the touched unknowns differ, so each unordered pair is added once (either triangle).
    const invWeight = layout.invWeight.subarray(layout.offsets[this.eliminated]);
    const touched = this.touched();
    const { levels, weights, from } = touched;
    for (let g = 0; g < invWeight.length; g++) {
      if ((g & 4095) === 0) this.checkpoint?.();
      this.gather(g, touched);
      for (let s = 0; s < from[K]; s++) diagonal[levels[s]] -= weights[s] * weights[s] * invWeight[g];
      if (pairs.overflowed) continue;
      for (let a = 0; a < K; a++) {
        for (let b = a; b < K; b++) {
          const dense = pairs.denseBlock(a, b);
          const columns = pairs.columns(b);
          for (let x = from[a]; x < from[a + 1]; x++) {
            const va = weights[x] * invWeight[g];
            const first = a === b ? x + 1 : from[b];
            if (dense) {
              const base = (levels[x] - keptStart[a]) * columns - keptStart[b];
              for (let y = first; y < from[b + 1]; y++) dense[base + levels[y]] -= va * weights[y];
            } else {
              for (let y = first; y < from[b + 1]; y++) pairs.add(a, levels[x], b, levels[y], -va * weights[y]);
            }
          }
        }
      }
    }
  }

  /** out = S p. */
  multiply(p: Float64Array, out: Float64Array, scratch: Float64Array): void {
    if (!this.matrix) return this.multiplyOverRows(p, out, scratch);
    const { rowStart, columns, values, blocks } = this.matrix;
    for (let l = 0; l < this.size; l++) {
      let s = 0;
      for (let k = rowStart[l]; k < rowStart[l + 1]; k++) s += values[k] * p[columns[k]];
      out[l] = s;
    }
    for (const block of blocks) multiplyBlock(block, p, out);
  }

  /** out = D_K'W(I − P_g)D_K p, with `u` (one value per row) as scratch. */
  private multiplyOverRows(p: Float64Array, out: Float64Array, u: Float64Array): void {
    u.fill(0);
    this.keptCodes.forEach((codes, k) => {
      const a = p.subarray(this.keptStart[k]);
      for (let i = 0; i < u.length; i++) u[i] += a[codes[i]];
    });
    this.removeGroupMeans(u, null);
    this.collapse(u, out);
  }

  /** u minus its weighted means over the eliminated levels, which are written to `means` when given. */
  private removeGroupMeans(u: Float64Array, means: Float64Array | null): void {
    const { layout, order, start } = this;
    const w = layout.weights;
    const invWeight = layout.invWeight.subarray(layout.offsets[this.eliminated]);
    for (let g = 0; g + 1 < start.length; g++) {
      let s = 0;
      for (let k = start[g]; k < start[g + 1]; k++) s += (w ? w[order[k]] : 1) * u[order[k]];
      const mean = s * invWeight[g];
      for (let k = start[g]; k < start[g + 1]; k++) u[order[k]] -= mean;
      if (means) means[g] = mean;
    }
  }

  /** out = D_K'Wu. */
  private collapse(u: Float64Array, out: Float64Array): void {
    const w = this.layout.weights;
    out.fill(0);
    this.keptCodes.forEach((codes, k) => {
      const s = out.subarray(this.keptStart[k]);
      if (w) for (let i = 0; i < u.length; i++) s[codes[i]] += w[i] * u[i];
      else for (let i = 0; i < u.length; i++) s[codes[i]] += u[i];
    });
  }

  /**
   * r = x − D_Kα_K minus its level means in the eliminated dimension, which are written into α (the full
   * vector; α_K is read from it), and g = D_K'Wr, the reduced system's residual b − Sα_K.
   */
  residual(x: Float64Array, alpha: Float64Array, r: Float64Array, g: Float64Array): void {
    const { layout } = this;
    r.set(x);
    this.keptCodes.forEach((codes, k) => {
      const q = this.kept[k];
      const a = alpha.subarray(layout.offsets[q], layout.offsets[q] + layout.levels(q));
      if (a.every((v) => v === 0)) return; // a cold start: nothing to subtract
      for (let i = 0; i < r.length; i++) r[i] -= a[codes[i]];
    });
    const off = layout.offsets[this.eliminated];
    this.removeGroupMeans(r, alpha.subarray(off, off + layout.levels(this.eliminated)));
    this.collapse(r, g);
  }
}

/**
 * S = CSR part + dense blocks, each cell (r, c) of a block standing for S[rowOffset + r, columnOffset + c] and
 * its mirror (a block within one dimension has zeros on its diagonal: S's diagonal is in the CSR part).
 */
interface ReducedMatrix {
  rowStart: Int32Array;
  columns: Int32Array;
  values: Float64Array;
  blocks: DenseBlock[];
}

interface DenseBlock {
  rowOffset: number;
  columnOffset: number;
  columns: number;
  cells: Float64Array;
}

/** out += the block's part of S p, both triangles. */
function multiplyBlock({ rowOffset, columnOffset, columns, cells }: DenseBlock, p: Float64Array, out: Float64Array): void {
  const rows = cells.length / columns;
  for (let r = 0; r < rows; r++) {
    const pr = p[rowOffset + r];
    const base = r * columns;
    let s = 0;
    for (let c = 0; c < columns; c++) {
      const v = cells[base + c];
      s += v * p[columnOffset + c];
      out[columnOffset + c] += v * pr;
    }
    out[rowOffset + r] += s;
  }
}

/** Scratch for one eliminated level's touched kept levels (see `gather`). */
interface Touched {
  /** Where a reduced unknown sits in `levels`, −1 when untouched. */
  slot: Int32Array;
  levels: Int32Array;
  weights: Float64Array;
  from: Int32Array;
}

/**
 * S's off-diagonal sums over pairs of reduced unknowns i (of kept dimension a) and j (of b ≥ a): a dense array for each pair of dimensions small enough, a list of entries (summed when the CSR is built)
 * otherwise: firm × firm pairs are few but the square of the firms is large.
 */
class PairSums {
  private readonly dense: (Float64Array | null)[][];
  private listRows = new Int32Array(1 << 16);
  private listColumns = new Int32Array(1 << 16);
  private listValues = new Float64Array(1 << 16);
  private listed = 0;

  /** Set once the listed entries pass the budget: S is then not built. */
  overflowed = false;
  private readonly budget: number;

  /** `entries`: the most S may hold, dense cells and both triangles of the listed pairs together. */
  constructor(
    private readonly levels: number[],
    private readonly start: number[],
    entries: number,
  ) {
    const isDense = (a: number, b: number) => b >= a && levels[a] * levels[b] <= DENSE_CELLS;
    let denseCells = 0;
    levels.forEach((la, a) => levels.forEach((lb, b) => (denseCells += isDense(a, b) ? la * lb : 0)));
    this.budget = (entries - denseCells) / 2;
    this.overflowed = this.budget < 0;
    // Nothing is allocated for a system that cannot be built.
    this.dense = levels.map((la, a) => levels.map((lb, b) => (isDense(a, b) && !this.overflowed ? new Float64Array(la * lb) : null)));
  }

  /** The dense block of dimensions a ≤ b, if it is one: cells row-major, columns(b) per row. */
  denseBlock(a: number, b: number): Float64Array | null {
    return this.dense[a][b];
  }

  columns(b: number): number {
    return this.levels[b];
  }

  /** Adds v at reduced unknowns i (of kept dimension a) and j ≠ i (of b ≥ a). */
  add(a: number, i: number, b: number, j: number, v: number): void {
    const block = this.dense[a][b];
    if (block) {
      block[(i - this.start[a]) * this.levels[b] + j - this.start[b]] += v;
      return;
    }
    if (this.listed >= this.budget) {
      this.overflowed = true;
      return;
    }
    if (this.listed === this.listValues.length) this.grow();
    this.listRows[this.listed] = i;
    this.listColumns[this.listed] = j;
    this.listValues[this.listed++] = v;
  }

  private grow(): void {
    const twice = <T extends Int32Array | Float64Array>(x: T): T => {
      const y = new (x.constructor as new (n: number) => T)(2 * x.length);
      y.set(x);
      return y;
    };
    this.listRows = twice(this.listRows);
    this.listColumns = twice(this.listColumns);
    this.listValues = twice(this.listValues);
  }

  /** Every off-diagonal sum, as global indices (a pair may come several times, to be summed). */
  private forEach(visit: (i: number, j: number, v: number) => void, kept: Set<Float64Array>): void {
    this.dense.forEach((row, a) =>
      row.forEach((block, b) => {
        if (!block || kept.has(block)) return;
        const columns = this.levels[b];
        for (let key = 0; key < block.length; key++) {
          if (block[key] === 0) continue;
          const la = Math.floor(key / columns);
          const lb = key - la * columns;
          if (a !== b || la !== lb) visit(this.start[a] + la, this.start[b] + lb, block[key]);
        }
      }),
    );
    for (let k = 0; k < this.listed; k++) visit(this.listRows[k], this.listColumns[k], this.listValues[k]);
  }

  /**
   * S as dense blocks (those at least half filled: their products need no column indices, and one cell serves
   * both triangles) and the rest in compressed sparse rows, both triangles, repeated pairs summed.
   */
  toMatrix(diagonal: Float64Array): ReducedMatrix {
    const blocks: DenseBlock[] = [];
    this.dense.forEach((row, a) =>
      row.forEach((cells, b) => {
        if (!cells) return;
        let filled = 0;
        for (let k = 0; k < cells.length; k++) if (cells[k] !== 0) filled++;
        if (2 * filled >= cells.length) blocks.push({ rowOffset: this.start[a], columnOffset: this.start[b], columns: this.levels[b], cells });
      }),
    );
    const kept = new Set(blocks.map((block) => block.cells));
    const size = diagonal.length;
    const count = new Int32Array(size + 1);
    for (let l = 0; l < size; l++) count[l + 1] = 1;
    this.forEach((i, j) => {
      count[i + 1]++;
      count[j + 1]++;
    }, kept);
    for (let l = 0; l < size; l++) count[l + 1] += count[l];
    const columns = new Int32Array(count[size]);
    const values = new Float64Array(count[size]);
    const fill = count.slice(0, size);
    const put = (i: number, j: number, v: number) => {
      columns[fill[i]] = j;
      values[fill[i]++] = v;
    };
    for (let l = 0; l < size; l++) put(l, l, diagonal[l]);
    this.forEach((i, j, v) => {
      put(i, j, v);
      put(j, i, v);
    }, kept);
    // Sum repeated columns within each row, compacting in place.
    const rowStart = new Int32Array(size + 1);
    const at = new Int32Array(size).fill(-1);
    let out = 0;
    for (let l = 0; l < size; l++) {
      rowStart[l] = out;
      for (let k = count[l]; k < count[l + 1]; k++) {
        const j = columns[k];
        if (at[j] >= rowStart[l]) values[at[j]] += values[k];
        else {
          at[j] = out;
          columns[out] = j;
          values[out++] = values[k];
        }
      }
    }
    rowStart[size] = out;
    return { rowStart, columns: columns.slice(0, out), values: values.slice(0, out), blocks };
  }
}

// The fixed-effect normal equations with the dimension of most levels eliminated exactly: for fixed α_K of
// the other (kept) dimensions, the eliminated dimension's best coefficients are the level means of x − D_Kα_K,
// so what is left is the Schur complement system S α_K = b over the kept levels only,
//   S = D_K'W D_K − Σ_g a_g a_g' / W_g,   a_g = every kept level's weight within eliminated level g.
// When S is sparse enough it is built once as a sparse matrix (CSR): an inventor × firm × year panel leaves a
// system over firms and years, some ten thousand unknowns, whose products cost a fraction of a pass over the
// million rows. When eliminated levels touch many kept levels each (the gravity panel's pairs span 30), S fills
// in, and its products are taken over the rows instead (D_K'W(I − P_g)D_K p, P_g the group means).
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
  /** S in compressed sparse rows, both triangles stored; null when its products go over the rows. */
  readonly csr: { rowStart: Int32Array; columns: Int32Array; values: Float64Array } | null;
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
    const keptLevels = this.kept.map((q) => levels[q]);
    const pairs = new PairSums(keptLevels, this.keptStart);
    const { diagonal, listed } = this.diagonalAndCount(pairs);
    this.diagonal = diagonal;
    this.csr = pairs.denseCells + 2 * listed <= ENTRIES_PER_ROW * n ? this.build(pairs) : null;
  }

  /**
   * Every eliminated level in turn with the kept levels its rows touch (per kept dimension) and their weights
   * within it, indexed by reduced unknown; `weightOf` is cleared after each visit.
   */
  private forEachGroup(visit: (invWeight: number, touched: number[][], weightOf: Float64Array) => void): void {
    const { layout, keptCodes, order, start } = this;
    const K = keptCodes.length;
    const w = layout.weights;
    const invWeight = layout.invWeight.subarray(layout.offsets[this.eliminated]);
    const weightOf = new Float64Array(this.size);
    const touched: number[][] = keptCodes.map(() => []);
    for (let g = 0; g + 1 < start.length; g++) {
      if ((g & 4095) === 0) this.checkpoint?.();
      for (let k = start[g]; k < start[g + 1]; k++) {
        const i = order[k];
        const wi = w ? w[i] : 1;
        for (let a = 0; a < K; a++) {
          const at = this.keptStart[a] + keptCodes[a][i];
          if (weightOf[at] === 0) touched[a].push(at);
          weightOf[at] += wi;
        }
      }
      visit(invWeight[g], touched, weightOf);
      for (let a = 0; a < K; a++) {
        for (const at of touched[a]) weightOf[at] = 0;
        touched[a].length = 0;
      }
    }
  }

  /** S's diagonal, and how many entries the blocks not stored densely would list. */
  private diagonalAndCount(pairs: PairSums): { diagonal: Float64Array; listed: number } {
    const diagonal = Float64Array.from(this.fullIndex, (l) => 1 / this.layout.invWeight[l]);
    let listed = 0;
    this.forEachGroup((invWeight, touched, weightOf) => {
      touched.forEach((levels, a) => {
        for (const at of levels) diagonal[at] -= weightOf[at] * weightOf[at] * invWeight;
        for (let b = a; b < touched.length; b++) {
          if (pairs.isDense(a, b)) continue;
          listed += a === b ? (levels.length * (levels.length - 1)) / 2 : levels.length * touched[b].length;
        }
      });
    });
    // Rows add a pair for every two kept dimensions.
    const n = this.order.length;
    for (let a = 0; a < this.kept.length; a++) for (let b = a + 1; b < this.kept.length; b++) if (!pairs.isDense(a, b)) listed += n;
    return { diagonal, listed };
  }

  /** D_K'WD_K row by row, minus a_g a_g'/W_g group by group, into CSR. */
  private build(pairs: PairSums): NonNullable<EliminatedSystem['csr']> {
    const { layout, keptCodes } = this;
    const K = keptCodes.length;
    const w = layout.weights;
    for (let i = 0; i < this.order.length; i++) {
      const wi = w ? w[i] : 1;
      for (let a = 0; a < K; a++) for (let b = a + 1; b < K; b++) pairs.add(a, this.keptStart[a] + keptCodes[a][i], b, this.keptStart[b] + keptCodes[b][i], wi);
    }
    this.forEachGroup((invWeight, touched, weightOf) => {
      for (let a = 0; a < K; a++) {
        for (const ia of touched[a]) {
          const va = weightOf[ia] * invWeight;
          for (let b = a; b < K; b++) {
            for (const ib of touched[b]) if (b > a || ib > ia) pairs.add(a, ia, b, ib, -va * weightOf[ib]);
          }
        }
      }
    });
    return pairs.toCsr(this.diagonal);
  }

  /** out = S p. */
  multiply(p: Float64Array, out: Float64Array, scratch: Float64Array): void {
    if (!this.csr) return this.multiplyOverRows(p, out, scratch);
    const { rowStart, columns, values } = this.csr;
    for (let l = 0; l < this.size; l++) {
      let s = 0;
      for (let k = rowStart[l]; k < rowStart[l + 1]; k++) s += values[k] * p[columns[k]];
      out[l] = s;
    }
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
      const a = alpha.subarray(layout.offsets[this.kept[k]]);
      for (let i = 0; i < r.length; i++) r[i] -= a[codes[i]];
    });
    const off = layout.offsets[this.eliminated];
    this.removeGroupMeans(r, alpha.subarray(off, off + layout.levels(this.eliminated)));
    this.collapse(r, g);
  }
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

  constructor(
    private readonly levels: number[],
    private readonly start: number[],
  ) {
    this.dense = levels.map((la, a) => levels.map((lb, b) => (b >= a && la * lb <= DENSE_CELLS ? new Float64Array(la * lb) : null)));
  }

  isDense(a: number, b: number): boolean {
    return this.dense[a][b] !== null;
  }

  get denseCells(): number {
    return this.dense.flat().reduce((s, block) => s + (block ? block.length : 0), 0);
  }

  /** Adds v at reduced unknowns i (of kept dimension a) and j (of b ≥ a; j > i when b = a). */
  add(a: number, i: number, b: number, j: number, v: number): void {
    const block = this.dense[a][b];
    if (block) {
      block[(i - this.start[a]) * this.levels[b] + j - this.start[b]] += v;
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
  private forEach(visit: (i: number, j: number, v: number) => void): void {
    this.dense.forEach((row, a) =>
      row.forEach((block, b) => {
        if (!block) return;
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

  /** Both triangles in compressed sparse rows, repeated pairs summed. */
  toCsr(diagonal: Float64Array): { rowStart: Int32Array; columns: Int32Array; values: Float64Array } {
    const size = diagonal.length;
    const count = new Int32Array(size + 1);
    for (let l = 0; l < size; l++) count[l + 1] = 1;
    this.forEach((i, j) => {
      count[i + 1]++;
      count[j + 1]++;
    });
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
    });
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
    return { rowStart, columns: columns.slice(0, out), values: values.slice(0, out) };
  }
}

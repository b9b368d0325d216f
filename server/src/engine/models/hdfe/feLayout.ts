// The fixed effects as the columns of a (weighted) dummy matrix D = [D₁ … D_Q]: every level's coefficient at
// an offset in one vector α, with the level weights (the diagonal blocks D_q'WD_q, which are diagonal since a
// row has one level per dimension), shared by both solvers.
import type { DenseFactor } from './factors.js';

export class FixedEffectsLayout {
  readonly codes: Int32Array[];
  /** Where each dimension's levels start in α. */
  readonly offsets: number[];
  readonly nCoef: number;
  /** 1 / (sum of weights) of every level, dimension after dimension. */
  readonly invWeight: Float64Array;

  constructor(
    fe: DenseFactor[],
    readonly weights: Float64Array | null,
  ) {
    this.codes = fe.map((f) => f.codes);
    this.offsets = [];
    let total = 0;
    for (const f of fe) {
      this.offsets.push(total);
      total += f.levels;
    }
    this.nCoef = total;
    this.invWeight = new Float64Array(total);
    fe.forEach((f, q) => {
      const off = this.offsets[q];
      for (let i = 0; i < f.codes.length; i++) this.invWeight[off + f.codes[i]] += weights ? weights[i] : 1;
    });
    for (let l = 0; l < total; l++) this.invWeight[l] = 1 / this.invWeight[l];
  }

  get dimensions(): number {
    return this.codes.length;
  }

  /** Number of levels of dimension q. */
  levels(q: number): number {
    return (q + 1 < this.codes.length ? this.offsets[q + 1] : this.nCoef) - this.offsets[q];
  }

  /** r = x − Dα. */
  fillResidual(x: Float64Array, alpha: Float64Array, r: Float64Array): void {
    r.set(x);
    for (let q = 0; q < this.codes.length; q++) {
      const codes = this.codes[q];
      const a = alpha.subarray(this.offsets[q]);
      for (let i = 0; i < r.length; i++) r[i] -= a[codes[i]];
    }
  }

  /** Σ w r². */
  weightedSquares(r: Float64Array): number {
    let size = 0;
    const w = this.weights;
    if (w) for (let i = 0; i < r.length; i++) size += w[i] * r[i] * r[i];
    else for (let i = 0; i < r.length; i++) size += r[i] * r[i];
    return size;
  }
}

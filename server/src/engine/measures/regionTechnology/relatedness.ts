// Technology relatedness as EconGeo computes it: co-occurrence counts, their normalisation (van Eck & Waltman
// 2009; EconGeo's default "prob", Steijn's probability index), and regions' relatedness density.
import { colSums, rounded, type Rounding } from './matrix.js';

export type RelatednessMethod = 'prob' | 'association' | 'cosine' | 'jaccard';

/**
 * co.occurrence(t(incidence)): pairs of technologies counted over the incidence matrix's rows — the regions
 * with an RCA in both (binary RCA), or the patents having both; diagonal 0.
 */
export function coOccurrence(binary: readonly number[][]): number[][] {
  const n = binary[0]?.length ?? 0;
  const c = Array.from({ length: n }, () => new Array<number>(n).fill(0));
  for (const row of binary) {
    for (let i = 0; i < n; i++) {
      if (!row[i]) continue;
      for (let j = 0; j < n; j++) if (i !== j) c[i][j] += row[i] * row[j];
    }
  }
  return c;
}

/**
 * relatedness(cooc, method): S_i the column sums and T the total of the co-occurrence matrix (diagonal 0).
 * prob C_ij / (T/2 · (S_i/T · S_j/(T−S_i) + S_j/T · S_i/(T−S_j))), association C_ij·T/(S_i S_j), cosine
 * C_ij/√(S_i S_j), Jaccard C_ij/(S_i + S_j − C_ij); 0/0 and the diagonal 0.
 */
export function relatedness(cooc: readonly number[][], method: RelatednessMethod): number[][] {
  const s = colSums(cooc);
  const total = s.reduce((a, x) => a + x, 0);
  const value = (c: number, si: number, sj: number): number => {
    switch (method) {
      case 'prob': return c / (((sj / total) * (si / (total - sj)) + (si / total) * (sj / (total - si))) * (total / 2));
      case 'association': return (c / total) / ((sj / total) * (si / total));
      case 'cosine': return c / Math.sqrt(si * sj);
      default: return c / (sj + si - c);
    }
  };
  return cooc.map((row, i) => row.map((c, j) => {
    const v = i === j ? 0 : value(c, s[i], s[j]);
    return Number.isNaN(v) ? 0 : v;
  }));
}

/**
 * The unrounded density: 100 · Σ_k binary_rk · φ_kt / Σ_k φ_kt, the share of technology t's relatedness that
 * region r holds with RCA (NaN for a technology related to none).
 */
function densities(binary: readonly number[][], phi: readonly number[][]): number[][] {
  const totals = colSums(phi);
  return binary.map((row) => totals.map((total, t) => (100 * row.reduce((s, x, k) => s + x * phi[k][t], 0)) / total));
}

/** relatedness.density(binary, φ): rounded to 2 digits. */
export function relatednessDensity(binary: readonly number[][], phi: readonly number[][], rounding: Rounding): number[][] {
  return densities(binary, phi).map((row) => row.map((d) => rounded(d, 2, rounding)));
}

/**
 * relatedness.density.ext.avg (`outside`: over the technologies a region has no RCA in) and .int.avg
 * (`inside`: those it has): the mean density, densities and mean rounded to whole numbers. As EconGeo, a
 * missing density is left out of the sum but not of the count.
 */
export function densityAverage(binary: readonly number[][], phi: readonly number[][], over: 'outside' | 'inside', rounding: Rounding): number[] {
  const wanted = over === 'outside' ? 0 : 1;
  return densities(binary, phi).map((row, r) => {
    let sum = 0;
    let count = 0;
    row.forEach((d, t) => {
      if (binary[r][t] !== wanted) return;
      count++;
      if (!Number.isNaN(d)) sum += rounded(d, 0, rounding);
    });
    return rounded(sum / count, 0, rounding);
  });
}

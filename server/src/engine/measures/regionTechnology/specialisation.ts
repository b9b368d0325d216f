// EconGeo's specialisation indicators of a region × technology count matrix: location quotients (RCA,
// continuous and binary), diversity and ubiquity, Krugman's specialisation index, Shannon entropy and the
// Hoover index. Each follows its EconGeo function (named in its comment), roundings included.
import { colSums, rounded, rowSums, type Rounding } from './matrix.js';

/** RCA(mat): (x_rt/x_r)/(x_t/x), an empty region's 0 for NaN as EconGeo sets it; rounded to 2 digits by EconGeo. */
export function rca(counts: readonly number[][], rounding: Rounding): number[][] {
  const rows = rowSums(counts);
  const cols = colSums(counts);
  const total = rows.reduce((s, x) => s + x, 0);
  return counts.map((row, r) => row.map((x, t) => {
    const lq = (x / rows[r]) / (cols[t] / total);
    return Number.isNaN(lq) ? 0 : rounded(lq, 2, rounding);
  }));
}

/** RCA(mat, binary = TRUE): 1 where the unrounded quotient is at least 1 (EconGeo keeps an exact 1). */
export function binaryRca(counts: readonly number[][]): number[][] {
  return rca(counts, 'none').map((row) => row.map((lq) => (lq >= 1 ? 1 : 0)));
}

/** diversity(mat, RCA = TRUE): the technologies a region has an RCA in. */
export function diversity(binary: readonly number[][]): number[] {
  return rowSums(binary);
}

/** ubiquity(mat, RCA = TRUE): the regions with an RCA in a technology. */
export function ubiquity(binary: readonly number[][]): number[] {
  return colSums(binary);
}

/** Krugman.index(mat): Σ_t |x_rt/x_r − x_t/x|, not rounded. */
export function krugman(counts: readonly number[][]): number[] {
  const rows = rowSums(counts);
  const cols = colSums(counts);
  const total = rows.reduce((s, x) => s + x, 0);
  return counts.map((row, r) => row.reduce((s, x, t) => s + Math.abs(x / rows[r] - cols[t] / total), 0));
}

/** entropy(mat): −Σ_t f log2(f + 1e-9) with f = x_rt/x_r (EconGeo's 1e-9 keeps log2(0) finite); 3 digits. */
export function entropy(counts: readonly number[][], rounding: Rounding): number[] {
  const rows = rowSums(counts);
  return counts.map((row, r) => rounded(-row.reduce((s, x) => s + (x / rows[r]) * Math.log2(x / rows[r] + 1e-9), 0), 3, rounding));
}

/**
 * Hoover.index(mat, pop): per technology 50 · Σ_r |x_rt/x_t − p_r/Σp|, p the regions' population — every
 * region alike when it is not given (EconGeo's default) — rounded to 2 digits.
 */
export function hoover(counts: readonly number[][], rounding: Rounding, population?: readonly number[]): number[] {
  const pop = population ?? counts.map(() => 1);
  const popTotal = pop.reduce((s, x) => s + x, 0);
  return colSums(counts).map((total, t) => rounded(50 * counts.reduce((s, row, r) => s + Math.abs(row[t] / total - pop[r] / popTotal), 0), 2, rounding));
}

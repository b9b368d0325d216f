// The estimation sample: observations whose fixed-effect groups carry no information are removed, repeatedly,
// because removing one can leave another group with a single observation (or only zeros).
import { denseCodes, firstAppearanceCodes, type DenseFactor } from './factors.js';
import { takeIntegers } from './rows.js';
import type { FactorColumn } from '../frame.js';

export interface SampleRules {
  /** Drop observations alone in a fixed-effect level (they fit perfectly and only inflate n). */
  singletons: boolean;
  /** Drop fixed-effect levels whose outcome is all zero (Poisson: their FE coefficient is −∞). */
  allZeroGroups: boolean;
}

export interface Sample {
  /** Kept row indices of the input frame, ascending. */
  rows: Int32Array;
  /** The fixed effects recoded densely over `rows`. */
  fe: DenseFactor[];
  /** Per fixed effect: levels removed by its own rules (as fixest's `fixef_removed`), not those emptied by another's. */
  removedLevels: number[];
  removedSingletons: number;
  removedAllZero: number;
}

/**
 * Applies the rules until nothing changes. `keep` (optional) marks rows already excluded (e.g. separated
 * observations); `y` is only read for the all-zero rule. Factors that say they are dense already (`levels`)
 * are not recoded unless rows are removed.
 */
export function restrictSample(fe: FactorColumn[], y: Float64Array, rules: SampleRules, keep?: Uint8Array): Sample {
  const n = y.length;
  const kept = keep ? Uint8Array.from(keep) : new Uint8Array(n).fill(1);
  const all = fe.map((f) => (f.levels !== undefined ? { codes: f.codes, levels: f.levels } : denseCodes(f.codes, undefined, `fixed effect "${f.name}"`)));
  const removedLevels = all.map(() => 0);
  let removedSingletons = 0;
  let removedAllZero = 0;
  if (rules.singletons || rules.allZeroGroups) {
    // Per fixed effect and level: the rows kept, and those of them with a non-zero outcome (a count, so that
    // removing rows keeps it exact).
    const count = all.map((f) => new Int32Array(f.levels));
    const nonZero = all.map((f) => new Int32Array(f.levels));
    all.forEach((f, q) => countRows(f.codes, y, kept, count[q], nonZero[q]));
    // Each round judges every fixed effect on the same sample (as fixest does), then removes what was flagged;
    // only levels that lost rows can be flagged in the next round.
    const verdict = all.map((f) => new Int8Array(f.levels)); // 1 all zero, 2 singleton
    let candidates: number[][] = all.map((f) => Array.from({ length: f.levels }, (_, l) => l));
    for (;;) {
      let flagged = false;
      all.forEach((_, q) => {
        for (const l of candidates[q]) {
          const allZero = rules.allZeroGroups && count[q][l] > 0 && nonZero[q][l] === 0;
          const single = rules.singletons && count[q][l] === 1;
          if (!allZero && !single) continue;
          verdict[q][l] = allZero ? 1 : 2;
          removedLevels[q]++;
          flagged = true;
        }
      });
      if (!flagged) break;
      const touched = all.map(() => new Set<number>());
      for (let i = 0; i < n; i++) {
        if (!kept[i]) continue;
        let why = 0;
        for (let q = 0; q < all.length && !why; q++) why = verdict[q][all[q].codes[i]];
        if (!why) continue;
        kept[i] = 0;
        if (why === 1) removedAllZero++;
        else removedSingletons++;
        for (let q = 0; q < all.length; q++) {
          const l = all[q].codes[i];
          count[q][l]--;
          if (y[i] !== 0) nonZero[q][l]--;
          touched[q].add(l);
        }
      }
      // A flagged level is emptied by its own removal: it is not judged again.
      all.forEach((_, q) => verdict[q].fill(0));
      candidates = touched.map((levels) => [...levels]);
    }
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += kept[i];
  const rows = new Int32Array(m);
  for (let i = 0, k = 0; i < n; i++) if (kept[i]) rows[k++] = i;
  return {
    rows,
    // Dense codes over fewer rows, dense again: their levels bound them.
    fe: m === n ? all : all.map((f) => firstAppearanceCodes(takeIntegers(f.codes, rows), f.levels)),
    removedLevels,
    removedSingletons,
    removedAllZero,
  };
}

/** count[l] += each kept row of level l, nonZero[l] += those whose outcome is not zero. */
function countRows(codes: Int32Array, y: Float64Array, kept: Uint8Array, count: Int32Array, nonZero: Int32Array): void {
  for (let i = 0; i < codes.length; i++) {
    if (!kept[i]) continue;
    count[codes[i]]++;
    if (y[i] !== 0) nonZero[codes[i]]++;
  }
}

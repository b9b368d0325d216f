// The estimation sample: observations whose fixed-effect groups carry no information are removed, repeatedly,
// because removing one can leave another group with a single observation (or only zeros).
import { denseCodes, type DenseFactor } from './factors.js';
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
 * observations); `y` is only read for the all-zero rule.
 */
export function restrictSample(fe: FactorColumn[], y: Float64Array, rules: SampleRules, keep?: Uint8Array): Sample {
  const n = y.length;
  const kept = keep ? Uint8Array.from(keep) : new Uint8Array(n).fill(1);
  const all = fe.map((f) => denseCodes(f.codes, undefined, `fixed effect "${f.name}"`));
  const removedLevels = all.map(() => 0);
  let removedSingletons = 0;
  let removedAllZero = 0;
  // Each round judges every fixed effect on the same sample (as fixest does), then removes what was flagged.
  for (let changed = rules.singletons || rules.allZeroGroups; changed; ) {
    changed = false;
    const drop = new Uint8Array(n);
    all.forEach((f, q) => {
      const count = new Int32Array(f.levels);
      const ySum = new Float64Array(f.levels);
      for (let i = 0; i < n; i++) {
        if (!kept[i]) continue;
        count[f.codes[i]]++;
        ySum[f.codes[i]] += Math.abs(y[i]);
      }
      for (let l = 0; l < f.levels; l++) {
        const allZero = rules.allZeroGroups && count[l] > 0 && ySum[l] === 0;
        const single = rules.singletons && count[l] === 1;
        if (allZero || single) removedLevels[q]++;
        count[l] = allZero ? -1 : single ? -2 : 0; // reused as the level's verdict
      }
      for (let i = 0; i < n; i++) if (kept[i] && count[f.codes[i]] < 0 && !drop[i]) drop[i] = count[f.codes[i]] === -1 ? 1 : 2;
    });
    for (let i = 0; i < n; i++) {
      if (!drop[i]) continue;
      kept[i] = 0;
      changed = true;
      if (drop[i] === 1) removedAllZero++;
      else removedSingletons++;
    }
  }
  let m = 0;
  for (let i = 0; i < n; i++) m += kept[i];
  const rows = new Int32Array(m);
  for (let i = 0, k = 0; i < n; i++) if (kept[i]) rows[k++] = i;
  const everyRow = m === n;
  return {
    rows,
    fe: everyRow ? all : fe.map((f) => denseCodes(f.codes, rows, `fixed effect "${f.name}"`)),
    removedLevels,
    removedSingletons,
    removedAllZero,
  };
}

/** The values of `v` at `rows` (`v` itself when `rows` are all its rows). */
export function takeRows<T extends Float64Array | Int32Array>(v: T, rows: Int32Array): T {
  if (rows.length === v.length) return v;
  const out = new (v.constructor as new (n: number) => T)(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = v[rows[k]];
  return out;
}

// The estimation sample: observations whose fixed-effect groups carry no information are removed, repeatedly,
// because removing one can leave another group with a single observation (or only zeros).
import { denseCodes, type DenseFactor } from './factors.ts';
import type { FactorColumn } from './frame.ts';

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
  /** Per fixed effect: levels present in the input that have no observation left. */
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
  const levelsBefore = all.map((f) => (keep ? levelsPresent(f, kept) : f.levels));
  let removedSingletons = 0;
  let removedAllZero = 0;
  for (let changed = rules.singletons || rules.allZeroGroups; changed; ) {
    changed = false;
    for (const f of all) {
      const count = new Int32Array(f.levels);
      const ySum = new Float64Array(f.levels);
      for (let i = 0; i < n; i++) {
        if (!kept[i]) continue;
        count[f.codes[i]]++;
        ySum[f.codes[i]] += Math.abs(y[i]);
      }
      for (let i = 0; i < n; i++) {
        if (!kept[i]) continue;
        const c = f.codes[i];
        if (rules.allZeroGroups && ySum[c] === 0) {
          kept[i] = 0;
          removedAllZero++;
          changed = true;
        } else if (rules.singletons && count[c] === 1) {
          kept[i] = 0;
          removedSingletons++;
          changed = true;
        }
      }
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
    removedLevels: everyRow ? all.map(() => 0) : all.map((f, q) => levelsBefore[q] - levelsPresent(f, kept)),
    removedSingletons,
    removedAllZero,
  };
}

function levelsPresent(f: DenseFactor, kept: Uint8Array): number {
  const seen = new Uint8Array(f.levels);
  let count = 0;
  for (let i = 0; i < f.codes.length; i++) {
    if (kept[i] && !seen[f.codes[i]]) {
      seen[f.codes[i]] = 1;
      count++;
    }
  }
  return count;
}

/** The values of `v` at `rows` (`v` itself when `rows` are all its rows). */
export function takeRows<T extends Float64Array | Int32Array>(v: T, rows: Int32Array): T {
  if (rows.length === v.length) return v;
  const out = new (v.constructor as new (n: number) => T)(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = v[rows[k]];
  return out;
}

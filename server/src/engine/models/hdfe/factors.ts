// Integer factor codes: making them dense (0 … levels−1) and crossing two factors. Codes index typed arrays
// throughout the estimators, so they must be dense after every change of sample.
import { EstimationError } from './errors.js';
import { takeIntegers } from './rows.js';

export interface DenseFactor {
  codes: Int32Array;
  levels: number;
}

/** Lookup arrays are used for codes up to this value; larger codes go through a Map. */
const LOOKUP_LIMIT = 1 << 24;

/** Dense codes in order of first appearance over `rows` (all rows when omitted). */
export function denseCodes(codes: Int32Array, rows?: Int32Array, what = 'factor'): DenseFactor {
  // Over a subset, the codes are gathered first: the loops below then read one array in order.
  const values = rows ? takeIntegers(codes, rows) : codes;
  const n = values.length;
  let min = 0;
  let max = 0;
  for (let k = 0; k < n; k++) {
    const c = values[k];
    if (c > max) max = c;
    if (c < min) min = c;
  }
  if (min < 0) throw new EstimationError(`The codes of ${what} must be non-negative integers; found ${min}.`);
  if (max < LOOKUP_LIMIT) return firstAppearanceCodes(values, max + 1);
  const out = new Int32Array(n);
  const map = new Map<number, number>();
  for (let k = 0; k < n; k++) {
    const c = values[k];
    let v = map.get(c);
    if (v === undefined) map.set(c, (v = map.size));
    out[k] = v;
  }
  return { codes: out, levels: map.size };
}

/** Codes 0 … size − 1 renumbered 0, 1, … in order of first appearance (through a lookup array `size` long). */
export function firstAppearanceCodes(values: Int32Array, size: number): DenseFactor {
  const code = new Int32Array(size).fill(-1);
  const out = new Int32Array(values.length);
  let levels = 0;
  for (let k = 0; k < values.length; k++) {
    const c = values[k];
    if (code[c] < 0) code[c] = levels++;
    out[k] = code[c];
  }
  return { codes: out, levels };
}

/** The factor whose levels are the observed pairs of levels of `a` and `b` (as `a^b`). */
export function interactCodes(a: Int32Array, b: Int32Array): DenseFactor {
  return interactDense(denseCodes(a), denseCodes(b));
}

/** `interactCodes` of two factors whose codes are dense already (0 … levels−1), in order of first appearance. */
export function interactDense(da: DenseFactor, db: DenseFactor): DenseFactor {
  const n = da.codes.length;
  const out = new Int32Array(n);
  let levels = 0;
  if (da.levels * db.levels <= LOOKUP_LIMIT) {
    const map = new Int32Array(da.levels * db.levels).fill(-1);
    for (let k = 0; k < n; k++) {
      const key = da.codes[k] * db.levels + db.codes[k];
      if (map[key] < 0) map[key] = levels++;
      out[k] = map[key];
    }
  } else {
    const map = new Map<number, number>();
    for (let k = 0; k < n; k++) {
      const key = da.codes[k] * db.levels + db.codes[k];
      let v = map.get(key);
      if (v === undefined) map.set(key, (v = levels++));
      out[k] = v;
    }
  }
  return { codes: out, levels };
}

/** Whether every level of `inner` lies within a single level of `outer` (e.g. `i^t` within `i`). */
export function isNestedIn(inner: DenseFactor, outer: DenseFactor): boolean {
  const owner = new Int32Array(inner.levels).fill(-1);
  for (let k = 0; k < inner.codes.length; k++) {
    const c = inner.codes[k];
    const o = outer.codes[k];
    if (owner[c] < 0) owner[c] = o;
    else if (owner[c] !== o) return false;
  }
  return true;
}

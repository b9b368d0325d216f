// Columns restricted to some of their rows (the estimation sample, a subsample): one loop per array type, as a
// loop reading both kinds is several times slower.

/** The values of `v` at `rows` (`v` itself when `rows` are all its rows). */
export function takeRows<T extends Float64Array | Int32Array>(v: T, rows: Int32Array): T {
  if (rows.length === v.length) return v;
  return (v instanceof Float64Array ? takeDoubles(v, rows) : takeIntegers(v as Int32Array, rows)) as T;
}

function takeDoubles(v: Float64Array, rows: Int32Array): Float64Array {
  const out = new Float64Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = v[rows[k]];
  return out;
}

export function takeIntegers(v: Int32Array, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = v[rows[k]];
  return out;
}

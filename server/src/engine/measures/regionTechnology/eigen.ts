// The eigenvector of a square matrix's eigenvalue second by modulus, as R's eigen() ranks them. A projected
// region × region matrix can have thousands of rows, too many for a full decomposition per period, so the
// dominant pair is deflated (Wielandt, with its left and right eigenvectors) and the second found by power
// iteration; when that does not converge (|λ₂| ≈ |λ₃|, a complex pair) the full decomposition decides.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';

// Real data separate λ₂ from λ₃; where they do not, a thousand steps are wasted before the full decomposition.
const MAX_ITERATIONS = 1000;
const TOLERANCE = 1e-13;

export function secondEigenvector(m: readonly number[][]): number[] {
  return byDeflation(m) ?? byDecomposition(m);
}

function byDecomposition(m: readonly number[][]): number[] {
  const evd = new EigenvalueDecomposition(new Matrix(m as number[][]));
  const re = evd.realEigenvalues;
  const im = evd.imaginaryEigenvalues;
  const order = re.map((_, k) => k).sort((a, b) => Math.hypot(re[b], im[b]) - Math.hypot(re[a], im[a]) || a - b);
  return evd.eigenvectorMatrix.getColumn(order[1]);
}

function byDeflation(m: readonly number[][]): number[] | undefined {
  const n = m.length;
  if (n < 3) return undefined;
  const flat = new Float64Array(n * n);
  m.forEach((row, i) => flat.set(row, i * n));
  const times = (x: Float64Array) => {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let j = 0, at = i * n; j < n; j++, at++) s += flat[at] * x[j];
      y[i] = s;
    }
    return y;
  };
  const transposedTimes = (x: Float64Array) => {
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const xi = x[i];
      if (xi !== 0) for (let j = 0, at = i * n; j < n; j++, at++) y[j] += flat[at] * xi;
    }
    return y;
  };
  const right = dominant(times, n);
  const left = dominant(transposedTimes, n);
  if (!right || !left) return undefined;
  const scale = dot(left.vector, right.vector);
  if (!scale) return undefined;
  // B = A − λ₁ v₁ w₁ᵀ / (w₁ᵀ v₁): the same right eigenvectors, λ₁ replaced by 0.
  const deflated = (x: Float64Array) => {
    const y = times(x);
    const c = (right.value * dot(left.vector, x)) / scale;
    for (let i = 0; i < n; i++) y[i] -= c * right.vector[i];
    return y;
  };
  const second = dominant(deflated, n);
  return second && Math.abs(second.value) < Math.abs(right.value) ? [...second.vector] : undefined;
}

/** Power iteration: the dominant eigenpair of the map, the vector scaled to 1 at its largest entry; undefined if it does not converge. */
function dominant(apply: (x: Float64Array) => Float64Array, n: number): { value: number; vector: Float64Array } | undefined {
  // A fixed start with a part along every eigenvector in practice (not the all-ones vector, itself one).
  let x: Float64Array = Float64Array.from({ length: n }, (_, i) => 1 + Math.sin(i + 1));
  for (let k = 0; k < MAX_ITERATIONS; k++) {
    const y = apply(x);
    const value = dot(x, y) / dot(x, x);
    let residual = 0;
    let size = 0;
    let peak = 0;
    for (let i = 0; i < n; i++) {
      residual = Math.max(residual, Math.abs(y[i] - value * x[i]));
      size = Math.max(size, Math.abs(x[i]));
      if (Math.abs(y[i]) > Math.abs(y[peak])) peak = i;
    }
    const top = y[peak];
    if (!top || !Number.isFinite(top)) return undefined;
    for (let i = 0; i < n; i++) y[i] /= top;
    x = y;
    if (residual <= TOLERANCE * Math.abs(value) * size) return { value, vector: x };
  }
  return undefined;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

// The noncentral F distribution, which no npm package provides. F'(d1, d2, λ) is a Poisson(λ/2) mixture of
// central F laws, so with z = d1·x / (d2 + d1·x):
//
//   P(F' ≤ x) = Σ_j Pois(j; λ/2) · I_z(d1/2 + j, d2/2)
//
// where I is the regularized incomplete beta (stdlib's port of Boost). Two evaluations of that series:
//
// - `noncentralFCdf` / `noncentralFSurvival` sum it accurately: outward from the Poisson mode, each tail
//   directly (the upper tail as Σ w_j·(1 − I_z) with 1 − I_z computed by betainc itself, so small p-values
//   keep their digits), stopping when a proven bound on the rest is below 1e-17 of the sum. Relative error:
//   truncation ≤ 1e-17 plus the rounding of the weight recurrence (≤ ε per step from the mode) and of
//   betainc, which grows with a + j; bound stated as 1e-11, observed ≤ 2e-12 against 40-digit mpmath for
//   λ ≤ 5000 (test/oracles/scripts/noncentral_f_mpmath.py). Values below ~1e-290 are not resolved.
// - `noncentralFSurvivalAsR` reproduces R's `pf(x, d1, d2, ncp, lower.tail = FALSE)`, which evaluates the
//   series by AS 226 with Frick's R84 change (Lenth 1987; Frick 1990) and a 1e-9 absolute tolerance on the
//   lower tail, then returns 1 − CDF. Its truncation error is what R reports as a p-value (up to ~1e-9
//   absolute, so R's tiny p-values are artefacts); the geodetector packages publish those numbers.
import betainc from '@stdlib/math-base-special-betainc';

/** P(F' ≤ x) for the noncentral F with `df1`, `df2` degrees of freedom and noncentrality `ncp`. */
export function noncentralFCdf(x: number, df1: number, df2: number, ncp: number): number {
  return mixture(x, df1, df2, ncp, false);
}

/** P(F' > x), to a relative error ≤ 1e-11 (see the header). */
export function noncentralFSurvival(x: number, df1: number, df2: number, ncp: number): number {
  return mixture(x, df1, df2, ncp, true);
}

/**
 * R's `pf(x, df1, df2, ncp, lower.tail = FALSE)`, including the truncation error of its AS 226 series
 * (R's switch to a χ² approximation for df2 > 1e8 is not reproduced).
 */
export function noncentralFSurvivalAsR(x: number, df1: number, df2: number, ncp: number): number {
  checkParameters(df1, df2, ncp);
  if (x <= 0) return 1;
  if (x === Infinity) return 0;
  const beta = betaArguments(x, df1, df2);
  const c = ncp / 2;
  const poisson = poissonProbabilities(c);
  // R sums Σ_{j=j0}^{J} w_j·I(j) upward from j0 = ⌊max(c − 7√c, 0)⌋ and stops at the first J > j0 where
  // I(J+1)·(1 − Σ_{j0}^{J} w) ≤ 1e-9, or after 10 000 terms. One minus that sum is rewritten as
  // P(N < j0) + P(N > J) + Σ_{j0}^{J} w_j·(1 − I(j)): positive terms only, so no cancellation here.
  const j0 = Math.floor(Math.max(c - 7 * Math.sqrt(c), 0));
  const below = poisson.massBelow(j0);
  let upper = poisson.at(j0) * beta.upper(j0);
  let j = j0;
  do {
    j++;
    upper += poisson.at(j) * beta.upper(j);
  } while (beta.lower(j + 1) * (below + poisson.massAbove(j)) > R_ERRMAX && j < j0 + R_ITRMAX);
  return Math.min(1, below + poisson.massAbove(j) + upper);
}

const R_ERRMAX = 1e-9;
const R_ITRMAX = 10_000;
/** The series stops once a bound on its rest is below this fraction of the sum. */
const TRUNCATION = 1e-17;

function checkParameters(df1: number, df2: number, ncp: number): void {
  if (!(df1 > 0 && df2 > 0 && Number.isFinite(df1) && Number.isFinite(df2))) throw new RangeError(`noncentral F needs finite df1, df2 > 0, not ${df1}, ${df2}`);
  if (!(ncp >= 0 && Number.isFinite(ncp))) throw new RangeError(`noncentral F needs a finite noncentrality ≥ 0, not ${ncp}`);
}

/** The incomplete-beta terms I_z(a + j, b) and their complements, as R forms z: y = d1·x/d2, z = y/(1+y). */
function betaArguments(x: number, df1: number, df2: number) {
  const y = (df1 / df2) * x;
  const z = y / (1 + y);
  const zc = 1 / (1 + y);
  const a = df1 / 2;
  const b = df2 / 2;
  // betainc works from its own argument, so the side whose argument is small is evaluated directly.
  const lower = (j: number) => (z <= 0.5 ? betainc(z, a + j, b, true, false) : betainc(zc, b, a + j, true, true));
  const upper = (j: number) => (z <= 0.5 ? betainc(z, a + j, b, true, true) : betainc(zc, b, a + j, true, false));
  return { lower, upper };
}

function mixture(x: number, df1: number, df2: number, ncp: number, upperTail: boolean): number {
  checkParameters(df1, df2, ncp);
  if (x <= 0) return upperTail ? 1 : 0;
  if (x === Infinity) return upperTail ? 0 : 1;
  const beta = betaArguments(x, df1, df2);
  const term = upperTail ? beta.upper : beta.lower;
  const c = ncp / 2;
  const poisson = poissonProbabilities(c);
  const mode = poisson.mode;
  let sum = poisson.at(mode) * term(mode);
  // I_z(a + j, b) falls as j grows, so its complement rises: the terms ahead of the walk are bounded by the
  // current one on one side and by 1 on the other. The Poisson mass left beyond j is at most w_j·r/(1 − r),
  // r being the (decreasing) ratio of successive weights.
  for (let j = mode + 1; j <= poisson.last; j++) {
    const t = term(j);
    sum += poisson.at(j) * t;
    const r = c / (j + 1);
    if (poisson.at(j) * (r / (1 - r)) * (upperTail ? 1 : t) <= TRUNCATION * sum) break;
  }
  for (let j = mode - 1; j >= poisson.first; j--) {
    const t = term(j);
    sum += poisson.at(j) * t;
    const r = j / c;
    if (poisson.at(j) * (r / (1 - r)) * (upperTail ? t : 1) <= TRUNCATION * sum) break;
  }
  return Math.min(1, sum);
}

/**
 * Poisson(c) probabilities over every j whose weight is above ~1e-300 of the mode's. They are built by the
 * ratio recurrence outward from the mode and normalised by their sum, so no log-gamma is needed and nothing
 * near the mode underflows; the relative rounding error grows by about ε per step away from the mode.
 */
function poissonProbabilities(c: number) {
  const mode = Math.floor(c);
  const down: number[] = [];
  for (let j = mode, w = 1; j > 0 && w > 1e-300; j--) down.push((w *= j / c));
  const up: number[] = [];
  for (let j = mode, w = 1; w > 1e-300; j++) up.push((w *= c / (j + 1)));
  const first = mode - down.length;
  const w = Float64Array.from([...down.reverse(), 1, ...up]);
  const total = w.reduce((s, v) => s + v, 0);
  for (let i = 0; i < w.length; i++) w[i] /= total;
  const last = first + w.length - 1;
  // Cumulative masses from each end inward, so that small tail masses keep their digits.
  const below = new Float64Array(w.length + 1);
  for (let i = 0; i < w.length; i++) below[i + 1] = below[i] + w[i];
  const above = new Float64Array(w.length + 1);
  for (let i = w.length - 1; i >= 0; i--) above[i] = above[i + 1] + w[i];
  const index = (j: number) => Math.min(Math.max(j - first, 0), w.length);
  return {
    mode, first, last,
    at: (j: number) => (j < first || j > last ? 0 : w[j - first]),
    /** P(N < j). */
    massBelow: (j: number) => below[index(j)],
    /** P(N > j). */
    massAbove: (j: number) => above[index(j + 1)],
  };
}

// Fit statistics as fixest's fitstat() defines them, shared by the OLS, Poisson and NB2 estimators. K is
// fixest's `nparams`: the coefficients plus every fixed-effect level minus one per extra FE dimension (and θ
// for NB2), so AIC and BIC count the fixed effects too.

/** OLS: fixest's logLik uses the Gaussian likelihood with σ² = RSS/n; `sigma2` is sigma(m)² = RSS/(n − K). */
export function gaussianFit(ssr: number, n: number, K: number): Record<string, number> {
  const loglik = -(n / 2) * (Math.log(2 * Math.PI) + Math.log(ssr / n) + 1);
  return { sigma2: ssr / (n - K), rmse: Math.sqrt(ssr / n), loglik, ...informationCriteria(loglik, n, K) };
}

/**
 * Count models: McFadden's pseudo R² 1 − LL/LL₀ (fixest's `pr2`), its adjusted form 1 − (LL − K + 1)/LL₀
 * (`apr2`), AIC, BIC and the squared correlation of y and the fitted means (`sq.cor`, unweighted). Without
 * a null model (`llNull` undefined) the pseudo R²s are left out.
 */
export function countFit(y: Float64Array, mu: Float64Array, loglik: number, llNull: number | undefined, K: number): Record<string, number> {
  return {
    loglik,
    ...(llNull === undefined ? {} : { ll_null: llNull, pseudo_r2: 1 - loglik / llNull, adj_pseudo_r2: 1 - (loglik - K + 1) / llNull }),
    ...informationCriteria(loglik, y.length, K),
    sq_cor: squaredCorrelation(y, mu),
  };
}

/** AIC = −2LL + 2K, BIC = −2LL + K log n (fixest's AIC.fixest and BIC.fixest). */
function informationCriteria(loglik: number, n: number, K: number): { aic: number; bic: number } {
  return { aic: -2 * loglik + 2 * K, bic: -2 * loglik + K * Math.log(n) };
}

export function squaredCorrelation(a: ArrayLike<number>, b: ArrayLike<number>): number {
  const n = a.length;
  let ma = 0;
  let mb = 0;
  for (let i = 0; i < n; i++) {
    ma += a[i];
    mb += b[i];
  }
  ma /= n;
  mb /= n;
  let sab = 0;
  let saa = 0;
  let sbb = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i] - ma;
    const db = b[i] - mb;
    sab += da * db;
    saa += da * da;
    sbb += db * db;
  }
  return (sab * sab) / (saa * sbb);
}

// The NB2 log-likelihood in θ (Var y = μ + μ²/θ) and its θ-derivatives, as MASS writes them with lgamma,
// digamma and trigamma. For integer counts, lgamma(θ+y) − lgamma(θ), digamma(θ+y) − digamma(θ) and
// trigamma(θ) − trigamma(θ+y) are exact finite sums over 0 … y−1, tabulated once per θ. Counts that are not
// whole numbers (fractional patent counts) take the special functions themselves, as glm.nb and
// fixest::fenegbin do: the likelihood is then a quasi-likelihood the fit maximises all the same.
import gammaln from '@stdlib/math-base-special-gammaln';
import digamma from '@stdlib/math-base-special-digamma';
import trigamma from '@stdlib/math-base-special-trigamma';
import { ModelInputError } from '../describe/frame.js';

/** The tables have max y + 1 entries; beyond this the counts are better rescaled than tabulated. */
const LARGEST_COUNT = 10_000_000;

interface ThetaSums {
  theta: number;
  /** Σ_{j<k} log(θ+j), Σ 1/(θ+j), Σ 1/(θ+j)², for k = 0 … max y. */
  log: Float64Array;
  inverse: Float64Array;
  inverseSquare: Float64Array;
}

export class Nb2Likelihood {
  /** log y! at every integer up to max y; undefined when some count is not a whole number. */
  private readonly logFactorial?: Float64Array;
  private sums?: ThetaSums;
  /** How many counts are not whole numbers. */
  readonly fractional: number;

  constructor(readonly y: Float64Array) {
    let max = 0;
    let fractional = 0;
    y.forEach((v, i) => {
      if (!(v >= 0) || !Number.isFinite(v)) throw new ModelInputError(`the negative binomial model needs non-negative counts; row ${i + 1} has ${v}`);
      if (!Number.isInteger(v)) fractional++;
      max = Math.max(max, v);
    });
    this.fractional = fractional;
    if (fractional) return;
    if (max > LARGEST_COUNT) throw new ModelInputError(`counts up to ${LARGEST_COUNT} are supported; the largest here is ${max}`);
    this.logFactorial = new Float64Array(max + 1);
    for (let k = 1; k <= max; k++) this.logFactorial[k] = this.logFactorial[k - 1] + Math.log(k);
  }

  private at(theta: number): ThetaSums | undefined {
    if (!this.logFactorial) return undefined;
    if (this.sums?.theta === theta) return this.sums;
    const size = this.logFactorial.length;
    const sums = { theta, log: new Float64Array(size), inverse: new Float64Array(size), inverseSquare: new Float64Array(size) };
    for (let k = 1; k < size; k++) {
      const t = theta + k - 1;
      sums.log[k] = sums.log[k - 1] + Math.log(t);
      sums.inverse[k] = sums.inverse[k - 1] + 1 / t;
      sums.inverseSquare[k] = sums.inverseSquare[k - 1] + 1 / (t * t);
    }
    return (this.sums = sums);
  }

  /** Per count y: lgamma(θ+y) − lgamma(θ) − lgamma(y+1), digamma(θ+y) − digamma(θ), trigamma(θ) − trigamma(θ+y). */
  private terms(theta: number): { logRatio: (y: number) => number; digammaDiff: (y: number) => number; trigammaDiff: (y: number) => number } {
    const s = this.at(theta);
    if (s) {
      const logFactorial = this.logFactorial!;
      return { logRatio: (y) => s.log[y] - logFactorial[y], digammaDiff: (y) => s.inverse[y], trigammaDiff: (y) => s.inverseSquare[y] };
    }
    const lgammaTheta = gammaln(theta);
    const digammaTheta = digamma(theta);
    const trigammaTheta = trigamma(theta);
    return {
      logRatio: (y) => gammaln(theta + y) - lgammaTheta - gammaln(y + 1),
      digammaDiff: (y) => digamma(theta + y) - digammaTheta,
      trigammaDiff: (y) => trigammaTheta - trigamma(theta + y),
    };
  }

  /** MASS's `loglik` in `glm.nb`. */
  logLikelihood(theta: number, mu: Float64Array): number {
    const t = this.terms(theta);
    let total = 0;
    this.y.forEach((y, i) => {
      total += t.logRatio(y) + theta * Math.log(theta) + y * Math.log(mu[i] + (y === 0 ? 1 : 0)) - (theta + y) * Math.log(theta + mu[i]);
    });
    return total;
  }

  /** ∂ℓ/∂θ (MASS `theta.ml`'s score). */
  thetaScore(theta: number, mu: Float64Array): number {
    const t = this.terms(theta);
    let total = 0;
    this.y.forEach((y, i) => {
      total += t.digammaDiff(y) + Math.log(theta) + 1 - Math.log(theta + mu[i]) - (y + theta) / (mu[i] + theta);
    });
    return total;
  }

  /** −∂²ℓ/∂θ² (MASS `theta.ml`'s observed information). */
  thetaInformation(theta: number, mu: Float64Array): number {
    const t = this.terms(theta);
    let total = 0;
    this.y.forEach((y, i) => {
      total += t.trigammaDiff(y) - 1 / theta + 2 / (mu[i] + theta) - (y + theta) / (mu[i] + theta) ** 2;
    });
    return total;
  }
}

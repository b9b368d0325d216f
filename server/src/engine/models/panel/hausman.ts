// The Hausman test of fixed (within) against random (Swamy–Arora) effects, as plm::phtest. `chisq` (default):
// (b_FE − b_RE)'(V_FE − V_RE)⁻(b_FE − b_RE) over the coefficients both models estimate. `aux`: the
// regression-based form, a Wald test that the within-demeaned regressors have zero coefficients when added to
// the quasi-demeaned random-effects regression, with the classical covariance or any of plm's vcovHC
// (robustCovariance.ts), as phtest(…, method = "aux", vcov = function(x) vcovHC(x, method, type)).
// V_FE − V_RE need not be positive definite in a finite sample. phtest then inverts it anyway and reports the
// form's absolute value; here, as Stata's `hausman` does, the Moore–Penrose inverse (MASS::ginv's tolerance)
// is used on rank(V_FE − V_RE) df and a note says the matrix is not positive definite, and a negative form is
// no statistic at all: `statistic` and `p` are null and `undefinedReason` says why.
import { EigenvalueDecomposition, Matrix } from 'ml-matrix';
import { chiSquareP } from '../../stats/distributions.js';
import { isInterceptColumn, ModelInputError } from '../describe/frame.js';
import type { ModelFrame } from '../frame.js';
import type { ModelResult } from '../../../results/modelResult.js';
import { panelGroups, quasiDemean, type PanelGroups } from './groups.js';
import { leastSquares } from './leastSquares.js';
import { randomEffectsFit } from './randomEffects.js';
import { describePanelVcov, panelRobustCovariance, type PanelVcov } from './robustCovariance.js';
import { withinEstimator } from './within.js';

export interface HausmanOptions {
  /** Default `chisq`. */
  method?: 'chisq' | 'aux';
  /** A robust covariance of the auxiliary regression (`aux` only); the classical one when left out. */
  auxVcov?: PanelVcov;
}

export interface HausmanTest {
  /** χ²; null when the quadratic form is negative (see `undefinedReason`). */
  statistic: number | null;
  /** The rank of the contrast's covariance (the number of common coefficients when it is positive definite). */
  df: number;
  p: number | null;
  method: string;
  /** Why there is no statistic. */
  undefinedReason?: string;
  /** When the contrast's covariance is not positive definite, a note with its eigenvalues and the inverse used. */
  notes: string[];
  within: ModelResult;
  random: ModelResult;
}

export function hausmanTest(frame: ModelFrame, options: HausmanOptions = {}): HausmanTest {
  const { method = 'chisq', auxVcov } = options;
  if (auxVcov && method !== 'aux') throw new ModelInputError('a robust covariance applies to the regression-based Hausman test only (method aux), as in plm::phtest');
  const groups = panelGroups(frame);
  if (groups.count < 2) throw new ModelInputError(`the Hausman test needs at least 2 individuals in ${groups.name}, not ${groups.count}`);
  const within = withinEstimator(frame);
  const { model: random, components } = randomEffectsFit(frame, {}, within);
  const { difference, covariance } = method === 'chisq' ? contrast(within, random) : auxiliaryWald(frame, groups, within, components.theta, auxVcov);
  const form = generalizedForm(difference, covariance);
  const name = method === 'chisq' ? 'Hausman test' : `regression-based Hausman test${auxVcov ? `, vcov: ${describePanelVcov(auxVcov, groups.name)}` : ''}`;
  const matrix = method === 'chisq' ? 'V_FE − V_RE' : 'the covariance of the within-regressor coefficients';
  const notes = form.positiveDefinite ? [] : [`${matrix} is not positive definite (eigenvalues ${form.eigenvalues.map((e) => +e.toPrecision(4)).join(', ')}): the statistic uses its generalised (Moore–Penrose) inverse, on ${form.rank} df.`];
  const base = { df: form.rank, method: name, notes, within, random };
  if (form.value < 0) {
    const undefinedReason = `The ${name} is undefined: the quadratic form with the generalised inverse of ${matrix} is negative (${+form.value.toPrecision(6)}), so these data do not meet the test's asymptotic assumptions.`;
    return { ...base, statistic: null, p: null, undefinedReason };
  }
  return { ...base, statistic: form.value, p: chiSquareP(form.value, form.rank) };
}

interface Wald {
  difference: number[];
  covariance: number[][];
}

function contrast(within: ModelResult, random: ModelResult): Wald {
  const terms = within.coefficients.map((c) => c.term);
  const at = random.coefficients.map((c) => c.term);
  const r = terms.map((t) => at.indexOf(t));
  if (r.includes(-1)) throw new ModelInputError(`the random-effects model lacks ${terms.filter((_, k) => r[k] < 0).join(', ')}`);
  return {
    difference: terms.map((_, k) => within.coefficients[k].estimate - random.coefficients[r[k]].estimate),
    covariance: terms.map((_, a) => terms.map((_, b) => within.vcov![a][b] - random.vcov![r[a]][r[b]])),
  };
}

/** Pooled OLS of y* on [1, X* (no intercept), X̃], Wald on the X̃ block (θ per individual, as phtest: a plain 1, not 1 − θᵢ). */
function auxiliaryWald(frame: ModelFrame, groups: PanelGroups, within: ModelResult, theta: Float64Array, vcov: PanelVcov | undefined): Wald {
  const regressors = frame.X.filter((c) => !isInterceptColumn(c));
  const tilde = within.coefficients.map((c) => quasiDemean(frame.X.find((x) => x.name === c.term)!.values, groups, 1));
  const Z = [new Float64Array(frame.y.length).fill(1), ...regressors.map((c) => quasiDemean(c.values, groups, theta)), ...tilde];
  const y = quasiDemean(frame.y, groups, theta);
  const fit = leastSquares(Z, y);
  if (fit.aliased.some(Boolean)) throw new ModelInputError('the auxiliary Hausman regression is collinear');
  const full = vcov
    ? panelRobustCovariance(Z, fit.unscaledCovariance, y.map((v, i) => v - fit.fitted[i]), groups, vcov)
    : fit.unscaledCovariance.map((row) => row.map((v) => (v * fit.ssr) / (frame.y.length - fit.rank)));
  const block = Z.map((_, j) => j).slice(Z.length - tilde.length);
  return { difference: block.map((j) => fit.coefficients[j]), covariance: block.map((a) => block.map((b) => full[a][b])) };
}

/** MASS::ginv drops singular values below sqrt(machine epsilon) times the largest. */
const GINV_TOLERANCE = Math.sqrt(Number.EPSILON);

interface GeneralizedForm {
  /** d′M⁻d with M⁻ the Moore–Penrose inverse of the symmetric M. */
  value: number;
  rank: number;
  positiveDefinite: boolean;
  /** Largest first. */
  eigenvalues: number[];
}

/** d′M⁻d from M's eigendecomposition: Σ (v_k′d)²/λ_k over the eigenvalues MASS::ginv keeps. */
export function generalizedForm(d: number[], m: number[][]): GeneralizedForm {
  const evd = new EigenvalueDecomposition(new Matrix(m), { assumeSymmetric: true });
  const eigenvalues = evd.realEigenvalues;
  const vectors = evd.eigenvectorMatrix;
  const cut = GINV_TOLERANCE * Math.max(...eigenvalues.map(Math.abs));
  let value = 0;
  let rank = 0;
  eigenvalues.forEach((lambda, k) => {
    if (!(Math.abs(lambda) > cut)) return;
    rank++;
    const projection = d.reduce((s, v, i) => s + v * vectors.get(i, k), 0);
    value += (projection * projection) / lambda;
  });
  if (!rank || !Number.isFinite(value)) throw new ModelInputError('the covariance matrix of the contrast is zero or not finite; the Hausman statistic is undefined');
  return { value, rank, positiveDefinite: eigenvalues.every((e) => e > cut), eigenvalues: [...eigenvalues].sort((a, b) => b - a) };
}

// Input, options and the serialisable result of the geographical detector. Results are plain data (no typed
// arrays, no NaN), so `JSON.stringify` of a result is lossless.
import type { Checkpoint } from '../../cancel.js';
import type { ClassMethod } from '../../stats/classify.js';
import type { GeoDetectorConvention } from './conventions.js';

export type DiscretizationMethod = ClassMethod;

export interface DiscretizationOptions {
  method: DiscretizationMethod;
  /** Number of classes; fewer result when quantile breaks coincide. Default 5. */
  classes?: number;
}

export interface GeoFactor {
  name: string;
  /** Category labels (numbers or strings), or codes already assigned; numbers are discretised when `discretize` is set. */
  values: readonly (number | string)[] | Int32Array;
  discretize?: DiscretizationOptions;
}

export interface GeoDetectorInput {
  y: Float64Array | readonly number[];
  factors: GeoFactor[];
}

export type Detector = 'factor' | 'interaction' | 'risk' | 'ecological';

export interface GeoDetectorOptions {
  /** Throws when the run is cancelled; called for every factor, pair and detector. */
  checkpoint?: Checkpoint;
  /** Which package's conventions to follow (see conventions.ts). Default 'geodetector'. */
  convention?: GeoDetectorConvention;
  /**
   * How the factor detector's noncentral-F p-value is computed: 'R' reproduces R's `pf` (what both packages
   * publish, including its ~1e-9 absolute truncation error), 'accurate' sums the series to full precision.
   * Default 'R'.
   */
  pValue?: 'R' | 'accurate';
  /** Detectors to run. Default all four (interaction and ecological need two factors or more). */
  detectors?: readonly Detector[];
  /** Significance level of the risk detector's t-tests. Default 0.05. */
  riskAlpha?: number;
  /**
   * Risk detector, strata with one observation (no Welch t): 'skip' leaves out the pairs they are in, with a
   * note (geodetector's risk_detector skips them silently), 'error' refuses them. Default 'skip'.
   */
  riskSingletons?: 'skip' | 'error';
  /** Ecological detector statistic: 'qRatio' q(X2)/q(X1) as both packages, 'sswRatio' SSW(X1)/SSW(X2) as Wang et al. 2010. */
  ecologicalStatistic?: 'qRatio' | 'sswRatio';
  /** Ecological detector: F is compared with the F(N−1, N−1) quantile at this level, in both directions. Default 0.9, as both packages. */
  ecologicalLevel?: number;
}

export interface FactorDetectorRow {
  factor: string;
  /** Strata (L) and observations (N) the degrees of freedom are based on. */
  strata: number;
  n: number;
  q: number;
  /** (N − L)/(L − 1) · q/(1 − q), compared with the noncentral F(L − 1, N − L, λ). */
  F: number;
  df1: number;
  df2: number;
  lambda: number;
  p: number;
}

export type InteractionClass = 'Weaken, nonlinear' | 'Weaken, uni-' | 'Enhance, bi-' | 'Independent' | 'Enhance, nonlinear';

export interface InteractionRow {
  factor1: string;
  factor2: string;
  q1: number;
  q2: number;
  /** q of the strata formed by crossing both factors. */
  q12: number;
  /** Strata of factor1, of factor2 and of their crossing (the observed pairs). */
  strata1: number;
  strata2: number;
  strata12: number;
  /** Crossed strata with a single observation: GD drops them before q12, geodetector keeps them. */
  singletons12: number;
  interaction: InteractionClass;
}

export interface StratumMean {
  stratum: string;
  n: number;
  mean: number;
}

export interface RiskTest {
  stratum1: string;
  stratum2: string;
  /** Welch t of mean(stratum1) − mean(stratum2), as R's t.test(y1, y2). */
  t: number;
  /** Welch–Satterthwaite df, unrounded. */
  df: number;
  /** Two-sided p-value with the unrounded df. */
  p: number;
  /** By the convention's rule: geodetector compares |t| with the critical t at the rounded df. */
  significant: boolean;
}

export interface RiskDetectorResult {
  factor: string;
  means: StratumMean[];
  tests: RiskTest[];
}

export interface EcologicalRow {
  factor1: string;
  factor2: string;
  /** q(factor2)/q(factor1), or SSW(factor1)/SSW(factor2) for the 'sswRatio' statistic. */
  F: number;
  df1: number;
  df2: number;
  /** The F(df1, df2) quantile at `ecologicalLevel`. */
  critical: number;
  /** F or 1/F above the critical value. */
  significant: boolean;
}

export interface FactorDiscretization {
  factor: string;
  method: DiscretizationMethod;
  classes: number;
  /** [min, upper bound of class 1, …, max]; classes are right-closed, the minimum belongs to class 1. */
  breaks: number[];
}

export interface GeoDetectorResult {
  convention: GeoDetectorConvention;
  n: number;
  factor: FactorDetectorRow[];
  interaction: InteractionRow[];
  risk: RiskDetectorResult[];
  ecological: EcologicalRow[];
  discretization: FactorDiscretization[];
  /** Conventions applied and anything skipped, in sentences. */
  notes: string[];
}

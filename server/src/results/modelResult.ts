// The serialisable shape every estimator returns. Panels, tables and `innograph run --json` read only
// this; estimators fill what applies to them and leave the rest out.

export interface Coefficient {
  term: string;
  estimate: number;
  se: number;
  /** t or z statistic, as `ModelResult.statistic` says. */
  stat: number;
  p: number;
  ciLow: number;
  ciHigh: number;
}

/** A test reported with the model: AR(1), AR(2), Sargan, Hansen, F, Wald … */
export interface TestResult {
  /** Null when the test is undefined on these data (then `p` is null too and `reason` says why). */
  statistic: number | null;
  df?: number;
  df2?: number;
  p: number | null;
  reason?: string;
}

export interface FixedEffectSummary {
  /** As written in the formula: `i`, `i^t`. */
  name: string;
  levels: number;
  /** Levels removed before estimation (singletons, all-zero outcome groups …). */
  removed?: number;
}

/** One fixed effect's estimated values (fixest's fixef()), levels in sorted order. */
export interface FixedEffectValues {
  name: string;
  levels: string[];
  values: number[];
  /** Levels set to 0 to identify the others (one per connected group of observations, none for the first FE). */
  references: number;
}

export interface VcovSummary {
  /** `iid`, `hetero` (HC1), `cluster`, `twoway`, `robust` (GMM), `windmeijer`. */
  type: string;
  /** The clustering variables and their number of clusters, when clustered. */
  clusters?: { name: string; count: number }[];
  /** The small-sample convention used, e.g. "fixest: ssc(adj = TRUE, cluster.adj = TRUE, fixef.K = 'nested')". */
  convention?: string;
}

export interface ModelResult {
  estimator: string;
  dependent: string;
  statistic: "t" | "z";
  coefficients: Coefficient[];
  /** Row-major covariance of the reported coefficients, in `coefficients` order. */
  vcov?: number[][];
  vcovType?: VcovSummary;
  /** n, r2, adj_r2, within_r2, pseudo_r2, loglik, deviance, theta, alpha, groups, instruments … */
  fit: Record<string, number>;
  fixedEffects?: FixedEffectSummary[];
  /** Each fixed effect's values, when the model asked for them (`fixef: true`). */
  fixef?: FixedEffectValues[];
  tests?: Record<string, TestResult>;
  /** Models a test compares this one with, by role (Hausman: `random`, the random-effects estimates). */
  compared?: Record<string, ModelResult>;
  /** Everything dropped or adjusted: collinear terms, singletons, separated observations, conventions. */
  notes: string[];
}

// The estimators' plain numeric input. The formula → frame step turns a spec's formula into this: factors
// expanded to dummy columns where an estimator needs them, fixed effects already interacted (`i^t` is
// one factor), missing values as NaN.

export interface NumericColumn {
  name: string;
  values: Float64Array;
}

export interface FactorColumn {
  name: string;
  /** Non-negative integer codes, one per row; need not be dense. */
  codes: Int32Array;
  /** The level each code stands for (`labels[code]`), when known: names fixed-effect values. */
  labels?: string[];
  /** Set when the codes are dense (0 … levels − 1, in order of first appearance): how many levels there are. */
  levels?: number;
}

export interface ModelFrame {
  y: Float64Array;
  /** Name of the dependent variable in results; `y` when omitted. */
  yName?: string;
  /** Regressors, including the intercept column (all ones) when the model has one. */
  X: NumericColumn[];
  fe?: FactorColumn[];
}

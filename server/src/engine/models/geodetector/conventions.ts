// The two R packages that define the geographical detector differ in a few places; everything that differs
// is decided here, so the detectors read one flag each instead of comparing package names.
//
//                          geodetector 1.0-5 (default)            GD 10.8
// singleton strata (q, λ)  kept                                    observations dropped; df keep the original L, N
// σ² in λ                  sample variance (N − 1)                 var(y)·(N − 1)/N, of the kept observations
// interaction at ties      q12 ≥ max → "Enhance, bi-" (so          GD's if-else chain, "Independent" when
//                          "Independent" never wins)               q12 = q1 + q2 exactly
// risk detector test       |t| > t_{1−α/2}(round(df)), rounded      Welch t.test p < α
//                          half to even as R's round()

export type GeoDetectorConvention = 'geodetector' | 'GD';

export interface ConventionRules {
  dropSingletonStrata: boolean;
  lambdaVariance: 'sample' | 'population';
  interactionRules: 'geodetector' | 'GD';
  riskSignificance: 'roundedDfCritical' | 'pValue';
}

export const CONVENTIONS: Record<GeoDetectorConvention, ConventionRules> = {
  geodetector: { dropSingletonStrata: false, lambdaVariance: 'sample', interactionRules: 'geodetector', riskSignificance: 'roundedDfCritical' },
  GD: { dropSingletonStrata: true, lambdaVariance: 'population', interactionRules: 'GD', riskSignificance: 'pValue' },
};

// Regional covariates (GDP per capita, firms, science spending, ...) that are
// loosely correlated with a region's patent volume, so regressions on the
// example data find a signal without it being a deterministic function.
import type { Rng } from '../prng.js';
import { fixed } from './csvSink.js';

export const COVARIATE_COLUMNS = [
  'gdp_pc', 'firms', 'sci_exp', 'granted', 'library_books', 'retail', 'tertiary', 'graduates',
] as const;
export type CovariateColumn = (typeof COVARIATE_COLUMNS)[number];

interface CovariateSpec {
  /** Typical value (median) for a region of average development. */
  median: number;
  /** Log-scale spread across regions; 0 means the value is additive (a share). */
  logSpread: number;
  /** Additive spread, for shares like the tertiary-industry percentage. */
  spread?: number;
  /** How strongly it follows regional development (0..1). */
  loading: number;
  digits: number;
  min?: number;
  max?: number;
}

type CovariateSpecs = Readonly<Record<CovariateColumn, CovariateSpec>>;

/** Province scale: units as in Chinese statistical yearbooks (yuan, counts, 100 million yuan, 10k volumes, %, 10k persons). */
export const PROVINCE_COVARIATES: CovariateSpecs = {
  gdp_pc: { median: 62_000, logSpread: 0.3, loading: 0.8, digits: 0 },
  firms: { median: 9_000, logSpread: 0.9, loading: 0.85, digits: 0 },
  sci_exp: { median: 140, logSpread: 0.75, loading: 0.85, digits: 2 },
  granted: { median: 45_000, logSpread: 1.0, loading: 0.95, digits: 0 },
  library_books: { median: 2_600, logSpread: 0.55, loading: 0.7, digits: 1 },
  retail: { median: 11_000, logSpread: 0.8, loading: 0.85, digits: 1 },
  tertiary: { median: 53, logSpread: 0, spread: 5.5, loading: 0.6, digits: 2, min: 38, max: 84 },
  graduates: { median: 20, logSpread: 0.7, loading: 0.75, digits: 2 },
};

/** City scale: same units, smaller totals. */
export const CITY_COVARIATES: CovariateSpecs = {
  gdp_pc: { median: 72_000, logSpread: 0.35, loading: 0.8, digits: 0 },
  firms: { median: 1_500, logSpread: 0.9, loading: 0.85, digits: 0 },
  sci_exp: { median: 28, logSpread: 0.9, loading: 0.85, digits: 2 },
  granted: { median: 7_500, logSpread: 1.1, loading: 0.95, digits: 0 },
  library_books: { median: 450, logSpread: 0.6, loading: 0.7, digits: 1 },
  retail: { median: 1_900, logSpread: 0.8, loading: 0.85, digits: 1 },
  tertiary: { median: 50, logSpread: 0, spread: 6.5, loading: 0.6, digits: 2, min: 32, max: 84 },
  graduates: { median: 3.5, logSpread: 0.9, loading: 0.75, digits: 2 },
};

/** Mean-0, sd-1 version of log(1 + volume), so big and small samples behave alike. */
function standardisedLogVolume(volumes: readonly number[]): number[] {
  const logs = volumes.map((v) => Math.log1p(v));
  const mean = logs.reduce((a, b) => a + b, 0) / logs.length;
  const sd = Math.sqrt(logs.reduce((a, b) => a + (b - mean) ** 2, 0) / logs.length) || 1;
  return logs.map((x) => (x - mean) / sd);
}

/** One row of formatted covariate cells per region, in the order of `volumes`. */
export function regionCovariateRows(rng: Rng, volumes: readonly number[], specs: CovariateSpecs): string[][] {
  const z = standardisedLogVolume(volumes);
  return z.map((zi) => {
    // A latent "development" factor, only partly explained by patenting.
    const development = 0.75 * zi + Math.sqrt(1 - 0.75 ** 2) * rng.normal();
    return COVARIATE_COLUMNS.map((column) => {
      const s = specs[column];
      const f = s.loading * development + Math.sqrt(1 - s.loading ** 2) * rng.normal();
      let value = s.logSpread > 0 ? s.median * Math.exp(s.logSpread * f) : s.median + (s.spread ?? 1) * f;
      if (s.min !== undefined) value = Math.max(s.min, value);
      if (s.max !== undefined) value = Math.min(s.max, value);
      return fixed(value, s.digits);
    });
  });
}

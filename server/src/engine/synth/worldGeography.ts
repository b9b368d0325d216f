// Countries and inventor regions for the REGPAT-like dataset. Region codes
// mimic OECD REGPAT: two-letter country code followed by a regional code
// (Chinese provinces CN11, CN31, ...; US states by FIPS, e.g. US06; NUTS-like
// codes for Europe). The codes are plausible, not an official concordance.
import { PROVINCES, PROVINCES_BY_PATENTING, provinceNamed } from './chinaGeography.js';
import { allocateCounts } from './sampling.js';

export interface Country {
  code: string;
  name: string;
  g7: 0 | 1;
  brics: 0 | 1;
  /** Relative share of foreign (non-Chinese) patenting; unused for China. */
  foreignWeight: number;
  /** Region codes, largest first (fed to a Zipf law). */
  regions: readonly string[];
}

const FOREIGN: readonly Country[] = [
  { code: 'US', name: 'United States', g7: 1, brics: 0, foreignWeight: 30, regions: ['US06', 'US36', 'US48', 'US25', 'US53', 'US34', 'US26', 'US17', 'US42', 'US37', 'US13', 'US27', 'US04', 'US08', 'US41'] },
  { code: 'JP', name: 'Japan', g7: 1, brics: 0, foreignWeight: 22, regions: ['JP13', 'JP27', 'JP23', 'JP14', 'JP11', 'JP28', 'JP22', 'JP26', 'JP40', 'JP08'] },
  { code: 'DE', name: 'Germany', g7: 1, brics: 0, foreignWeight: 14, regions: ['DE21', 'DE11', 'DE12', 'DEA1', 'DE71', 'DE25', 'DE14', 'DE30', 'DEA2', 'DE92', 'DED2', 'DE60'] },
  { code: 'KR', name: 'Korea', g7: 0, brics: 0, foreignWeight: 9, regions: ['KR11', 'KR41', 'KR30', 'KR26', 'KR47', 'KR48', 'KR43'] },
  { code: 'FR', name: 'France', g7: 1, brics: 0, foreignWeight: 5, regions: ['FR10', 'FR71', 'FR62', 'FR82', 'FR42', 'FR30', 'FR61', 'FR51'] },
  { code: 'GB', name: 'United Kingdom', g7: 1, brics: 0, foreignWeight: 5, regions: ['GBI1', 'GBJ1', 'GBH1', 'GBK1', 'GBG3', 'GBM7', 'GBD3', 'GBF1'] },
  { code: 'IT', name: 'Italy', g7: 1, brics: 0, foreignWeight: 3, regions: ['ITC4', 'ITH5', 'ITC1', 'ITH3', 'ITI4', 'ITI1', 'ITF3'] },
  { code: 'CA', name: 'Canada', g7: 1, brics: 0, foreignWeight: 3, regions: ['CA35', 'CA24', 'CA59', 'CA48', 'CA46'] },
  { code: 'CH', name: 'Switzerland', g7: 0, brics: 0, foreignWeight: 2, regions: ['CH04', 'CH03', 'CH01', 'CH05'] },
  { code: 'NL', name: 'Netherlands', g7: 0, brics: 0, foreignWeight: 2, regions: ['NL41', 'NL33', 'NL32', 'NL31'] },
  { code: 'SE', name: 'Sweden', g7: 0, brics: 0, foreignWeight: 2, regions: ['SE11', 'SE23', 'SE22'] },
  { code: 'IN', name: 'India', g7: 0, brics: 1, foreignWeight: 1.5, regions: ['IN29', 'IN27', 'IN07', 'IN33', 'IN36', 'IN24'] },
  { code: 'RU', name: 'Russia', g7: 0, brics: 1, foreignWeight: 1, regions: ['RU77', 'RU78', 'RU50', 'RU54', 'RU66'] },
  { code: 'AU', name: 'Australia', g7: 0, brics: 0, foreignWeight: 1, regions: ['AU01', 'AU02', 'AU03', 'AU05'] },
  { code: 'BR', name: 'Brazil', g7: 0, brics: 1, foreignWeight: 0.8, regions: ['BR35', 'BR33', 'BR31', 'BR41', 'BR43'] },
  { code: 'ZA', name: 'South Africa', g7: 0, brics: 1, foreignWeight: 0.5, regions: ['ZA07', 'ZA01', 'ZA05'] },
];

/** China's regions are its provinces, ordered by patenting so the Zipf law puts Guangdong first. */
const CHINA: Country = {
  code: 'CN',
  name: 'China',
  g7: 0,
  brics: 1,
  foreignWeight: 0,
  regions: PROVINCES_BY_PATENTING.map((name) => `CN${provinceNamed(name).code}`),
};

export const CHINA_CODE = 'CN';

/** All countries, China first, then foreign countries by patenting weight. */
export const COUNTRIES: readonly Country[] = [CHINA, ...FOREIGN];
export const FOREIGN_COUNTRIES: readonly Country[] = FOREIGN;

// Region codes must start with their country code, or ctry_code would disagree with reg_code.
for (const c of COUNTRIES) {
  for (const r of c.regions) if (!r.startsWith(c.code)) throw new Error(`region ${r} not in ${c.code}`);
}
if (CHINA.regions.length !== PROVINCES.length) throw new Error('every province needs a CN region');

/**
 * The countries with their region lists lengthened to about `total` regions in all, for benchmarks at
 * the scale of real REGPAT (hundreds of regions). Extra regions are shared out in proportion to each
 * country's own count and appended as the smallest ones (codes like USX001), so the Zipf law still
 * puts the named regions first. Fewer than the built-in count leaves the lists as they are.
 */
export function countriesWithRegions(total: number): readonly Country[] {
  const builtIn = COUNTRIES.reduce((sum, c) => sum + c.regions.length, 0);
  if (total <= builtIn) return COUNTRIES;
  const extra = allocateCounts(total - builtIn, COUNTRIES.map((c) => c.regions.length));
  return COUNTRIES.map((c, i) => ({
    ...c,
    regions: [...c.regions, ...Array.from({ length: extra[i]! }, (_, k) => `${c.code}X${String(k + 1).padStart(3, '0')}`)],
  }));
}

// Rare-earth patent applications filed in China (2001-2020 by default):
// patents, their applicants with province/city, and 2020 covariates for
// provinces and cities. Rows are streamed to the sinks as they are produced.
import { rngFor } from '../prng.js';
import type { RowSink } from './csvSink.js';
import { WeightedSampler, zipfWeights } from './sampling.js';
import { yearSchedule } from './yearSchedule.js';
import { ChinesePatentIds } from './chinesePatentIds.js';
import { ChineseApplicantModel } from './chineseApplicantModel.js';
import { PROVINCES, citiesInTableOrder } from './chinaGeography.js';
import { RARE_EARTH_IPC } from './ipcCodes.js';
import { COVARIATE_COLUMNS, CITY_COVARIATES, PROVINCE_COVARIATES, regionCovariateRows } from './regionCovariates.js';

export const RARE_EARTH_TABLES = {
  patents: { file: 'patents.csv', columns: ['patent_id', 'app_year', 'ipc'] },
  applicants: { file: 'applicants.csv', columns: ['patent_id', 'seq', 'applicant', 'kind', 'province', 'city'] },
  provinces: { file: 'provinces_2020.csv', columns: ['province', ...COVARIATE_COLUMNS] },
  cities: { file: 'cities_2020.csv', columns: ['city', 'province', ...COVARIATE_COLUMNS] },
} as const;

export type RareEarthSinks = Record<keyof typeof RARE_EARTH_TABLES, RowSink>;

export interface RareEarthOptions {
  seed: number;
  /** Number of patents (default 3000). */
  patents?: number;
  firstYear?: number;
  lastYear?: number;
}

export const RARE_EARTH_DEFAULTS = { patents: 3000, firstYear: 2001, lastYear: 2020 } as const;

export async function generateRareEarth(options: RareEarthOptions, sinks: RareEarthSinks): Promise<void> {
  const total = options.patents ?? RARE_EARTH_DEFAULTS.patents;
  const firstYear = options.firstYear ?? RARE_EARTH_DEFAULTS.firstYear;
  const lastYear = options.lastYear ?? RARE_EARTH_DEFAULTS.lastYear;
  const ids = new ChinesePatentIds(rngFor(options.seed, 'rare_earth/ids'));
  const patentRng = rngFor(options.seed, 'rare_earth/patents');
  const applicantRng = rngFor(options.seed, 'rare_earth/applicants');
  const ipcSampler = new WeightedSampler(zipfWeights(RARE_EARTH_IPC.length, 1.1));
  const model = new ChineseApplicantModel({
    // Baotou (Bayan Obo mine), Ganzhou (ionic clays) and the magnet cluster in Ningbo lead the field.
    leadingCities: ['Baotou', 'Beijing', 'Ganzhou', 'Ningbo', 'Changchun', 'Shanghai', 'Xiamen', 'Hohhot', 'Longyan', 'Nanchang', 'Shenyang', 'Changsha'],
    cityExponent: 1.05,
    kindWeights: { firm: 0.5, university: 0.28, institute: 0.14, individual: 0.08 },
    reuseProbability: 0.72,
    naming: {
      firmActivities: ['Rare Earth', 'Magnetic Materials', 'New Materials', 'Rare Earth Metallurgy', 'Permanent Magnet', 'Functional Materials'],
      instituteFields: ['Applied Chemistry', 'Rare Earth Research', 'Metal Research', 'Nonferrous Metals', 'Process Engineering'],
    },
  });

  // Applicant rows per region feed the covariates: bigger patenting regions get bigger economies.
  const volumeByProvince = new Map<string, number>();
  const volumeByCity = new Map<string, number>();

  // 14% more filings each year, roughly the pace of Chinese rare-earth patenting.
  for (const slot of yearSchedule({ total, firstYear, lastYear, annualGrowth: 0.14 })) {
    const patentId = ids.next(slot.year, slot.yearCount);
    await sinks.patents.writeRow([patentId, slot.year, RARE_EARTH_IPC[ipcSampler.sample(patentRng)]!]);
    for (const a of model.drawApplicants(applicantRng)) {
      await sinks.applicants.writeRow([patentId, a.seq, a.name, a.kind, a.city.province, a.city.name]);
      volumeByProvince.set(a.city.province, (volumeByProvince.get(a.city.province) ?? 0) + 1);
      volumeByCity.set(a.city.name, (volumeByCity.get(a.city.name) ?? 0) + 1);
    }
  }

  const covariateRng = rngFor(options.seed, 'rare_earth/covariates');
  const provinceRows = regionCovariateRows(covariateRng, PROVINCES.map((p) => volumeByProvince.get(p.name) ?? 0), PROVINCE_COVARIATES);
  for (const [i, p] of PROVINCES.entries()) await sinks.provinces.writeRow([p.name, ...provinceRows[i]!]);

  const cities = citiesInTableOrder();
  const cityRows = regionCovariateRows(covariateRng, cities.map((c) => volumeByCity.get(c.name) ?? 0), CITY_COVARIATES);
  for (const [i, c] of cities.entries()) {
    // A municipality (Beijing, Tianjin, Shanghai, Chongqing) is its own province: same statistics.
    const municipality = PROVINCES.findIndex((p) => p.name === c.name);
    await sinks.cities.writeRow([c.name, c.province, ...(municipality >= 0 ? provinceRows[municipality]! : cityRows[i]!)]);
  }
}

// AI and other digital patents filed in Chinese cities (2011-2020 by
// default), their applicants, and a balanced city-year panel of AI policy
// counts (IP) with continuous controls. Policies raise the chance that a
// city's patents are AI patents, so the panel carries a real (synthetic) effect.
import { rngFor, type Rng } from '../prng.js';
import { fixed, type RowSink } from './csvSink.js';
import { WeightedSampler, zipfWeights } from './sampling.js';
import { yearSchedule } from './yearSchedule.js';
import { ChinesePatentIds } from './chinesePatentIds.js';
import { ChineseApplicantModel } from './chineseApplicantModel.js';
import { citiesInTableOrder, type City } from './chinaGeography.js';
import { AI_IPC, NON_AI_DIGITAL_IPC } from './ipcCodes.js';

export const AI_TABLES = {
  patents: { file: 'patents.csv', columns: ['patent_id', 'app_year', 'is_ai', 'province', 'city', 'ipc'] },
  applicants: { file: 'applicants.csv', columns: ['patent_id', 'seq', 'applicant', 'province', 'city'] },
  cityYears: { file: 'city_years.csv', columns: ['city', 'year', 'IP', 'ED', 'IC', 'IE'] },
} as const;

export type AiSinks = Record<keyof typeof AI_TABLES, RowSink>;

export interface AiOptions {
  seed: number;
  /** Number of patents (default 5000). */
  patents?: number;
  firstYear?: number;
  lastYear?: number;
}

export const AI_DEFAULTS = { patents: 5000, firstYear: 2011, lastYear: 2020 } as const;

/** The State Council's New Generation AI Development Plan; local policies multiply afterwards. */
const NATIONAL_PLAN_YEAR = 2017;

interface CityYear {
  IP: number;
  ED: number;
  IC: number;
  IE: number;
}

/** Policies and controls for every city and year, drawn before any patent (small: cities x years). */
function cityYearPanel(rng: Rng, cities: readonly City[], firstYear: number, lastYear: number): Map<string, CityYear[]> {
  const panel = new Map<string, CityYear[]>();
  cities.forEach((city, rank) => {
    const prominence = 1 / Math.sqrt(rank + 1);
    // City development: mostly prominence, partly idiosyncratic.
    const development = 0.8 * (2.2 * prominence - 0.6) + 0.6 * rng.normal();
    const rows: CityYear[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      const t = year - firstYear;
      const policyRate =
        1.5 * prominence * (year < NATIONAL_PLAN_YEAR ? 0.25 + 0.08 * t : 1.2 + 0.5 * (year - NATIONAL_PLAN_YEAR));
      rows.push({
        IP: rng.poisson(policyRate),
        // log GDP per capita, tertiary share of GDP, science spending share of the budget.
        ED: 10.9 + 0.35 * development + 0.05 * t + 0.03 * rng.normal(),
        IC: Math.min(0.85, Math.max(0.25, 0.46 + 0.06 * development + 0.008 * t + 0.01 * rng.normal())),
        IE: Math.exp(-3.7 + 0.4 * development + 0.03 * t + 0.06 * rng.normal()),
      });
    }
    panel.set(city.name, rows);
  });
  return panel;
}

export async function generateAi(options: AiOptions, sinks: AiSinks): Promise<void> {
  const total = options.patents ?? AI_DEFAULTS.patents;
  const firstYear = options.firstYear ?? AI_DEFAULTS.firstYear;
  const lastYear = options.lastYear ?? AI_DEFAULTS.lastYear;
  const model = new ChineseApplicantModel({
    leadingCities: ['Beijing', 'Shenzhen', 'Shanghai', 'Hangzhou', 'Guangzhou', 'Nanjing', 'Suzhou', 'Chengdu', 'Wuhan', 'Xian', 'Hefei'],
    cityExponent: 1.1,
    kindWeights: { firm: 0.7, university: 0.18, institute: 0.07, individual: 0.05 },
    reuseProbability: 0.7,
    naming: {
      firmActivities: ['Intelligent Technology', 'Information Technology', 'Network Technology', 'Electronics', 'Software', 'Data Technology'],
      instituteFields: ['Automation', 'Computing Technology', 'Intelligent Systems', 'Information Engineering'],
    },
  });
  const panel = cityYearPanel(rngFor(options.seed, 'ai/policies'), model.cities, firstYear, lastYear);
  const ids = new ChinesePatentIds(rngFor(options.seed, 'ai/ids'));
  const patentRng = rngFor(options.seed, 'ai/patents');
  const applicantRng = rngFor(options.seed, 'ai/applicants');
  const aiIpc = new WeightedSampler(zipfWeights(AI_IPC.length, 1.0));
  const otherIpc = new WeightedSampler(zipfWeights(NON_AI_DIGITAL_IPC.length, 1.0));
  const citiesSeen = new Set<string>();

  for (const slot of yearSchedule({ total, firstYear, lastYear, annualGrowth: 0.18 })) {
    const patentId = ids.next(slot.year, slot.yearCount);
    const applicants = model.drawApplicants(applicantRng);
    const home = applicants[0]!.city;
    const policies = panel.get(home.name)![slot.year - firstYear]!.IP;
    // AI's share of digital patents rises over the decade, and faster where policies are.
    const baseShare = 0.13 + 0.024 * (slot.year - firstYear);
    const isAi = patentRng.chance(Math.min(0.9, baseShare * (1 + 0.12 * policies)));
    const ipc = isAi ? AI_IPC[aiIpc.sample(patentRng)]! : NON_AI_DIGITAL_IPC[otherIpc.sample(patentRng)]!;
    await sinks.patents.writeRow([patentId, slot.year, isAi ? 1 : 0, home.province, home.name, ipc]);
    citiesSeen.add(home.name);
    for (const a of applicants) {
      await sinks.applicants.writeRow([patentId, a.seq, a.name, a.city.province, a.city.name]);
    }
  }

  // Balanced panel over exactly the cities that appear in patents.csv.
  for (const city of citiesInTableOrder(model.cities.filter((c) => citiesSeen.has(c.name)))) {
    const rows = panel.get(city.name)!;
    for (const [t, r] of rows.entries()) {
      await sinks.cityYears.writeRow([city.name, firstYear + t, r.IP, fixed(r.ED, 4), fixed(r.IC, 4), fixed(r.IE, 4)]);
    }
  }
}

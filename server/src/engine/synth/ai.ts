// AI and other digital patents filed in Chinese cities (2011-2020 by
// default), their applicants, a balanced city-year panel of AI policy
// counts (IP) with continuous controls, and a balanced firm-year panel of the
// most active firms' government subsidies (GS) and accounts. Policies raise the
// chance that a city's patents are AI patents, and a firm's subsidies rise with
// its city's policies and its own patenting, so the panels carry real
// (synthetic) effects: seed 001's Table 4 and its mediation by GS (Table 5).
import { rngFor, type Rng } from '../prng.js';
import { fixed, type RowSink } from './csvSink.js';
import { WeightedSampler, zipfWeights } from './sampling.js';
import { yearSchedule } from './yearSchedule.js';
import { ChinesePatentIds } from './chinesePatentIds.js';
import { ChineseApplicantModel } from './chineseApplicantModel.js';
import { CITIES_BY_PATENTING, MORE_CITIES, citiesInTableOrder, type City } from './chinaGeography.js';
import { AI_IPC, NON_AI_DIGITAL_IPC } from './ipcCodes.js';

export const AI_TABLES = {
  patents: { file: 'patents.csv', columns: ['patent_id', 'app_year', 'is_ai', 'province', 'city', 'ipc'] },
  applicants: { file: 'applicants.csv', columns: ['patent_id', 'seq', 'applicant', 'province', 'city'] },
  cityYears: { file: 'city_years.csv', columns: ['city', 'year', 'IP', 'ED', 'IC', 'IE'] },
  firmYears: { file: 'firm_years.csv', columns: ['applicant', 'year', 'GS', 'EP', 'CS', 'OC'] },
} as const;

export type AiSinks = Record<keyof typeof AI_TABLES, RowSink>;

export interface AiOptions {
  seed: number;
  /** Number of patents (default 12000). */
  patents?: number;
  /** Number of firms in the firm-year panel: the firms with the most patents (default 150). */
  firms?: number;
  firstYear?: number;
  lastYear?: number;
}

export const AI_DEFAULTS = { patents: 12000, firms: 150, firstYear: 2011, lastYear: 2020 } as const;

/** The State Council's New Generation AI Development Plan; local policies multiply afterwards. */
const NATIONAL_PLAN_YEAR = 2017;

interface CityYear {
  IP: number;
  /** The city's propensity to file AI rather than other digital patents that year (its bent, and a yearly shock). */
  specialisation: number;
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
    // AI concentrates in the larger cities, each with its own bent.
    const specialisation = Math.exp(0.3 * rng.normal() - (0.9 * rank) / cities.length);
    const rows: CityYear[] = [];
    for (let year = firstYear; year <= lastYear; year++) {
      const t = year - firstYear;
      const policyRate =
        1.5 * prominence * (year < NATIONAL_PLAN_YEAR ? 0.25 + 0.08 * t : 1.2 + 0.5 * (year - NATIONAL_PLAN_YEAR));
      rows.push({
        IP: rng.poisson(policyRate),
        specialisation: specialisation * Math.exp(0.35 * rng.normal()),
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

/** A firm's patents per year, where it sits, and its rank-breaking name. */
interface FirmRecord {
  name: string;
  city: string;
  patents: number[];
}

export async function generateAi(options: AiOptions, sinks: AiSinks): Promise<void> {
  const total = options.patents ?? AI_DEFAULTS.patents;
  const firstYear = options.firstYear ?? AI_DEFAULTS.firstYear;
  const lastYear = options.lastYear ?? AI_DEFAULTS.lastYear;
  const model = new ChineseApplicantModel({
    cities: [...CITIES_BY_PATENTING, ...MORE_CITIES],
    leadingCities: ['Beijing', 'Shenzhen', 'Shanghai', 'Hangzhou', 'Guangzhou', 'Nanjing', 'Suzhou', 'Chengdu', 'Wuhan', 'Xian', 'Hefei'],
    cityExponent: 0.75,
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
  const firms = new Map<string, FirmRecord>();

  for (const slot of yearSchedule({ total, firstYear, lastYear, annualGrowth: 0.18 })) {
    const patentId = ids.next(slot.year, slot.yearCount);
    const applicants = model.drawApplicants(applicantRng);
    const home = applicants[0]!.city;
    const { IP: policies, specialisation } = panel.get(home.name)![slot.year - firstYear]!;
    // AI's share of digital patents rises over the decade, and faster where policies are.
    const baseShare = 0.13 + 0.024 * (slot.year - firstYear);
    const isAi = patentRng.chance(Math.min(0.9, baseShare * (1 + 0.12 * policies) * specialisation));
    const ipc = isAi ? AI_IPC[aiIpc.sample(patentRng)]! : NON_AI_DIGITAL_IPC[otherIpc.sample(patentRng)]!;
    await sinks.patents.writeRow([patentId, slot.year, isAi ? 1 : 0, home.province, home.name, ipc]);
    citiesSeen.add(home.name);
    for (const a of applicants) {
      await sinks.applicants.writeRow([patentId, a.seq, a.name, a.city.province, a.city.name]);
      if (a.kind !== 'firm') continue;
      let firm = firms.get(a.name);
      if (!firm) firms.set(a.name, (firm = { name: a.name, city: a.city.name, patents: new Array<number>(lastYear - firstYear + 1).fill(0) }));
      firm.patents[slot.year - firstYear]!++;
    }
  }

  // Balanced panel over exactly the cities that appear in patents.csv.
  for (const city of citiesInTableOrder(model.cities.filter((c) => citiesSeen.has(c.name)))) {
    const rows = panel.get(city.name)!;
    for (const [t, r] of rows.entries()) {
      await sinks.cityYears.writeRow([city.name, firstYear + t, r.IP, fixed(r.ED, 4), fixed(r.IC, 4), fixed(r.IE, 4)]);
    }
  }

  // The most active firms, by patents then name, over every year.
  const active = [...firms.values()]
    .sort((a, b) => sum(b.patents) - sum(a.patents) || (a.name < b.name ? -1 : 1))
    .slice(0, options.firms ?? AI_DEFAULTS.firms)
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const firmRng = rngFor(options.seed, 'ai/firms');
  for (const firm of active) {
    // GS = log government subsidies (yuan): persistent, higher with the city's AI policies and with the
    // firm's own patenting. EP return on assets, CS asset-liability ratio, OC asset turnover.
    const level = 13 + 0.6 * firmRng.normal() + 0.2 * Math.log1p(sum(firm.patents));
    const profitability = 0.05 + 0.03 * firmRng.normal();
    const leverage = 0.45 + 0.1 * firmRng.normal();
    let gs = level;
    for (const [t, patents] of firm.patents.entries()) {
      const policies = panel.get(firm.city)![t]!.IP;
      gs = 0.3 * gs + 0.7 * level + 0.15 * Math.log1p(policies) + 0.25 * Math.log1p(patents) + 0.15 * firmRng.normal();
      const ep = profitability + 0.02 * firmRng.normal();
      const cs = Math.min(0.95, Math.max(0.05, leverage + 0.04 * firmRng.normal()));
      const oc = Math.max(0.05, 0.6 + 0.15 * firmRng.normal());
      await sinks.firmYears.writeRow([firm.name, firstYear + t, fixed(gs, 4), fixed(ep, 4), fixed(cs, 4), fixed(oc, 4)]);
    }
  }
}

function sum(xs: readonly number[]): number {
  return xs.reduce((s, x) => s + x, 0);
}

// A REGPAT-like set (OECD REGPAT layout: application id, priority year,
// inventor and applicant regions, citations): Chinese and foreign inventors, with China's
// share rising over time and some co-inventions crossing borders.
import { rngFor, type Rng } from '../prng.js';
import type { RowSink } from './csvSink.js';
import { WeightedSampler, zipfWeights } from './sampling.js';
import { yearSchedule } from './yearSchedule.js';
import { CountSampler, INVENTORS_PER_PATENT, withMeanCount } from './applicantCounts.js';
import { CitationModel } from './citationModel.js';
import { CHINA_CODE, COUNTRIES, countriesWithRegions, type Country } from './worldGeography.js';
import { ENV_TECH_IPC, GENERAL_IPC } from './ipcCodes.js';

export const REGPAT_TABLES = {
  patents: { file: 'patents.csv', columns: ['appln_id', 'prio_year', 'ipc', 'env_tech'] },
  inventors: { file: 'inventors.csv', columns: ['appln_id', 'inv_seq', 'reg_code', 'ctry_code'] },
  applicants: { file: 'applicants.csv', columns: ['appln_id', 'app_seq', 'reg_code', 'ctry_code'] },
  citations: { file: 'citations.csv', columns: ['citing_id', 'cited_id'] },
  countries: { file: 'countries.csv', columns: ['ctry_code', 'country_name', 'g7', 'brics'] },
} as const;

export type RegpatSinks = Record<keyof typeof REGPAT_TABLES, RowSink>;

export interface RegpatOptions {
  seed: number;
  /** Number of patents (default 4000). */
  patents?: number;
  firstYear?: number;
  lastYear?: number;
  /** Mean backward citations per patent (default 4; use 10 for a 1M-patent / 10M-link benchmark). */
  citationsPerPatent?: number;
  /** Share of patents with a Chinese first inventor in the first and last year (default 0.12 -> 0.62). */
  chinaShareStart?: number;
  chinaShareEnd?: number;
  /** About this many inventor regions in all (default: the ~140 built-in ones); extras are small regions. */
  regions?: number;
  /** Mean inventors per patent (default ≈ 2.8, the built-in distribution; 3 gives 3M rows for 1M patents). */
  inventorsPerPatent?: number;
}

export const REGPAT_DEFAULTS = {
  patents: 4000,
  firstYear: 1998,
  lastYear: 2017,
  citationsPerPatent: 4,
  chinaShareStart: 0.12,
  chinaShareEnd: 0.62,
} as const;

/** Internal application ids start here; external (cited-only) prior art lives in its own range. */
export const INTERNAL_ID_BASE = 100_000_001;
export const EXTERNAL_ID_BASE = 900_000_001;

// Where a co-inventor lives relative to the first inventor.
const SAME_REGION = 0.62;
const SAME_COUNTRY = 0.28; // otherwise: another country
const FOREIGN_PARTNER_IS_CHINESE = 0.45;
// An applicant sits where the first inventor does; each other country among the inventors co-owns the
// patent with this probability (so a China–foreign co-invention may be Chinese-, foreign- or jointly owned).
const CO_APPLICANT_PER_OTHER_COUNTRY = 0.3;

type Located = { region: string; country: Country };

/** Applicant (reg_code, country) pairs for one patent from its inventors, first inventor's first. */
function applicantsOf(rng: Rng, inventors: readonly Located[]): Located[] {
  const first = inventors[0]!;
  const out = [first];
  const seen = new Set([first.country.code]);
  for (const inv of inventors) {
    if (seen.has(inv.country.code)) continue;
    seen.add(inv.country.code);
    if (rng.chance(CO_APPLICANT_PER_OTHER_COUNTRY)) out.push(inv);
  }
  return out;
}

class InventorGeography {
  private readonly china: Country;
  private readonly foreign: readonly Country[];
  private readonly foreignSampler: WeightedSampler;
  private readonly regionSamplers: Map<string, WeightedSampler>;

  constructor(countries: readonly Country[]) {
    this.china = countries.find((c) => c.code === CHINA_CODE)!;
    this.foreign = countries.filter((c) => c !== this.china);
    this.foreignSampler = new WeightedSampler(this.foreign.map((c) => c.foreignWeight));
    this.regionSamplers = new Map(countries.map((c) => [c.code, new WeightedSampler(zipfWeights(c.regions.length, 1.0))] as const));
  }

  region(rng: Rng, country: Country): string {
    return country.regions[this.regionSamplers.get(country.code)!.sample(rng)]!;
  }

  foreignCountry(rng: Rng): Country {
    return this.foreign[this.foreignSampler.sample(rng)]!;
  }

  /** Inventor (reg_code, country) pairs for one patent, first inventor first. */
  inventors(rng: Rng, count: number, chinaShare: number): Located[] {
    const firstCountry = rng.chance(chinaShare) ? this.china : this.foreignCountry(rng);
    const first = { region: this.region(rng, firstCountry), country: firstCountry };
    const out = [first];
    for (let i = 1; i < count; i++) {
      const r = rng.next();
      if (r < SAME_REGION) out.push(first);
      else if (r < SAME_REGION + SAME_COUNTRY) out.push({ region: this.region(rng, firstCountry), country: firstCountry });
      else {
        const partner =
          firstCountry === this.china || !rng.chance(FOREIGN_PARTNER_IS_CHINESE) ? this.foreignCountry(rng) : this.china;
        out.push({ region: this.region(rng, partner), country: partner });
      }
    }
    return out;
  }
}

export async function generateRegpat(options: RegpatOptions, sinks: RegpatSinks): Promise<void> {
  const o = { ...REGPAT_DEFAULTS, ...definedOnly(options), seed: options.seed };
  const patentRng = rngFor(o.seed, 'regpat/patents');
  const inventorRng = rngFor(o.seed, 'regpat/inventors');
  const citationRng = rngFor(o.seed, 'regpat/citations');
  const applicantRng = rngFor(o.seed, 'regpat/applicants');
  const geography = new InventorGeography(options.regions === undefined ? COUNTRIES : countriesWithRegions(options.regions));
  const inventorCounts = new CountSampler(
    options.inventorsPerPatent === undefined ? INVENTORS_PER_PATENT : withMeanCount(INVENTORS_PER_PATENT, options.inventorsPerPatent),
  );
  const envIpc = new WeightedSampler(zipfWeights(ENV_TECH_IPC.length, 1.0));
  const otherIpc = new WeightedSampler(zipfWeights(GENERAL_IPC.length, 0.8));
  const citations = new CitationModel({
    meanPerPatent: o.citationsPerPatent,
    outDegreeSigma: 0.8,
    internalShare: 0.5,
    attachmentProbability: 0.6,
    externalPoolSize: Math.max(2_000, 2 * o.patents),
    externalExponent: 0.85,
  });

  for (const c of COUNTRIES) await sinks.countries.writeRow([c.code, c.name, c.g7, c.brics]);

  const span = Math.max(1, o.lastYear - o.firstYear);
  for (const slot of yearSchedule({ total: o.patents, firstYear: o.firstYear, lastYear: o.lastYear, annualGrowth: 0.08 })) {
    const progress = (slot.year - o.firstYear) / span;
    const applnId = INTERNAL_ID_BASE + slot.index;
    // Environmental technologies gain share over time (about 40% overall).
    const isEnv = patentRng.chance(0.28 + 0.22 * progress);
    const ipc = isEnv ? ENV_TECH_IPC[envIpc.sample(patentRng)]! : GENERAL_IPC[otherIpc.sample(patentRng)]!;
    await sinks.patents.writeRow([applnId, slot.year, ipc, isEnv ? 1 : 0]);

    const chinaShare = o.chinaShareStart + (o.chinaShareEnd - o.chinaShareStart) * progress;
    const inventors = geography.inventors(inventorRng, inventorCounts.sample(inventorRng), chinaShare);
    for (const [i, inv] of inventors.entries()) {
      await sinks.inventors.writeRow([applnId, i + 1, inv.region, inv.country.code]);
    }
    for (const [i, app] of applicantsOf(applicantRng, inventors).entries()) {
      await sinks.applicants.writeRow([applnId, i + 1, app.region, app.country.code]);
    }

    // Only strictly older priority years are citable, so citations never point forward in time.
    for (const cited of citations.draw(citationRng, slot.yearStart)) {
      const citedId = 'internal' in cited ? INTERNAL_ID_BASE + cited.internal : EXTERNAL_ID_BASE + cited.external;
      await sinks.citations.writeRow([applnId, citedId]);
    }
  }
}

/** Drops undefined fields so `{ patents: undefined }` falls back to the default. */
function definedOnly<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

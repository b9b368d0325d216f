// Applicants of a Chinese patent and where they are. The first applicant's
// city is Zipf-distributed over a preset-specific ranking of cities (so a few
// cities hold most patents); co-applicants are mostly local, sometimes from
// elsewhere in the province, sometimes anywhere.
import type { Rng } from '../prng.js';
import { WeightedSampler, withLeadersFirst, zipfWeights } from './sampling.js';
import { CITIES_BY_PATENTING, type City } from './chinaGeography.js';
import { ApplicantPool } from './applicantPool.js';
import { applicantName, type ApplicantKind, type NamingField } from './applicantNames.js';
import { APPLICANTS_PER_PATENT, CountSampler } from './applicantCounts.js';

export interface ChineseApplicantModelOptions {
  /** The cities applicants sit in, in overall rank (default CITIES_BY_PATENTING). */
  cities?: readonly City[];
  /** Cities that lead this field, biggest first; the rest follow the overall ranking. */
  leadingCities: readonly string[];
  /** Zipf exponent over the city ranking (1 = classic Zipf). */
  cityExponent: number;
  kindWeights: Readonly<Record<ApplicantKind, number>>;
  /** Chance a new patent reuses an existing local applicant (drives repeat-applicant skew). */
  reuseProbability: number;
  naming: NamingField;
}

export interface PlacedApplicant {
  seq: number;
  name: string;
  kind: ApplicantKind;
  city: City;
}

// Where a co-applicant sits relative to the first applicant.
const SAME_CITY = 0.55;
const SAME_PROVINCE = 0.15;

export class ChineseApplicantModel {
  /** Cities in this preset's rank order (rank 1 first). */
  readonly cities: readonly City[];
  private readonly citySampler: WeightedSampler;
  private readonly citiesOfProvince = new Map<string, number[]>();
  private readonly pool: ApplicantPool;
  private readonly counts = new CountSampler(APPLICANTS_PER_PATENT);

  constructor(private readonly options: ChineseApplicantModelOptions) {
    this.cities = withLeadersFirst(options.cities ?? CITIES_BY_PATENTING, (c) => c.name, options.leadingCities);
    this.citySampler = new WeightedSampler(zipfWeights(this.cities.length, options.cityExponent));
    this.cities.forEach((c, i) => {
      const list = this.citiesOfProvince.get(c.province) ?? [];
      list.push(i);
      this.citiesOfProvince.set(c.province, list);
    });
    this.pool = new ApplicantPool(this.cities.length, options.kindWeights, options.reuseProbability);
  }

  /** Rank (0 = largest) of a city in this preset's ordering. */
  cityRank(name: string): number {
    return this.cities.findIndex((c) => c.name === name);
  }

  /** The applicants of one patent, seq 1..k, the first one deciding the patent's home city. */
  drawApplicants(rng: Rng): PlacedApplicant[] {
    const k = this.counts.sample(rng);
    const firstCity = this.citySampler.sample(rng);
    const taken = new Set<number>();
    const out: PlacedApplicant[] = [];
    for (let seq = 1; seq <= k; seq++) {
      const city = seq === 1 ? firstCity : this.coApplicantCity(rng, firstCity);
      const id = this.pool.choose(rng, city, taken);
      taken.add(id);
      const kind = this.pool.kindOf(id);
      const place = this.cities[this.pool.cityOf(id)]!;
      out.push({ seq, name: applicantName(id, kind, place.name, this.options.naming), kind, city: place });
    }
    return out;
  }

  private coApplicantCity(rng: Rng, firstCity: number): number {
    const r = rng.next();
    if (r < SAME_CITY) return firstCity;
    if (r < SAME_CITY + SAME_PROVINCE) {
      const siblings = this.citiesOfProvince.get(this.cities[firstCity]!.province)!;
      return rng.pick(siblings);
    }
    return this.citySampler.sample(rng);
  }
}

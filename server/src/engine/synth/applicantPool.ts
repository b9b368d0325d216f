// Applicants that patent repeatedly. Reuse follows preferential attachment
// (an applicant is picked in proportion to its past patents), which yields the
// heavy-tailed applicant sizes seen in real patent data. Memory is a few
// numbers per applicant and per applicant row, never a name string.
import type { Rng } from '../prng.js';
import { WeightedSampler } from './sampling.js';
import { APPLICANT_KINDS, type ApplicantKind } from './applicantNames.js';

export class ApplicantPool {
  private readonly kinds: number[] = [];
  private readonly cities: number[] = [];
  /** Per city: one entry per past appearance of an applicant located there. */
  private readonly ticketsByCity: number[][];
  private readonly kindSampler: WeightedSampler;

  constructor(
    cityCount: number,
    kindWeights: Readonly<Record<ApplicantKind, number>>,
    private readonly reuseProbability: number,
  ) {
    this.ticketsByCity = Array.from({ length: cityCount }, () => []);
    this.kindSampler = new WeightedSampler(APPLICANT_KINDS.map((k) => kindWeights[k]));
  }

  get size(): number {
    return this.kinds.length;
  }

  /** An applicant in `city` for one patent; `taken` holds applicants already on it. */
  choose(rng: Rng, city: number, taken: ReadonlySet<number>): number {
    const tickets = this.ticketsByCity[city]!;
    if (tickets.length > 0 && rng.chance(this.reuseProbability)) {
      // A few tries; a patent rarely lists the same applicant twice, so fall back to a new one.
      for (let attempt = 0; attempt < 4; attempt++) {
        const id = tickets[Math.floor(rng.next() * tickets.length)]!;
        if (!taken.has(id)) {
          tickets.push(id);
          return id;
        }
      }
    }
    const id = this.kinds.length;
    this.kinds.push(this.kindSampler.sample(rng));
    this.cities.push(city);
    tickets.push(id);
    return id;
  }

  kindOf(id: number): ApplicantKind {
    return APPLICANT_KINDS[this.kinds[id]!]!;
  }

  cityOf(id: number): number {
    return this.cities[id]!;
  }
}

// Backward citations with a heavy-tailed in-degree. Within the dataset a
// patent is cited by preferential attachment (Price's model: the more it has
// been cited, the likelier it is cited again); prior art outside the dataset
// gets ids from a Zipf-ranked external pool. Memory is one int per internal
// citation, so ten million links fit in tens of megabytes.
import type { Rng } from '../prng.js';
import { zipfRank } from './sampling.js';

export interface CitationModelOptions {
  /** Mean number of backward citations per citing patent. */
  meanPerPatent: number;
  /** Spread of the per-patent citation rate (lognormal sigma); larger = more skewed out-degree. */
  outDegreeSigma: number;
  /** Share of citations that point inside the dataset once earlier patents exist. */
  internalShare: number;
  /** Chance an internal citation copies an earlier citation (preferential attachment) rather than picking at random. */
  attachmentProbability: number;
  /** Size of the external prior-art pool and its Zipf exponent. */
  externalPoolSize: number;
  externalExponent: number;
}

export class CitationModel {
  /** Internal cited indices, one per internal citation made so far. */
  private tickets = new Int32Array(1024);
  private ticketCount = 0;

  constructor(private readonly options: CitationModelOptions) {}

  /**
   * Cited targets for one citing patent. `citableCount` is how many internal
   * patents (indices 0..citableCount-1) are old enough to be cited.
   * Internal targets come back as { internal: index }, external ones as { external: rank }.
   */
  draw(rng: Rng, citableCount: number): Array<{ internal: number } | { external: number }> {
    const o = this.options;
    const rate = rng.lognormalWithMean(o.meanPerPatent, o.outDegreeSigma);
    const count = rng.poisson(rate);
    const seenInternal = new Set<number>();
    const seenExternal = new Set<number>();
    const out: Array<{ internal: number } | { external: number }> = [];
    // Duplicate draws are dropped rather than redrawn forever; a few extra tries keep the mean close.
    for (let attempt = 0; out.length < count && attempt < count * 3; attempt++) {
      if (citableCount > 0 && rng.chance(o.internalShare)) {
        const target = this.internalTarget(rng, citableCount);
        if (seenInternal.has(target)) continue;
        seenInternal.add(target);
        out.push({ internal: target });
      } else {
        const rank = zipfRank(rng, o.externalPoolSize, o.externalExponent);
        if (seenExternal.has(rank)) continue;
        seenExternal.add(rank);
        out.push({ external: rank });
      }
    }
    for (const c of out) if ('internal' in c) this.addTicket(c.internal);
    return out;
  }

  private internalTarget(rng: Rng, citableCount: number): number {
    if (this.ticketCount > 0 && rng.chance(this.options.attachmentProbability)) {
      return this.tickets[Math.floor(rng.next() * this.ticketCount)]!;
    }
    // Otherwise favour recent prior art: squaring the uniform pulls towards the newest patents.
    const u = rng.next();
    return citableCount - 1 - Math.floor(u * u * citableCount);
  }

  private addTicket(index: number): void {
    if (this.ticketCount === this.tickets.length) {
      const grown = new Int32Array(this.tickets.length * 2);
      grown.set(this.tickets);
      this.tickets = grown;
    }
    this.tickets[this.ticketCount++] = index;
  }
}

// Seeded pseudo-random numbers for everything the engine draws (synthetic data, Louvain runs, shuffles):
// the same seed always gives the same result.

/** mulberry32: 32-bit state, tiny, fast and good enough for synthetic data. */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform integer in [0, 2^32). */
  nextUint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    return this.nextUint32() / 4294967296;
  }

  /** Uniform integer in [lo, hi] (both inclusive). */
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  /**
   * A copy of `values` shuffled (Fisher–Yates): across all rows, or with `groups` (a code per row) only among the
   * rows of the same group, so that each group keeps its multiset of values. One group draws exactly what
   * no groups does.
   */
  shuffled(values: Float64Array, groups?: Int32Array): Float64Array {
    const out = Float64Array.from(values);
    const members = new Map<number, number[]>();
    for (let r = 0; r < values.length; r++) {
      const g = groups ? groups[r] : 0;
      let rows = members.get(g);
      if (!rows) members.set(g, (rows = []));
      rows.push(r);
    }
    for (const rows of members.values()) {
      for (let i = rows.length - 1; i > 0; i--) {
        const j = this.int(0, i);
        [out[rows[i]], out[rows[j]]] = [out[rows[j]], out[rows[i]]];
      }
    }
    return out;
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Standard normal via Box–Muller; uses one of the pair so the stream stays simple to reason about. */
  normal(): number {
    const u = 1 - this.next(); // (0, 1], keeps log finite
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Lognormal whose *mean* is `mean` (not its median), so callers can reason in expected counts. */
  lognormalWithMean(mean: number, sigma: number): number {
    const mu = Math.log(mean) - (sigma * sigma) / 2;
    return Math.exp(mu + sigma * this.normal());
  }

  /** Poisson draw; Knuth for small rates, rounded normal for large ones (exactness there does not matter). */
  poisson(lambda: number): number {
    if (lambda <= 0) return 0;
    if (lambda > 30) return Math.max(0, Math.round(lambda + Math.sqrt(lambda) * this.normal()));
    const limit = Math.exp(-lambda);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k++;
      p *= this.next();
    }
    return k;
  }
}

/** murmur3's 32-bit finaliser: spreads nearby seeds far apart. */
function mix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * Seed for an independent sub-stream, e.g. deriveSeed(42, 'regpat/citations').
 * Separate streams mean that tweaking one part of a generator (say, the
 * citation model) does not reshuffle every other table.
 */
export function deriveSeed(seed: number, label: string): number {
  // Fold in the high bits too, so seeds above 2^32 still differ.
  let h = mix32((seed >>> 0) ^ mix32(Math.floor(seed / 4294967296) >>> 0));
  for (let i = 0; i < label.length; i++) {
    h = Math.imul(h ^ label.charCodeAt(i), 0x01000193); // FNV-1a step
  }
  return mix32(h);
}

export function rngFor(seed: number, label: string): Rng {
  return new Rng(deriveSeed(seed, label));
}

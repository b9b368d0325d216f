// CONCOR (CONvergence of iterated CORrelations), as UCINET describes it (help lf_v5j): each actor's
// profile is its row (and, with `transpose`, its column) of every relation; profiles are correlated
// (Pearson), the correlation matrix is correlated again until every |r| ≥ 1 − convergence (or the
// iteration cap), and the block splits by the sign of the correlation with its first member.
// Splits recurse on each block (profiles still over all n actors) to the given depth.

export type Diagonal = 'reciprocal' | 'ignore' | 'retain';

export interface ConcorOptions {
  depth: number;
  transpose: boolean;
  /** reciprocal (UCINET default): x_ii is compared with x_jj and x_ij with x_ji; ignore: cells of i and j left out. */
  diagonal: Diagonal;
  convergence: number;
  maxIter: number;
  /** UCINET does not split blocks of two actors. */
  splitPairs: boolean;
  /** Throws when the run is cancelled; called every iteration. */
  checkpoint?: () => void;
}

export interface ConcorResult {
  /** Blocks of actor indices, in the order the splits produce them. */
  blocks: number[][];
  log: { level: number; blockSize: number; iterations: number; converged: boolean }[];
}

export function concor(relations: readonly (readonly number[][])[], options: ConcorOptions): ConcorResult {
  const n = relations[0]?.length ?? 0;
  let blocks = [Array.from({ length: n }, (_, i) => i)];
  const log: ConcorResult['log'] = [];
  for (let level = 1; level <= options.depth; level++) {
    const next: number[][] = [];
    for (const block of blocks) {
      if (block.length <= (options.splitPairs ? 1 : 2)) {
        next.push(block);
        continue;
      }
      options.checkpoint?.();
      let r = profileCorrelations(relations, block, options);
      let iterations = 0;
      while (!converged(r, options.convergence) && iterations < options.maxIter) {
        options.checkpoint?.();
        r = correlateRows(r);
        iterations++;
      }
      log.push({ level, blockSize: block.length, iterations, converged: converged(r, options.convergence) });
      const first = block.filter((_, t) => r[0][t] > 0);
      const second = block.filter((_, t) => !(r[0][t] > 0));
      next.push(...[first, second].filter((b) => b.length));
    }
    blocks = next;
  }
  return { blocks, log };
}

function converged(r: number[][], convergence: number): boolean {
  return r.every((row) => row.every((x) => Math.abs(x) >= 1 - convergence));
}

/** The profiles of two actors i, j under the diagonal convention, concatenated over the relations. */
function profiles(relations: readonly (readonly number[][])[], i: number, j: number, options: ConcorOptions): [number[], number[]] {
  const x: number[] = [];
  const y: number[] = [];
  for (const m of relations) {
    const n = m.length;
    for (let k = 0; k < n; k++) {
      if (options.diagonal === 'ignore' && (k === i || k === j)) continue;
      if (options.diagonal === 'reciprocal' && k === i) { x.push(m[i][i]); y.push(m[j][j]); continue; }
      if (options.diagonal === 'reciprocal' && k === j) { x.push(m[i][j]); y.push(m[j][i]); continue; }
      x.push(m[i][k]);
      y.push(m[j][k]);
    }
    if (!options.transpose) continue;
    for (let k = 0; k < n; k++) {
      // The cells of i and j are already compared in the rows (reciprocal) or left out (ignore).
      if (options.diagonal !== 'retain' && (k === i || k === j)) continue;
      x.push(m[k][i]);
      y.push(m[k][j]);
    }
  }
  return [x, y];
}

function profileCorrelations(relations: readonly (readonly number[][])[], block: readonly number[], options: ConcorOptions): number[][] {
  const k = block.length;
  const r: number[][] = Array.from({ length: k }, (_, a) => Array.from({ length: k }, (__, b) => (a === b ? 1 : 0)));
  for (let a = 0; a < k; a++) {
    for (let b = a + 1; b < k; b++) {
      const [x, y] = profiles(relations, block[a], block[b], options);
      r[a][b] = r[b][a] = pearson(x, y);
    }
  }
  return r;
}

function correlateRows(r: number[][]): number[][] {
  return r.map((x) => r.map((y) => pearson(x, y)));
}

/** Pearson correlation; 0 when either vector is constant (no information to split on). */
export function pearson(x: readonly number[], y: readonly number[]): number {
  const n = x.length;
  const mx = x.reduce((s, v) => s + v, 0) / n;
  const my = y.reduce((s, v) => s + v, 0) / n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = x[i] - mx;
    const dy = y[i] - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx === 0 || syy === 0 ? 0 : sxy / Math.sqrt(sxx * syy);
}

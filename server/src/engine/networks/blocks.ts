// Block densities, the image matrix and E-I indices of a partition (METHODS A(d)), in UCINET's
// conventions: densities are mean cell values with diagonal cells left out; the image is 1 where a
// block's density reaches the overall density (α = density); the E-I routine counts binary cells,
// ties sent (rows): I_k = cells inside group k, E_k = cells from k to other groups.

export interface GroupEI { internal: number; external: number; ei: number | null }

/** E-I = (E − I)/(E + I) from internal and external tie counts (or valued sums); null without ties. */
export function eiIndex(internal: number, external: number): GroupEI {
  return { internal, external, ei: internal + external ? (external - internal) / (internal + external) : null };
}

export interface BlockModel {
  overallDensity: number;
  /** density[a][b]; NaN for a block without cells (a one-actor diagonal block). */
  density: number[][];
  sum: number[][];
  image: number[][];
  /** E-I per group: binary (UCINET's E-I routine) and valued (its Homophily routine). */
  groups: GroupsEI[];
  /** The whole network's: every group's internal and external ties (cells, and their values) summed. */
  whole: GroupsEI;
}
export interface GroupsEI { binary: GroupEI; valued: GroupEI }

export function blockModel(w: readonly (readonly number[])[], blocks: readonly (readonly number[])[]): BlockModel {
  const n = w.length;
  const group = Array<number>(n).fill(-1);
  blocks.forEach((b, k) => b.forEach((v) => { group[v] = k; }));
  const sum = blocks.map(() => blocks.map(() => 0));
  const cells = blocks.map(() => blocks.map(() => 0));
  let total = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      if (i === j) continue;
      sum[group[i]][group[j]] += w[i][j];
      cells[group[i]][group[j]]++;
      total += w[i][j];
    }
  }
  const overallDensity = n > 1 ? total / (n * (n - 1)) : 0;
  const density = sum.map((row, a) => row.map((s, b) => (cells[a][b] ? s / cells[a][b] : NaN)));
  const image = density.map((row) => row.map((d) => (d >= overallDensity ? 1 : 0)));
  const groups = blocks.map((_, k) => {
    let bi = 0; let be = 0; let vi = 0; let ve = 0;
    for (let i = 0; i < n; i++) {
      if (group[i] !== k) continue;
      for (let j = 0; j < n; j++) {
        if (i === j || w[i][j] === 0) continue;
        if (group[j] === k) { bi++; vi += w[i][j]; } else { be++; ve += w[i][j]; }
      }
    }
    return { binary: eiIndex(bi, be), valued: eiIndex(vi, ve) };
  });
  const summed = (of: (g: GroupsEI) => GroupEI) => eiIndex(groups.reduce((s, g) => s + of(g).internal, 0), groups.reduce((s, g) => s + of(g).external, 0));
  const whole = { binary: summed((g) => g.binary), valued: summed((g) => g.valued) };
  return { overallDensity, density, sum, image, groups, whole };
}

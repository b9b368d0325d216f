// The region × technology toolkit in one call: the indicators asked for, computed on one period's count
// matrix, as EconGeo computes them, by level — regions, technologies, region × technology cells and pairs of
// technologies. RCA-based indicators read the binary RCA matrix, as EconGeo's `RCA = TRUE` calls do.
import { coOccurrence, densityAverage, relatedness, relatednessDensity, type RelatednessMethod } from './relatedness.js';
import { kci, tci } from './complexity.js';
import { binaryRca, diversity, entropy, hoover, krugman, rca, ubiquity } from './specialisation.js';
import { rowSums, type RegionTechnology, type Rounding } from './matrix.js';

export const REGION_INDICATORS = ['diversity', 'krugman', 'entropy', 'kci', 'density_outside', 'density_inside'] as const;
export const TECHNOLOGY_INDICATORS = ['ubiquity', 'tci', 'hoover'] as const;
export const CELL_INDICATORS = ['rca', 'rca_binary', 'density'] as const;
export const PAIR_INDICATORS = ['co_occurrence', 'relatedness'] as const;

export interface ToolkitOptions {
  relatedness: RelatednessMethod;
  rounding: Rounding;
  /** Hoover's reference distribution: every region alike (EconGeo's default) or the regions' totals. */
  population: 'uniform' | 'total';
}

/** Each asked indicator's values: regions' and technologies' in their order, cells [region][technology], pairs [i][j]. */
export interface ToolkitValues {
  regions: Map<string, number[]>;
  technologies: Map<string, number[]>;
  cells: Map<string, number[][]>;
  pairs: Map<string, number[][]>;
}

export function regionTechnologyIndicators(data: RegionTechnology, items: readonly string[], options: ToolkitOptions): ToolkitValues {
  const { counts } = data;
  const { rounding } = options;
  const binary = binaryRca(counts);
  const asked = (list: readonly string[]) => list.filter((i) => items.includes(i));
  let cooc: number[][] | undefined;
  let phi: number[][] | undefined;
  const coocOnce = () => (cooc ??= data.cooccurrence ?? coOccurrence(binary));
  const phiOnce = () => (phi ??= relatedness(coocOnce(), options.relatedness));
  const region: Record<string, () => number[]> = {
    diversity: () => diversity(binary),
    krugman: () => krugman(counts),
    entropy: () => entropy(counts, rounding),
    kci: () => kci(binary, rounding),
    density_outside: () => densityAverage(binary, phiOnce(), 'outside', rounding),
    density_inside: () => densityAverage(binary, phiOnce(), 'inside', rounding),
  };
  const technology: Record<string, () => number[]> = {
    ubiquity: () => ubiquity(binary),
    tci: () => tci(binary, rounding),
    hoover: () => hoover(counts, rounding, options.population === 'total' ? rowSums(counts) : undefined),
  };
  const cell: Record<string, () => number[][]> = {
    rca: () => rca(counts, rounding),
    rca_binary: () => binary,
    density: () => relatednessDensity(binary, phiOnce(), rounding),
  };
  const pair: Record<string, () => number[][]> = { co_occurrence: coocOnce, relatedness: phiOnce };
  const compute = <T>(list: readonly string[], by: Record<string, () => T>) => new Map(asked(list).map((i) => [i, by[i]()]));
  return {
    regions: compute(REGION_INDICATORS, region),
    technologies: compute(TECHNOLOGY_INDICATORS, technology),
    cells: compute(CELL_INDICATORS, cell),
    pairs: compute(PAIR_INDICATORS, pair),
  };
}

// The region × technology toolkit in one call: the indicators asked for, computed on one period's count
// matrix, as EconGeo computes them, by level — regions, technologies, region × technology cells and pairs of
// technologies. RCA-based indicators read the binary RCA matrix, as EconGeo's `RCA = TRUE` calls do.
import { coOccurrence, densityAverage, relatedness, relatednessDensity, type RelatednessMethod } from './relatedness.js';
import { kci, tci } from './complexity.js';
import { binaryRca, diversity, entropy, hoover, krugman, rca, ubiquity } from './specialisation.js';
import { rowSums, type RegionTechnology, type Rounding } from './matrix.js';

export interface ToolkitOptions {
  relatedness: RelatednessMethod;
  rounding: Rounding;
  /** Hoover's reference distribution: every region alike (EconGeo's default) or the regions' totals. */
  population: 'uniform' | 'total';
}

/**
 * Each asked indicator's values, in the order asked: regions' and technologies' in their order, cells
 * [region][technology], pairs [i][j].
 */
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
  const compute = <T>(by: Record<string, () => T>) => new Map(items.filter((i) => Object.hasOwn(by, i)).map((i) => [i, by[i]()]));
  return { regions: compute(region), technologies: compute(technology), cells: compute(cell), pairs: compute(pair) };
}

// The geographical detector (Wang & Xu 2017; Wang et al. 2010): factor, interaction, risk and ecological
// detectors over one response and a set of stratifying factors, following the geodetector R package by
// default (see conventions.ts for the GD package's variant).
import { CONVENTIONS } from './conventions.js';
import { ecologicalDetector } from './ecologicalDetector.js';
import { GeoDetectorInputError } from './errors.js';
import { decompose, factorDetector } from './factorDetector.js';
import { classifyInteraction } from './interactionDetector.js';
import { prepare } from './prepare.js';
import { riskDetector } from './riskDetector.js';
import { crossStrata } from './strata.js';
import type { Detector, GeoDetectorInput, GeoDetectorOptions, GeoDetectorResult } from './types.js';

const ALL_DETECTORS: readonly Detector[] = ['factor', 'interaction', 'risk', 'ecological'];

export function geoDetector(input: GeoDetectorInput, options: GeoDetectorOptions = {}): GeoDetectorResult {
  const convention = options.convention ?? 'geodetector';
  const rules = CONVENTIONS[convention];
  if (!rules) throw new GeoDetectorInputError(`unknown convention "${convention}" (geodetector or GD)`);
  const pValue = options.pValue ?? 'R';
  const requested = new Set(options.detectors ?? ALL_DETECTORS);
  const checkpoint = options.checkpoint ?? (() => {});
  const { y, factors } = prepare(input, checkpoint);
  const pairwise = factors.length >= 2;
  for (const d of ['interaction', 'ecological'] as const) {
    if (options.detectors?.includes(d) && !pairwise) throw new GeoDetectorInputError(`the ${d} detector needs at least 2 factors`);
  }
  const notes = [`conventions of the ${convention} package; p-values ${pValue === 'R' ? "as R's pf computes them" : 'summed to full precision'}`];
  // q and its test for every factor: the interaction and ecological detectors compare these.
  const single = factors.map((f) => {
    checkpoint();
    return factorDetector(f.name, y, f.strata, rules, pValue);
  });
  const pairs = pairsOf(factors.length);
  const level = options.ecologicalLevel ?? 0.9;
  return {
    convention,
    n: y.length,
    factor: requested.has('factor') ? single.map(({ ssw: _ssw, ...row }) => row) : [],
    interaction: requested.has('interaction') ? pairs.map(([i, j]) => {
      checkpoint();
      const crossed = crossStrata(factors[i].strata, factors[j].strata);
      const { q: q12, strataSizes } = decompose(y, crossed, rules);
      const [q1, q2] = [single[i].q, single[j].q];
      return {
        factor1: factors[i].name, factor2: factors[j].name, q1, q2, q12, interaction: classifyInteraction(q1, q2, q12, rules),
        strata1: single[i].strata, strata2: single[j].strata, strata12: crossed.labels.length, singletons12: strataSizes.filter((n) => n === 1).length,
      };
    }) : [],
    risk: requested.has('risk') ? factors.map((f) => {
      checkpoint();
      return riskDetector(f.name, y, f.strata, rules, { alpha: options.riskAlpha ?? 0.05, singletons: options.riskSingletons ?? 'skip' }, notes);
    }) : [],
    ecological: requested.has('ecological')
      ? pairs.map(([i, j]) => {
        checkpoint();
        return ecologicalDetector(single[i], single[j], { statistic: options.ecologicalStatistic ?? 'qRatio', level });
      })
      : [],
    discretization: factors.flatMap((f) => (f.discretization ? [f.discretization] : [])),
    notes,
  };
}

/** Index pairs (i, j), i < j, in the packages' order: (1,2), (1,3), …, (2,3), … */
function pairsOf(n: number): [number, number][] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < n; i++) for (let j = i + 1; j < n; j++) pairs.push([i, j]);
  return pairs;
}

// Checks the input and turns every factor into strata (discretising continuous ones), so that the detectors
// only ever see complete, aligned, analysable data. Every refusal is a GeoDetectorInputError.
import type { Checkpoint } from '../../cancel.js';
import { discretize, DEFAULT_CLASSES } from './discretize.js';
import { GeoDetectorInputError } from './errors.js';
import { stratify, type Strata } from './strata.js';
import type { FactorDiscretization, GeoDetectorInput, GeoFactor } from './types.js';

export interface PreparedFactor {
  name: string;
  strata: Strata;
  discretization?: FactorDiscretization;
}

export interface PreparedInput {
  y: Float64Array;
  factors: PreparedFactor[];
}

export function prepare(input: GeoDetectorInput, checkpoint: Checkpoint = () => {}): PreparedInput {
  // Checked before conversion: Float64Array.from would turn null into 0.
  const raw = Array.from(input.y as ArrayLike<unknown>);
  const bad = raw.findIndex((v) => typeof v !== 'number' || !Number.isFinite(v));
  if (bad >= 0) throw new GeoDetectorInputError(`y has a missing or non-finite value (${raw[bad]}) at row ${bad + 1}`);
  const y = Float64Array.from(input.y);
  if (y.length < 2) throw new GeoDetectorInputError(`y needs at least 2 observations, not ${y.length}`);
  if (y.every((v) => v === y[0])) throw new GeoDetectorInputError('y is constant, so there is no variance for the factors to explain (q is undefined)');
  if (!input.factors.length) throw new GeoDetectorInputError('at least one factor is needed');
  const names = new Set<string>();
  return { y, factors: input.factors.map((f) => {
    if (names.has(f.name)) throw new GeoDetectorInputError(`factor "${f.name}" is given twice`);
    names.add(f.name);
    checkpoint();
    return prepareFactor(f, y.length);
  }) };
}

function prepareFactor(factor: GeoFactor, n: number): PreparedFactor {
  const { name, values } = factor;
  if (values.length !== n) throw new GeoDetectorInputError(`factor "${name}" has ${values.length} values but y has ${n}`);
  const missing = Array.from(values as ArrayLike<unknown>).findIndex(isMissing);
  if (missing >= 0) throw new GeoDetectorInputError(`factor "${name}" has a missing value at row ${missing + 1}`);
  let prepared: PreparedFactor;
  if (factor.discretize) {
    const numbers = Array.from(values as ArrayLike<number | string>);
    const text = numbers.findIndex((v) => typeof v !== 'number');
    if (text >= 0) throw new GeoDetectorInputError(`factor "${name}" is to be discretised but has the non-number "${numbers[text]}" at row ${text + 1}`);
    const { method, classes = DEFAULT_CLASSES } = factor.discretize;
    const { breaks, codes } = discretize(numbers as number[], method, classes);
    prepared = { name, strata: stratify(codes), discretization: { factor: name, method, classes: breaks.length - 1, breaks } };
  } else {
    prepared = { name, strata: stratify(values) };
  }
  if (prepared.strata.labels.length < 2) throw new GeoDetectorInputError(`factor "${name}" has a single stratum (${prepared.strata.labels[0]}); q needs at least 2`);
  return prepared;
}

function isMissing(v: unknown): boolean {
  return v === null || v === undefined || v === '' || (typeof v === 'number' && !Number.isFinite(v));
}

// The region × technology toolkit against EconGeo 1.3 itself (golden_econgeo.R: EconGeo's functions sourced
// from its repository, run on test/oracles/econgeo/region_technology.csv), every indicator to 1e-6 relative,
// with EconGeo's rounding and without it (EconGeo's functions with `round` made the identity).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readJson } from '../oracles/read.ts';
import { regionTechnologyIndicators, type ToolkitOptions } from '../../server/src/engine/measures/regionTechnology/indicators.ts';
import { rca } from '../../server/src/engine/measures/regionTechnology/specialisation.ts';
import { coOccurrence, type RelatednessMethod } from '../../server/src/engine/measures/regionTechnology/relatedness.ts';

const expected = readJson(resolve(import.meta.dirname, '../oracles/econgeo/expected.json'));
const ALL = ['diversity', 'krugman', 'entropy', 'kci', 'density_outside', 'density_inside', 'ubiquity', 'tci', 'hoover', 'rca', 'rca_binary', 'density', 'co_occurrence', 'relatedness'];

function close(actual: unknown, wanted: unknown, what: string): void {
  if (Array.isArray(wanted)) {
    assert.ok(Array.isArray(actual) && actual.length === wanted.length, `${what}: length`);
    wanted.forEach((w, k) => close((actual as unknown[])[k], w, `${what}[${k}]`));
    return;
  }
  const a = actual as number;
  const w = wanted as number;
  assert.ok(Math.abs(a - w) <= 1e-6 * Math.abs(w) + 1e-12, `${what}: ${a} vs EconGeo ${w}`);
}

const options = (o: Partial<ToolkitOptions> = {}): ToolkitOptions => ({ relatedness: 'prob', rounding: 'econgeo', population: 'uniform', ...o });

for (const [year, r] of Object.entries<Record<string, any>>(expected.years)) {
  const data = { regions: r.regions, technologies: r.technologies, counts: r.counts };

  test(`${year}: EconGeo's defaults, rounding as EconGeo rounds`, () => {
    const v = regionTechnologyIndicators(data, ALL, options());
    close(v.cells.get('rca'), r.rca, 'RCA');
    close(v.cells.get('rca_binary'), r.rca_binary, 'RCA binary');
    close(v.pairs.get('co_occurrence'), r.co_occurrence, 'co.occurrence');
    close(v.pairs.get('relatedness'), r.relatedness.prob, 'relatedness prob');
    close(v.cells.get('density'), r.density.prob, 'relatedness.density');
    close(v.regions.get('density_outside'), r.density_outside, 'relatedness.density.ext.avg');
    close(v.regions.get('density_inside'), r.density_inside, 'relatedness.density.int.avg');
    close(v.regions.get('kci'), r.kci, 'KCI');
    close(v.technologies.get('tci'), r.tci, 'TCI');
    close(v.regions.get('diversity'), r.diversity, 'diversity');
    close(v.technologies.get('ubiquity'), r.ubiquity, 'ubiquity');
    close(v.technologies.get('hoover'), r.hoover, 'Hoover.index');
    close(v.regions.get('krugman'), r.krugman, 'Krugman.index');
    close(v.regions.get('entropy'), r.entropy, 'entropy');
  });

  test(`${year}: unrounded (rounding: none)`, () => {
    const v = regionTechnologyIndicators(data, ALL, options({ rounding: 'none' }));
    close(v.cells.get('rca'), r.rca_unrounded, 'RCA');
    close(rca(data.counts, 'none'), r.location_quotient, 'location.quotient');
    close(v.cells.get('density'), r.density_unrounded.prob, 'relatedness.density');
    close(v.regions.get('density_outside'), r.density_outside_unrounded, 'relatedness.density.ext.avg');
    close(v.regions.get('density_inside'), r.density_inside_unrounded, 'relatedness.density.int.avg');
    close(v.regions.get('kci'), r.kci_unrounded, 'KCI');
    close(v.technologies.get('tci'), r.tci_unrounded, 'TCI');
    close(v.technologies.get('hoover'), r.hoover_unrounded, 'Hoover.index');
    close(v.regions.get('entropy'), r.entropy_unrounded, 'entropy');
  });

  test(`${year}: every relatedness normalisation and its density; Hoover over the regions' totals`, () => {
    for (const method of ['prob', 'association', 'cosine', 'jaccard'] as RelatednessMethod[]) {
      const v = regionTechnologyIndicators(data, ['relatedness', 'density'], options({ relatedness: method }));
      close(v.pairs.get('relatedness'), r.relatedness[method], `relatedness ${method}`);
      close(v.cells.get('density'), r.density[method], `relatedness.density ${method}`);
    }
    close(regionTechnologyIndicators(data, ['hoover'], options({ population: 'total' })).technologies.get('hoover'), r.hoover_total, 'Hoover.index, pop = rowSums');
  });
}

test('only the indicators asked for are computed', () => {
  const r = expected.years['2019'];
  const v = regionTechnologyIndicators({ regions: r.regions, technologies: r.technologies, counts: r.counts }, ['kci'], options());
  assert.deepEqual([...v.regions.keys(), ...v.technologies.keys(), ...v.cells.keys(), ...v.pairs.keys()], ['kci']);
});

test('technologies co-occurring on patents: relatedness and density from patent-level co-occurrence', () => {
  for (const [year, p] of Object.entries<Record<string, any>>(expected.patents)) {
    // The patents' technology × patent incidence matrix, rebuilt from the committed rows.
    const rows = readFileSync(resolve(import.meta.dirname, '../oracles/econgeo/patent_technologies.csv'), 'utf8').trim().split('\n').slice(1)
      .map((l) => l.split(',')).filter((r) => r[3] === year);
    const patents = [...new Set(rows.map((r) => r[0]))];
    const incidence = patents.map((id) => p.technologies.map((t: string) => (rows.some((r) => r[0] === id && r[2] === t) ? 1 : 0)));
    const cooccurrence = coOccurrence(incidence);
    close(cooccurrence, p.co_occurrence, `${year} co.occurrence on patents`);
    const v = regionTechnologyIndicators({ regions: p.regions, technologies: p.technologies, counts: p.counts, cooccurrence }, ['relatedness', 'density', 'density_outside'], options());
    close(v.pairs.get('relatedness'), p.relatedness, `${year} relatedness`);
    close(v.cells.get('density'), p.density, `${year} relatedness.density`);
    close(v.regions.get('density_outside'), p.density_outside, `${year} relatedness.density.ext.avg`);
  }
});

test('KCI and TCI of 120 regions and 40 technologies with a nested structure, rounded and not', () => {
  const c = expected.complexity;
  const data = { regions: c.regions, technologies: c.technologies, counts: c.counts };
  const rounded = regionTechnologyIndicators(data, ['kci', 'tci'], options());
  close(rounded.regions.get('kci'), c.kci, 'KCI');
  close(rounded.technologies.get('tci'), c.tci, 'TCI');
  const unrounded = regionTechnologyIndicators(data, ['kci', 'tci'], options({ rounding: 'none' }));
  close(unrounded.regions.get('kci'), c.kci_unrounded, 'KCI unrounded');
  close(unrounded.technologies.get('tci'), c.tci_unrounded, 'TCI unrounded');
});

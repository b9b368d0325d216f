// verify's comparison of two results files: numbers within the relative tolerance, run measurements ignored,
// paths compared relative to each spec's folder, each difference named.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareResults } from '../../server/src/cli/package/compare.ts';
import type { DeclarationResult, ResultsFile } from '../../server/src/results/format.ts';

const results = (spec: string, ...declarations: DeclarationResult[]): ResultsFile =>
  ({ format: 'innograph-results', version: 1, spec, engine: 'test', createdAt: '2026-01-01T00:00:00Z', results: declarations });

const measures = (density: number, extra: Partial<DeclarationResult> = {}): DeclarationResult => ({
  name: 'm', kind: 'measures', status: 'ok', seconds: 1, notes: [],
  tables: { indicators: { columns: ['window', 'density'], rows: [['2001–2005', 0.5], ['2006–2010', density]] } }, ...extra,
});

test('numbers agree within the relative tolerance; runtime, memory and caching are not compared', () => {
  const packaged = results('/a/s.study', measures(1000));
  const same = compareResults(packaged, results('/b/s.study', measures(1000 * (1 + 1e-10), { seconds: 9, peakMemory: 5, cached: true })), 1e-9);
  assert.deepEqual(same, { differences: [], numbers: 2 }); // the table's two numbers, not its seconds
  const far = compareResults(packaged, results('/b/s.study', measures(1000.01)), 1e-9);
  assert.deepEqual(far.differences, [{ where: 'm.tables.indicators, row 2 (2006–2010), density', packaged: '1000', now: '1000.01' }]);
  assert.equal(compareResults(packaged, results('/b/s.study', measures(1000.01)), 1e-4).differences.length, 0);
});

test('a path is compared relative to its spec\'s folder; a missing or new declaration, a row more, a text changed are named', () => {
  const geometry = (folder: string) => ({ network: { directed: false, windows: [], geometry: { path: `${folder}/maps/x.json`, key: 'name', unmatched: [] } } }) as unknown as Partial<DeclarationResult>;
  assert.deepEqual(compareResults(results('/a/s.study', measures(1, geometry('/a'))), results('/b/c/s.study', measures(1, geometry('/b/c'))), 0).differences, []);
  const longer = measures(1);
  longer.tables.indicators.rows.push(['2011–2015', 2]);
  const { differences } = compareResults(
    results('/a/s.study', measures(1), { ...measures(1), name: 'gone' }),
    results('/a/s.study', { ...longer, notes: ['a note'] }, { ...measures(1), name: 'new' }), 0);
  assert.deepEqual(differences.map((d) => `${d.where}: ${d.packaged} → ${d.now}`), [
    'm.notes (length): 0 → 1',
    'm.tables.indicators rows: 2 → 3',
    'gone: ok → not run',
    'new: not in the package → ok',
  ]);
});

// Network construction against case 01 (../shared/oracles/sna/01_directed_valued_12, copied to
// test/oracles): led and all-pairs ties, both counting conventions, intra counts, technological overlap.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { buildNetwork, technologicalOverlap, type HolderRow, type Tie } from '../../server/src/engine/networks/construct.ts';

const CASE = resolve(import.meta.dirname, '../oracles/sna/01_directed_valued_12');
function csv(name: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(`${CASE}/${name}`, 'utf8').trim().split(/\r?\n/);
  const cols = header.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}
const holders: HolderRow[] = csv('patents.csv').map((r) => ({ patent: r.patent_id, order: Number(r.applicant_order), region: r.region }));
const key = (t: Tie) => `${t.source}>${t.target}:${t.weight}`;
const undirectedKey = (a: string, b: string, w: string | number) => (a < b ? `${a}>${b}:${w}` : `${b}>${a}:${w}`);

test('first-applicant-led ties and intra counts (case 01)', () => {
  const net = buildNetwork(holders, { ties: 'first_led', count: 'per_pair' });
  assert.equal(net.directed, true);
  assert.deepEqual(net.ties.map(key).sort(), csv('edges_directed_led.csv').map((r) => `${r.source}>${r.target}:${r.weight}`).sort());
  assert.equal(net.ties.length, 31);
  assert.equal(net.ties.reduce((s, t) => s + t.weight, 0), 68);
  for (const r of csv('intra_counts.csv')) assert.equal(net.intra.get(r.region) ?? 0, Number(r.intra_led), r.region);
});

test('all-pairs ties per applicant pair and per patent (case 01)', () => {
  const expected = csv('edges_undirected_allpairs.csv');
  const pairs = buildNetwork(holders, { ties: 'all_pairs', count: 'per_pair' });
  const patents = buildNetwork(holders, { ties: 'all_pairs', count: 'per_patent' });
  assert.deepEqual(pairs.ties.map(key).sort(), expected.map((r) => undirectedKey(r.source, r.target, r.weight_applicant_pairs)).sort());
  assert.deepEqual(patents.ties.map(key).sort(), expected.map((r) => undirectedKey(r.source, r.target, r.weight_patents)).sort());
  for (const r of csv('intra_counts.csv')) {
    assert.equal(pairs.intra.get(r.region) ?? 0, Number(r.intra_allpairs_applicant_pairs), r.region);
    assert.equal(patents.intra.get(r.region) ?? 0, Number(r.intra_allpairs_patents), r.region);
  }
  // BJ's valued degree: 38 per applicant pair, 29 per patent.
  const degree = (ties: Tie[], n: string) => ties.filter((t) => t.source === n || t.target === n).reduce((s, t) => s + t.weight, 0);
  assert.equal(degree(pairs.ties, 'BJ'), 38);
  assert.equal(degree(patents.ties, 'BJ'), 29);
});

test('technological overlap: shared cited patents, Σ n_i·n_j and Σ min (case 01)', () => {
  const citations = csv('citations.csv').map((r) => ({ citing: r.patent_id, cited: r.cited_id }));
  const expected = csv('tech_overlap_expected.csv');
  for (const [weight, column] of [['count', 'distinct_shared_cited'], ['product', 'weighted_sum_product'], ['min', 'weighted_sum_min']] as const) {
    const net = technologicalOverlap(holders, citations, weight);
    const want = expected.filter((r) => Number(r[column]) > 0).map((r) => undirectedKey(r.a, r.b, r[column])).sort();
    assert.deepEqual(net.ties.map(key).sort(), want, weight);
  }
});

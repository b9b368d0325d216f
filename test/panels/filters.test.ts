// The network view's filters (client/webview/network/filters.ts) on a small hand-made window, with a small
// limit so that the cuts a large k-core or community needs are exercised: which nodes and ties are kept, and
// the counts line that says so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { countsLine, filterKey, WindowFilters } from '../../client/webview/network/filters.ts';
import { tieTable } from '../../client/webview/network/tieTable.ts';
import type { NetworkWindow } from '../../server/src/results/format.ts';

// A 4-clique A–D (core 3), E tied to A and B (core 2), F to E, G alone; weights 1…8 in tie order.
const pairs = [['A', 'B'], ['A', 'C'], ['A', 'D'], ['B', 'C'], ['B', 'D'], ['C', 'D'], ['E', 'A'], ['E', 'B'], ['F', 'E']];
const window: NetworkWindow = {
  label: 'w', from: null, to: null, nodes: ['A', 'B', 'C', 'D', 'E', 'F', 'G'], intra: {},
  ties: pairs.map(([source, target], i) => ({ source, target, weight: i + 1 })),
};
const table = tieTable(window, false);
const named = (nodes: Int32Array) => Array.from(nodes, (v) => window.nodes[v]);
const filters = new WindowFilters(table, () => Float64Array.from([5, NaN, 1, 5, 9, 2, NaN]));
const none = () => [];
const roomy = { nodes: 100, ties: 100 };

test('top N: the largest values, equal ones at the cut in node order, nodes without a value never', () => {
  // degrees A 4, B 4, C 3, D 3, E 3, F 1, G 0
  assert.deepEqual(named(filters.apply({ kind: 'top', measure: 'degree', count: 3 }, none, roomy).nodes), ['A', 'B', 'C']);
  assert.deepEqual(named(filters.apply({ kind: 'top', measure: 'run.x', count: 2 }, none, roomy).nodes), ['A', 'E']);
  assert.deepEqual(named(filters.apply({ kind: 'top', measure: 'run.x', count: 9 }, none, roomy).nodes), ['A', 'C', 'D', 'E', 'F']);
});

test('k-cores, and the smallest k whose core has at most N nodes', () => {
  assert.deepEqual(Array.from(filters.coreNumbers()), [3, 3, 3, 3, 2, 1, 0]);
  assert.deepEqual(named(filters.apply({ kind: 'core', k: 2 }, none, roomy).nodes), ['A', 'B', 'C', 'D', 'E']);
  assert.equal(filters.coreOfAtMost(4), 3);
  assert.equal(filters.coreOfAtMost(5), 2);
});

test('a filter larger than the limit: the nodes of highest degree in it, then the heaviest ties among them, and the line says so', () => {
  const communities = () => ['C1', 'C1', 'C1', 'C1', 'C1', 'C2', null];
  const filter = { kind: 'community' as const, measure: 'run.community', community: 'C1' };
  const sub = filters.apply(filter, communities, { nodes: 4, ties: 4 });
  assert.deepEqual(named(sub.nodes), ['A', 'B', 'C', 'D']);
  assert.deepEqual(Array.from(sub.ties), [2, 3, 4, 5], 'the four heaviest of the clique\'s six ties, in tie order');
  assert.equal(sub.nodesIn, 5);
  assert.equal(sub.tiesAmong, 6);
  assert.equal(countsLine(table, filter, sub, (k) => k),
    'Showing 4 of 7 nodes and 4 of 9 ties (community C1 of run.community: 5 nodes, the 4 of highest degree drawn; the 4 heaviest of the 6 ties among them)');
  const top = { kind: 'top' as const, measure: 'degree', count: 2 };
  assert.equal(countsLine(table, top, filters.apply(top, none, roomy), () => 'degree'), 'Showing 2 of 7 nodes and 1 of 9 ties (top 2 by degree)');
});

test('each filter has its own key for its saved layout', () => {
  const keys = [{ kind: 'top', measure: 'degree', count: 2 }, { kind: 'top', measure: 'degree', count: 3 }, { kind: 'core', k: 2 }, { kind: 'community', measure: 'm', community: 'C1' }] as const;
  assert.equal(new Set(keys.map((f) => filterKey('w', f))).size, keys.length);
  assert.ok(keys.every((f) => filterKey('w', f) !== 'w'), 'never the whole window\'s key');
});

// A network panel's ties as columns (client/src/panels/tieColumns.ts): packed as the extension posts them, and
// unpacked to the results as the run wrote them when a revived network panel becomes another panel kind.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { panelContent } from '../../client/src/panels/content.ts';
import { packTies, unpackTies } from '../../client/src/panels/tieColumns.ts';
import { syntheticResults } from './syntheticNetwork.ts';

const results = syntheticResults({ nodes: 60, ties: 200, communities: 3 });

test('a network panel\'s ties go as node indices and weights, and come back as the run wrote them', () => {
  const content = panelContent(results, 'net', 'network');
  const packed = packTies(content);
  const windows = results.results[0].network!.windows;
  assert.deepEqual(packed.results[0].network!.windows.map((w) => w.ties), windows.map(() => []));
  const last = windows.at(-1)!;
  const columns = packed.tieColumns!.net.at(-1)!;
  assert.deepEqual([last.nodes[columns.source[0]], last.nodes[columns.target[0]], columns.weight[0]], [last.ties[0].source, last.ties[0].target, last.ties[0].weight]);
  assert.equal(packTies(packed), packed, 'packed once');
  assert.deepEqual(unpackTies(packed), content);
  assert.ok(JSON.stringify(packed).length < JSON.stringify(content).length / 2);
});

test('other panel kinds keep their ties as objects', () => {
  const content = panelContent(results, 'net', 'map');
  assert.equal(packTies(content), content);
});

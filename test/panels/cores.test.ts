// The network panel's core numbers (Batagelj–Zaversnik on typed arrays) against networkx's core_number, on
// the golden graphs of test/oracles/scripts/golden_core_number.py (undirected and directed, with isolates).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { coreNumbers } from '../../client/webview/network/cores.ts';
import { tieTable } from '../../client/webview/network/tieTable.ts';
import { readJson } from '../oracles/read.ts';

const golden = readJson(`${import.meta.dirname}/../oracles/panels/core_number.json`);

for (const name of ['undirected', 'directed']) {
  test(`core numbers of the ${name} golden graph are networkx's`, () => {
    const { directed, nodes, ties, core_number: expected } = golden[name] as { directed: boolean; nodes: string[]; ties: [string, string, number][]; core_number: number[] };
    const window = { label: 'all', from: null, to: null, nodes, ties: ties.map(([source, target, weight]) => ({ source, target, weight })), intra: {} };
    assert.deepEqual(Array.from(coreNumbers(tieTable(window, directed))), expected);
  });
}

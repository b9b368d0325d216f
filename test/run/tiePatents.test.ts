// Tie provenance through the runner (case 01): a co-application network's result lists each tie's patents,
// whose number is the tie's per-patent weight, and `--out` writes them as `<network>_tie_patents.csv`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { networkFiles } from '../../server/src/run/output/networkFiles.ts';
import { result, runSpec } from './harness.ts';

const SPEC = fileURLToPath(new URL('./fixtures/case01.study', import.meta.url));
const run = runSpec(SPEC);

test('each tie of a co-application network lists the patents that made it', async () => {
  const pairs = result(await run, 'pairs');
  const [window] = pairs.network!.windows;
  assert.deepEqual(window.tiePatents!.map((t) => [t.source, t.target, t.count]), window.ties.map((t) => [t.source, t.target, t.weight]));
  const tie = window.tiePatents!.find((t) => t.source === 'JS' && t.target === 'SC');
  assert.deepEqual(tie?.patents.find((p) => p.id === 'P001'), { id: 'P001', year: null, holders: ['SC', 'JS'] });
  // Led ties (directed) list theirs too, in the order of the ties.
  const led = result(await run, 'led').network!.windows[0];
  assert.deepEqual(led.tiePatents!.map((t) => `${t.source}>${t.target}`), led.ties.map((t) => `${t.source}>${t.target}`));
});

test('--out writes the ties-to-patents table: one row per tie and patent', async () => {
  const pairs = result(await run, 'pairs');
  const file = networkFiles(pairs).find((f) => f.name === 'pairs_tie_patents.csv');
  assert.ok(file, 'pairs_tie_patents.csv');
  const lines = file.text.trimEnd().split('\r\n');
  assert.equal(lines[0], 'window,from,to,tie_patents,patent,year,holders');
  const total = pairs.network!.windows[0].ties.reduce((s, t) => s + t.weight, 0);
  assert.equal(lines.length - 1, total);
  assert.ok(lines.includes('all,JS,SC,' + pairs.network!.windows[0].tiePatents!.find((t) => t.source === 'JS' && t.target === 'SC')!.count + ',P001,,SC; JS'));
});

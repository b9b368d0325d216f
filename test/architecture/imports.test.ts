// The layers of server/src hold: the runner's modules import one way (no circle, stages in the order data
// flows, executors only through their table), the engine knows nothing of the runner, the language, the
// editor or the CLI, and the results format stands on its own.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RUNNABLE_KINDS } from '../../server/src/language/schema/declarations.ts';
import { EXECUTORS } from '../../server/src/run/executors.ts';
import { findCycle, importGraph, subgraph } from './importGraph.ts';

const graph = importGraph();

test('server/src/run has no import circle', () => {
  const cycle = findCycle(subgraph(graph, 'run'));
  assert.equal(cycle, undefined, `import circle: ${cycle?.join(' → ')}`);
});

test('a stage of the runner imports no later stage', () => {
  const STAGES = ['data', 'networks', 'panels', 'models', 'figures', 'output'];
  const stage = (file: string) => STAGES.indexOf(file.split('/')[1]);
  const later = (file: string, target: string) => stage(target) > stage(file) || /^run\/(runner|executors|worker)\.ts$/.test(target);
  const offending = [...subgraph(graph, 'run')].filter(([file]) => stage(file) >= 0)
    .flatMap(([file, targets]) => targets.filter((t) => later(file, t)).map((t) => `${file} → ${t}`));
  assert.deepEqual(offending, []);
});

test('executors are registered in run/executors.ts, one per runnable kind, and imported nowhere else', () => {
  assert.deepEqual(Object.keys(EXECUTORS).sort(), [...RUNNABLE_KINDS].sort());
  const executors = (graph.get('run/executors.ts') ?? []).filter((t) => /^run\/\w+\//.test(t));
  assert.notEqual(executors.length, 0);
  const offending = [...graph].filter(([file]) => file !== 'run/executors.ts')
    .flatMap(([file, targets]) => targets.filter((t) => executors.includes(t)).map((t) => `${file} → ${t}`));
  assert.deepEqual(offending, []);
});

test('the engine imports nothing from the runner, the language, the server, the CLI or the editor', () => {
  const forbidden = /^(run|lsp|language|workspace|cli)\/|^vscode($|-languageserver)/;
  const offending = [...graph].filter(([file]) => file.startsWith('engine/'))
    .flatMap(([file, targets]) => targets.filter((t) => forbidden.test(t)).map((t) => `${file} → ${t}`));
  assert.deepEqual(offending, []);
});

test('the results format is a module of its own that imports nothing from the rest of server/src', () => {
  const format = [...graph].filter(([file]) => file.startsWith('results/'));
  assert.notEqual(format.length, 0, 'server/src/results holds the results format');
  const offending = format
    .flatMap(([file, targets]) => targets.filter((t) => /\.ts$/.test(t) && !t.startsWith('results/')).map((t) => `${file} → ${t}`));
  assert.deepEqual(offending, []);
});

// The language server's run request over a real JSON-RPC connection: it runs in the worker with progress
// notifications, reuses unchanged declarations, turns failures into diagnostics, can be cancelled, and
// refuses to run in an untrusted workspace.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { EXAMPLES, LspClient } from './harness.ts';

const RARE_EARTH = readFileSync(resolve(EXAMPLES, 'rare_earth.study'), 'utf8');
let client: LspClient;
before(async () => { client = await LspClient.start(); });
after(async () => { await client.stop(); });

test('a run reports progress and returns the results; an unchanged declaration is reused', async () => {
  const { uri } = await client.open('rare_earth.study', RARE_EARTH);
  const progress: string[] = [];
  const listener = client.connection.onNotification('innograph/runProgress', (p: { message: string }) => { progress.push(p.message); });
  const first = await client.connection.sendRequest<ResultsFile>('innograph/run', { uri, only: ['rein_nodes', 'drivers'] });
  listener.dispose();
  assert.deepEqual(first.results.map((r) => [r.name, r.status, r.cached ?? false]), [['rein_nodes', 'ok', false], ['drivers', 'ok', false]]);
  assert.ok(progress.includes('measures rein_nodes') && progress.includes('model drivers'), progress.join(', '));
  const second = await client.connection.sendRequest<ResultsFile>('innograph/run', { uri, only: ['rein_nodes', 'drivers'] });
  assert.deepEqual(second.results.map((r) => r.cached), [true, true]);
  assert.deepEqual(second.results[1].tables, first.results[1].tables);

  // Editing the model's discretisation re-runs the model only.
  await client.open('rare_earth.study', RARE_EARTH.replace('discretize: jenks(5)', 'discretize: quantiles(4)'));
  const third = await client.connection.sendRequest<ResultsFile>('innograph/run', { uri, only: ['rein_nodes', 'drivers'] });
  assert.deepEqual(third.results.map((r) => r.cached ?? false), [true, false]);
  await client.open('rare_earth.study', RARE_EARTH);
});

test('a failed declaration becomes a diagnostic at its place in the spec', async () => {
  const broken = RARE_EARTH.replace('data:       provinces', 'data:       cities');
  const { uri } = await client.open('rare_earth.study', broken);
  const results = await client.connection.sendRequest<ResultsFile>('innograph/run', { uri, only: ['drivers'] });
  assert.equal(results.results[0].status, 'error');
  const diagnostics = await client.republished(uri, (d) => d.some((x) => x.code === 'run-error'));
  const error = diagnostics.find((d) => d.code === 'run-error')!;
  assert.match(error.message, /^drivers: /);
  assert.equal(error.range.start.line + 1, results.results[0].error!.spec!.line);
  await client.open('rare_earth.study', RARE_EARTH);
});

test('a cancelled run stops with RequestCancelled, and the next run is complete', async () => {
  const text = readFileSync(resolve(EXAMPLES, 'ai_clusters.study'), 'utf8').replace('reps: 1000,', 'reps: 100000,');
  const { uri } = await client.open('ai_clusters.study', text);
  const { CancellationTokenSource } = await import('vscode-jsonrpc/node');
  // Cancelled once the placebo's permutations have started (a GMM fit each), then once inside the network's SQL.
  for (const [only, started] of [[['fig6_placebo'], /^model fig6_placebo: permutation/], [['coapp'], /^network coapp$/]] as const) {
    const source = new CancellationTokenSource();
    const listener = client.connection.onNotification('innograph/runProgress', (p: { message: string }) => { if (started.test(p.message)) source.cancel(); });
    const run = client.connection.sendRequest('innograph/run', { uri, only }, source.token);
    await assert.rejects(run, (err: { code?: number }) => err.code === -32800);
    listener.dispose();
  }
  const next = await client.connection.sendRequest<ResultsFile>('innograph/run', { uri, only: ['coapp', 'table6_m1'] });
  assert.deepEqual(next.results.map((r) => [r.name, r.status]), [['coapp', 'ok'], ['table6_m1', 'ok']]);
  await client.open('ai_clusters.study', readFileSync(resolve(EXAMPLES, 'ai_clusters.study'), 'utf8'));
});

test('an untrusted workspace checks specs but runs nothing', async () => {
  const untrusted = await LspClient.start({ debounceMs: 0, trusted: false });
  try {
    const { uri, diagnostics } = await untrusted.open('rare_earth.study', RARE_EARTH);
    assert.equal(diagnostics.filter((d) => d.severity === 1).length, 0);
    await assert.rejects(untrusted.connection.sendRequest('innograph/run', { uri }), /not trusted/);
  } finally {
    await untrusted.stop();
  }
});

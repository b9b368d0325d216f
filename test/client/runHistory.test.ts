// The Runs view's history without VS Code: recording, capping (older files deleted), the index that survives
// a reload, results read back from the store, clearing, orphan files, and the labels the view shows.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  RunHistory, countsText, formatSeconds, relativeTime, runLabel, validIndex,
  type CompletedRun, type RunRecord, type RunStore,
} from '../../client/src/runs/runHistory.ts';
import type { DeclarationResult, ResultsFile } from '../../server/src/results/format.ts';

/** The store as the extension's storage folder + workspace state, in memory. */
class MemoryStore implements RunStore {
  index: unknown;
  readonly files = new Map<string, string>();
  loadIndex() { return this.index; }
  async saveIndex(records: readonly RunRecord[]) { this.index = JSON.parse(JSON.stringify(records)); }
  async write(file: string, text: string) { this.files.set(file, text); }
  async read(file: string) {
    const text = this.files.get(file);
    if (text === undefined) throw new Error(`ENOENT ${file}`);
    return text;
  }
  async remove(file: string) { this.files.delete(file); }
  async list() { return [...this.files.keys()]; }
}

const declaration = (name: string, status: DeclarationResult['status'], extra: Partial<DeclarationResult> = {}): DeclarationResult =>
  ({ name, kind: 'model', source: 'ols', status, seconds: 0.25, tables: {}, notes: [], ...extra });

function results(...declarations: DeclarationResult[]): ResultsFile {
  return { format: 'innograph-results', version: 1, spec: '/ws/rare_earth.study', engine: 'test', createdAt: '2025-01-01T00:00:00Z', results: declarations };
}

const T0 = Date.UTC(2025, 0, 1, 12, 0, 0);
const run = (i: number, only?: string, r = results(declaration(`d${i}`, 'ok'))): CompletedRun =>
  ({ uri: 'file:///ws/rare_earth.study', only, startedAt: T0 + i * 60_000, seconds: 3.21, results: r });

test('a run is listed at once with its counts, and stored as a results file plus an index entry', async () => {
  const store = new MemoryStore();
  const history = new RunHistory(store);
  let changes = 0;
  history.onDidChange(() => changes++);
  const r = results(declaration('a', 'ok'), declaration('b', 'ok', { cached: true }), declaration('c', 'error', { error: { message: 'boom' } }), declaration('d', 'skipped'));
  const pending = history.add(run(1, undefined, r));
  assert.equal(history.runs.length, 1, 'listed before the store has it');
  assert.equal(changes, 1);
  const record = await pending;
  assert.deepEqual(record.counts, { ok: 2, error: 1, skipped: 1, cached: 1 });
  assert.equal(record.declarations.find((d) => d.name === 'c')?.error, 'boom');
  assert.equal(runLabel(record), 'rare_earth.study — all · 2 ok (1 cached), 1 failed, 1 skipped · 3.2 s');
  assert.deepEqual(JSON.parse(store.files.get(record.file)!), r);
  assert.deepEqual((store.index as RunRecord[]).map((x) => x.id), [record.id]);
  assert.equal(await history.results(record.id), r, 'the newest results stay in memory');
});

test('at most `limit` runs are kept, newest first; the dropped runs\' files are deleted', async () => {
  const store = new MemoryStore();
  const history = new RunHistory(store, { limit: 3 });
  const records: RunRecord[] = [];
  for (let i = 1; i <= 5; i++) records.push(await history.add(run(i, i % 2 ? 'm1' : undefined)));
  assert.deepEqual(history.runs.map((r) => r.id), [records[4].id, records[3].id, records[2].id]);
  assert.deepEqual([...store.files.keys()].sort(), [records[2].file, records[3].file, records[4].file].sort());
  assert.deepEqual((store.index as RunRecord[]).map((r) => r.id), history.runs.map((r) => r.id));
  assert.equal(await history.results(records[0].id), undefined, 'a dropped run has no results');
  assert.equal(history.runs[0].only, 'm1');
  assert.match(runLabel(history.runs[0]), /^rare_earth\.study — m1 · 1 ok · 3\.2 s$/);
});

test('after a reload the index lists the same runs and their results are read back from the store', async () => {
  const store = new MemoryStore();
  const first = new RunHistory(store);
  const a = await first.add(run(1));
  const b = await first.add(run(2, 'd2'));
  const reloaded = new RunHistory(store, { inMemory: 0 });
  assert.deepEqual(reloaded.runs, [b, a]);
  assert.deepEqual(await reloaded.results(a.id), run(1).results);
  store.files.delete(b.file);
  assert.equal(await reloaded.results(b.id), undefined, 'a deleted file means no results, not an exception');
  store.files.set(b.file, '{ not json');
  assert.equal(await reloaded.results(b.id), undefined);
});

test('only the newest `inMemory` runs keep their results in memory', async () => {
  const store = new MemoryStore();
  const history = new RunHistory(store, { inMemory: 1 });
  const a = await history.add(run(1));
  await history.add(run(2));
  store.files.set(a.file, JSON.stringify(results(declaration('from-disk', 'ok'))));
  assert.equal((await history.results(a.id))?.results[0].name, 'from-disk');
});

test('runs started in the same millisecond get different ids and files', async () => {
  const history = new RunHistory(new MemoryStore());
  const a = await history.add(run(1));
  const b = await history.add(run(1));
  assert.notEqual(a.id, b.id);
  assert.notEqual(a.file, b.file);
  assert.match(a.file, /^rare_earth-2025-01-01T12-01-00-000Z\.json$/);
});

test('clear forgets every run and deletes every results file, including orphans', async () => {
  const store = new MemoryStore();
  const history = new RunHistory(store);
  await history.add(run(1));
  await history.add(run(2));
  store.files.set('orphan.json', '{}');
  await history.clear();
  assert.deepEqual(history.runs, []);
  assert.deepEqual(store.index, []);
  assert.deepEqual([...store.files.keys()], []);
});

test('prune deletes results files the index does not list; a damaged index keeps its good entries', async () => {
  const store = new MemoryStore();
  const kept = await new RunHistory(store).add(run(1));
  store.files.set('left-behind.json', '{}');
  store.files.set('notes.txt', 'not a results file');
  store.index = [...(store.index as RunRecord[]), { id: 'x' }, null, 'junk'];
  const history = new RunHistory(store);
  assert.deepEqual(history.runs.map((r) => r.id), [kept.id]);
  await history.prune();
  assert.deepEqual([...store.files.keys()].sort(), [kept.file, 'notes.txt'].sort());
  assert.deepEqual(validIndex({ not: 'an array' }), []);
});

test('a failing store rejects add, but the run stays listed and its results in memory', async () => {
  const store = new MemoryStore();
  store.write = async () => { throw new Error('disk full'); };
  const history = new RunHistory(store);
  await assert.rejects(history.add(run(1)), /disk full/);
  assert.equal(history.runs.length, 1);
  assert.ok(await history.results(history.runs[0].id));
  // the queue goes on after a failure
  store.write = MemoryStore.prototype.write;
  await history.add(run(2));
  assert.equal((store.index as RunRecord[]).length, 2);
});

test('labels: seconds, counts and relative times', () => {
  assert.equal(formatSeconds(0.54), '0.5 s');
  assert.equal(formatSeconds(12.4), '12 s');
  assert.equal(formatSeconds(125), '2 min 5 s');
  assert.equal(formatSeconds(120), '2 min');
  assert.equal(countsText({ ok: 12, error: 1, skipped: 0, cached: 0 }), '12 ok, 1 failed');
  const now = T0;
  assert.equal(relativeTime(now - 10_000, now), 'just now');
  assert.equal(relativeTime(now + 5_000, now), 'just now', 'a clock set back is not "in the future"');
  assert.equal(relativeTime(now - 60_000, now), '1 min ago');
  assert.equal(relativeTime(now - 5 * 60_000, now), '5 min ago');
  assert.equal(relativeTime(now - 3 * 3600_000, now), '3 h ago');
  assert.equal(relativeTime(now - 26 * 3600_000, now), 'yesterday');
  assert.equal(relativeTime(now - 4 * 86400_000, now), '4 days ago');
  assert.equal(relativeTime(now - 30 * 86400_000, now), '2024-12-02');
});

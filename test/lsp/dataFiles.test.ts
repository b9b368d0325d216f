// Column checks follow the data files: headers are read through DuckDB, cached, and re-read when the
// file changes; gzipped CSV and Parquet are read too. The spec's own data is never written.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient } from './harness.ts';

let lsp: LspClient;
let dir: string;
before(async () => {
  lsp = await LspClient.start();
  dir = mkdtempSync(join(tmpdir(), 'innograph-data-'));
});
after(async () => { await lsp.stop(); });

test('a column added to the file clears the diagnostic after the file-change notification', async () => {
  const csv = join(dir, 'applicants.csv');
  writeFileSync(csv, 'patent_id,seq,province\n1,1,Beijing\n');
  const { uri, diagnostics } = await lsp.open(join(dir, 'a.study'), 'dataset a from "applicants.csv" { patent: patent_id, region: city }\n');
  assert.deepEqual(diagnostics.map((d) => d.code), ['unknown-column']);
  writeFileSync(csv, 'patent_id,seq,province,city\n1,1,Beijing,Beijing\n');
  await lsp.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(csv).href, type: 2 }] });
  await lsp.republished(uri, (ds) => ds.length === 0);
  assert.equal(readFileSync(csv, 'utf8'), 'patent_id,seq,province,city\n1,1,Beijing,Beijing\n');
});

test('gzipped CSV and tab-separated files are read, with their row counts in the hover', async () => {
  writeFileSync(join(dir, 'cites.csv.gz'), gzipSync('citing_id,cited_id\n1,2\n1,3\n2,3\n'));
  writeFileSync(join(dir, 'regions.tsv'), 'code\tname\nCN11\tBeijing\n');
  const text = 'dataset c from "cites.csv.gz" { citing: citing_id, cited: cited_id }\ndataset r from "regions.tsv" { key: code }\n';
  const { uri, diagnostics } = await lsp.open(join(dir, 'b.study'), text);
  assert.deepEqual(diagnostics, []);
  const h = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: { line: 0, character: 9 } });
  assert.match(h.contents.value, /Rows: 3/);
});

test('an unreadable file is reported with DuckDB\'s reason on the path', async () => {
  writeFileSync(join(dir, 'broken.parquet'), 'not parquet at all');
  const { diagnostics } = await lsp.open(join(dir, 'c.study'), 'dataset p from "broken.parquet" { id: x }\n');
  assert.equal(diagnostics.length, 1);
  assert.equal(diagnostics[0].code, 'unreadable-data-file');
  assert.match(diagnostics[0].message, /^Cannot read broken.parquet: /);
});

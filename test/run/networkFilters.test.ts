// A network's `where:` over its holders' columns and over those of the patents they join: the patents
// dataset is joined for the condition, also when the holders carry their own year.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { result, runSpec } from './harness.ts';

const FILES = {
  'patents.csv': 'patent_id,app_year,ipc\nP1,2001,H01M\nP2,2001,G06F\nP3,2002,H01M\nP4,2003,H02J\n',
  'applicants.csv': 'patent_id,seq,kind,city\nP1,1,firm,Wuhan\nP1,2,firm,Beijing\nP2,1,university,Beijing\nP2,2,firm,Xian\nP3,1,firm,Wuhan\nP3,2,firm,Xian\nP4,1,firm,Beijing\nP4,2,university,Xian\n',
  'inventors.csv': 'patent_id,year,city\nP1,2001,Wuhan\nP1,2001,Beijing\nP2,2001,Beijing\nP2,2001,Xian\nP3,2002,Wuhan\nP3,2002,Xian\nP4,2003,Beijing\nP4,2003,Xian\n',
};

async function ties(spec: string, name: string) {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-run-'));
  for (const [file, content] of Object.entries(FILES)) writeFileSync(join(dir, file), content);
  writeFileSync(join(dir, 'spec.study'), `dataset patents from "patents.csv" { id: patent_id, year: app_year }
dataset applicants from "applicants.csv" { patent: patent_id, order: seq, region: city, joins: patents }
dataset inventors from "inventors.csv" { patent: patent_id, year: year, region: city }
${spec}`);
  const net = result(await runSpec(join(dir, 'spec.study')), name);
  assert.equal(net.status, 'ok', net.error?.message);
  return net.network!.windows.flatMap((w) => w.ties.map((t) => `${t.source}–${t.target} ${t.weight}`)).sort();
}

test('a network\'s `where:` on a column of the joined patents keeps those patents\' ties', async () => {
  assert.deepEqual(await ties('network h01 = coapplication(applicants) { where: ipc == "H01M" }\n', 'h01'), ['Beijing–Wuhan 1', 'Wuhan–Xian 1']);
});

test('a condition on holder and patent columns together filters holders row by row', async () => {
  const spec = 'network firms = coapplication(applicants) { where: ipc in ("H01M", "H02J", "G06F") and kind == "firm" }\n';
  assert.deepEqual(await ties(spec, 'firms'), ['Beijing–Wuhan 1', 'Wuhan–Xian 1']);
});

test('holders with their own year join the patents only for the condition', async () => {
  assert.deepEqual(await ties('network all = coinvention(inventors)\n', 'all'), ['Beijing–Wuhan 1', 'Beijing–Xian 2', 'Wuhan–Xian 1']);
  assert.deepEqual(await ties('network h0 = coinvention(inventors) { where: ipc != "G06F" }\n', 'h0'), ['Beijing–Wuhan 1', 'Beijing–Xian 1', 'Wuhan–Xian 1']);
});

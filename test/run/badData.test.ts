// Bad input while running: every failure names the spec span or the data file, line and column, the
// other declarations still run, and data files are never written.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { records, result, runSpec } from './harness.ts';

function workspace(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-run-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

const PATENTS = 'patent_id,app_year\nP1,2001\nP2,2001\nP3,2002\nP4,2003\n';
const APPLICANTS = 'patent_id,seq,kind,city\nP1,1,firm,Wuhan\nP1,2,firm,Beijing\nP2,1,university,Beijing\nP2,2,firm,Xian\nP3,1,firm,Wuhan\nP3,2,firm,Xian\nP4,1,firm,Beijing\nP4,2,firm,Beijing\n';
const SPEC_HEAD = `dataset patents from "patents.csv" { id: patent_id, year: app_year }
dataset applicants from "applicants.csv" {
  patent: patent_id
  order:  seq
  region: city
  joins:  patents
}
`;

async function run(files: Record<string, string | Buffer>, spec: string) {
  const dir = workspace({ 'patents.csv': PATENTS, 'applicants.csv': APPLICANTS, ...files, 'spec.study': spec });
  return { dir, results: await runSpec(join(dir, 'spec.study')) };
}

test('a year that is not a whole number is reported with its file, line, column and count', async () => {
  const { results } = await run({ 'patents.csv': 'patent_id,app_year\nP1,2001\nP2,20O1\nP3,2002\nP4,n/a\n' },
    `${SPEC_HEAD}windows years = 2001..2003\nnetwork net = coapplication(applicants) { windows: years }\n`);
  const net = result(results, 'net');
  assert.equal(net.status, 'error');
  assert.match(net.error!.message, /app_year .*whole numbers.*"20O1" \(2 rows like this\)/);
  assert.equal(net.error!.data?.line, 3);
  assert.equal(net.error!.data?.column, 'app_year');
  assert.match(net.error!.data!.file, /patents\.csv$/);
});

test('a malformed CSV row is reported with its line', async () => {
  // Past the prefix the checks look at (1 MiB) and DuckDB's sniffing sample: the run finds it.
  const filler = 'P4,3,firm,Wuhan\n'.repeat(80_000);
  const { results } = await run({ 'applicants.csv': `${APPLICANTS}${filler}P5,1,firm,Wuhan,extra,fields\n` },
    `${SPEC_HEAD}network net = coapplication(applicants)\n`);
  const net = result(results, 'net');
  assert.equal(net.status, 'error');
  assert.match(net.error!.data!.file, /applicants\.csv$/);
  assert.equal(net.error!.data?.line, 80_010);
  assert.equal(net.error!.message, "Cannot read applicants.csv: line 80010 has more fields than the header's 4.");
});

test('region codes missing from a lookup are listed with counts, or dropped when the lookup says so', async () => {
  const lookup = 'city,province\nWuhan,Hubei\nBeijing,Beijing\n';
  const spec = (unmatched: string) => `${SPEC_HEAD}lookup provinces from "cities.csv" { key: city, value: province, unmatched: ${unmatched} }
network net = coapplication(applicants) { map: provinces }\n`;
  const failed = result((await run({ 'cities.csv': lookup }, spec('error'))).results, 'net');
  assert.equal(failed.status, 'error');
  assert.match(failed.error!.message, /1 region code \(2 rows\) not in provinces: Xian \(2\)/);
  assert.match(failed.error!.data!.file, /cities\.csv$/);
  const dropped = result((await run({ 'cities.csv': lookup }, spec('drop'))).results, 'net');
  assert.equal(dropped.status, 'ok');
  assert.ok(dropped.notes.some((n) => /Xian \(2\).*dropped/.test(n)));
  assert.deepEqual(dropped.network!.windows[0].ties, [{ source: 'Beijing', target: 'Hubei', weight: 1 }]);
});

test('a prefix lookup maps region codes by their longest prefix; a key with two values is a data error', async () => {
  // Wuhan and Xian by their first letters, Beijing by its own longer key.
  const lookup = (extra: string) => `prefix,zone\nW,central\nX,west\nB,north\nbei jing,capital\n${extra}`;
  const spec = `${SPEC_HEAD}lookup zones from "zones.csv" { key: prefix, value: zone, match: prefix }
network net = coapplication(applicants) { map: zones }\n`;
  const mapped = result((await run({ 'zones.csv': lookup('') }, spec)).results, 'net');
  assert.equal(mapped.status, 'ok');
  assert.deepEqual(mapped.network!.windows[0].ties, [{ source: 'capital', target: 'central', weight: 1 }, { source: 'capital', target: 'west', weight: 1 }, { source: 'central', target: 'west', weight: 1 }]);
  const clash = result((await run({ 'zones.csv': lookup('BEIJING,north\n') }, spec)).results, 'net');
  assert.equal(clash.status, 'error');
  assert.match(clash.error!.message, /1 key of zones has different values: BEIJING/);
  assert.match(clash.error!.data!.file, /zones\.csv$/);
});

test('a filter the data cannot satisfy points at the condition in the spec', async () => {
  const spec = `dataset patents from "patents.csv" { id: patent_id, year: app_year }
dataset applicants from "applicants.csv" {
  patent: patent_id
  region: city
  where:  kind > 5
}
network net = coapplication(applicants)\n`;
  const { results } = await run({}, spec);
  const net = result(results, 'net');
  assert.equal(net.status, 'error');
  assert.match(net.error!.message, /condition cannot be evaluated on applicants\.csv/);
  assert.equal(net.error!.spec?.line, 5);
  assert.equal(net.error!.spec?.column, 11);
});

test('a patents file with a row per class of a patent (REGPAT\'s EPO_IPC) gives each patent\'s holders once', async () => {
  const spec = `${SPEC_HEAD}windows years = 2001..2003\nnetwork net = coapplication(applicants) { windows: years, count: per_patent }\n`;
  const once = await run({}, spec);
  const perClass = await run({ 'patents.csv': `${PATENTS}P1,2001\nP1,2001\nP4,2003\n` }, spec);
  const windows = (r: typeof once) => result(r.results, 'net').network!.windows.map((w) => [w.ties, w.intra]);
  assert.deepEqual(windows(perClass), windows(once));
  assert.deepEqual(result(once.results, 'net').network!.windows[0].ties.map((t) => t.weight), [1, 1]);
});

test('windows over dates given as years are empty, and the note names the dates the data has', async () => {
  const patents = 'patent_id,app_date\nP1,20010421\nP2,20010930\nP3,20020105\nP4,20030621\n';
  const { results } = await run({ 'patents.csv': patents }, `${SPEC_HEAD.replace('year: app_year', 'year: app_date')}windows periods = 2001..2003 by 3
network net = coapplication(applicants) { windows: periods }
measures overall = whole(net, window: 2001..2002) { nodes }\n`);
  const expected = 'the data\'s years are 20010421–20030621: is `year:` a date?';
  assert.ok(result(results, 'net').notes.some((n) => n.startsWith(`Window 2001–2003 is empty: no ties in it; ${expected}`)), result(results, 'net').notes.join('\n'));
  assert.ok(result(results, 'overall').notes.some((n) => n.startsWith(`Window 2001–2002 is empty: no ties in it; ${expected}`)), result(results, 'overall').notes.join('\n'));
});

test('an empty window is reported, not silently zero, and measures of it are null', async () => {
  const { results } = await run({}, `${SPEC_HEAD}windows years = 2000..2003
network net = coapplication(applicants) { windows: years }
measures overall = whole(net) { nodes, edges, density }\n`);
  const net = result(results, 'net');
  assert.ok(net.notes.includes('Window 2000 is empty: no ties in it; the data\'s years are 2001–2003.'), net.notes.join('\n'));
  const [first, second] = records(result(results, 'overall'), 'indicators');
  assert.deepEqual(first, { window: '2000', nodes: 0, edges: 0, density: null });
  assert.deepEqual(second, { window: '2001', nodes: 3, edges: 2, density: 2 / 3 });
});

test('first-led ties without an order column point at the option; the other declarations still run', async () => {
  const spec = `dataset patents from "patents.csv" { id: patent_id, year: app_year }
dataset applicants from "applicants.csv" { patent: patent_id, region: city }
network led = coapplication(applicants) { ties: first_led }
network pairs = coapplication(applicants)\n`;
  const { results } = await run({}, spec);
  const led = result(results, 'led');
  assert.equal(led.status, 'error');
  assert.match(led.error!.message, /needs the applicants' order/);
  assert.equal(led.error!.spec?.line, 3);
  assert.equal(result(results, 'pairs').status, 'ok');
});

test('Latin-1 files are detected and read; data files are never written', async () => {
  const latin1 = Buffer.from('patent_id,seq,kind,city\nP1,1,firm,Z\xfcrich\nP1,2,firm,Beijing\n', 'latin1');
  const hash = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');
  const { dir, results } = await run({ 'applicants.csv': latin1 }, `${SPEC_HEAD}network net = coapplication(applicants)\n`);
  assert.deepEqual(result(results, 'net').network!.windows[0].ties, [{ source: 'Beijing', target: 'Zürich', weight: 1 }]);
  assert.equal(hash(join(dir, 'applicants.csv')), createHash('sha256').update(latin1).digest('hex'));
  assert.equal(readFileSync(join(dir, 'patents.csv'), 'utf8'), PATENTS);
});

test('windows over holders without years point at the windows option', async () => {
  const dir = workspace({ 'a.csv': 'p,r\nP1,X\nP1,Y\n', 'spec.study': 'dataset a from "a.csv" { patent: p, region: r }\nwindows w = 2001..2003\nnetwork n = coapplication(a) { windows: w }\n' });
  const net = result(await runSpec(join(dir, 'spec.study')), 'n');
  assert.equal(net.status, 'error');
  assert.match(net.error!.message, /Windows need years: a has no `year` column/);
  assert.deepEqual([net.error!.spec?.line, net.error!.spec?.column], [3, 41]);
});

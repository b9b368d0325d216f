// Derives the three tables examples/uspto.study reads from the raw USPTO sample in raw/ (copied verbatim
// from the shared data folder; see ../README.md). Deterministic, no dependencies; rerun from the repository
// root with `node examples/data/uspto/prepare.mjs` after changing it, and commit its output with it
// (`node examples/data/uspto/prepare.mjs DIR` writes the three files to DIR instead, as the test does).
//
// What the study language cannot say itself, and this script therefore does:
// - years: the raw dates are YYYYMMDD numbers, and a `year` role must be a year → app_year, grant_year;
// - one region code per inventor: the state for US inventors (ISO 3166-2, `US-CA`), the country otherwise
//   (`DE`) — a `region` role names a column, it cannot combine two;
// - one identifier per cited document: the raw cited numbers repeat across offices (JP 1350595 and
//   KR 1350595) → cited = office code + number with spaces removed (`US6123456`, `EP0930229`).
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const out = process.argv[2] ?? here;

/** RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF) into records keyed by the header. */
function readCsv(path) {
  const text = readFileSync(path, 'utf8');
  const rows = [];
  let row = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field); rows.push(row); row = []; field = '';
    } else field += c;
  }
  if (field !== '' || row.length) { row.push(field); rows.push(row); }
  const [header, ...body] = rows;
  return body.map((r) => {
    if (r.length !== header.length) throw new Error(`${path}: a row has ${r.length} fields, the header ${header.length}`);
    return Object.fromEntries(header.map((h, k) => [h, r[k]]));
  });
}

function writeCsv(path, columns, records) {
  const cell = (v) => (/[",\r\n]/.test(String(v)) ? `"${String(v).replaceAll('"', '""')}"` : String(v));
  const lines = [columns.join(','), ...records.map((r) => columns.map((c) => cell(r[c])).join(','))];
  writeFileSync(path, lines.join('\n') + '\n');
  console.log(`${path}: ${records.length} rows`);
}

const year = (date, what) => {
  if (!/^\d{8}$/.test(date)) throw new Error(`${what}: not a YYYYMMDD date: ${JSON.stringify(date)}`);
  return Number(date.slice(0, 4));
};

const patents = readCsv(join(here, 'raw/patents.csv'));
const locations = readCsv(join(here, 'raw/locations.csv'));
const citations = readCsv(join(here, 'raw/citations.csv'));

// Patent numbers are kept as the raw files spell them (8 characters, leading zeros: 06836899, D0650000);
// every location and every citing number must name a patent of the sample.
const numbers = new Set(patents.map((p) => p.patent_number));
if (numbers.size !== patents.length) throw new Error('patents.csv repeats a patent number');
for (const [file, rows, column] of [['locations', locations, 'patent_number'], ['citations', citations, 'citing']]) {
  const stray = rows.filter((r) => !numbers.has(r[column]));
  if (stray.length) throw new Error(`${file}.csv: ${stray.length} ${column} values not in patents.csv, e.g. ${stray[0][column]}`);
}

writeCsv(join(out, 'patents.csv'), ['patent_number', 'kind', 'design', 'app_year', 'grant_year'], patents.map((p) => ({
  patent_number: p.patent_number,
  kind: p.kind,
  design: p.kind.startsWith('S') ? 1 : 0,   // S1 = design patent
  app_year: year(p.app_date, `${p.patent_number} app_date`),
  grant_year: year(p.grant_date, `${p.patent_number} grant_date`),
})));

writeCsv(join(out, 'locations.csv'), ['patent_number', 'role', 'seq', 'country', 'state', 'region'], locations.map((l) => {
  if (l.role !== 'assignee' && !l.country) throw new Error(`${l.patent_number}: an inventor without a country`);
  if (l.country === 'US' && l.role !== 'assignee' && !l.state) throw new Error(`${l.patent_number}: a US inventor without a state`);
  const region = !l.country ? '' : l.country === 'US' && l.state ? `US-${l.state}` : l.country;
  return { patent_number: l.patent_number, role: l.role, seq: l.seq === '' ? '' : Number(l.seq), country: l.country, state: l.state, region };
}));

writeCsv(join(out, 'citations.csv'), ['citing', 'cited', 'category'], citations.map((c) => ({
  citing: c.citing,
  cited: `${c.cited_country}${c.cited_number.replace(/\s+/g, '')}`,
  category: c.category,
})));

// Tests for the synthetic REGPAT-like generator (server/src/engine/synth) and
// for the example data generated from it (examples/data).
import test from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CITIES_BY_PATENTING,
  COUNTRIES,
  MORE_CITIES,
  EXTERNAL_ID_BASE,
  PROVINCES,
  PRESETS,
  Rng,
  deriveSeed,
  generatePresetCsvText,
  presetTables,
  writePresetCsv,
  zipfRank,
  type Preset,
  type PresetOptions,
} from '../../server/src/engine/synth/index.js';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
const CLI = join(ROOT, 'server/src/engine/synth/cli.ts');
const EXAMPLES = join(ROOT, 'examples/data');
const DOCUMENTED_COMMAND = 'node --import tsx server/src/engine/synth/cli.ts --preset all --out examples/data --seed 42';

// ---------------------------------------------------------------- helpers

type Table = { header: string[]; rows: Record<string, string>[] };

/** Minimal RFC 4180 parser, independent of the generator's writer. */
function parseCsv(text: string): Table {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
    } else field += ch;
  }
  assert.equal(field + record.join(''), '', 'CSV must end with a newline');
  const [header, ...body] = records;
  assert.ok(header, 'CSV needs a header row');
  for (const r of body) assert.equal(r.length, header.length, `row width ${r.length} != header width ${header.length}: ${r.join(',')}`);
  return { header, rows: body.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]!]))) };
}

const generated = new Map<string, Promise<Record<string, Table>>>();

/** Parsed tables of a preset, cached per (preset, options) because several tests read the same data. */
function tables(preset: Preset, options: PresetOptions = { seed: 42 }): Promise<Record<string, Table>> {
  const key = `${preset}:${JSON.stringify(options)}`;
  let p = generated.get(key);
  if (!p) {
    p = generatePresetCsvText(preset, options).then((texts) =>
      Object.fromEntries(Object.entries(texts).map(([file, text]) => [file, parseCsv(text)])),
    );
    generated.set(key, p);
  }
  return p;
}

function countBy<T>(items: readonly T[], key: (item: T) => string): Map<string, number> {
  const m = new Map<string, number>();
  for (const it of items) m.set(key(it), (m.get(key(it)) ?? 0) + 1);
  return m;
}

function median(values: readonly number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

function share(rows: readonly Record<string, string>[], column: string): number {
  return rows.filter((r) => r[column] === '1').length / rows.length;
}

function pearson(xs: readonly number[], ys: readonly number[]): number {
  const mx = xs.reduce((a, b) => a + b, 0) / xs.length;
  const my = ys.reduce((a, b) => a + b, 0) / ys.length;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  xs.forEach((x, i) => {
    sxy += (x - mx) * (ys[i]! - my);
    sxx += (x - mx) ** 2;
    syy += (ys[i]! - my) ** 2;
  });
  return sxy / Math.sqrt(sxx * syy);
}

/** Asserts rows are grouped by patent with seq exactly 1..k, and every id exists in `patentIds`. */
function assertSeqRuns(rows: readonly Record<string, string>[], idColumn: string, seqColumn: string, patentIds: ReadonlySet<string>): Map<string, number> {
  const k = new Map<string, number>();
  let current = '';
  for (const r of rows) {
    const id = r[idColumn]!;
    assert.ok(patentIds.has(id), `${idColumn} ${id} is not a patent`);
    const seq = Number(r[seqColumn]);
    if (id !== current) {
      assert.ok(!k.has(id), `rows of ${id} are not contiguous`);
      assert.equal(seq, 1, `first ${seqColumn} of ${id} must be 1`);
      current = id;
    } else {
      assert.equal(seq, k.get(id)! + 1, `${seqColumn} of ${id} must increase by 1`);
    }
    k.set(id, seq);
  }
  return k;
}

function runCli(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, ['--import', 'tsx', CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

// ---------------------------------------------------------------- randomness

test('PRNG: same seed gives the same stream, different seeds differ, values lie in [0,1)', () => {
  const draw = (seed: number) => {
    const rng = new Rng(seed);
    return Array.from({ length: 1000 }, () => rng.next());
  };
  assert.deepEqual(draw(42), draw(42));
  assert.notDeepEqual(draw(42), draw(43));
  for (const x of draw(7)) assert.ok(x >= 0 && x < 1);
  const mean = draw(9).reduce((a, b) => a + b, 0) / 1000;
  assert.ok(Math.abs(mean - 0.5) < 0.05, `mean ${mean} far from 0.5`);
  assert.notEqual(deriveSeed(42, 'a'), deriveSeed(42, 'b'));
  assert.notEqual(deriveSeed(42, 'a'), deriveSeed(43, 'a'));
  assert.notEqual(deriveSeed(1, 'a'), deriveSeed(1 + 2 ** 32, 'a'), 'seeds above 2^32 must not wrap');
});

test('zipfRank: rank 0 is by far the most common and ranks stay in range', () => {
  const rng = new Rng(5);
  const counts = new Array<number>(1000).fill(0);
  for (let i = 0; i < 50_000; i++) {
    const r = zipfRank(rng, 1000, 1.0);
    assert.ok(r >= 0 && r < 1000);
    counts[r]!++;
  }
  assert.ok(counts[0]! > 20 * median(counts), `top ${counts[0]} vs median ${median(counts)}`);
});

// ---------------------------------------------------------------- determinism

for (const preset of PRESETS) {
  test(`${preset}: same seed => identical bytes, different seed => different data`, async () => {
    const a = await generatePresetCsvText(preset, { seed: 7, patents: 500 });
    const b = await generatePresetCsvText(preset, { seed: 7, patents: 500 });
    const c = await generatePresetCsvText(preset, { seed: 8, patents: 500 });
    assert.deepEqual(Object.keys(a).sort(), Object.values(presetTables(preset)).map((t) => t.file).sort());
    for (const file of Object.keys(a)) {
      assert.equal(a[file], b[file], `${preset}/${file} differs between runs with the same seed`);
      // countries.csv is a fixed lookup table; everything else must depend on the seed.
      if (file !== 'countries.csv') assert.notEqual(a[file], c[file], `${preset}/${file} ignores the seed`);
    }
  });
}

test('streaming file output is byte-identical to in-memory output (several flushes)', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'synth-stream-'));
  try {
    const options = { seed: 11, patents: 6000 };
    const written = await writePresetCsv('regpat', dir, options);
    const expected = await generatePresetCsvText('regpat', options);
    assert.equal(written.length, Object.keys(expected).length);
    for (const [file, text] of Object.entries(expected)) {
      const bytes = await readFile(join(dir, file), 'utf8');
      assert.equal(bytes, text, `${file} differs`);
      const info = written.find((w) => w.path === join(dir, file))!;
      assert.equal(info.bytes, Buffer.byteLength(text));
      assert.equal(info.rows, text.split('\n').length - 2); // minus header and trailing newline
    }
    assert.ok(Buffer.byteLength(expected['citations.csv']!) > 4 * 65536, 'test must span several buffer flushes');
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// ---------------------------------------------------------------- shape of rare_earth

test('rare_earth: headers, size, years growing over 2001..2020, valid IPC', async () => {
  const t = await tables('rare_earth');
  assert.deepEqual(t['patents.csv']!.header, ['patent_id', 'app_year', 'ipc']);
  assert.deepEqual(t['applicants.csv']!.header, ['patent_id', 'seq', 'applicant', 'kind', 'province', 'city']);
  assert.deepEqual(t['provinces_2020.csv']!.header, ['province', 'gdp_pc', 'firms', 'sci_exp', 'granted', 'library_books', 'retail', 'tertiary', 'graduates']);
  assert.deepEqual(t['cities_2020.csv']!.header, ['city', 'province', 'gdp_pc', 'firms', 'sci_exp', 'granted', 'library_books', 'retail', 'tertiary', 'graduates']);
  const patents = t['patents.csv']!.rows;
  assert.equal(patents.length, 3000);
  assert.equal(new Set(patents.map((p) => p.patent_id)).size, patents.length, 'patent ids must be unique');
  const perYear = countBy(patents, (p) => p.app_year!);
  assert.deepEqual([...perYear.keys()].map(Number).sort(), Array.from({ length: 20 }, (_, i) => 2001 + i));
  assert.ok(perYear.get('2020')! > 3 * perYear.get('2001')!, 'filings must grow over time');
  for (const p of patents) assert.match(p.ipc!, /^[A-H]\d\d[A-Z] \d{1,4}\/\d{2,6}$/);
  assert.ok(patents.some((p) => p.ipc === 'C22B 59/00'));
});

test('rare_earth: applicants reference patents, seq runs 1..k, k is skewed, kinds are valid', async () => {
  const t = await tables('rare_earth');
  const ids = new Set(t['patents.csv']!.rows.map((p) => p.patent_id!));
  const applicants = t['applicants.csv']!.rows;
  const k = assertSeqRuns(applicants, 'patent_id', 'seq', ids);
  assert.equal(k.size, ids.size, 'every patent has at least one applicant');
  const ks = [...k.values()];
  const single = ks.filter((x) => x === 1).length / ks.length;
  assert.ok(single > 0.45 && single < 0.75, `single-applicant share ${single}`);
  assert.ok(Math.max(...ks) >= 5 && Math.max(...ks) <= 6, 'k reaches 5-6 but not beyond');
  const kinds = countBy(applicants, (a) => a.kind!);
  assert.deepEqual([...kinds.keys()].sort(), ['firm', 'individual', 'institute', 'university']);
  assert.ok(kinds.get('firm')! > kinds.get('individual')!);
  // Repeat applicants: the biggest applicant appears on many patents.
  const bySize = [...countBy(applicants, (a) => a.applicant!).values()].sort((a, b) => b - a);
  assert.ok(bySize[0]! >= 20, `largest applicant has only ${bySize[0]} rows`);
  assert.ok(bySize.length < applicants.length * 0.8, 'applicants must repeat');
});

test('rare_earth: regional skew — the top city/province dwarfs the median one', async () => {
  const applicants = (await tables('rare_earth'))['applicants.csv']!.rows;
  const byCity = [...countBy(applicants, (a) => a.city!).values()];
  const byProvince = [...countBy(applicants, (a) => a.province!).values()];
  assert.ok(Math.max(...byCity) > 10 * median(byCity), `city top ${Math.max(...byCity)} vs median ${median(byCity)}`);
  assert.ok(Math.max(...byProvince) > 5 * median(byProvince), `province top ${Math.max(...byProvince)} vs median ${median(byProvince)}`);
  assert.equal(countBy(applicants, (a) => a.city!).get('Baotou'), Math.max(...byCity), 'Baotou leads rare earths');
});

test('rare_earth: covariate tables have one row per province/city and track patent volume', async () => {
  const t = await tables('rare_earth');
  const provinces = t['provinces_2020.csv']!.rows;
  const cities = t['cities_2020.csv']!.rows;
  assert.deepEqual(provinces.map((p) => p.province).sort(), PROVINCES.map((p) => p.name).sort());
  assert.equal(provinces.length, 31);
  assert.deepEqual(cities.map((c) => c.city).sort(), CITIES_BY_PATENTING.map((c) => c.name).sort());
  assert.ok(cities.length >= 75 && cities.length <= 90);
  for (const row of [...provinces, ...cities]) {
    for (const col of ['gdp_pc', 'firms', 'sci_exp', 'granted', 'library_books', 'retail', 'tertiary', 'graduates']) {
      const v = Number(row[col]);
      assert.ok(Number.isFinite(v) && v > 0, `${col}=${row[col]}`);
    }
    assert.ok(Number(row.tertiary) < 100, 'tertiary is a percentage');
  }
  const volume = countBy(t['applicants.csv']!.rows, (a) => a.province!);
  const r = pearson(provinces.map((p) => Math.log1p(volume.get(p.province!) ?? 0)), provinces.map((p) => Math.log(Number(p.granted))));
  assert.ok(r > 0.4 && r < 0.999, `granted vs patent volume correlation ${r}`);
});

// ---------------------------------------------------------------- geography across presets

test('every city maps to exactly one province, everywhere, consistent with the city list', async () => {
  const cities = [...CITIES_BY_PATENTING, ...MORE_CITIES];
  const canonical = new Map(cities.map((c) => [c.name, c.province] as const));
  assert.equal(canonical.size, cities.length, 'city names are unique');
  for (const name of ['Beijing', 'Shanghai']) assert.equal(canonical.get(name), name, `${name} is a city in ${name}`);
  assert.equal(canonical.get('Baotou'), 'Inner Mongolia');
  const re = await tables('rare_earth');
  const ai = await tables('ai');
  const rows = [
    ...re['applicants.csv']!.rows,
    ...re['cities_2020.csv']!.rows,
    ...ai['patents.csv']!.rows,
    ...ai['applicants.csv']!.rows,
  ];
  const seen = new Map<string, Set<string>>();
  for (const r of rows) {
    const set = seen.get(r.city!) ?? new Set<string>();
    set.add(r.province!);
    seen.set(r.city!, set);
  }
  for (const [city, provinces] of seen) {
    assert.equal(provinces.size, 1, `${city} appears in ${[...provinces].join(', ')}`);
    assert.equal([...provinces][0], canonical.get(city), `${city} has the wrong province`);
  }
  const provinceNames = new Set(PROVINCES.map((p) => p.name));
  assert.ok(provinceNames.has('Inner Mongolia'));
  for (const provinces of seen.values()) for (const p of provinces) assert.ok(provinceNames.has(p), `unknown province ${p}`);
});

// ---------------------------------------------------------------- regpat

test('regpat: headers, ids, years, env_tech share near 40%', async () => {
  const t = await tables('regpat');
  assert.deepEqual(t['patents.csv']!.header, ['appln_id', 'prio_year', 'ipc', 'env_tech']);
  assert.deepEqual(t['inventors.csv']!.header, ['appln_id', 'inv_seq', 'reg_code', 'ctry_code']);
  assert.deepEqual(t['applicants.csv']!.header, ['appln_id', 'app_seq', 'reg_code', 'ctry_code']);
  assert.deepEqual(t['citations.csv']!.header, ['citing_id', 'cited_id']);
  assert.deepEqual(t['countries.csv']!.header, ['ctry_code', 'country_name', 'g7', 'brics']);
  const patents = t['patents.csv']!.rows;
  assert.equal(patents.length, 4000);
  assert.equal(new Set(patents.map((p) => p.appln_id)).size, 4000);
  const years = patents.map((p) => Number(p.prio_year));
  assert.equal(Math.min(...years), 1998);
  assert.equal(Math.max(...years), 2017);
  const env = share(patents, 'env_tech');
  assert.ok(env > 0.33 && env < 0.47, `env_tech share ${env}`);
  for (const p of patents) assert.ok(p.env_tech === '0' || p.env_tech === '1');
});

test('regpat: inventors reference patents, inv_seq runs 1..k, codes are consistent, China/foreign mix', async () => {
  const t = await tables('regpat');
  const patents = t['patents.csv']!.rows;
  const inventors = t['inventors.csv']!.rows;
  const k = assertSeqRuns(inventors, 'appln_id', 'inv_seq', new Set(patents.map((p) => p.appln_id!)));
  assert.equal(k.size, patents.length, 'every patent has an inventor');
  const countries = t['countries.csv']!.rows;
  const codes = new Set(countries.map((c) => c.ctry_code!));
  for (const code of ['CN', 'US', 'DE', 'JP', 'GB', 'FR', 'KR', 'IN', 'BR', 'RU', 'ZA', 'IT', 'CA']) assert.ok(codes.has(code), code);
  assert.deepEqual(countries.filter((c) => c.g7 === '1').map((c) => c.ctry_code).sort(), ['CA', 'DE', 'FR', 'GB', 'IT', 'JP', 'US']);
  assert.deepEqual(countries.filter((c) => c.brics === '1').map((c) => c.ctry_code).sort(), ['BR', 'CN', 'IN', 'RU', 'ZA']);
  for (const inv of inventors) {
    assert.match(inv.ctry_code!, /^[A-Z]{2}$/);
    assert.ok(codes.has(inv.ctry_code!), `unknown country ${inv.ctry_code}`);
    assert.ok(inv.reg_code!.startsWith(inv.ctry_code!), `${inv.reg_code} not in ${inv.ctry_code}`);
  }
  for (const code of ['CN11', 'CN31', 'US06', 'DE21', 'JP13']) assert.ok(inventors.some((i) => i.reg_code === code), code);

  const countriesOf = new Map<string, Set<string>>();
  for (const inv of inventors) {
    const s = countriesOf.get(inv.appln_id!) ?? new Set<string>();
    s.add(inv.ctry_code === 'CN' ? 'CN' : 'foreign');
    countriesOf.set(inv.appln_id!, s);
  }
  const mixed = [...countriesOf.values()].filter((s) => s.size === 2).length;
  assert.ok(mixed > 40 && mixed < 0.25 * patents.length, `${mixed} China-foreign co-inventions`);

  // China's share of first inventors rises from the first to the last priority year.
  const yearOf = new Map(patents.map((p) => [p.appln_id!, Number(p.prio_year)] as const));
  const chinaShareIn = (year: number) => {
    const firsts = inventors.filter((i) => i.inv_seq === '1' && yearOf.get(i.appln_id!) === year);
    return firsts.filter((i) => i.ctry_code === 'CN').length / firsts.length;
  };
  assert.ok(chinaShareIn(2017) > chinaShareIn(1998) + 0.2, `China share ${chinaShareIn(1998)} -> ${chinaShareIn(2017)}`);

  const byRegion = [...countBy(inventors, (i) => i.reg_code!).values()];
  assert.ok(Math.max(...byRegion) > 10 * median(byRegion), `region top ${Math.max(...byRegion)} vs median ${median(byRegion)}`);
});

test('regpat: applicants sit where the patent\'s inventors do, first inventor\'s first; China–foreign co-inventions are Chinese-, foreign- and jointly owned', async () => {
  const t = await tables('regpat');
  const patents = t['patents.csv']!.rows;
  const applicants = t['applicants.csv']!.rows;
  const k = assertSeqRuns(applicants, 'appln_id', 'app_seq', new Set(patents.map((p) => p.appln_id!)));
  assert.equal(k.size, patents.length, 'every patent has an applicant');
  const inventorPlaces = new Map<string, Set<string>>();
  const firstInventor = new Map<string, string>();
  for (const inv of t['inventors.csv']!.rows) {
    inventorPlaces.set(inv.appln_id!, (inventorPlaces.get(inv.appln_id!) ?? new Set()).add(`${inv.reg_code} ${inv.ctry_code}`));
    if (inv.inv_seq === '1') firstInventor.set(inv.appln_id!, `${inv.reg_code} ${inv.ctry_code}`);
  }
  const owners = new Map<string, Set<string>>();
  for (const a of applicants) {
    const place = `${a.reg_code} ${a.ctry_code}`;
    assert.ok(inventorPlaces.get(a.appln_id!)!.has(place), `${a.appln_id}: applicant in ${place}, where no inventor is`);
    if (a.app_seq === '1') assert.equal(place, firstInventor.get(a.appln_id!));
    owners.set(a.appln_id!, (owners.get(a.appln_id!) ?? new Set()).add(a.ctry_code === 'CN' ? 'CN' : 'foreign'));
  }
  const joint = [...inventorPlaces].filter(([, places]) => new Set([...places].map((p) => p.endsWith(' CN'))).size === 2).map(([id]) => owners.get(id)!);
  const chinese = joint.filter((o) => o.size === 1 && o.has('CN')).length;
  const foreign = joint.filter((o) => o.size === 1 && o.has('foreign')).length;
  const both = joint.filter((o) => o.size === 2).length;
  assert.ok(chinese > 0.2 * joint.length && foreign > 0.2 * joint.length && both > 0.1 * joint.length, `owners of ${joint.length} co-inventions: CN ${chinese}, foreign ${foreign}, both ${both}`);
});

test('regpat: citations come from existing patents, point back in time, mix internal/external, heavy-tailed', async () => {
  const t = await tables('regpat');
  const yearOf = new Map(t['patents.csv']!.rows.map((p) => [p.appln_id!, Number(p.prio_year)] as const));
  const citations = t['citations.csv']!.rows;
  assert.ok(citations.length > 2 * yearOf.size, `only ${citations.length} citations`);
  let internal = 0;
  let external = 0;
  const pairs = new Set<string>();
  for (const c of citations) {
    assert.ok(yearOf.has(c.citing_id!), `citing id ${c.citing_id} is not a patent`);
    const pair = `${c.citing_id}>${c.cited_id}`;
    assert.ok(!pairs.has(pair), `duplicate citation ${pair}`);
    pairs.add(pair);
    if (yearOf.has(c.cited_id!)) {
      internal++;
      assert.ok(yearOf.get(c.cited_id!)! < yearOf.get(c.citing_id!)!, `${pair} cites a patent that is not older`);
    } else {
      external++;
      assert.ok(Number(c.cited_id) >= EXTERNAL_ID_BASE, `dangling cited id ${c.cited_id}`);
    }
  }
  assert.ok(internal > 0.25 * citations.length && external > 0.25 * citations.length, `internal ${internal}, external ${external}`);
  const inDegree = [...countBy(citations.filter((c) => yearOf.has(c.cited_id!)), (c) => c.cited_id!).values()].sort((a, b) => b - a);
  const top1pct = inDegree.slice(0, Math.ceil(inDegree.length / 100)).reduce((a, b) => a + b, 0);
  assert.ok(top1pct > 0.1 * internal, `top 1% of cited patents get only ${top1pct}/${internal} citations`);
  assert.ok(inDegree[0]! > 20 * median(inDegree), `max in-degree ${inDegree[0]} vs median ${median(inDegree)}`);
});

test('regpat: citationsPerPatent scales the number of links', async () => {
  const few = (await tables('regpat', { seed: 3, patents: 1000, citationsPerPatent: 2 }))['citations.csv']!.rows.length;
  const many = (await tables('regpat', { seed: 3, patents: 1000, citationsPerPatent: 10 }))['citations.csv']!.rows.length;
  assert.ok(many > 3.5 * few, `${few} vs ${many}`);
  assert.ok(many > 8000 && many < 11000, `mean 10 over 1000 patents gave ${many}`);
});

test('regpat: regions and inventorsPerPatent scale the geography and the inventor rows', async () => {
  const t = await tables('regpat', { seed: 5, patents: 4000, regions: 600, inventorsPerPatent: 3 });
  const inventors = t['inventors.csv']!.rows;
  const regions = countBy(inventors, (r) => r.reg_code!);
  assert.ok(regions.size > 300, `only ${regions.size} of about 600 regions used`);
  for (const code of regions.keys()) assert.ok(/^[A-Z]{2}(X\d{3}|[0-9A-Z]{2})$/.test(code), code);
  const [largest] = [...regions.entries()].sort((a, b) => b[1] - a[1]);
  assert.ok(!largest![0].includes('X'), 'the built-in regions stay the largest');
  const perPatent = inventors.length / t['patents.csv']!.rows.length;
  assert.ok(Math.abs(perPatent - 3) < 0.1, `mean inventors per patent ${perPatent}`);
});

test('regpat: countries.csv covers exactly the COUNTRIES table', async () => {
  const rows = (await tables('regpat'))['countries.csv']!.rows;
  assert.deepEqual(rows.map((r) => r.ctry_code), COUNTRIES.map((c) => c.code));
});

// ---------------------------------------------------------------- ai

test('ai: patents, applicants, a balanced city-year panel and a balanced firm-year panel', async () => {
  const t = await tables('ai');
  assert.deepEqual(t['patents.csv']!.header, ['patent_id', 'app_year', 'is_ai', 'province', 'city', 'ipc']);
  assert.deepEqual(t['applicants.csv']!.header, ['patent_id', 'seq', 'applicant', 'province', 'city']);
  assert.deepEqual(t['city_years.csv']!.header, ['city', 'year', 'IP', 'ED', 'IC', 'IE']);
  const patents = t['patents.csv']!.rows;
  assert.equal(patents.length, 12000);
  const ids = new Set(patents.map((p) => p.patent_id!));
  assert.equal(ids.size, 12000);
  const ai = share(patents, 'is_ai');
  assert.ok(ai > 0.24 && ai < 0.36, `is_ai share ${ai}`);
  const years = patents.map((p) => Number(p.app_year));
  assert.equal(Math.min(...years), 2011);
  assert.equal(Math.max(...years), 2020);

  const applicants = t['applicants.csv']!.rows;
  assertSeqRuns(applicants, 'patent_id', 'seq', ids);
  // The patent's location is its first applicant's.
  const first = new Map(applicants.filter((a) => a.seq === '1').map((a) => [a.patent_id!, a] as const));
  for (const p of patents) {
    assert.equal(p.city, first.get(p.patent_id!)!.city);
    assert.equal(p.province, first.get(p.patent_id!)!.province);
  }

  const panel = t['city_years.csv']!.rows;
  const patentCities = new Set(patents.map((p) => p.city!));
  assert.deepEqual(new Set(panel.map((r) => r.city!)), patentCities, 'panel covers exactly the cities in patents.csv');
  assert.equal(panel.length, patentCities.size * 10, 'balanced: 10 years per city');
  assert.equal(new Set(panel.map((r) => `${r.city}|${r.year}`)).size, panel.length, 'no duplicate city-years');
  for (const r of panel) {
    assert.ok(Number(r.year) >= 2011 && Number(r.year) <= 2020);
    assert.match(r.IP!, /^\d+$/);
    assert.ok(Number(r.IP) <= 15, `IP ${r.IP} is not a small count`);
    for (const col of ['ED', 'IC', 'IE']) assert.ok(Number.isFinite(Number(r[col])) && Number(r[col]) > 0, `${col}=${r[col]}`);
  }
  assert.ok(panel.some((r) => Number(r.IP) > 0) && panel.some((r) => r.IP === '0'));
  const byCity = [...countBy(patents, (p) => p.city!).values()];
  assert.ok(Math.max(...byCity) > 10 * median(byCity), 'AI patenting is concentrated');
  assert.ok(patentCities.size > 150, `${patentCities.size} cities: enough for a few dozen above the 80th percentile`);

  // Firms: the most active firm applicants, every year, located in one city of the panel.
  assert.deepEqual(t['firm_years.csv']!.header, ['applicant', 'year', 'GS', 'EP', 'CS', 'OC']);
  const firmYears = t['firm_years.csv']!.rows;
  const firms = new Set(firmYears.map((r) => r.applicant!));
  assert.equal(firms.size, 150);
  assert.equal(new Set(firmYears.map((r) => `${r.applicant}|${r.year}`)).size, 150 * 10, 'balanced: 10 years per firm');
  const citiesOf = new Map<string, Set<string>>();
  for (const a of applicants) if (firms.has(a.applicant!)) citiesOf.set(a.applicant!, (citiesOf.get(a.applicant!) ?? new Set()).add(a.city!));
  for (const firm of firms) {
    assert.match(firm, / Co Ltd$/, 'a firm');
    assert.equal(citiesOf.get(firm)?.size, 1, `${firm} is an applicant in one city`);
  }
  for (const r of firmYears) {
    assert.ok(Number(r.GS) > 10 && Number(r.GS) < 20, `GS ${r.GS} is a log of yuan`);
    assert.ok(Number(r.CS) > 0 && Number(r.CS) < 1 && Number(r.OC) > 0, `CS ${r.CS}, OC ${r.OC}`);
    assert.ok(Number.isFinite(Number(r.EP)));
  }
});

// ---------------------------------------------------------------- committed examples

const EXPECTED_EXAMPLE_FILES = [
  'ai/applicants.csv', 'ai/city_years.csv', 'ai/firm_years.csv', 'ai/patents.csv',
  'rare_earth/applicants.csv', 'rare_earth/cities_2020.csv', 'rare_earth/patents.csv', 'rare_earth/provinces_2020.csv',
  'regpat/applicants.csv', 'regpat/citations.csv', 'regpat/countries.csv', 'regpat/inventors.csv', 'regpat/patents.csv',
];

async function csvFilesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true });
  return entries.filter((e) => e.endsWith('.csv')).map((e) => e.split('\\').join('/')).sort();
}

test('examples/data holds exactly the expected CSV files, each under 2 MB', async () => {
  // uspto/ is real data (raw copies, checked by test/cli/uspto.test.ts) and concordance/ a
  // published table (its README), not generated.
  assert.deepEqual((await csvFilesUnder(EXAMPLES)).filter((f) => !f.startsWith('uspto/') && !f.startsWith('concordance/')), EXPECTED_EXAMPLE_FILES);
  for (const f of EXPECTED_EXAMPLE_FILES) {
    const size = (await stat(join(EXAMPLES, f))).size;
    assert.ok(size > 100 && size < 2_000_000, `${f} is ${size} bytes`);
  }
  const readme = await readFile(join(EXAMPLES, 'README.md'), 'utf8');
  assert.ok(readme.includes(DOCUMENTED_COMMAND), 'README must show the regeneration command');
});

test('examples/data is exactly what the documented command regenerates (no drift)', async () => {
  const out = await mkdtemp(join(tmpdir(), 'synth-examples-'));
  try {
    const words = DOCUMENTED_COMMAND.split(' ');
    assert.deepEqual(words.slice(0, 4), ['node', '--import', 'tsx', 'server/src/engine/synth/cli.ts']);
    const args = words.slice(4);
    args[args.indexOf('--out') + 1] = out; // same command, fresh directory
    const r = runCli(args);
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(await csvFilesUnder(out), EXPECTED_EXAMPLE_FILES);
    for (const f of EXPECTED_EXAMPLE_FILES) {
      const committed = await readFile(join(EXAMPLES, f));
      const fresh = await readFile(join(out, f));
      assert.ok(committed.equals(fresh), `examples/data/${f} differs from a fresh run; regenerate with: ${DOCUMENTED_COMMAND}`);
    }
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('CLI: --layout writes the regpat preset\'s patents in a source\'s own files (OECD REGPAT: pipe-delimited, shares per person)', async () => {
  const out = await mkdtemp(join(tmpdir(), 'synth-layout-'));
  try {
    const ok = runCli(['--layout', 'regpat', '--out', out, '--seed', '5', '--patents', '200']);
    assert.equal(ok.status, 0, ok.stderr);
    const lines = (file: string) => readFile(join(out, 'regpat', file), 'utf8').then((t) => t.trim().split('\n').map((l) => l.split('|')));
    const ipc = await lines('202307_EPO_IPC.txt');
    const patents = parseCsv((await generatePresetCsvText('regpat', { seed: 5, patents: 200 }))['patents.csv']!).rows;
    assert.deepEqual(ipc.slice(1).map(([id, prio, , code]) => [id, prio, code]), patents.map((p) => [p.appln_id, p.prio_year, p.ipc]));
    const inventors = await lines('202307_EPO_Inv_reg.txt');
    assert.equal(inventors[0]!.join('|'), 'appln_id|pub_nbr|person_id|inv_name|address|city|postal_code|reg_code|ctry_code|reg_share|inv_share');
    const perPatent = new Map<string, number>();
    for (const row of inventors.slice(1)) perPatent.set(row[0]!, (perPatent.get(row[0]!) ?? 0) + Number(row[10]));
    assert.ok([...perPatent.values()].every((s) => Math.abs(s - 1) < 1e-5), 'inventor shares add up to 1 per application');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

test('CLI: writes DIR/<preset>, honours --patents, rejects bad arguments', async () => {
  const out = await mkdtemp(join(tmpdir(), 'synth-cli-'));
  try {
    const ok = runCli(['--preset', 'rare_earth', '--out', out, '--seed', '5', '--patents', '200']);
    assert.equal(ok.status, 0, ok.stderr);
    const expected = await generatePresetCsvText('rare_earth', { seed: 5, patents: 200 });
    for (const [file, text] of Object.entries(expected)) {
      assert.equal(await readFile(join(out, 'rare_earth', file), 'utf8'), text, file);
    }
    assert.equal(runCli(['--preset', 'nope', '--out', out, '--seed', '1']).status, 1);
    assert.equal(runCli(['--preset', 'ai', '--out', out]).status, 1, '--seed is required');
    assert.equal(runCli(['--preset', 'ai', '--out', out, '--seed', '1', '--patents', 'x']).status, 1);
    assert.equal(runCli(['--layout', 'nope', '--out', out, '--seed', '1']).status, 1);
    assert.equal(runCli(['--preset', 'regpat', '--layout', 'regpat', '--out', out, '--seed', '1']).status, 1, 'one of --preset and --layout');
  } finally {
    await rm(out, { recursive: true, force: true });
  }
});

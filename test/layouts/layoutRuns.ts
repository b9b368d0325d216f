// A layout end to end: the generator writes a small set in the layout into a temp dir, the spec of the
// layout's docs page runs on it, and its networks and counts are recomputed here from the generator's own
// patents (generatePatentRecords), without DuckDB or the runner.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LAYOUTS, generatePatentRecords, writeLayout, type Holder, type PatentRecord } from '../../server/src/engine/synth/layouts/index.ts';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { result, records, runSpec } from '../run/harness.ts';

const OPTIONS = { seed: 7, patents: 500 };
const WINDOWS = [[1998, 2002], [2003, 2007], [2008, 2012], [2013, 2017]] as const;

/** The ```study block of docs/layouts/<layout>.md, run on the layout's files in <tmp>/<layout>/. */
export async function runDocsSpec(layout: string): Promise<ResultsFile> {
  const page = readFileSync(fileURLToPath(new URL(`../../docs/layouts/${layout}.md`, import.meta.url)), 'utf8');
  const spec = /```study\n([\s\S]*?)```/.exec(page)![1]!;
  const dir = mkdtempSync(join(tmpdir(), `innograph-${layout}-`));
  try {
    await writeLayout(LAYOUTS[layout]!, join(dir, layout), OPTIONS);
    writeFileSync(join(dir, `${layout}.study`), spec);
    return await runSpec(join(dir, `${layout}.study`));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function generatorPatents(): Promise<PatentRecord[]> {
  const patents: PatentRecord[] = [];
  await generatePatentRecords(OPTIONS, async (p) => { patents.push(p); });
  return patents;
}

const inWindow = (p: PatentRecord, [from, to]: readonly [number, number]) => p.prioYear >= from && p.prioYear <= to;
const distinct = <T>(xs: T[]) => [...new Set(xs)].sort();
const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);

/** Each window's ties, once per patent whose inventors are in both regions, as `a|b weight` sorted. */
function coinventionTies(patents: PatentRecord[], place: (h: Holder) => string, keep: (a: string, b: string) => boolean): string[][] {
  return WINDOWS.map((w) => {
    const ties = new Map<string, number>();
    for (const p of patents.filter((q) => inWindow(q, w))) {
      const places = distinct(p.inventors.map(place));
      for (const [i, a] of places.entries()) for (const b of places.slice(i + 1)) if (keep(a, b)) ties.set(pairKey(a, b), (ties.get(pairKey(a, b)) ?? 0) + 1);
    }
    return [...ties].map(([k, n]) => `${k} ${n}`).sort();
  });
}

/** Each window's ties between places by the distinct documents cited by patents of both. */
function cocitationTies(patents: PatentRecord[], place: (h: Holder) => string): string[][] {
  return WINDOWS.map((w) => {
    const cited = new Map<string, Set<number>>();
    for (const p of patents.filter((q) => inWindow(q, w))) {
      for (const where of distinct(p.inventors.map(place))) {
        if (!cited.has(where)) cited.set(where, new Set());
        for (const c of p.cited) cited.get(where)!.add(c);
      }
    }
    const places = [...cited.keys()].sort();
    const ties: string[] = [];
    for (const [i, a] of places.entries()) for (const b of places.slice(i + 1)) {
      const shared = [...cited.get(a)!].filter((c) => cited.get(b)!.has(c)).length;
      if (shared) ties.push(`${a}|${b} ${shared}`);
    }
    return ties.sort();
  });
}

const tiesOf = (results: ResultsFile, name: string) =>
  result(results, name).network!.windows.map((w) => w.ties.map((t) => `${pairKey(t.source, t.target)} ${t.weight}`).sort());

/**
 * The docs spec's `invco` (co-invention at `region`), `china_foreign` (its China × other ties), `overlap`
 * (co-citation at `country`) and the `regions` panel's `Patents` (and `Shares`, where declared) over invco's nodes.
 */
export async function checkLayout(layout: string, region: (h: Holder) => string, country: (h: Holder) => string): Promise<void> {
  const [results, patents] = await Promise.all([runDocsSpec(layout), generatorPatents()]);
  for (const r of results.results) assert.equal(r.status, 'ok', `${r.name}: ${r.error?.message}`);

  const invco = tiesOf(results, 'invco');
  assert.deepEqual(invco, coinventionTies(patents, region, () => true));
  assert.ok(invco.every((w) => w.length > 10), 'every window has ties');
  const china = (h: Holder) => h.country === 'CN';
  const chinese = new Set(patents.flatMap((p) => p.inventors.filter(china).map(region)));
  assert.deepEqual(tiesOf(results, 'china_foreign'), coinventionTies(patents, region, (a, b) => chinese.has(a) !== chinese.has(b)));
  const overlap = tiesOf(results, 'overlap');
  assert.deepEqual(overlap, cocitationTies(patents, country));
  assert.ok(overlap.every((w) => w.length > 0), 'every window has shared prior art');

  // The panel: invco's regions (of any window) × the windows; a region's applications and its share of them.
  const nodes = distinct(result(results, 'invco').network!.windows.flatMap((w) => w.nodes));
  let applications = 0;
  let shares = 0;
  for (const w of WINDOWS) for (const p of patents.filter((q) => inWindow(q, w))) {
    const here = p.inventors.filter((h) => nodes.includes(region(h)));
    applications += distinct(here.map(region)).length;
    shares += here.length / p.inventors.length;
  }
  const variables = records(result(results, 'regions'), 'variables');
  const sum = (name: string) => { const v = variables.find((r) => r.variable === name)!; return Number(v.mean) * Number(v.n); };
  assert.equal(variables.find((r) => r.variable === 'i')!.n, nodes.length * WINDOWS.length);
  assert.equal(Math.round(sum('Patents')), applications);
  // Only sources that give shares count by them.
  if (variables.some((r) => r.variable === 'Shares')) assert.ok(Math.abs(sum('Shares') - shares) < 1e-3, `shares ${sum('Shares')} ≠ ${shares}`);
}

// Applicant-network benchmark (issue 20): 1M patents held by ≈ 200,000 applicants, a co-application network
// with the applicants as nodes (`level: applicant_id`), 4 fixed windows 1998–2017. Per window: degree,
// betweenness and closeness sampled from 250 sources (1,000 with --full), communities (Louvain, 3 runs), the
// whole-network measures that read the sparse ties (clustering, transitivity, components, centralization),
// coreness with local clustering, eigenvector with structural holes, and exact betweenness and path lengths (one search from every node, on worker
// threads) — on the smallest window only unless
// `npm run bench -- --full` (the largest, ~105,000 nodes, then takes about 40 CPU minutes). Prints wall time,
// CPU time (the process's, worker threads included) and peak RSS per step — figures only.
//
// The data is generated once per machine into ~/.cache/innograph-bench (not counted), from the synthetic
// generator's pieces: a seeded year schedule growing 8 % a year, and applicants reused by preferential
// attachment within 500 clusters (a patent's applicants come from its cluster, one in twenty from another),
// which gives the heavy-tailed applicant sizes and the community structure of real data. The steps run in a
// child process (this file, given a spec path), so that the peak RSS is the engine's alone.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ApplicantPool } from '../../server/src/engine/synth/applicantPool.ts';
import { CsvFileSink, WeightedSampler, rngFor, zipfWeights } from '../../server/src/engine/synth/index.ts';
import { yearSchedule } from '../../server/src/engine/synth/yearSchedule.ts';
import type { Network } from '../../server/src/engine/networks/network.ts';
import type { Window } from '../../server/src/engine/windows/windows.ts';
import { cachedTables, measureStep, type StepFigures } from './steps.ts';

const DATA = { seed: 42, patents: 1_000_000, clusters: 500, reuse: 0.88, otherCluster: 0.05, firstYear: 1998, lastYear: 2017 };
/** Applicants per patent: 1 to 4 (mean 1.65). */
const APPLICANTS_PER_PATENT = [0.55, 0.3, 0.1, 0.05];
const LOUVAIN_RUNS = 3;
/** The whole-network items that read the sparse ties in linear time or near it (path lengths are timed apart). */
const WHOLE_ITEMS = ['clustering', 'transitivity', 'weak_components', 'strong_components', 'largest_weak_share', 'out_centralization', 'in_centralization'];
/** Sources of the sampled betweenness and closeness: their cost grows with them, the error falls as 1/√k. */
const sampledSources = (full: boolean) => (full ? 1000 : 250);

const SPEC = `study "Applicant network benchmark"

dataset patents from "patents.csv" { id: appln_id, year: prio_year }
dataset applicants from "applicants.csv" {
  patent:    appln_id
  order:     app_seq
  applicant: applicant_id
  joins:     patents
}

windows fixed5 = ${DATA.firstYear}..${DATA.lastYear} by 5

network firms = coapplication(applicants) { level: applicant_id  windows: fixed5 }
`;


export async function benchApplicantNetwork(full = process.argv.includes('--full')): Promise<void> {
  const { dir, manifest, generatedNow } = await benchmarkData();
  console.log(`\napplicant network: ${manifest.rows['patents.csv'].toLocaleString('en-US')} patents, ${manifest.rows['applicants.csv'].toLocaleString('en-US')} applicant rows, ${manifest.applicants.toLocaleString('en-US')} applicants, 4 windows ${DATA.firstYear}–${DATA.lastYear}`);
  console.log(`  data ${generatedNow ? 'generated' : 'cached'} in ${dir} (generation ${manifest.generationSeconds.toFixed(1)} s, not counted)`);
  console.log(`  betweenness and closeness sampled from ${sampledSources(full).toLocaleString('en-US')} sources; Louvain ${LOUVAIN_RUNS} runs; exact betweenness ${full ? 'on every window' : 'on the smallest window only (every window, and 1,000 sampled sources: npm run bench -- --full)'}`);
  const spec = join(dir, 'bench.study');
  writeFileSync(spec, SPEC);
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), spec, ...(full ? ['--full'] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`applicant-network benchmark failed (exit ${child.status})`);
  const steps = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as StepFigures[];
  for (const s of steps) console.log(`  ${s.label.padEnd(58)} ${s.seconds.toFixed(1).padStart(6)} s (CPU ${s.cpuSeconds.toFixed(1).padStart(6)} s) ${s.peakMiB.toFixed(0).padStart(6)} MiB`);
}

/** The generated tables (cached per machine). */
function benchmarkData() {
  return cachedTables(`applicants-s${DATA.seed}-p${DATA.patents}-c${DATA.clusters}-r${DATA.reuse}`, async (dir) => {
    const patents = await CsvFileSink.open(join(dir, 'patents.csv'), ['appln_id', 'prio_year']);
    const applicants = await CsvFileSink.open(join(dir, 'applicants.csv'), ['appln_id', 'app_seq', 'applicant_id']);
    const rng = rngFor(DATA.seed, 'bench/applicants');
    const pool = new ApplicantPool(DATA.clusters, { firm: 1, university: 0, institute: 0, individual: 0 }, DATA.reuse);
    const clusters = new WeightedSampler(zipfWeights(DATA.clusters, 0.8));
    const counts = new WeightedSampler(APPLICANTS_PER_PATENT);
    for (const slot of yearSchedule({ total: DATA.patents, firstYear: DATA.firstYear, lastYear: DATA.lastYear, annualGrowth: 0.08 })) {
      const id = 1 + slot.index;
      await patents.writeRow([id, slot.year]);
      const home = clusters.sample(rng);
      const taken = new Set<number>();
      for (let seq = 1; seq <= 1 + counts.sample(rng); seq++) {
        const holder = pool.choose(rng, rng.chance(DATA.otherCluster) ? clusters.sample(rng) : home, taken);
        taken.add(holder);
        await applicants.writeRow([id, seq, `A${holder}`]);
      }
    }
    await patents.close();
    await applicants.close();
    return { rows: { 'patents.csv': patents.rowCount, 'applicants.csv': applicants.rowCount }, applicants: pool.size };
  });
}

// ---------------------------------------------------------------- child: the steps, measured

/** Runs the steps on one run context and prints their figures as JSON on the last line. */
async function measureSteps(specPath: string, full: boolean): Promise<void> {
  const { analyzeWithHeaders } = await import('../../server/src/workspace/analysis.ts');
  const { TableCache } = await import('../../server/src/workspace/tableCache.ts');
  const { RunContext } = await import('../../server/src/run/context.ts');
  const { loadDataset } = await import('../../server/src/run/data/datasets.ts');
  const { EXECUTORS } = await import('../../server/src/run/executors.ts');
  const { nodeIndicators, pathIndicators, wholeIndicators, wholePaths } = await import('../../server/src/engine/networks/indicators.ts');
  type Options = import('../../server/src/engine/networks/indicators.ts').IndicatorOptions;

  const analysis = await analyzeWithHeaders(readFileSync(specPath, 'utf8'), specPath, new TableCache({ rowCounts: () => false }));
  const ctx = await RunContext.open(analysis, EXECUTORS);
  const options: Options = {
    density: 'binary', centralization: 'valued', scale: 'percent', clustering: 'gephi', unreachable: 'max_plus_one',
    betweenness: 'raw', flowSign: 'leader_positive', symmetrize: 'none', localClustering: 'missing', structuralHoles: 'valued',
    communities: { algorithm: 'louvain', runs: LOUVAIN_RUNS, seed: 1, resolution: 1 },
  };
  const figures: StepFigures[] = [];
  const measure = async (label: string, step: () => Promise<unknown> | unknown) => { figures.push(await measureStep(label, step)); };

  await measure('load (2 datasets)', async () => { for (const s of analysis.model.symbolsOfKind(['dataset'])) await loadDataset(ctx, s); });
  let windows: Window[] = [];
  let networks: Network[] = [];
  await measure('construction, 4 windows', async () => ({ windows, networks } = await ctx.valueOf('network', analysis.model.symbols.get('firms')!)));
  const smallest = networks.reduce((best, net, i) => (net.nodes.length < networks[best].nodes.length ? i : best), 0);
  for (const [i, net] of networks.entries()) {
    const name = `${windows[i].label} (${net.nodes.length.toLocaleString('en-US')} nodes, ${net.ties.length.toLocaleString('en-US')} ties)`;
    figures.push({ label: name, seconds: 0, cpuSeconds: 0, peakMiB: 0 });
    await measure('  degree', () => nodeIndicators(net, ['degree'], options));
    await measure(`  betweenness, ${sampledSources(full).toLocaleString('en-US')} sources`, () => pathIndicators(net, ['betweenness'], { ...options, betweennessSources: sampledSources(full) }));
    if (full || i === smallest) await measure('  betweenness, exact', () => pathIndicators(net, ['betweenness'], options));
    await measure(`  closeness, ${sampledSources(full).toLocaleString('en-US')} sources`, () => pathIndicators(net, ['closeness'], { ...options, closenessSources: sampledSources(full) }));
    await measure(`  Louvain, ${LOUVAIN_RUNS} runs`, () => nodeIndicators(net, ['community'], options));
    await measure('  whole: clustering, transitivity, components, centralization', () => wholeIndicators(net, WHOLE_ITEMS, options));
    await measure('  coreness, local clustering', () => nodeIndicators(net, ['coreness', 'local_clustering'], options));
    await measure('  eigenvector, constraint, effective size', () => nodeIndicators(net, ['eigenvector', 'constraint', 'effective_size'], options));
    if (full || i === smallest) await measure('  path length, diameter (exact)', () => wholePaths(net, ['path_length', 'diameter'], options));
  }
  await ctx.dispose();
  console.log(JSON.stringify(figures));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const specPath = process.argv[2]?.endsWith('.study') ? process.argv[2] : undefined;
  if (specPath) await measureSteps(specPath, process.argv.includes('--full'));
  else await benchApplicantNetwork();
}

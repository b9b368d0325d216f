// Network-engine benchmark (issue 20's targets on a 2-core machine). Prints wall time, CPU time (the
// process's, DuckDB's threads included: the figure to compare on a shared machine) and peak RSS per step —
// load, co-invention networks for 4 fixed and 18 rolling windows, co-citation overlap — figures only.
// Two sizes:
// - the default, run by `npm run bench`: 1M patents, ~3M inventor rows, ~10M citations, 600 regions,
//   1998–2017, target < 20 s and < 2 GiB in all;
// - `--full` (`npm run bench -- --full`, or this file alone with `--full`): REGPAT's size, 5M patents, ~15M
//   inventor rows, ~50M citations, 1,500 regions, the same 22 windows, target < 3 min and < 8 GiB, DuckDB
//   spilling to disk beyond its memory limit.
//
// The data is generated once per machine and size into ~/.cache/innograph-bench (not counted in the target).
// The steps run in a child process (this file, given a spec path) through the runner's own modules, so the
// figures are those of `innograph run` and the peak RSS is the engine's alone.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writePresetCsv, type PresetOptions } from '../../server/src/engine/synth/index.ts';
import { cachedTables, measureStep, type StepFigures } from './steps.ts';

/** A size: its data, its target, and the run's DuckDB memory limit (`RunOptions.memoryLimit`) if not DuckDB's default. */
interface Size { data: PresetOptions; target: { seconds: number; gib: number }; memoryLimit?: string }

const SIZES = {
  ci: { data: { seed: 42, patents: 1_000_000, inventorsPerPatent: 3, citationsPerPatent: 10, regions: 600 }, target: { seconds: 20, gib: 2 } },
  // DuckDB's share of the 8 GiB, the rest for the engine's arrays and the networks themselves.
  full: { data: { seed: 42, patents: 5_000_000, inventorsPerPatent: 3, citationsPerPatent: 10, regions: 1_500 }, target: { seconds: 180, gib: 8 }, memoryLimit: '4GB' },
} satisfies Record<string, Size>;

const SPEC = `study "Network engine benchmark"

dataset patents from "patents.csv" { id: appln_id, year: prio_year }
dataset inventors from "inventors.csv" {
  patent:  appln_id
  order:   inv_seq
  region:  reg_code
  country: ctry_code
  joins:   patents
}
dataset citations from "citations.csv" { citing: citing_id, cited: cited_id }

windows fixed5   = 1998..2017 by 5
windows rolling3 = 1998..2017 rolling 3

network coinvention_fixed   = coinvention(inventors) { windows: fixed5 }
network coinvention_rolling = coinvention(inventors) { windows: rolling3 }
network overlap             = cocitation(inventors, citations) { windows: rolling3 }
`;

/** The steps in run order: what is printed, and the network declaration it runs (none: load the datasets). */
const STEPS = [
  { label: 'load (3 datasets)', network: undefined },
  { label: 'co-invention, 4 fixed windows', network: 'coinvention_fixed' },
  { label: 'co-invention, 18 rolling windows', network: 'coinvention_rolling' },
  { label: 'co-citation overlap, 18 rolling windows', network: 'overlap' },
] as const;


/** The benchmark at the default size, or at REGPAT's with `full`. */
export async function benchNetworks(full = false): Promise<void> {
  const { data, target, memoryLimit }: Size = full ? SIZES.full : SIZES.ci;
  const { dir, manifest, generatedNow } = await benchmarkData(data);
  const rows = (file: string) => (manifest.rows[file] ?? 0).toLocaleString('en-US');
  console.log(`\nnetwork engine: ${rows('patents.csv')} patents, ${rows('inventors.csv')} inventor rows, ${rows('citations.csv')} citations, ~${data.regions} regions, 1998–2017`);
  console.log(`  data ${generatedNow ? 'generated' : 'cached'} in ${dir} (generation ${manifest.generationSeconds.toFixed(1)} s, not counted)`);
  const spec = join(dir, 'bench.study');
  writeFileSync(spec, SPEC);
  if (memoryLimit) console.log(`  DuckDB memory limit ${memoryLimit}, spilling beyond it to ${tmpdir()}`);
  const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), spec, ...(memoryLimit ? [memoryLimit] : [])], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (child.status !== 0) throw new Error(`network benchmark failed (exit ${child.status})`);
  const steps = JSON.parse(child.stdout.trim().split('\n').at(-1)!) as StepFigures[];
  const line = (s: StepFigures, target = '') => console.log(`  ${s.label.padEnd(42)} ${s.seconds.toFixed(1).padStart(6)} s (CPU ${s.cpuSeconds.toFixed(1).padStart(5)} s) ${s.peakMiB.toFixed(0).padStart(6)} MiB${target}`);
  for (const s of steps) line(s);
  const sum = (f: (s: StepFigures) => number) => steps.reduce((a, s) => a + f(s), 0);
  const total = { label: 'total', seconds: sum((s) => s.seconds), cpuSeconds: sum((s) => s.cpuSeconds), peakMiB: Math.max(...steps.map((s) => s.peakMiB)) };
  line(total, `  target < ${target.seconds} s, < ${target.gib} GiB`);
}

/** The generated tables (cached per machine and size). */
function benchmarkData(data: PresetOptions) {
  return cachedTables(`regpat-s${data.seed}-p${data.patents}-i${data.inventorsPerPatent}-c${data.citationsPerPatent}-r${data.regions}`, async (dir) => {
    const written = await writePresetCsv('regpat', dir, data);
    return { rows: Object.fromEntries(written.map((f) => [f.path.slice(dir.length + 1), f.rows])) as Record<string, number> };
  });
}

// ---------------------------------------------------------------- child: the steps, measured

/** Runs the steps on one run context (with the size's memory limit) and prints their figures as JSON on the last line. */
async function measureSteps(specPath: string, memoryLimit: string | undefined): Promise<void> {
  const { analyzeWithHeaders } = await import('../../server/src/workspace/analysis.ts');
  const { TableCache } = await import('../../server/src/workspace/tableCache.ts');
  const { RunContext } = await import('../../server/src/run/context.ts');
  const { loadDataset } = await import('../../server/src/run/data/datasets.ts');
  const { EXECUTORS } = await import('../../server/src/run/executors.ts');

  const analysis = await analyzeWithHeaders(readFileSync(specPath, 'utf8'), specPath, new TableCache({ rowCounts: () => false }));
  const ctx = await RunContext.open(analysis, EXECUTORS, { memoryLimit });
  const symbol = (name: string) => analysis.model.symbols.get(name)!;

  const figures: StepFigures[] = [];
  for (const step of STEPS) {
    figures.push(await measureStep(step.label, async () => {
      if (step.network) await ctx.valueOf('network', symbol(step.network));
      else for (const s of analysis.model.symbolsOfKind(['dataset'])) await loadDataset(ctx, s);
    }));
  }
  await ctx.dispose();
  console.log(JSON.stringify(figures));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const specPath = process.argv[2];
  if (specPath && specPath !== '--full') await measureSteps(specPath, process.argv[3]);
  else await benchNetworks(specPath === '--full');
}

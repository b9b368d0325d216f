// HDFE estimators on the 272,490-row gravity panel (3 FE: i^t, j^t, i^j; clustered by pair), wall time
// median of 5 runs after a warm-up, next to fixest 0.14.2 single-threaded (test/oracles/econ/README: 0.152 s
// feols, 1.30 s fepois; fixest's time excludes reading the CSV, as ours does). Then end to end (issue 16):
// `innograph run` on a spec over the panel's file, next to test/bench/fixest_gravity.R — fread, feols / fepois
// and the coefficients written as JSON — each timed as a whole process, start-up to exit (what a user waits
// for on either side), runs interleaved. CI has no R: the committed figures (R_GRAVITY) are printed, and R is
// measured beside ours when Rscript finds fixest (R_LIBS=/tmp/rlib on this machine kind).
// Then the hard panel (issue 16): 1M inventor × firm × year rows with low mobility (test/engine/models/hardPanel.ts),
// where alternating projections crawl and `solver: auto` turns to conjugate gradients, estimation only and end to
// end, next to fixest 0.12.2 (test/bench/fixest_hard_panel.R). Wall and CPU time: the machine is shared.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { benchCacheDir } from './steps.ts';
import { fepois, feols, type HdfeFrame } from '../../server/src/engine/models/hdfe/index.ts';
import type { ModelResult } from '../../server/src/results/modelResult.ts';
import { gravityFrame, readGravityPanel } from '../engine/models/gravity.ts';
import { generateHardPanel, hardPanelCsv, hardPanelFrame } from '../engine/models/hardPanel.ts';

const RUNS = 5;
const CLI_RUNS = 3;
const GRAVITY_RUNS = 7;
const HARD = { rows: 1_000_000, seed: 16 };
const HARD_RUNS = 5;
// fixest 0.12.2 (R 4.2.2), nthreads = 1: test/bench/fixest_hard_panel.R, medians of 3 runs, measured on this
// machine kind on 2026-12-06 with nothing else running (load average < 2; under a load of ~12 the same script
// took 19.57 s wall / 7.29 s CPU for the estimation and 24.78 / 7.41 s end to end).
const FIXEST_HARD = { estimation: { wall: 6.50, cpu: 6.50 }, endToEnd: { wall: 6.76, cpu: 6.76 } };
const HARD_MODEL = 'ols(y ~ x1 + x2 | inventor + firm + year, data: hard, cluster: inventor)';
const ROOT = resolve(import.meta.dirname, '../..');
const FORMULA = 'y ~ overlap + lag + c1 + c2 | i^t + j^t + i^j, data: gravity, cluster: i^j';
// test/bench/fixest_gravity.R as a whole Rscript process (fixest 0.12.2, data.table 1.14.8, jsonlite 1.8.4,
// R 4.2.2, nthreads = 1), medians of 7 runs interleaved with `innograph run` by benchHdfeCli, measured on this
// machine kind on 2026-12-06 with nothing else running (load average < 1): OLS 1.26, 1.26, 1.27 s wall in three
// benches, PPML 3.38, 3.47, 4.37 s (the middle ones kept). Under a load average of ~4 the same script took 1.53 s
// and 3.89 s.
const R_GRAVITY = { ols: { wall: 1.27, cpu: 1.25 }, ppml: { wall: 3.47, cpu: 3.45 } };
const R_SCRIPT = join(ROOT, 'test/bench/fixest_gravity.R');
const CLI_CASES = [
  { label: 'OLS ', name: 'ols', model: `ols(${FORMULA})` },
  // fixest's fepois removes fixed-effect groups whose outcome is all zero (fixef.rm = "perfect"): `separation: fe`.
  { label: 'PPML', name: 'ppml', model: `poisson(${FORMULA}) { separation: fe }` },
] as const;
// Preloaded into the CLI: its CPU time (main and worker threads) at exit, as the machine is shared and
// wall times wait on other work.
const CPU_PRELOAD = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu ' + (u.user + u.system) / 1e6 + '\\n'); });\n`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

/** Median wall and CPU seconds of `runs` runs after a warm-up; the warm-up's result is returned too. */
function medianSeconds<T>(run: () => T, runs = RUNS): { wall: number; cpu: number; result: T } {
  const result = run();
  const walls: number[] = [];
  const cpus: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    const c0 = process.cpuUsage();
    run();
    const c = process.cpuUsage(c0);
    walls.push((performance.now() - t0) / 1000);
    cpus.push((c.user + c.system) / 1e6);
  }
  return { wall: median(walls), cpu: median(cpus), result };
}

/** The solver `auto` picked, from the model's notes. */
function solverPicked(result: ModelResult): string {
  const note = result.notes.find((n) => n.includes('conjugate gradients'));
  return note ? `conjugate gradients (${note.replace(/.*as `solver: auto` (chose: |chooses )/, '').replace(/\.$/, '')})` : 'alternating projections';
}

interface Seconds { wall: number; cpu: number }

/** Median wall and CPU seconds of runs. */
function medians(runs: Seconds[]): Seconds {
  return { wall: median(runs.map((x) => x.wall)), cpu: median(runs.map((x) => x.cpu)) };
}

/** A whole process, start-up to exit: wall seconds, and the CPU seconds it reports as `cpu <seconds>` on stderr. */
function processRun(what: string, command: string, args: string[]): Seconds {
  const t0 = performance.now();
  const out = spawnSync(command, args, { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (out.status !== 0) throw new Error(`${what} failed: ${out.stderr || out.stdout}`);
  return { wall, cpu: Number(/cpu ([\d.]+)/.exec(out.stderr)?.[1]) };
}

/** `innograph run` of one model over the gravity file, without the cache. */
function cliRun(dir: string, spec: string): Seconds {
  return processRun(`innograph run ${spec}`, process.execPath, ['--require', join(dir, 'cpu.cjs'), join(ROOT, 'dist/cli.cjs'), 'run', spec, '--no-cache', '--quiet']);
}

/** A spec of one model over one data file, written into `dir`. */
function oneModelSpec(dir: string, name: string, dataset: string, model: string): string {
  const spec = join(dir, `${name}.study`);
  writeFileSync(spec, `study "Benchmark"\ndataset ${dataset}\nmodel m = ${model}\n`);
  return spec;
}

/** Median wall and CPU seconds of `innograph run` of a one-model spec over one data file. */
function cliMedian(dir: string, name: string, dataset: string, model: string): Seconds {
  const spec = oneModelSpec(dir, name, dataset, model);
  return medians(Array.from({ length: CLI_RUNS }, () => cliRun(dir, spec)));
}

/** The versions of R and fixest when Rscript is installed and finds fixest; else undefined (CI). */
function liveR(): string | undefined {
  const out = spawnSync('Rscript', ['-e', 'suppressPackageStartupMessages(library(fixest)); cat(sprintf("fixest %s, R %s", packageVersion("fixest"), getRversion()))'], { encoding: 'utf8' });
  return out.status === 0 ? out.stdout.trim() : undefined;
}

/** Runs `body` in a scratch folder holding the CPU-time preload. */
function inScratch(body: (dir: string) => void): void {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-hdfe-'));
  try {
    writeFileSync(join(dir, 'cpu.cjs'), CPU_PRELOAD);
    body(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * End to end: median wall and CPU time of `innograph run` per model, interleaved with test/bench/fixest_gravity.R
 * when R and fixest are installed, beside the committed R figures and the ratio.
 */
export function benchHdfeCli(): void {
  const rVersion = liveR();
  console.log(`hdfe end to end over the gravity csv.gz, whole processes, medians of ${GRAVITY_RUNS} (R: Rscript test/bench/fixest_gravity.R, fixest 0.12.2 nthreads = 1, committed figures from 2026-12-06${rVersion ? `; measured now too, ${rVersion}` : '; Rscript with fixest not found, so not measured now'}):`);
  inScratch((dir) => {
    const data = join(dir, 'gravity_panel.csv.gz');
    copyFileSync(join(ROOT, 'test/oracles/econ/gravity_panel.csv.gz'), data);
    for (const { label, name, model } of CLI_CASES) {
      const spec = oneModelSpec(dir, name, 'gravity from "gravity_panel.csv.gz"', model);
      const runs = Array.from({ length: GRAVITY_RUNS }, () => ({
        ours: cliRun(dir, spec),
        r: rVersion ? processRun(`Rscript ${R_SCRIPT}`, 'Rscript', [R_SCRIPT, name, data, join(dir, `${name}.json`)]) : undefined,
      }));
      const us = medians(runs.map((x) => x.ours));
      const committed = R_GRAVITY[name];
      const now = rVersion ? medians(runs.map((x) => x.r!)) : undefined;
      const reference = now ?? committed;
      console.log(`  ${label}: innograph run ${us.wall.toFixed(2)} s wall, ${us.cpu.toFixed(2)} s CPU; R ${now ? `now ${now.wall.toFixed(2)} s wall, ${now.cpu.toFixed(2)} s CPU; ` : ''}committed ${committed.wall.toFixed(2)} s wall, ${committed.cpu.toFixed(2)} s CPU; ratio ${(us.wall / reference.wall).toFixed(2)} (wall), ${(us.cpu / reference.cpu).toFixed(2)} (CPU); target ≤ 1.0`);
    }
  });
}

/** The hard panel's CSV, generated once per machine (for R and for `innograph run`). */
function hardPanelFile(): { path: string; generatedNow: boolean } {
  const dir = benchCacheDir(`hard-panel-s${HARD.seed}-r${HARD.rows}`);
  const path = join(dir, 'hard_panel.csv');
  if (existsSync(path)) return { path, generatedNow: false };
  mkdirSync(dir, { recursive: true });
  writeFileSync(`${path}.part`, hardPanelCsv(generateHardPanel(HARD)));
  renameSync(`${path}.part`, path);
  return { path, generatedNow: true };
}

/** Ours beside fixest's, wall and CPU, and how many times faster. */
function versus(ours: { wall: number; cpu: number }, fixest: { wall: number; cpu: number }): string {
  const times = (a: number, b: number) => `${(b / a).toFixed(1)}×`;
  return `${ours.wall.toFixed(2)} s wall, ${ours.cpu.toFixed(2)} s CPU; fixest 0.12.2 1 thread: ${fixest.wall.toFixed(2)} s wall, ${fixest.cpu.toFixed(2)} s CPU; faster by ${times(ours.cpu, fixest.cpu)} (CPU), ${times(ours.wall, fixest.wall)} (wall)`;
}

/** The hard panel: estimation only (in memory) and end to end (`innograph run` over its CSV). */
export function benchHardPanel(): void {
  const frame: HdfeFrame = hardPanelFrame(generateHardPanel(HARD));
  const est = medianSeconds(() => feols(frame), HARD_RUNS);
  console.log(`\nhard panel: ${HARD.rows.toLocaleString('en-US')} rows, inventor × firm × year (${frame.fe.map((f) => `${f.name} ${new Set(f.codes).size.toLocaleString('en-US')}`).join(', ')}), cluster inventor`);
  console.log(`  solver auto picked: ${solverPicked(est.result)}`);
  console.log(`  feols estimation only: ${versus(est, FIXEST_HARD.estimation)}`);
  const file = hardPanelFile();
  inScratch((dir) => {
    const e2e = cliMedian(dir, 'hard', `hard from "${file.path}"`, HARD_MODEL);
    console.log(`  end to end (innograph run; R: fread + feols + JSON) over the CSV ${file.generatedNow ? 'generated now' : 'cached'} at ${file.path}:`);
    console.log(`    ${versus(e2e, FIXEST_HARD.endToEnd)}`);
  });
}

export async function benchHdfe(): Promise<void> {
  const frame = gravityFrame(readGravityPanel());
  const ols = medianSeconds(() => feols(frame));
  const ppml = medianSeconds(() => fepois(frame));
  console.log(`hdfe feols  (gravity, 272,490 rows, 3 FE, cluster i^j): ${ols.wall.toFixed(3)} s wall, ${ols.cpu.toFixed(3)} s CPU  (fixest 0.14.2 1 thread: 0.152 s; ratio ${(ols.wall / 0.152).toFixed(2)})`);
  console.log(`hdfe fepois (same spec):                                ${ppml.wall.toFixed(3)} s wall, ${ppml.cpu.toFixed(3)} s CPU  (fixest 0.14.2 1 thread: 1.30 s; ratio ${(ppml.wall / 1.3).toFixed(2)}; target ≤ 1.0)`);
  console.log(`hdfe gravity: solver auto picked for OLS ${solverPicked(ols.result)}; for PPML ${solverPicked(ppml.result)}`);
  benchHdfeCli();
  benchHardPanel();
}

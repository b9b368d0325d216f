// HDFE estimators on the 272,490-row gravity panel (3 FE: i^t, j^t, i^j; clustered by pair), wall time
// median of 5 runs after a warm-up, next to fixest 0.14.2 single-threaded (test/oracles/econ/README: 0.152 s
// feols, 1.30 s fepois; fixest's time excludes reading the CSV, as ours does). Then end to end (issue 16):
// `innograph run` on a spec over the panel's file, next to Rscript reading it with fread and writing
// feols / fepois as JSON (fixest 0.12.2, nthreads = 1, measured on this kind of machine: 1.21 s and 4.16 s).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fepois, feols } from '../../server/src/engine/models/hdfe/index.ts';
import { gravityFrame, readGravityPanel } from '../engine/models/gravity.ts';

const RUNS = 5;
const CLI_RUNS = 3;
const ROOT = resolve(import.meta.dirname, '../..');
const FORMULA = 'y ~ overlap + lag + c1 + c2 | i^t + j^t + i^j, data: gravity, cluster: i^j';
const CLI_CASES = [
  { label: 'OLS ', model: `ols(${FORMULA})`, r: 1.21 },
  { label: 'PPML', model: `poisson(${FORMULA}) { separation: fe }`, r: 4.16 },
];
// Preloaded into the CLI: its CPU time (main and worker threads) at exit, as the machine is shared and
// wall times wait on other work.
const CPU_PRELOAD = `process.on('exit', () => { const u = process.cpuUsage(); process.stderr.write('\\ncpu ' + (u.user + u.system) / 1e6 + '\\n'); });\n`;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function medianSeconds(run: () => unknown): number {
  run();
  const times: number[] = [];
  for (let r = 0; r < RUNS; r++) {
    const t0 = performance.now();
    run();
    times.push((performance.now() - t0) / 1000);
  }
  return median(times);
}

/** `innograph run` of one model over the gravity file, without the cache: wall and CPU seconds. */
function cliRun(dir: string, spec: string): { wall: number; cpu: number } {
  const t0 = performance.now();
  const out = spawnSync(process.execPath, ['--require', join(dir, 'cpu.cjs'), join(ROOT, 'dist/cli.cjs'), 'run', spec, '--no-cache', '--quiet'], { encoding: 'utf8' });
  const wall = (performance.now() - t0) / 1000;
  if (out.status !== 0) throw new Error(`innograph run ${spec} failed: ${out.stderr || out.stdout}`);
  return { wall, cpu: Number(/cpu ([\d.]+)/.exec(out.stderr)?.[1]) };
}

/** End to end: median wall and CPU time of `innograph run` per model, beside R's wall time and the ratio. */
export function benchHdfeCli(): void {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-hdfe-'));
  try {
    copyFileSync(join(ROOT, 'test/oracles/econ/gravity_panel.csv.gz'), join(dir, 'gravity_panel.csv.gz'));
    writeFileSync(join(dir, 'cpu.cjs'), CPU_PRELOAD);
    for (const { label, model, r } of CLI_CASES) {
      const spec = join(dir, `${label.trim().toLowerCase()}.study`);
      writeFileSync(spec, `study "Gravity"\ndataset gravity from "gravity_panel.csv.gz"\nmodel gravity_model = ${model}\n`);
      const runs = Array.from({ length: CLI_RUNS }, () => cliRun(dir, spec));
      const wall = median(runs.map((x) => x.wall));
      const cpu = median(runs.map((x) => x.cpu));
      console.log(`hdfe ${label} end to end (innograph run, gravity csv.gz): ${wall.toFixed(2)} s wall, ${cpu.toFixed(2)} s CPU  (Rscript fread + fixest 0.12.2 + JSON, nthreads = 1, measured on this machine kind: ${r.toFixed(2)} s; ratio ${(wall / r).toFixed(2)})`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export async function benchHdfe(): Promise<void> {
  const frame = gravityFrame(readGravityPanel());
  const ols = medianSeconds(() => feols(frame));
  const ppml = medianSeconds(() => fepois(frame));
  console.log(`hdfe feols  (gravity, 272,490 rows, 3 FE, cluster i^j): ${ols.toFixed(3)} s  (fixest 1 thread: 0.152 s)`);
  console.log(`hdfe fepois (same spec):                                ${ppml.toFixed(3)} s  (fixest 1 thread: 1.30 s; target ≤ 1.95 s)`);
  benchHdfeCli();
}

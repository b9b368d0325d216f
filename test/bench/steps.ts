// What the benchmarks that run in a child process share: generated data cached per machine, and each step's wall
// time, CPU time and peak resident memory (Linux lets a process reset its peak RSS, VmHWM, which makes the peak of
// each step exact; elsewhere the peak is the process's so far).
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

/** The folder benchmark data of this name is generated into, once per machine (not counted in the figures). */
export function benchCacheDir(name: string): string {
  return join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'innograph-bench', name);
}

/**
 * Generated tables, reused when a complete earlier generation (its manifest, written last) exists; `generate`
 * writes them into the folder and returns what the manifest records beside the generation time.
 */
export async function cachedTables<M extends object>(name: string, generate: (dir: string) => Promise<M>): Promise<{ dir: string; manifest: M & { generationSeconds: number }; generatedNow: boolean }> {
  const dir = benchCacheDir(name);
  const manifestPath = join(dir, 'manifest.json');
  if (existsSync(manifestPath)) return { dir, manifest: JSON.parse(readFileSync(manifestPath, 'utf8')), generatedNow: false };
  const started = performance.now();
  const manifest = { ...(await generate(dir)), generationSeconds: (performance.now() - started) / 1000 };
  writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 1)}\n`);
  return { dir, manifest, generatedNow: true };
}

export interface StepFigures { label: string; seconds: number; cpuSeconds: number; peakMiB: number }

/** Runs one step and measures it. */
export async function measureStep(label: string, step: () => Promise<unknown> | unknown): Promise<StepFigures> {
  resetPeakRss();
  const started = performance.now();
  const cpu = process.cpuUsage();
  await step();
  const used = process.cpuUsage(cpu);
  return { label, seconds: (performance.now() - started) / 1000, cpuSeconds: (used.user + used.system) / 1e6, peakMiB: peakRssMiB() };
}

function resetPeakRss(): void {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Not Linux: the peak stays the process's.
  }
}

function peakRssMiB(): number {
  try {
    const hwm = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) / 1024;
  } catch {
    // Not Linux: fall through.
  }
  return process.resourceUsage().maxRSS / 1024;
}

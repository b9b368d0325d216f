// Cancellation latency (issue 11, target: the answer within 200 ms of the cancel at any point of a run). The
// examples run in the run worker (dist/cli.cjs, as the language server and the CLI run them), each cancelled
// after a seeded random delay within 70% of its first (cold) run's duration; the figure is the time from the
// abort to the `Cancelled` answer (checkpoints and the DuckDB interrupt; the thread is never terminated).
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { resolve } from 'node:path';
import { Rng } from '../../server/src/engine/prng.ts';
import { Cancelled } from '../../server/src/engine/cancel.ts';
import { RunWorker, type RunJob } from '../../server/src/run/worker.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const SPECS: { file: string; text: (t: string) => string }[] = [
  { file: 'rare_earth.study', text: (t) => t },
  { file: 'tech_overlap.study', text: (t) => t },
  { file: 'ai_clusters.study', text: (t) => t.replace('reps: 1000,', 'reps: 10,') },
];
const POINTS = Number(process.env.CANCEL_POINTS ?? 8);

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

/** Abort-to-answer times over seeded random points of the examples' runs. */
export async function cancelLatencies(script: string): Promise<{ latencies: number[]; finished: number; late: number }> {
  const rng = new Rng(11);
  const worker = new RunWorker(script);
  const latencies: number[] = [];
  let finished = 0;
  let late = 0;
  try {
    for (const spec of SPECS) {
      const specPath = resolve(ROOT, 'examples', spec.file);
      const job: RunJob = { text: spec.text(readFileSync(specPath, 'utf8')), specPath, fresh: true };
      const t0 = performance.now();
      await worker.run(job);
      const duration = performance.now() - t0;
      for (let k = 0; k < POINTS; k++) {
        const controller = new AbortController();
        const run = worker.run(job, { signal: controller.signal });
        const delay = rng.next() * 0.7 * duration;
        const outcome = await Promise.race([run.then(() => 'done' as const, (e) => e), new Promise((r) => setTimeout(r, delay)).then(() => 'due' as const)]);
        if (outcome === 'done') { finished++; continue; }
        const aborted = performance.now();
        controller.abort();
        try {
          await run;
          late++; // answered with results: the abort crossed the answer on its way
        } catch (err) {
          if (!(err instanceof Cancelled)) throw err;
          latencies.push(performance.now() - aborted);
        }
      }
    }
    return { latencies, finished, late };
  } finally {
    await worker.dispose();
  }
}

export async function benchCancel(script = resolve(ROOT, 'dist/cli.cjs')): Promise<void> {
  const { latencies, finished, late } = await cancelLatencies(script);
  console.log(`cancel latency, abort → answer: p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, ` +
    `max ${Math.max(...latencies).toFixed(0)} ms (n=${latencies.length}${finished ? `, ${finished} done before the abort` : ''}` +
    `${late ? `, ${late} answered with results after it` : ''})  (target < 200 ms)`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchCancel(process.argv[2]);

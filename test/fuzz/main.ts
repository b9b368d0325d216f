// `npm run fuzz -- --edits N [--seed S]`: fuzzes the language server (test/fuzz/lspFuzz.ts) and prints its
// figures. Exits 1 if the server exited, left a request unanswered, logged an internal exception, answered
// slower than 5 s, or ended above 1 GiB of RSS. RSS is printed after warm-up, at its peak and at the end;
// V8 returns memory when it collects, not when the work ends, so only a ceiling is a dependable failure.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fuzzServer, SLOW_MS, type FuzzReport } from './lspFuzz.ts';

function option(name: string, fallback: number): number {
  const at = process.argv.indexOf(name);
  const value = at >= 0 ? Number(process.argv[at + 1]) : fallback;
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} needs a whole number`);
  return value;
}

const RSS_CEILING_MIB = 1024;
const edits = option('--edits', 5000);
const seed = option('--seed', 20261205);
const started = performance.now();
const elapsed = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const report = await fuzzServer({
  edits, seed, every: Math.max(1000, Math.round(edits / 10)),
  progress: (done, r) => console.log(`  ${done.toLocaleString('en-US')} edits, ${r.requests.toLocaleString('en-US')} requests (${elapsed()})`),
});

const failures = problems(report);
const mib = (n: number) => `${n.toFixed(0)} MiB`;
console.log(`fuzz (seed ${seed}): ${report.edits.toLocaleString('en-US')} edits, ${report.requests.toLocaleString('en-US')} requests in ${elapsed()}`);
console.log(`  latency p50 ${report.latencyMs.p50.toFixed(1)} ms, p95 ${report.latencyMs.p95.toFixed(1)} ms, p99 ${report.latencyMs.p99.toFixed(1)} ms, max ${report.latencyMs.max.toFixed(0)} ms; answers slower than ${SLOW_MS / 1000} s: ${report.slow.length}`);
console.log(`  server exited: ${report.serverExited ? 'yes' : 'no'}; unanswered: ${report.unanswered.length}; internal exceptions: ${report.internalErrors.length}`);
console.log(`  server RSS: ${mib(report.rssMiB.baseline)} after warm-up, peak ${mib(report.rssMiB.peak)}, ${mib(report.rssMiB.final)} at the end`);
for (const f of failures) console.log(`FAIL ${f}`);
if (report.cases.length) {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-fuzz-'));
  report.cases.forEach((c, i) => writeFileSync(join(dir, `case${i + 1}.study`), c.text));
  console.log(`the documents of the first ${report.cases.length} slow or unanswered requests: ${dir}/case*.study`);
}
process.exit(failures.length ? 1 : 0);

function problems(r: FuzzReport): string[] {
  const { baseline, final } = r.rssMiB;
  return [
    ...(r.serverExited ? ['the server exited'] : []),
    ...r.unanswered.map((u) => `unanswered: ${u}`),
    ...r.internalErrors.map((e) => `internal exception: ${e.slice(0, 2000)}`),
    ...r.slow.map((s) => `slower than ${SLOW_MS / 1000} s: ${s}`),
    ...(final > RSS_CEILING_MIB ? [`memory not given back: ${final.toFixed(0)} MiB at the end (ceiling ${RSS_CEILING_MIB} MiB), ${baseline.toFixed(0)} MiB after warm-up`] : []),
  ];
}

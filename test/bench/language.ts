// Issue 11's language figures, each next to its target: `innograph check` on 4,000 / 8,000 / 65,536
// one-line declarations, completion while the server re-checks the 65,536-declaration spec, formatting a
// 16,000-item list, semantic tokens on large specs, and an edit next to 3,300 unclosed `l(`.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatStudy } from '../../server/src/language/format.ts';
import { complete } from '../../server/src/lsp/completion.ts';
import { semanticTokens } from '../../server/src/lsp/semanticTokens.ts';
import { DocumentParser } from '../../server/src/language/syntax/reparse.ts';
import { analyze, reanalyze, type Analysis } from '../../server/src/workspace/analysis.ts';
import { TableCache } from '../../server/src/workspace/tableCache.ts';
import { LspClient, ROOT } from '../lsp/harness.ts';

/** `n` one-line models over one dataset: the shape of the 2.3 MB spec. */
const models = (n: number) => `dataset d from "d.csv"\n${Array.from({ length: n }, (_, i) => `model m${i} = ols(y ~ x, data: d)\n`).join('')}`;

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const ms = (x: number) => `${x.toFixed(0)} ms`;
const spread = (xs: number[]) => `p50 ${ms(percentile(xs, 50))}, p95 ${ms(percentile(xs, 95))}, max ${ms(Math.max(...xs))} (n=${xs.length})`;

function median(run: () => unknown, runs = 5): number {
  run();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const t0 = performance.now();
    run();
    times.push(performance.now() - t0);
  }
  return percentile(times, 50);
}

export async function benchLanguage(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-bench-'));
  try {
    writeFileSync(join(dir, 'd.csv'), 'y,x,z\n1,2,3\n2,3,5\n');
    for (const n of [4000, 8000, 65_536]) {
      const path = join(dir, `models${n}.study`);
      writeFileSync(path, models(n));
      const t0 = performance.now();
      execFileSync(process.execPath, [join(ROOT, 'dist/cli.cjs'), 'check', path]);
      const target = n === 65_536 ? '  (target < 2,000 ms)' : '';
      console.log(`innograph check, ${n.toLocaleString('en-US')} declarations: ${ms(performance.now() - t0)}${target}`);
    }
    await completionDuringRecheck(dir);
    await inProcessFigures(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Completion requests sent every 10 ms, whether or not the last one was answered, while the server
 * re-checks the 65,536-declaration spec after an edit at its end: through the real server, so whatever
 * its diagnostics publisher does, the client sees.
 */
async function completionDuringRecheck(dir: string): Promise<void> {
  const text = models(65_536);
  const lsp = await LspClient.start({ debounceMs: 0 });
  try {
    const { uri } = await lsp.open(join(dir, 'models65536.study'), text);
    const cursor = text.lastIndexOf('~ x') + 2;
    const lines = text.slice(0, cursor).split('\n');
    const position = { line: lines.length - 1, character: lines.at(-1)!.length };
    const latencies: number[] = [];
    for (let edit = 0; edit < 3; edit++) {
      await lsp.change(uri, `${text}// edit ${edit}\n`);
      const pending: Promise<void>[] = [];
      for (let k = 0; k < 60; k++) {
        const t0 = performance.now();
        pending.push(lsp.request('textDocument/completion', { textDocument: { uri }, position }).then(() => { latencies.push(performance.now() - t0); }));
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
      await Promise.all(pending);
    }
    console.log(`completion while the server re-checks 65,536 declarations: ${spread(latencies)}  (target < 50 ms)`);
  } finally {
    await lsp.stop();
  }
}

async function inProcessFigures(dir: string): Promise<void> {
  const tables = new TableCache({ rowCounts: () => false });
  const spec = join(dir, 'models65536.study');

  // What a request on a new version of the 65,536-declaration spec waits for, and completion while the
  // checks run in slices (the publisher the language server can use, see StudyCheck.inSlices).
  // An open document's new versions, as the server makes them: typing at the end, and in the middle (the
  // declarations below are moved).
  const big = models(65_536);
  const parser = new DocumentParser();
  let current = reanalyze(big, spec, tables, parser);
  let edits = 0;
  const atEnd = median(() => (current = reanalyze(`${big}// edit ${edits++}\n`, spec, tables, parser, current)));
  const middle = big.indexOf('model m32768 ');
  const inMiddle = median(() => (current = reanalyze(`${big.slice(0, middle)}// ${edits++}\n${big.slice(middle)}`, spec, tables, parser, current)));
  const latencies = await slicedCompletions(reanalyze(`${big}// edit\n`, spec, tables, parser, current), big.lastIndexOf('~ x') + 2);

  const items = Array.from({ length: 16_000 }, (_, i) => `x${i}`).join(',\n    ');
  const list = `model m = ols(y ~ x, data: d) {\n  fe: [\n    ${items}\n  ]\n}\n`;
  console.log(`formatting a 16,000-item list: ${ms(median(() => formatStudy(list, { indent: '  ' })))}  (target < 200 ms)`);

  for (const n of [8000, 65_536]) {
    const a = analyze(models(n), spec, tables);
    void a.references;
    const t = median(() => semanticTokens(a), 3);
    console.log(`semantic tokens, ${n.toLocaleString('en-US')} declarations: ${ms(t)}, ${(t / (n / 1000)).toFixed(1)} ms per 1,000  (target: linear)`);
  }

  const open = `dataset d from "d.csv"\nmodel m = ols(y ~ ${'l('.repeat(3300)}x, data: d)\nmodel after = ols(y ~ x, data: d)\n`;
  void analyze(open, spec, tables).diagnostics;
  let k = 0;
  const perEdit = median(() => analyze(open.replace('l(x,', `l(x${k++ % 10},`), spec, tables).diagnostics);
  console.log(`an edit next to 3,300 unclosed \`l(\`: ${ms(perEdit)} (parse and check)  (target < 100 ms)`);
  console.log(`a new version of the 65,536-declaration spec, checks deferred: ${ms(atEnd)} (edit at the end), ${ms(inMiddle)} (edit in the middle)`);
  console.log(`completion while its checks run in 2 ms slices (in process): ${spread(latencies)}  (target < 50 ms)`);
}

/** Completion latency, measured from when each request is due, while `a`'s checks run in slices. */
async function slicedCompletions(a: Analysis, offset: number): Promise<number[]> {
  const latencies: number[] = [];
  let checking = true;
  const checked = a.checks.inSlices().then(() => { checking = false; });
  const ask = () => {
    const due = performance.now();
    setImmediate(() => {
      complete(a, offset);
      latencies.push(performance.now() - due);
      if (checking) ask();
    });
  };
  ask();
  await checked;
  return latencies;
}

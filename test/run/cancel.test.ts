// Cancellation at any point of a run (issue 11): a run aborted at its k-th checkpoint, for seeded random k
// across the examples' declarations (networks, measures, blocks, panels, OLS/PPML, GMM, negbin, placebo,
// mediation, geodetector), answers `Cancelled` rather than results (its DuckDB closed, temporary tables with it), and the
// next run is complete and equal to an uncancelled one. A second test aborts while DuckDB queries run (the
// query is interrupted). No timing is asserted: the latency is measured by `npm run bench`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { Rng } from '../../server/src/engine/prng.ts';
import { Cancelled } from '../../server/src/run/context.ts';
import type { ResultsFile } from '../../server/src/results/format.ts';
import { runStudy, type RunRequest } from '../../server/src/run/runner.ts';
import type { Analysis } from '../../server/src/workspace/analysis.ts';
import { analyseSpec } from './harness.ts';

const EXAMPLES = resolve(import.meta.dirname, '../../examples');

/** The examples, with the placebo's repetitions cut so that the test stays short. */
const SPECS: { file: string; text: (t: string) => string }[] = [
  { file: 'rare_earth.study', text: (t) => t },
  { file: 'tech_overlap.study', text: (t) => t },
  { file: 'ai_clusters.study', text: (t) => t.replace('reps: 1000,', 'reps: 3,') },
];
const POINTS_PER_SPEC = 6;

/** What must not differ between two runs of a spec: everything but timings, memory and the creation time. */
function comparable(results: ResultsFile): unknown {
  return results.results.map(({ seconds: _s, cached: _c, peakMemory: _m, ...rest }) => rest);
}

async function load(spec: (typeof SPECS)[number]): Promise<{ analysis: Analysis; path: string }> {
  const path = resolve(EXAMPLES, spec.file);
  const analysis = await analyseSpec(path, spec.text(readFileSync(path, 'utf8')));
  assert.equal(analysis.diagnostics.filter((d) => d.severity === 'error').length, 0);
  return { analysis, path };
}

test('a run cancelled at any checkpoint answers Cancelled, and the next run is complete and correct', async () => {
  const rng = new Rng(20261205);
  for (const spec of SPECS) {
    const { analysis, path } = await load(spec);
    let checkpoints = 0;
    const reference = await runStudy(analysis, { specPath: path, onCheckpoint: () => { checkpoints++; } });
    assert.ok(reference.results.every((r) => r.status === 'ok'), `${spec.file}: the reference run has failures`);
    assert.ok(checkpoints > 50, `${spec.file}: only ${checkpoints} checkpoints`);
    for (let point = 0; point < POINTS_PER_SPEC; point++) {
      const k = rng.int(1, checkpoints);
      const controller = new AbortController();
      let seen = 0;
      let where = '';
      const request: RunRequest = {
        specPath: path, signal: controller.signal,
        progress: (message) => { where = message; },
        onCheckpoint: () => { if (++seen === k) controller.abort(); },
      };
      await assert.rejects(runStudy(analysis, request), Cancelled, `${spec.file}: cancelled at checkpoint ${k} of ${checkpoints} (${where})`);
      assert.equal(seen, k, `${spec.file}: the run went on after checkpoint ${k} (${where})`);
      const next = await runStudy(analysis, { specPath: path });
      assert.deepEqual(comparable(next), comparable(reference), `${spec.file}: the run after a cancellation at checkpoint ${k} (${where}) differs`);
    }
  }
});

test('a run cancelled while DuckDB queries run answers Cancelled, and the connection serves the next run', async () => {
  const { analysis, path } = await load(SPECS[1]); // tech_overlap: datasets, two networks and a dyadic panel in SQL
  const reference = await runStudy(analysis, { specPath: path, only: ['invco', 'overlap', 'dyads'] });
  // Abort n event-loop turns after a declaration starts: the turns pass while its queries run in DuckDB.
  for (const name of ['invco', 'overlap', 'dyads']) {
    for (const turns of [1, 2, 3, 5, 8]) {
      const controller = new AbortController();
      let settled = false;
      const run = runStudy(analysis, {
        specPath: path, only: [name], signal: controller.signal,
        progress: (message) => {
          if (message !== `${name === 'dyads' ? 'panel' : 'network'} ${name}`) return;
          const tick = (left: number) => { if (settled) return; if (left === 0) controller.abort(); else setImmediate(() => tick(left - 1)); };
          tick(turns);
        },
      }).finally(() => { settled = true; });
      await assert.rejects(run, Cancelled, `${name}, ${turns} turns`);
    }
  }
  const next = await runStudy(analysis, { specPath: path, only: ['invco', 'overlap', 'dyads'] });
  assert.deepEqual(comparable(next), comparable(reference));
});

// Shared bits of the real-editor smoke tests (run by test/e2e/run.sh with `node --test`).
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const HERE = path.dirname(fileURLToPath(import.meta.url));
export const REPO = path.resolve(HERE, '../..');
export const CACHE = process.env.INNOGRAPH_E2E_CACHE || path.join(os.homedir(), '.cache', 'innograph-e2e');
export const ARTIFACTS = process.env.INNOGRAPH_E2E_ARTIFACTS || path.join(HERE, 'artifacts');
/** Scratch root of this run; run.sh creates it and deletes it at exit (also kills any code-server left in it). */
export const TMP = process.env.INNOGRAPH_E2E_TMP || fs.mkdtempSync(path.join(os.tmpdir(), 'innograph-e2e-'));
if (!process.env.INNOGRAPH_E2E_TMP) process.on('exit', () => fs.rmSync(TMP, { recursive: true, force: true }));
export const EXAMPLES = process.env.INNOGRAPH_E2E_EXAMPLES || path.join(REPO, 'examples');
export const SPEC = 'rare_earth.study';

/** The error line and the completion line the tests type into the spec. */
export const BROKEN_LINE = 'network broken = coapplication(nosuch_dataset)';
export const UNKNOWN_NAME = 'nosuch_dataset';
export const COMPLETION_LINE = 'network n2 = coapplication(';
export const EXPECTED_ITEM = 'applicants';

/** The model the run test starts from its code lens (a fast one: about a second from the command line). */
export const RUN_SPEC = 'tech_overlap.study';
export const RUN_MODEL = 'm1';
/** The network the run test starts from its code lens in SPEC (the province co-application network, well under a second). */
export const RUN_NETWORK = 'rein';
/** Node measures of RUN_NETWORK, run from their code lens and drawn as a map filled by their degree tiers. */
export const RUN_MEASURES = 'rein_nodes';

const t0 = Date.now();
/** Progress line (TAP comment) with the seconds since this test file started. */
export function lap(what) {
  console.log(`[${((Date.now() - t0) / 1000).toFixed(1)}s] ${what}`);
}

/** A fresh copy of the examples folder (so the tests never touch the repo's files). */
export function copyExamples(name) {
  const spec = path.join(EXAMPLES, SPEC);
  if (!fs.existsSync(spec)) throw new Error(`example spec not found: ${spec}`);
  const ws = path.join(TMP, name);
  fs.rmSync(ws, { recursive: true, force: true });
  fs.cpSync(EXAMPLES, ws, { recursive: true });
  return ws;
}

export function artifactsDir() {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return ARTIFACTS;
}

/** `innograph run <spec> --only <name> --json …` with the built CLI (bin/innograph.js → dist/cli.cjs): the results file. */
export function cliResults(spec, only) {
  const out = path.join(TMP, `cli-${only}-${Date.now()}.json`);
  execFileSync(process.execPath, [path.join(REPO, 'bin', 'innograph.js'), 'run', spec, '--only', only, '--json', out],
    { encoding: 'utf8', timeout: 180_000, stdio: ['ignore', 'pipe', 'pipe'] });
  return JSON.parse(fs.readFileSync(out, 'utf8'));
}

/** A regression table's estimate cell as the panel prints it (regressionTable.ts formatNumber / starsFor, defaults). */
export function formatEstimate({ estimate, p }, digits = 3, stars = [0.1, 0.05, 0.01]) {
  const text = estimate.toFixed(digits);
  return { text: /^-0(\.0*)?$/.test(text) ? text.slice(1) : text, stars: '*'.repeat(stars.filter((t) => p < t).length) };
}

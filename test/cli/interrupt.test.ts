// Ctrl+C during `innograph run`: the built CLI is interrupted once it reports that a long declaration has
// started (its progress lines on stderr), and exits with 130 and a short message, writing no results.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const EXAMPLES = join(ROOT, 'examples');

/** Runs the CLI and sends SIGINT as soon as a stderr line matches `when`. */
function interruptWhen(args: string[], when: RegExp): Promise<{ code: number | null; signal: NodeJS.Signals | null; stdout: string; stderr: string; sent: boolean }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/innograph.js'), ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    let sent = false;
    child.stdout.on('data', (d) => { stdout += d; });
    child.stderr.on('data', (d) => {
      stderr += d;
      if (!sent && stderr.split('\n').some((line) => when.test(line))) {
        sent = true;
        child.kill('SIGINT');
      }
    });
    child.on('error', fail);
    child.on('close', (code, signal) => done({ code, signal, stdout, stderr, sent }));
  });
}

test('Ctrl+C stops a run: exit code 130, a message on stderr, nothing written', async (t) => {
  // The example's data and maps are linked next to a copy of the spec whose placebo runs far longer.
  const dir = mkdtempSync(join(tmpdir(), 'innograph-interrupt-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  symlinkSync(join(EXAMPLES, 'data'), join(dir, 'data'));
  symlinkSync(join(EXAMPLES, 'maps'), join(dir, 'maps'));
  const spec = join(dir, 'ai_clusters.study');
  writeFileSync(spec, readFileSync(join(EXAMPLES, 'ai_clusters.study'), 'utf8').replace('reps: 1000,', 'reps: 100000,'));
  const json = join(dir, 'results.json');
  const r = await interruptWhen(['run', spec, '--only', 'fig6_placebo', '--json', json], /model fig6_placebo: permutation/);
  assert.ok(r.sent, `the run never reported the placebo's permutations:\n${r.stderr}`);
  assert.equal(r.code, 130, r.stdout + r.stderr);
  assert.match(r.stderr, /^innograph: interrupted; the run of .*ai_clusters\.study was stopped and nothing was written\.$/m);
  assert.match(r.stdout, /^Study "[^"]+" \(.*ai_clusters\.study\)\n$/, 'the study, and no result');
  assert.ok(!existsSync(json));
});

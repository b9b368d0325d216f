// The panels' browser code (client/webview) has its own tsconfig (DOM types); the root typecheck skips it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { REPO } from './harness.ts';

test('client/webview typechecks', () => {
  const tsc = join(REPO, 'node_modules/typescript/bin/tsc');
  const run = spawnSync(process.execPath, [tsc, '-p', 'client/webview', '--noEmit'], { cwd: REPO, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
});

// Random and mutated specs and edits through the running server (test/fuzz/lspFuzz.ts, the harness behind
// `npm run fuzz`): every request must be answered, nothing may throw inside the server, and it must still
// be alive at the end. Latency and memory are figures of `npm run fuzz`, not assertions here.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fuzzServer } from '../fuzz/lspFuzz.ts';

test('the server answers every request over 2,000 random edits and never throws', async () => {
  const report = await fuzzServer({ edits: 2000, seed: 12345 });
  assert.equal(report.serverExited, false, 'the server exited');
  assert.deepEqual(report.unanswered, []);
  assert.deepEqual(report.internalErrors, []);
  assert.ok(report.requests >= report.edits);
});

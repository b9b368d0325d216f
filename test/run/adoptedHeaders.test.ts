// The run worker takes over the headers the command line read (issue 16: a CLI run read every header twice),
// but only for files whose size and mtime are unchanged, and only with the same trust: a file changed in
// between is read again.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TableCache } from '../../server/src/workspace/tableCache.ts';

test('headers are adopted while their files are unchanged, read again when a file changed or trust differs', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-adopt-'));
  writeFileSync(join(dir, 'a.csv'), 'x,y\n1,2\n');
  writeFileSync(join(dir, 'b.csv'), 'u,v\n1,2\n');
  const first = new TableCache({ rowCounts: () => false });
  for (const f of ['a.csv', 'b.csv']) first.get(dir, f);
  await first.settled();
  const headers = first.headers();
  assert.equal(headers.entries.length, 2);

  // b.csv changes after the first read: a column more, and a new mtime.
  writeFileSync(join(dir, 'b.csv'), 'u,v,w\n1,2,3\n');
  utimesSync(join(dir, 'b.csv'), new Date(), new Date(Date.now() + 5_000));
  const loaded: string[] = [];
  const second = new TableCache({ rowCounts: () => false, onLoaded: (path) => loaded.push(path) });
  second.adopt(headers);
  const a = second.get(dir, 'a.csv');
  assert.deepEqual(a.status === 'ok' && a.columns, ['x', 'y'], 'a.csv answered at once, from the adopted header');
  assert.equal(second.get(dir, 'b.csv').status, 'pending', 'b.csv is read again');
  await second.settled();
  const b = second.get(dir, 'b.csv');
  assert.deepEqual(b.status === 'ok' && b.columns, ['u', 'v', 'w']);
  assert.deepEqual(loaded, [join(dir, 'b.csv')], 'only the changed file was read');

  const untrusted = new TableCache({ rowCounts: () => false });
  untrusted.trusted = false;
  untrusted.adopt(headers);
  assert.equal(untrusted.get(dir, 'a.csv').status, 'pending', 'headers read with full trust are not taken over by an untrusted cache');
  await untrusted.settled();
});

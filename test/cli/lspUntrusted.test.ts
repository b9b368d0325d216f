// `innograph lsp --untrusted`: the server checks specs but runs nothing, even when the client says the
// workspace is trusted (the flag is for editors without a notion of workspace trust).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-jsonrpc/node';

const ROOT = resolve(import.meta.dirname, '../..');
const SPEC = resolve(ROOT, 'examples/rare_earth.study');

test('lsp --untrusted refuses to run a spec although the client says the workspace is trusted', async () => {
  const child = spawn(process.execPath, [resolve(ROOT, 'dist/cli.cjs'), 'lsp', '--stdio', '--untrusted'], { stdio: 'pipe' });
  const connection = createMessageConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onRequest('workspace/configuration', () => [null]);
  connection.onRequest('client/registerCapability', () => null);
  connection.listen();
  try {
    await connection.sendRequest('initialize', { processId: process.pid, rootUri: pathToFileURL(resolve(ROOT, 'examples')).href, initializationOptions: { trusted: true }, capabilities: {} });
    await connection.sendNotification('initialized', {});
    const uri = pathToFileURL(SPEC).href;
    await connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'study', version: 1, text: readFileSync(SPEC, 'utf8') } });
    await assert.rejects(connection.sendRequest('innograph/run', { uri }), /not trusted/);
    await connection.sendNotification('innograph/trust', { trusted: true });
    await assert.rejects(connection.sendRequest('innograph/run', { uri }), /not trusted/);
  } finally {
    connection.dispose();
    child.kill();
  }
});

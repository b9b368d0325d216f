// Thousands of random and mutated specs through the running server: every request must be answered
// (no crash, no hang) and the server must still be alive at the end.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, LspClient } from './harness.ts';

const SEEDS = readdirSync(EXAMPLES).filter((f) => f.endsWith('.study')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));
const FRAGMENTS = ['network', 'model', '=', '(', ')', '{', '}', ':', ',', '~', '|', '..', '"', '"x.csv"', '12', 'by', 'rolling', 'where',
  '.', '^', '\n', ' ', '-', 'not', '[', ']', '×', '//', '/*', 'ols(', 'data:', 'l(x, 2..)', 'rein', 'applicants', 'é', '\t', '#'];

let seed = 12345;
const rand = (n: number) => {
  seed = (seed * 1103515245 + 12345) % 2147483648;
  return Math.floor((seed / 2147483648) * n);
};

function mutate(text: string): string {
  let out = text;
  const edits = 1 + rand(4);
  for (let i = 0; i < edits; i++) {
    const at = rand(out.length + 1);
    switch (rand(4)) {
      case 0: out = out.slice(0, at) + out.slice(at + 1 + rand(20)); break; // delete
      case 1: out = out.slice(0, at) + FRAGMENTS[rand(FRAGMENTS.length)] + out.slice(at); break; // insert
      case 2: { const from = rand(out.length); out = out.slice(0, at) + out.slice(from, from + rand(40)) + out.slice(at); break; } // duplicate
      default: out = out.slice(0, at); // truncate
    }
  }
  return out;
}

function randomSpec(): string {
  return Array.from({ length: rand(60) }, () => FRAGMENTS[rand(FRAGMENTS.length)]).join(rand(2) ? ' ' : '');
}

let lsp: LspClient;
before(async () => { lsp = await LspClient.start({ debounceMs: 0, readRowCounts: false }); });
after(async () => { await lsp.stop(); });

/** A request that must be answered within the time limit. */
function answered<T>(p: Promise<T>, what: string, ms = 5000): Promise<T> {
  return Promise.race([p, new Promise<T>((_, reject) => setTimeout(() => reject(new Error(`no answer to ${what} within ${ms} ms`)), ms))]);
}

test('the server answers every request on 2,000 random and mutated specs', async () => {
  const { uri } = await lsp.open('fuzz.study', SEEDS[0]);
  const methods = ['textDocument/completion', 'textDocument/hover', 'textDocument/definition', 'textDocument/signatureHelp', 'textDocument/documentHighlight', 'textDocument/prepareRename'];
  for (let i = 0; i < 2000; i++) {
    const text = i % 5 === 0 ? randomSpec() : mutate(SEEDS[i % SEEDS.length]);
    await lsp.change(uri, text);
    const lines = text.split('\n');
    const line = rand(lines.length);
    const position = { line, character: rand(lines[line].length + 1) };
    const method = methods[i % methods.length];
    await answered(lsp.request(method, { textDocument: { uri }, position }), `${method} on ${JSON.stringify(text.slice(0, 200))}`);
    if (i % 10 === 0) {
      await answered(lsp.request('textDocument/documentSymbol', { textDocument: { uri } }), 'documentSymbol');
      await answered(lsp.request('textDocument/semanticTokens/full', { textDocument: { uri } }), 'semanticTokens');
      await answered(lsp.request('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } }), 'formatting');
      await answered(lsp.request('textDocument/foldingRange', { textDocument: { uri } }), 'foldingRange');
      await answered(lsp.request('textDocument/codeLens', { textDocument: { uri } }), 'codeLens');
    }
  }
  assert.equal(lsp.process.exitCode, null, 'the server exited');
  assert.deepEqual(lsp.logs.filter((l) => l.startsWith('innograph:')), [], 'a feature threw');
  assert.equal(lsp.stderr, '');
});

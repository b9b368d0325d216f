// The server on deep and broken specs: nesting past the parser's limit is one located diagnostic, and the
// outline, semantic tokens, hover and definition still answer for the declarations around it.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, fixture, rangeIn, rangeOf } from './harness.ts';
import { SPEC } from './spec.ts';

let lsp: LspClient;
before(async () => { lsp = await LspClient.start(); });
after(async () => { await lsp.stop(); });

const LATER = 'model later = ols(LogDeg ~ Deg, data: prov)\n';

/** Line and character of an offset. */
function positionOf(text: string, offset: number) {
  const lines = text.slice(0, offset).split('\n');
  return { line: lines.length - 1, character: lines.at(-1)!.length };
}

/** The offset of the first bracket nested deeper than 64 levels. */
function deepOpener(text: string): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    if ('([{'.includes(text[i]) && ++depth > 64) return i;
    if (')]}'.includes(text[i])) depth--;
  }
  return -1;
}

/** Semantic tokens as absolute (line, character, length) triples. */
function decode(data: number[]): { line: number; character: number; length: number }[] {
  const out: { line: number; character: number; length: number }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i];
    character = data[i] === 0 ? character + data[i + 1] : data[i + 1];
    out.push({ line, character, length: data[i + 2] });
  }
  return out;
}

describe('10,000 nested parentheses in a formula', () => {
  const text = `${SPEC}model deep = ols(LogDeg ~ ${'('.repeat(10_000)}Deg${')'.repeat(10_000)}, data: prov)\n${LATER}`;

  test('give one diagnostic, at the parenthesis past the limit', async () => {
    const { diagnostics } = await lsp.open('limits.study', text);
    assert.deepEqual(diagnostics.map((d) => d.message), ['Expressions nest deeper than 64 levels: simplify this expression']);
    assert.deepEqual(diagnostics[0].range.start, positionOf(text, deepOpener(text)));
  });

  test('leave the outline whole', async () => {
    const { uri } = await lsp.open('limits.study', text);
    const symbols = await lsp.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name).slice(-3), ['t1', 'deep', 'later']);
  });

  test('leave semantic tokens, hover and definition answering', async () => {
    const { uri } = await lsp.open('limits.study', text);
    const { data } = await lsp.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens = decode(data);
    const later = rangeOf(text, 'later');
    assert.ok(tokens.some((t) => t.line === later.start.line && t.character === later.start.character && t.length === 'later'.length));
    const deepProv = rangeOf(text, 'prov)\nmodel later');
    assert.ok(tokens.some((t) => t.line === deepProv.start.line && t.character === deepProv.start.character));

    const onOls = fixture(text.replace('later = ols', 'later = o$0ls'));
    const h = await lsp.request<{ contents: { value: string } } | null>('textDocument/hover', { textDocument: { uri }, position: onOls.position });
    assert.match(h?.contents.value ?? '', /\*\*ols\*\*/);

    const onProv = fixture(text.replace('Deg, data: prov)\n', 'Deg, data: pr$0ov)\n'));
    const def = await lsp.request<{ range: unknown } | null>('textDocument/definition', { textDocument: { uri }, position: onProv.position });
    assert.deepEqual(def?.range, rangeIn(text, 'panel prov', 'prov'));
    assert.ok(!lsp.logs.some((l) => /Maximum call stack/.test(l)), lsp.logs.join('\n'));
  });
});

test('3,300 unclosed `l(` keep their errors to their declaration', async () => {
  const text = `${SPEC}model open = ols(LogDeg ~ ${'l('.repeat(3300)}Deg, data: prov)\n${LATER}`;
  const { uri, diagnostics } = await lsp.open('limits.study', text);
  const later = rangeOf(text, LATER.trim());
  assert.ok(diagnostics.length >= 1);
  assert.ok(diagnostics.every((d) => d.range.start.line < later.start.line), JSON.stringify(diagnostics));
  const symbols = await lsp.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.deepEqual(symbols.map((s) => s.name).slice(-2), ['open', 'later']);
});

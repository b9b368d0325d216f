// Derived columns in the editor, on a file of raw dates: the `year` role naming YYYYMMDD dates gets a warning
// from the header read's sample, a misspelt function its did-you-mean, and completion and hover know the
// derived-column functions and the derived columns.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CompletionItem } from 'vscode-languageserver';
import { fixture, LspClient, rangeOf } from './harness.ts';

let lsp: LspClient;
let dir: string;
before(async () => {
  lsp = await LspClient.start();
  dir = mkdtempSync(join(tmpdir(), 'innograph-derived-'));
  writeFileSync(join(dir, 'patents.csv'), 'patent_number,app_date,ipc\n06836899,20030109,A45F 5/04\n06836979,20030510,A43B 13/14\n');
});
after(async () => { await lsp.stop(); });

async function complete(name: string, marked: string): Promise<CompletionItem[]> {
  const f = fixture(marked);
  const { uri } = await lsp.open(join(dir, name), f.text);
  const r = await lsp.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position: f.position });
  return Array.isArray(r) ? r : r.items;
}

test('a year role on YYYYMMDD dates is a warning naming the values and suggesting year(…)', async () => {
  const { diagnostics } = await lsp.open(join(dir, 'a.study'), 'dataset p from "patents.csv" { id: patent_number, year: app_date }\n');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.severity]), [['not-years', 2]]);
  assert.match(diagnostics[0].message, /`app_date` holds 20030109–20030510 in the file's first rows, not years .*`app_year = year\(app_date\)` and `year: app_year`/);
  const fixed = await lsp.open(join(dir, 'a.study'), 'dataset p from "patents.csv" {\n  app_year = year(app_date)\n  id: patent_number, year: app_year\n}\n');
  assert.deepEqual(fixed.diagnostics, []);
});

test('an unknown function in a derived column is an error with a did-you-mean', async () => {
  const text = 'dataset p from "patents.csv" {\n  ipc4 = lfet(ipc, 4)\n  id: patent_number\n}\n';
  const { diagnostics } = await lsp.open(join(dir, 'b.study'), text);
  assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['unknown-function', rangeOf(text, 'lfet')]]);
  assert.match(diagnostics[0].message, /Did you mean `left`\?$/);
});

test('completion in a derived column offers the columns and the derived-column functions, not the formulas\'', async () => {
  const labels = (await complete('c.study', 'dataset p from "patents.csv" {\n  y = $0\n  id: patent_number\n}\n')).map((i) => i.label);
  for (const l of ['app_date', 'ipc', 'year', 'left', 'regexp_extract', 'if', 'coalesce']) assert.ok(labels.includes(l), l);
  for (const l of ['log', 'count', 'p']) assert.ok(!labels.includes(l), l);
});

test('a role completes a derived column beside the file\'s', async () => {
  const items = await complete('d.study', 'dataset p from "patents.csv" {\n  app_year = year(app_date)\n  id: patent_number\n  year: $0\n}\n');
  assert.ok(items.some((i) => i.label === 'app_year'));
  assert.ok(items.some((i) => i.label === 'app_date'));
});

test('hover shows a derived column\'s definition and type, and a derived-column function\'s documentation', async () => {
  const text = 'dataset p from "patents.csv" {\n  app_year = year(app_date)\n  id: patent_number\n  year: app_year\n}\n';
  const { uri } = await lsp.open(join(dir, 'e.study'), text);
  const hover = (position: { line: number; character: number }) => lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position });
  const column = await hover(rangeOf(text, 'app_year', 1).start);
  assert.match(column.contents.value, /\*\*column `app_year`\*\* — number\n\nDerived in dataset `p`: `app_year = year\(app_date\)`/);
  const fn = await hover(rangeOf(text, 'year(').start);
  assert.match(fn.contents.value, /^`year\(date\)`\n\nThe year of a date: .*YYYYMMDD/);
});

test('a derived column is defined where it is derived and renamed with its uses', async () => {
  const text = 'dataset p from "patents.csv" {\n  app_year = year(app_date)\n  late = app_year > 2003\n  id: patent_number\n  year: app_year\n}\n';
  const { uri } = await lsp.open(join(dir, 'f.study'), text);
  const use = rangeOf(text, 'app_year', 2).start;
  const def = await lsp.request<{ range: unknown }>('textDocument/definition', { textDocument: { uri }, position: use });
  assert.deepEqual(def.range, rangeOf(text, 'app_year'));
  const edit = await lsp.request<{ changes: Record<string, { range: unknown; newText: string }[]> }>('textDocument/rename', { textDocument: { uri }, position: use, newName: 'filing_year' });
  assert.deepEqual(edit.changes[uri].map((e) => e.range), [0, 1, 2].map((n) => rangeOf(text, 'app_year', n)));
});

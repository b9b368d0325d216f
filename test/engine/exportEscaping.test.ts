// Every export escapes user strings for its format: a hostile name in a result table or a regression table
// comes out as text in Markdown, LaTeX, HTML, CSV (no spreadsheet formulas) and Word, and keeps its line in
// Pajek. (GEXF and GraphML with hostile strings are read back by networkx and igraph in exports.test.ts.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { tableCsv, csvTable } from '../../server/src/engine/exports/csv.ts';
import { escapeLatex } from '../../server/src/engine/exports/escape.ts';
import { pajek } from '../../server/src/engine/exports/index.ts';
import { tableHtml, tableLatex, tableMarkdown } from '../../server/src/engine/exports/plainTable.ts';
import { regressionCsv, regressionHtml, regressionLatex, regressionMarkdown } from '../../server/src/engine/exports/regressionTable.ts';
import { regressionDocx } from '../../server/src/engine/exports/regressionTableDocx.ts';
import { htmlReport } from '../../server/src/run/output/report.ts';
import type { RegressionTable, ResultsFile, Table } from '../../server/src/results/format.ts';

const IMG = '<img src=x onerror=alert(1)>';
const PIPE = 'a | b\nc';
const LATEX = '\\ & % $ # _ { } ~ ^';
const BRACKET = '[1cm] *x';
const FORMULAS = ['=HYPERLINK("http://x")', '@SUM(A1)', '+1', '-2+3'];

const table: Table = {
  columns: ['name', 'value'],
  rows: [[IMG, 1], [PIPE, 2], [LATEX, 3], [BRACKET, 4], ...FORMULAS.map((f, i) => [f, 5 + i]), ['-2.5', -2.5]],
};

const regression: RegressionTable = {
  title: IMG, paren: 'se', stars: [0.1], digits: 2,
  models: [{ name: 'm', title: PIPE, dependent: '=HYPERLINK("http://x")', estimator: 'feols' }],
  coefficients: [{ term: LATEX, cells: [{ estimate: -2.5, se: 0.5, stat: -5, p: 0.001 }] }],
  stats: [{ key: 'vcov', label: BRACKET, cells: ['@SUM(A1)'] }],
};

test('Markdown: raw HTML, links, emphasis, pipes and line breaks stay text in their own cell', () => {
  const lines = tableMarkdown(table, IMG).split('\n');
  assert.equal(lines[0], '**\\<img src=x onerror=alert(1)\\>**');
  assert.deepEqual(lines.slice(4, 8), [
    '| \\<img src=x onerror=alert(1)\\> | 1.000 |',
    '| a \\| b c | 2.000 |',
    '| \\\\ \\& % $ # \\_ { } \\~ ^ | 3.000 |',
    '| \\[1cm\\] \\*x | 4.000 |',
  ]);
  const regressionLines = regressionMarkdown(regression).split('\n');
  assert.equal(regressionLines[0], '**\\<img src=x onerror=alert(1)\\>**');
  assert.equal(regressionLines[4], '|  | a \\| b c |');
});

test('LaTeX: every special character is a command, brackets cannot become the argument of \\\\', () => {
  assert.equal(escapeLatex(LATEX), '\\textbackslash{} \\& \\% \\$ \\# \\_ \\{ \\} \\textasciitilde{} \\textasciicircum{}');
  assert.equal(escapeLatex(BRACKET), '{[}1cm{]} {*}x');
  assert.equal(escapeLatex('one\n\ntwo'), 'one  two');
  const latex = tableLatex(table, IMG);
  assert.match(latex, /^\{\[\}1cm\{\]\} \{\*\}x & 4.000 \\\\$/m);
  assert.match(latex, /\\caption\{\$<\$img src=x onerror=alert\(1\)\$>\$\}/);
  // No line of the table body is left open by a line break in a cell.
  for (const line of latex.split('\n').filter((l) => l.includes(' & '))) assert.match(line, /\\\\$/);
  assert.match(regressionLatex(regression), /^\\textbackslash\{\} \\& \\% .* & -2\.50\$\^\{\*\}\$ \\\\$/m);
});

test('HTML: the table and the report show hostile strings as text', () => {
  const html = tableHtml(table);
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /&lt;img src=x onerror=alert\(1\)&gt;/);
  const results: ResultsFile = {
    format: 'innograph-results', version: 1, spec: `${IMG}.study`, title: IMG, engine: 'test', createdAt: '2024-01-01T00:00:00Z',
    results: [{ name: 'd', kind: 'descriptives', status: 'error', seconds: 0, tables: { [IMG]: table }, notes: [IMG], error: { message: IMG, data: { file: IMG, line: 2 } } }],
  } as unknown as ResultsFile;
  assert.doesNotMatch(htmlReport(results), /<img/);
});

test('CSV: text that a spreadsheet would run as a formula starts with a quote; numbers stay numbers', () => {
  const lines = tableCsv(table).split('\r\n');
  assert.deepEqual(lines.slice(5, 10), ["\"'=HYPERLINK(\"\"http://x\"\")\",5", "'@SUM(A1),6", "'+1,7", "'-2+3,8", '-2.5,-2.5']);
  assert.equal(csvTable(['x'], [[-2.5], ['\tcmd'], ['=1+1']]), "x\r\n-2.5\r\n'\tcmd\r\n'=1+1\r\n");
  const printed = regressionCsv(regression);
  assert.match(printed, /\r\nDependent variable,"'=HYPERLINK\(""http:\/\/x""\)"\r\n/);
  assert.match(printed, /,-2\.50\*\r\n/, 'a printed negative estimate stays a number');
  assert.match(printed, /,'@SUM\(A1\)\r\n/);
});

test('Word: hostile strings are text runs of the document', async () => {
  const xml = zipEntry(Buffer.from(await regressionDocx({ ...regression, title: `${IMG} \u0007` })), 'word/document.xml');
  assert.doesNotMatch(xml, /<img|\u0007/);
  const texts = [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
  for (const text of [`${IMG} `, PIPE, LATEX, '=HYPERLINK("http://x")']) assert.ok(texts.includes(text), `${text} in ${texts.join(' | ')}`);
});

test('Pajek: a quote or line break in a vertex name cannot end the name or the line', () => {
  const network = { directed: false, nodes: ['say "hi"\nthere', 'b'], ties: [], intra: new Map<string, number>() };
  assert.match(pajek({ network }), /^\*Vertices 2\r\n1 "say 'hi' there"\r\n2 "b"\r\n/);
});

/** One entry of a zip file (docx), by its local header. */
function zipEntry(zip: Buffer, path: string): string {
  const at = zip.indexOf(Buffer.from(path));
  const header = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x03, 0x04]), at);
  const start = header + 30 + zip.readUInt16LE(header + 26) + zip.readUInt16LE(header + 28);
  return inflateRawSync(zip.subarray(start, start + zip.readUInt32LE(header + 18))).toString('utf8');
}

test('labels and notes from the spec are escaped like every other user string', () => {
  const labelled: RegressionTable = {
    ...regression,
    models: [{ ...regression.models[0], dependentLabel: IMG }],
    coefficients: [{ ...regression.coefficients[0], label: `${PIPE} × ${LATEX}` }],
    notes: [IMG, BRACKET, LATEX],
  };
  const latex = regressionLatex(labelled);
  assert.match(latex, /^\\item \{\[\}1cm\{\]\} \{\*\}x$/m, 'a note cannot become \\item\'s optional argument');
  assert.match(latex, /^\\item \\textbackslash\{\} \\& \\%/m);
  assert.match(latex, /^a \| b c \$\\times\$ \\textbackslash\{\}/m);
  const html = regressionHtml(labelled);
  assert.doesNotMatch(html, /<img/);
  assert.match(html, /<tfoot><tr><td colspan="2">&lt;img src=x onerror=alert\(1\)&gt;<br>\[1cm\] \*x<br>/);
  const md = regressionMarkdown(labelled).split('\n');
  assert.ok(md.includes('\\<img src=x onerror=alert(1)\\>  '), md.join('\n'));
  assert.ok(md.some((l) => l.startsWith('| a \\| b c × \\\\ \\& ')), md.join('\n'));
});

// The regression-table formatters (server/src/engine/exports/regressionTable.ts): exact LaTeX, Markdown, HTML
// and CSV for a small table; the Word export opens as a zip holding the cells; a table built from real feols
// output carries FE rows, SE type, cluster counts and fit statistics.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { inflateRawSync } from 'node:zlib';
import { formatStat, regressionCsv, regressionHtml, regressionLatex, regressionMarkdown, starsFor } from '../../server/src/engine/exports/regressionTable.ts';
import { regressionDocx } from '../../server/src/engine/exports/regressionTableDocx.ts';
import type { RegressionTable } from '../../server/src/results/format.ts';
import { grunfeldRegression } from './regressionFixture.ts';

const small: RegressionTable = {
  title: 'Growth_1 & more',
  paren: 't',
  stars: [0.1, 0.05, 0.01],
  digits: 2,
  models: [
    { name: 'a', title: 'Base', dependent: 'y', estimator: 'feols' },
    { name: 'b', title: 'Full', dependent: 'y', estimator: 'feols' },
  ],
  coefficients: [
    { term: 'x_1', cells: [{ estimate: -0.001, se: 0.2, stat: -0.004, p: 0.9 }, { estimate: 1.234, se: 0.5, stat: 2.468, p: 0.03 }] },
    { term: 'z', cells: [null, { estimate: 10, se: 1, stat: 10, p: 0.001 }] },
  ],
  stats: [
    { key: 'vcov', label: 'Standard errors', cells: ['IID', 'Clustered (pair)'] },
    { key: 'n', label: 'Observations', cells: [12345, 678] },
    { key: 'r2', label: 'R²', cells: [0.5, null] },
  ],
  notes: ['Source: PATSTAT 2020 & OECD_REGPAT.'],
};

test('cells: stars from the thresholds, counts with thousands separators, no negative zero', () => {
  assert.equal(starsFor(0.07, [0.1, 0.05, 0.01]), '*');
  assert.equal(starsFor(0.01, [0.1, 0.05, 0.01]), '**');
  assert.equal(starsFor(0.2, [0.1, 0.05, 0.01]), '');
  assert.equal(formatStat(1234567, 3), '1,234,567');
  assert.equal(formatStat(0.12345, 3), '0.123');
  assert.equal(formatStat(null, 3), '');
});

test('LaTeX (booktabs, threeparttable)', () => {
  assert.equal(regressionLatex(small), String.raw`% \usepackage{booktabs, threeparttable}
\begin{table}[htbp]
\centering
\begin{threeparttable}
\caption{Growth\_1 \& more}
\begin{tabular}{l*{2}{c}}
\toprule
 & (1) & (2) \\
 & Base & Full \\
Dependent variable & y & y \\
\midrule
x\_1 & 0.00 & 1.23$^{**}$ \\
 & (0.00) & (2.47) \\
z &  & 10.00$^{***}$ \\
 &  & (10.00) \\
\midrule
Standard errors & IID & Clustered (pair) \\
Observations & 12,345 & 678 \\
R$^2$ & 0.50 &  \\
\bottomrule
\end{tabular}
\begin{tablenotes}[flushleft]
\footnotesize
\item Source: PATSTAT 2020 \& OECD\_REGPAT.
\item t statistics in parentheses
\item $^{*}$ $p<0.1$, $^{**}$ $p<0.05$, $^{***}$ $p<0.01$
\end{tablenotes}
\end{threeparttable}
\end{table}
`);
});

test('Markdown', () => {
  assert.equal(regressionMarkdown(small), String.raw`**Growth\_1 \& more**

|  | (1) | (2) |
|:---|:---:|:---:|
|  | Base | Full |
| Dependent variable | y | y |
| x\_1 | 0.00 | 1.23\*\* |
|  | (0.00) | (2.47) |
| z |  | 10.00\*\*\* |
|  |  | (10.00) |
| Standard errors | IID | Clustered (pair) |
| Observations | 12,345 | 678 |
| R² | 0.50 |  |

Source: PATSTAT 2020 \& OECD\_REGPAT.  
t statistics in parentheses; \* p\<0.1, \*\* p\<0.05, \*\*\* p\<0.01
`);
});

test('HTML', () => {
  assert.equal(regressionHtml(small), `<table class="regression">
<caption>Growth_1 &amp; more</caption>
<thead>
<tr><th scope="row"></th><th>(1)</th><th>(2)</th></tr>
<tr><th scope="row"></th><th>Base</th><th>Full</th></tr>
<tr><th scope="row">Dependent variable</th><th>y</th><th>y</th></tr>
</thead>
<tbody>
<tr><th scope="row">x_1</th><td>0.00</td><td>1.23<sup>**</sup></td></tr>
<tr><th scope="row"></th><td>(0.00)</td><td>(2.47)</td></tr>
<tr><th scope="row">z</th><td></td><td>10.00<sup>***</sup></td></tr>
<tr><th scope="row"></th><td></td><td>(10.00)</td></tr>
</tbody>
<tbody>
<tr><th scope="row">Standard errors</th><td>IID</td><td>Clustered (pair)</td></tr>
<tr><th scope="row">Observations</th><td>12,345</td><td>678</td></tr>
<tr><th scope="row">R²</th><td>0.50</td><td></td></tr>
</tbody>
<tfoot><tr><td colspan="3">Source: PATSTAT 2020 &amp; OECD_REGPAT.<br>t statistics in parentheses<br>* p&lt;0.1, ** p&lt;0.05, *** p&lt;0.01</td></tr></tfoot>
</table>
`);
});

test('CSV', () => {
  assert.equal(regressionCsv(small), [
    ',(1),(2)',
    ',Base,Full',
    'Dependent variable,y,y',
    'x_1,0.00,1.23**',
    ',(0.00),(2.47)',
    'z,,10.00***',
    ',,(10.00)',
    'Standard errors,IID,Clustered (pair)',
    'Observations,"12,345",678',
    'R²,0.50,',
    'Source: PATSTAT 2020 & OECD_REGPAT.',
    't statistics in parentheses',
    '"* p<0.1, ** p<0.05, *** p<0.01"',
    '',
  ].join('\r\n'));
});

test('Word: a .docx (zip) whose document holds the title, cells and legend', async () => {
  const bytes = Buffer.from(await regressionDocx(small));
  assert.equal(bytes.subarray(0, 2).toString('latin1'), 'PK');
  const xml = zipEntry(bytes, 'word/document.xml');
  for (const text of ['Growth_1 &amp; more', 'Dependent variable', '1.23', '12,345', 'Clustered (pair)', 'Source: PATSTAT 2020 &amp; OECD_REGPAT.', 't statistics in parentheses', '* p&lt;0.1, ** p&lt;0.05, *** p&lt;0.01']) {
    assert.ok(xml.includes(text), `document.xml lacks ${text}`);
  }
  assert.match(xml, /<w:vertAlign w:val="superscript"\/>/);
});

test('a table from real feols output: coefficients, FE Yes/No, SE type, clusters, N and R² rows', () => {
  const t = grunfeldRegression();
  assert.deepEqual(t.models.map((m) => [m.title, m.dependent]), [['Firm FE', 'inv'], ['Two-way FE', 'inv']]);
  assert.deepEqual(t.coefficients.map((c) => c.term), ['value', 'capital']);
  assert.deepEqual(t.stats.map((s) => [s.label, s.cells.map((c) => (typeof c === 'number' && !Number.isInteger(c) ? Number(c.toFixed(3)) : c))]), [
    ['firm fixed effects', ['Yes', 'Yes']],
    ['year fixed effects', ['No', 'Yes']],
    ['Standard errors', ['IID', 'Clustered (firm)']],
    ['Clusters (firm)', [null, 10]],
    ['Observations', [200, 200]],
    ['R²', [0.944, 0.952]],
    ['Adjusted R²', [0.941, 0.943]],
    ['Within R²', [0.767, 0.72]],
  ]);
  assert.match(regressionLatex(t), /^value & 0\.110\$\^\{\*\*\*\}\$ & 0\.118\$\^\{\*\*\*\}\$ \\\\$/m);
});

/** One entry of a zip archive (stored or deflated), found through the central directory. */
function zipEntry(zip: Buffer, name: string): string {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  let at = zip.readUInt32LE(end + 16);
  for (let i = 0; i < zip.readUInt16LE(end + 10); i++) {
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const entry = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const local = zip.readUInt32LE(at + 42);
    if (entry === name) {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const data = zip.subarray(start, start + size);
      return (method === 8 ? inflateRawSync(data) : data).toString('utf8');
    }
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  throw new Error(`${name} not in the archive`);
}

test('stacked standard errors: brackets, then braces, under the model\'s own; the note says so', () => {
  const stacked: RegressionTable = {
    paren: 'se', stars: [0.1, 0.05, 0.01], digits: 3, stackedSe: ['hc1', 'iid'],
    models: [{ name: 'a', title: 'A', dependent: 'y', estimator: 'feols' }],
    coefficients: [{ term: 'x', cells: [{ estimate: 0.5, se: 0.1, stat: 5, p: 0.001, stacked: [{ se: 0.2, stat: 2.5, p: 0.02 }, { se: 0.05, stat: 10, p: 0 }] }] }],
    stats: [
      { key: 'vcov', label: 'Standard errors ( )', cells: ['Clustered (pair)'] },
      { key: 'vcov:1', label: 'Standard errors [ ]', cells: ['Robust (HC1)'] },
      { key: 'vcov:2', label: 'Standard errors { }', cells: ['IID'] },
    ],
  };
  const tex = regressionLatex(stacked).split('\n');
  const x = tex.indexOf('x & 0.500$^{***}$ \\\\');
  assert.deepEqual(tex.slice(x + 1, x + 3), [' & (0.100) \\\\', ' & {[}0.200{]} \\\\']);
  assert.equal(tex[x + 3], ' & \\{0.050\\} \\\\');
  assert.ok(tex.includes('Standard errors {[} {]} & Robust (HC1) \\\\'));
  assert.ok(tex.includes('\\item Standard errors in parentheses, {[}brackets{]} and \\{braces\\}: one standard-error type each, as the Standard errors rows name them'));
  assert.deepEqual(regressionCsv(stacked).split('\r\n').slice(3, 7), ['x,0.500***', ',(0.100)', ',[0.200]', ',{0.050}']);
});

test('under paren: t, the note names the statistic: z for Poisson, NB and GMM columns, t (or z) when mixed', () => {
  const z = { ...small, models: small.models.map((m) => ({ ...m, statistic: 'z' as const })) };
  assert.match(regressionMarkdown(z), /^z statistics in parentheses; /m);
  const mixed = { ...small, models: [{ ...small.models[0], statistic: 't' as const }, { ...small.models[1], statistic: 'z' as const }] };
  assert.match(regressionMarkdown(mixed), /^t \(or z\) statistics in parentheses; /m);
});

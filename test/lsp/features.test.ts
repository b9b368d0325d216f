// Every LSP feature through a real JSON-RPC connection to the server over stdio, with `$0` cursor fixtures.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { LspClient, fixture, rangeIn, rangeOf } from './harness.ts';
import { SPEC } from './spec.ts';

interface CompletionItem { label: string; kind?: number; detail?: string; insertText?: string }
interface Location { uri: string; range: ReturnType<typeof rangeOf> }

let lsp: LspClient;
before(async () => { lsp = await LspClient.start(); });
after(async () => { await lsp.stop(); });

/** Opens a `$0` fixture and asks for completion labels at the cursor. */
async function completionsAt(marked: string): Promise<CompletionItem[]> {
  const f = fixture(marked);
  const { uri } = await lsp.open('fixture.study', f.text);
  const r = await lsp.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position: f.position });
  return Array.isArray(r) ? r : r.items;
}
const labels = (items: CompletionItem[]) => items.map((i) => i.label);

describe('diagnostics', () => {
  test('the fixture spec checks clean once the data headers are read', async () => {
    const { diagnostics } = await lsp.open('fixture.study', SPEC);
    assert.deepEqual(diagnostics.map((d) => d.message), []);
  });

  test('an unknown column is reported at the column with a did-you-mean', async () => {
    const text = SPEC.replace('order:  seq', 'order:  sequ');
    const { diagnostics } = await lsp.open('fixture.study', text);
    assert.equal(diagnostics.length, 1);
    assert.deepEqual(diagnostics[0].range, rangeOf(text, 'sequ'));
    assert.match(diagnostics[0].message, /Column `sequ` is not in data\/rare_earth\/applicants.csv .*Did you mean `seq`\?/);
    assert.equal(diagnostics[0].code, 'unknown-column');
  });

  test('one typo gives one diagnostic and the rest of the file keeps its outline', async () => {
    const text = SPEC.replace('ties:    first_led', 'ties:    first_led )');
    const { uri, diagnostics } = await lsp.open('fixture.study', text);
    assert.equal(diagnostics.length, 1, diagnostics.map((d) => d.message).join('\n'));
    const symbols = await lsp.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    assert.deepEqual(symbols.map((s) => s.name), ['Fixture', 'patents', 'applicants', 'provinces', 'periods', 'rein', 'rein_nodes', 'prov', 'm1', 't1']);
  });

  test('a missing data file is reported on the path', async () => {
    const text = SPEC.replace('provinces_2020.csv', 'provinces_2021.csv');
    const { diagnostics } = await lsp.open('fixture.study', text);
    const missing = diagnostics.find((d) => d.code === 'missing-data-file');
    assert.ok(missing);
    assert.deepEqual(missing.range, rangeOf(text, '"data/rare_earth/provinces_2021.csv"'));
  });
});

describe('completion', () => {
  test('declaration kinds at the start of a line', async () => {
    const items = await completionsAt(`${SPEC}\nnet$0`);
    assert.ok(labels(items).includes('network'));
    assert.ok(labels(items).includes('model'));
  });

  test('source functions after `=`', async () => {
    assert.deepEqual(labels(await completionsAt(`${SPEC}\nnetwork n2 = $0`)), ['coapplication', 'coinvention', 'cocitation', 'edges', 'file']);
  });

  test('a region set starts with a dataset or `members(…)`, whose argument is a clusters declaration', async () => {
    const got = labels(await completionsAt(`${SPEC}\nregions r = $0`));
    assert.ok(got.includes('patents') && got.includes('members') && !got.includes('rein'), got.join());
    const clusters = 'measures lq = location_quotient(patents, industry: is_re) { threshold: percentile(80) }\nclusters hot = clusters(lq)\n';
    assert.deepEqual(labels(await completionsAt(`${SPEC}\n${clusters}regions r = members($0`)), ['hot']);
  });

  test('datasets, not other kinds, as a network\'s first argument', async () => {
    const got = labels(await completionsAt(`${SPEC}\nnetwork n2 = coapplication($0`));
    assert.ok(got.includes('applicants') && got.includes('patents'));
    assert.ok(!got.includes('rein') && !got.includes('m1'));
  });

  test('a figure draws a computed result, and its x, y and color are the columns of the table it names', async () => {
    const data = labels(await completionsAt(`${SPEC}\nfigure f = line($0`));
    assert.ok(data.includes('rein_nodes') && data.includes('m1') && !data.includes('patents'), data.join());
    const columns = ['closeness', 'degree', 'degree_tier', 'region', 'window'];
    assert.deepEqual(labels(await completionsAt(`${SPEC}\nfigure f = bars(rein_nodes, x: $0)`)).sort(), columns);
    assert.deepEqual(labels(await completionsAt(`${SPEC}\nfigure f = bars(rein_nodes.nodes, x: region) {\n  y: $0\n}`)).sort(), columns);
  });

  test('a region × technology toolkit\'s tables each hold the indicators of their level', async () => {
    const geo = `${SPEC}\nmeasures geo = region_technology(applicants, region: province, technology: seq) { kci, rca, tci }\n`;
    assert.deepEqual(labels(await completionsAt(`${geo}figure f = bars(geo, x: $0)`)).sort(), ['kci', 'region', 'window']);
    assert.deepEqual(labels(await completionsAt(`${geo}figure f = bars(geo.cells, x: $0)`)).sort(), ['count', 'rca', 'region', 'technology', 'window']);
    const options = labels(await completionsAt(geo.replace('{ kci, rca, tci }', '{ kci\n  $0\n}')));
    assert.ok(['relatedness', 'rounding', 'population', 'count', 'period'].every((o) => options.includes(o)), options.join());
  });

  test('a model reads a toolkit\'s keyed tables: `data: geo.` offers them, and the formula the columns of the one named', async () => {
    const geo = `${SPEC}\nmeasures geo = region_technology(applicants, region: province, technology: seq) { kci, rca, tci }\n`;
    assert.deepEqual(labels(await completionsAt(`${geo}model e = ols(rca ~ kci, data: geo.$0)`)).sort(), ['cells', 'nodes', 'pairs', 'technologies']);
    const got = labels(await completionsAt(`${geo}model e = ols(rca ~ $0, data: geo.cells)`));
    for (const name of ['window', 'region', 'technology', 'count', 'rca', 't']) assert.ok(got.includes(name), name);
    assert.ok(!got.includes('kci'), 'a region indicator offered among the cells\' columns');
    const f = fixture(`${geo}model e = ols(r$0ca ~ l(count, 1) | region + technology + t, data: geo.cells)`);
    const { uri, diagnostics } = await lsp.open('fixture.study', f.text);
    assert.deepEqual(diagnostics.map((d) => d.message), []);
    const hover = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: f.position });
    assert.match(hover.contents.value, /Revealed comparative advantage/);
  });

  test('option names inside a block, without the ones already given', async () => {
    const got = labels(await completionsAt(SPEC.replace('  level:   province\n', '  level:   province\n  $0\n')));
    assert.ok(got.includes('count') && got.includes('intra') && got.includes('between'));
    assert.ok(!got.includes('ties') && !got.includes('level'));
    assert.ok(!got.includes('weight'), 'cocitation-only option offered for coapplication');
  });

  test('the values of an enum option, with docs', async () => {
    const items = await completionsAt(SPEC.replace('ties:    first_led', 'ties:    $0'));
    assert.deepEqual(labels(items), ['all_pairs', 'first_led']);
  });

  test('column names of the dataset for a column option', async () => {
    const got = labels(await completionsAt(SPEC.replace('order:  seq', 'order:  $0')));
    assert.deepEqual(got.sort(), ['applicant', 'city', 'kind', 'patent_id', 'province', 'seq']);
  });

  test('panel variables, attribute columns and formula functions inside a formula', async () => {
    const got = labels(await completionsAt(SPEC.replace('+ gdp_pc |', '+ $0 |')));
    for (const name of ['Deg', 'LogDeg', 'gdp_pc', 'graduates', 'i', 't', 'log1p', 'l', 'center']) assert.ok(got.includes(name), name);
    assert.ok(!got.includes('count'), 'a panel function offered in a formula');
  });

  test('indicators of a measures declaration after `.`', async () => {
    const got = labels(await completionsAt(`${SPEC}\nmodel g = geodetector(rein_nodes.$0`));
    assert.deepEqual(got.sort(), ['closeness', 'degree', 'i', 't', 'tier']);
  });

  test('data files after `from`', async () => {
    const got = labels(await completionsAt(`${SPEC}\ndataset x from "data/rare_earth/$0"`));
    assert.ok(got.includes('patents.csv') && got.includes('applicants.csv'));
  });
});

describe('hover', () => {
  test('a dataset name shows its file, columns, types and row count', async () => {
    const f = fixture(SPEC.replace('coapplication(applicants)', 'coapplication(appli$0cants)'));
    const { uri } = await lsp.open('fixture.study', f.text);
    const h = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: f.position });
    assert.match(h.contents.value, /dataset `applicants`/);
    assert.match(h.contents.value, /Rows: 5,521/);
    assert.match(h.contents.value, /\| seq \| BIGINT \| order \|/);
  });

  test('an option key shows its doc and the reference default', async () => {
    const f = fixture(SPEC.replace('ties:    first_led', 'ti$0es:    first_led'));
    const { uri } = await lsp.open('fixture.study', f.text);
    const h = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: f.position });
    assert.match(h.contents.value, /\*\*ties\*\*/);
    assert.match(h.contents.value, /Default: `all_pairs`/);
  });

  test('an indicator shows its doc and the option it needs', async () => {
    const f = fixture(`${SPEC}\nmeasures roles = nodes(rein) { gate$0keeper }\n`);
    const { uri } = await lsp.open('fixture.study', f.text);
    const h = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: f.position });
    assert.match(h.contents.value, /\*\*gatekeeper\*\* — Brokerage: .* Needs `groups:`\.$/);
  });

  test('a model name summarises estimator and data', async () => {
    const f = fixture(SPEC.replace('table t1 = m1', 'table t1 = m$01'));
    const { uri } = await lsp.open('fixture.study', f.text);
    const h = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: f.position });
    assert.match(h.contents.value, /model `m1`/);
    assert.match(h.contents.value, /ols\(LogDeg ~ /);
    assert.match(h.contents.value, /Data: the variables of panel `prov`/);
  });
});

describe('conditions over a patent\'s holders', () => {
  const HELD = SPEC.replace('  windows: periods\n}', '  windows: periods\n  where:   count(applicants, kind == "firm") >= 2\n}');
  const hoverAt = async (marked: string) => {
    const f = fixture(marked);
    const { uri } = await lsp.open('fixture.study', f.text);
    return (await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: f.position })).contents.value;
  };

  test('a dataset\'s `where:` offers its columns and any, all, count', async () => {
    const got = labels(await completionsAt(SPEC.replace('order:  seq', 'order:  seq\n  where:  $0')));
    for (const name of ['kind', 'seq', 'any', 'all', 'count']) assert.ok(got.includes(name), name);
    assert.ok(!got.includes('log1p') && !got.includes('rein'), 'formula functions or declarations offered in a condition');
  });

  test('inside any(applicants, …) the applicants\' columns, and no holder function again', async () => {
    const got = labels(await completionsAt(HELD.replace('count(applicants, kind ==', 'any(applicants, $0')));
    assert.deepEqual(got.sort(), ['applicant', 'city', 'kind', 'patent_id', 'province', 'seq']);
  });

  test('hover and signature help tell the holder count in a condition from the panel count', async () => {
    assert.match(await hoverAt(HELD.replace('count(applicants, kind', 'co$0unt(applicants, kind')), /^`count\(dataset, condition\)`/);
    const panel = HELD.replace('Deg = degree(rein)', 'Deg = degree(rein)\n  N = co$0unt(applicants)');
    assert.match(await hoverAt(panel), /^`count\(dataset, side, counting: records, where: condition\)`/);
    const f = fixture(HELD.replace('count(applicants, kind == "firm")', 'count(applicants, $0'));
    const { uri } = await lsp.open('fixture.study', f.text);
    const help = await lsp.request<{ signatures: { label: string }[]; activeParameter: number }>('textDocument/signatureHelp', { textDocument: { uri }, position: f.position });
    assert.equal(help.signatures[0].label, 'count(dataset, condition)');
    assert.equal(help.activeParameter, 1);
  });
});

describe('navigation', () => {
  test('go to definition of a declared name', async () => {
    const f = fixture(SPEC.replace('data: prov,', 'data: pr$0ov,'));
    const { uri } = await lsp.open('fixture.study', f.text);
    const loc = await lsp.request<Location>('textDocument/definition', { textDocument: { uri }, position: f.position });
    assert.deepEqual(loc.range, rangeIn(f.text, 'panel prov', 'prov'));
  });

  test('go to definition of a panel variable used in a formula', async () => {
    const f = fixture(SPEC.replace('l(Deg, 1)', 'l(D$0eg, 1)'));
    const { uri } = await lsp.open('fixture.study', f.text);
    const loc = await lsp.request<Location>('textDocument/definition', { textDocument: { uri }, position: f.position });
    assert.deepEqual(loc.range, rangeIn(f.text, '  Deg =', 'Deg'));
  });

  test('a label\'s names lead to the variables they label; an unknown one is a located warning', async () => {
    const labelled = `${SPEC}\nlabels vars {\n  l(Deg, 1): "Degree (t−1)"\n  gdp_pcc:   "GDP per capita"\n}\n`;
    const f = fixture(labelled.replace('l(Deg, 1): "', 'l(D$0eg, 1): "'));
    const { uri, diagnostics } = await lsp.open('fixture.study', f.text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.severity, d.range]), [['unknown-label', 2, rangeOf(f.text, 'gdp_pcc')]]);
    assert.match(diagnostics[0].message, /Did you mean `gdp_pc`\?/);
    const loc = await lsp.request<Location>('textDocument/definition', { textDocument: { uri }, position: f.position });
    assert.deepEqual(loc.range, rangeIn(f.text, '  Deg =', 'Deg'));
    const h = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position: f.position });
    assert.match(h.contents.value, /Deg/);
  });

  test('in a labels block, the models\' variables and formula functions are offered; nothing inside the label', async () => {
    const offered = labels(await completionsAt(`${SPEC}\nlabels vars {\n  l($0\n}\n`));
    for (const name of ['Deg', 'LogDeg', 'gdp_pc', 'log1p']) assert.ok(offered.includes(name), name);
    assert.deepEqual(await completionsAt(`${SPEC}\nlabels vars {\n  Deg: "De$0\n}\n`), []);
  });

  test('find references of a network', async () => {
    const f = fixture(SPEC.replace('network rein =', 'network re$0in ='));
    const { uri } = await lsp.open('fixture.study', f.text);
    const refs = await lsp.request<Location[]>('textDocument/references', { textDocument: { uri }, position: f.position, context: { includeDeclaration: true } });
    assert.equal(refs.length, 4); // declaration, nodes(rein…), node_panel(rein…), degree(rein)
  });

  test('rename a declaration updates every use', async () => {
    const f = fixture(SPEC.replace('windows periods', 'windows peri$0ods'));
    const { uri } = await lsp.open('fixture.study', f.text);
    const edit = await lsp.request<{ changes: Record<string, { newText: string }[]> }>('textDocument/rename', { textDocument: { uri }, position: f.position, newName: 'fiveyear' });
    assert.equal(edit.changes[uri].length, 2);
    assert.ok(edit.changes[uri].every((e) => e.newText === 'fiveyear'));
  });

  test('rename refuses a name that is already declared', async () => {
    const f = fixture(SPEC.replace('windows periods', 'windows peri$0ods'));
    const { uri } = await lsp.open('fixture.study', f.text);
    await assert.rejects(lsp.request('textDocument/rename', { textDocument: { uri }, position: f.position, newName: 'rein' }), /already declared/);
  });

  test('document highlights mark every occurrence', async () => {
    const f = fixture(SPEC.replace('Deg = degree', 'D$0eg = degree'));
    const { uri } = await lsp.open('fixture.study', f.text);
    const hl = await lsp.request<unknown[]>('textDocument/documentHighlight', { textDocument: { uri }, position: f.position });
    assert.equal(hl.length, 3); // definition, log1p(Deg), l(Deg, 1)
  });
});

describe('structure', () => {
  test('document symbols list declarations with their options and variables', async () => {
    const { uri } = await lsp.open('fixture.study', SPEC);
    const symbols = await lsp.request<{ name: string; detail: string; children: { name: string }[] }[]>('textDocument/documentSymbol', { textDocument: { uri } });
    const panel = symbols.find((s) => s.name === 'prov')!;
    assert.deepEqual(panel.children.map((c) => c.name), ['attributes', 'Deg', 'LogDeg']);
    assert.equal(symbols.find((s) => s.name === 'rein')!.detail, 'network = coapplication(…)');
  });

  test('folding ranges cover multi-line declarations', async () => {
    const { uri } = await lsp.open('fixture.study', SPEC);
    const folds = await lsp.request<{ startLine: number; endLine: number }[]>('textDocument/foldingRange', { textDocument: { uri } });
    const rein = rangeOf(SPEC, 'network rein').start.line;
    assert.ok(folds.some((f) => f.startLine === rein && f.endLine === rein + 4));
  });

  test('semantic tokens classify declaration kinds, names, options and columns', async () => {
    const { uri } = await lsp.open('fixture.study', SPEC);
    const { data } = await lsp.request<{ data: number[] }>('textDocument/semanticTokens/full', { textDocument: { uri } });
    const tokens: { line: number; char: number; length: number; type: number }[] = [];
    let line = 0;
    let char = 0;
    for (let i = 0; i < data.length; i += 5) {
      line += data[i];
      char = data[i] === 0 ? char + data[i + 1] : data[i + 1];
      tokens.push({ line, char, length: data[i + 2], type: data[i + 3] });
    }
    const at = (needle: string) => {
      const r = rangeOf(SPEC, needle).start;
      return tokens.find((t) => t.line === r.line && t.char === r.character)?.type;
    };
    assert.equal(at('network'), 0); // keyword
    assert.equal(at('rein ='), 1); // class (declaration)
    assert.equal(at('ties:'), 2); // property
    assert.equal(at('first_led'), 3); // enumMember
    assert.equal(at('coapplication'), 4); // function
  });
});

describe('editing aids', () => {
  test('signature help inside a source function shows the active parameter', async () => {
    const f = fixture(`${SPEC}\nnetwork o = cocitation(applicants, $0`);
    const { uri } = await lsp.open('fixture.study', f.text);
    const help = await lsp.request<{ signatures: { label: string }[]; activeParameter: number }>('textDocument/signatureHelp', { textDocument: { uri }, position: f.position });
    assert.match(help.signatures[0].label, /^cocitation\(holders, citations, /);
    assert.equal(help.activeParameter, 1);
  });

  test('signature help inside a formula function', async () => {
    const f = fixture(SPEC.replace('l(Deg, 1)', 'l(Deg, $01)'));
    const { uri } = await lsp.open('fixture.study', f.text);
    const help = await lsp.request<{ signatures: { label: string }[]; activeParameter: number }>('textDocument/signatureHelp', { textDocument: { uri }, position: f.position });
    assert.equal(help.signatures[0].label, 'l(x, k)');
    assert.equal(help.activeParameter, 1);
  });

  test('formatting normalises spacing and indentation and keeps comments', async () => {
    const messy = 'windows   periods=2001..2020 by 5 // five-year\nnetwork rein = coapplication( applicants ){\nties:first_led\n      level : province}\n';
    const { uri } = await lsp.open('fixture.study', messy);
    const edits = await lsp.request<{ newText: string }[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
    assert.equal(edits[0].newText, 'windows periods = 2001..2020 by 5 // five-year\nnetwork rein = coapplication(applicants) {\n  ties: first_led\n  level: province }\n');
  });

  test('code lenses offer Run all and Run per runnable declaration', async () => {
    const { uri } = await lsp.open('fixture.study', SPEC);
    const lenses = await lsp.request<{ command: { title: string; arguments: unknown[] } }[]>('textDocument/codeLens', { textDocument: { uri } });
    assert.equal(lenses[0].command.title, '▶ Run all');
    assert.deepEqual(lenses.slice(1).map((l) => l.command.arguments[1]), ['rein', 'rein_nodes', 'prov', 'm1', 't1']);
  });

  test('a quick fix replaces a misspelt option with the suggestion', async () => {
    const text = SPEC.replace('level:   province', 'levle:   province');
    const { uri, diagnostics } = await lsp.open('fixture.study', text);
    const actions = await lsp.request<{ title: string; edit: { changes: Record<string, { newText: string; range: unknown }[]> } }[]>('textDocument/codeAction', {
      textDocument: { uri }, range: diagnostics[0].range, context: { diagnostics },
    });
    assert.equal(actions[0].title, 'Change to `level`');
    assert.deepEqual(actions[0].edit.changes[uri][0], { range: rangeOf(text, 'levle'), newText: 'level' });
  });
});

describe('factor terms, fixed-effect values and fit statistics', () => {
  const at = async (marked: string) => {
    const f = fixture(marked);
    const { uri, diagnostics } = await lsp.open('fixture.study', f.text);
    return { uri, diagnostics, position: f.position };
  };
  const FACTORS = SPEC.replace('+ gdp_pc |', '+ i(gdp_pc, Deg, ref: 1) + factor(t) |');

  test('i() and factor() check clean, are offered in formulas and explain themselves on hover', async () => {
    assert.deepEqual((await lsp.open('fixture.study', FACTORS)).diagnostics.map((d) => d.message), []);
    const got = labels(await completionsAt(SPEC.replace('+ gdp_pc |', '+ $0 |')));
    assert.ok(got.includes('factor') && got.filter((l) => l === 'i').length === 2, 'the variable i and the function i()');
    const { uri, position } = await at(FACTORS.replace('factor(t)', 'fac$0tor(t)'));
    const h = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position });
    assert.match(h.contents.value, /^`factor\(x, ref: level\)`/);
    assert.match(h.contents.value, /treatment coding/);
  });

  test('signature help inside i( points at the parameter being written', async () => {
    const { uri, position } = await at(FACTORS.replace('i(gdp_pc, Deg, ref: 1)', 'i(gdp_pc, $0'));
    const help = await lsp.request<{ signatures: { label: string }[]; activeParameter: number }>('textDocument/signatureHelp', { textDocument: { uri }, position });
    assert.equal(help.signatures[0].label, 'i(x, var, ref: level)');
    assert.equal(help.activeParameter, 1);
  });

  test('a misspelt variable in i() is reported with a did-you-mean; a ref: that is not a level literal too', async () => {
    const text = FACTORS.replace('i(gdp_pc, Deg, ref: 1)', 'i(gdp_p, Deg, ref: Deg)');
    const { diagnostics } = await lsp.open('fixture.study', text);
    assert.deepEqual(diagnostics.map((d) => [d.code, d.range]), [['unknown-variable', rangeIn(text, 'i(gdp_p,', 'gdp_p')], ['bad-value', rangeIn(text, 'ref: Deg', 'Deg')]]);
    assert.match(diagnostics[0].message, /Did you mean `gdp_pc`\?/);
  });

  test('fixef: completes true/false and hovers with fixest\'s rule; stats: offers the fit statistics', async () => {
    const withFixef = SPEC.replace('data: prov, cluster: i)', 'data: prov, cluster: i, fixef: $0)');
    assert.deepEqual(labels(await completionsAt(withFixef)), ['true', 'false']);
    const { uri, position } = await at(SPEC.replace('data: prov, cluster: i)', 'data: prov, cluster: i, fi$0xef: true)'));
    const h = await lsp.request<{ contents: { value: string } }>('textDocument/hover', { textDocument: { uri }, position });
    assert.match(h.contents.value, /\*\*fixef\*\*/);
    assert.match(h.contents.value, /first observation's level of every fixed effect after the first is set to 0/);
    assert.match(h.contents.value, /Default: `false`/);
    const stats = labels(await completionsAt(SPEC.replace('table t1 = m1 { paren: t }', 'table t1 = m1 { paren: t, stats: n, $0 }')));
    for (const s of ['loglik', 'aic', 'bic', 'sigma2', 'rmse', 'sq_cor', 'adj_pseudo_r2', 'deviance', 'null_deviance']) assert.ok(stats.includes(s), s);
  });
});

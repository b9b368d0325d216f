// Networks read from network files (`file("…")`): case 08's 30-actor digraph written as a UCINET DL full matrix,
// a DL edge list, a Pajek file and an adjacency-matrix CSV measures as R sna and igraph measure it, its isolates
// kept; a file's mistakes are reported at their line, by the checker and by a run; counting patents on a network
// that has none is a clear error.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { declarationKeys } from '../../server/src/run/cacheKeys.ts';
import { networkFiles } from '../../server/src/run/output/networkFiles.ts';
import { runStudy } from '../../server/src/run/runner.ts';
import { SNA, readJson, readRecords } from '../oracles/read.ts';
import { analyseSpec, records, result, runSpec } from './harness.ts';
import { CASE08, CASE08_WHOLE_MEASURES, assertCase08Whole, close } from './case08.ts';

const CASE = CASE08;
const r = readJson(`${CASE}/r_igraph_sna.json`);
const py = readJson(`${CASE}/py_networkx_igraph.json`);
const actors = readRecords(`${CASE}/nodes.csv`).map((n) => n.region);
const arcs = readRecords(`${CASE}/edges.csv`).map((e) => ({ i: actors.indexOf(e.source), j: actors.indexOf(e.target), w: Number(e.weight) }));
const matrix = actors.map((_, i) => actors.map((__, j) => arcs.find((a) => a.i === i && a.j === j)?.w ?? 0));

// Case 08 in each format, as UCINET, Pajek and a spreadsheet write them.
const FILES: Record<string, string> = {
  'fullmatrix.dl': `DL N=30 FORMAT=FULLMATRIX\nLABELS:\n${actors.join(',')}\nDATA:\n${matrix.map((row) => row.join(' ')).join('\n')}\n`,
  'edgelist1.dl': `dl n = 30, format = edgelist1\nlabels:\n${actors.join(' ')}\ndata:\n${arcs.map((a) => `${a.i + 1} ${a.j + 1} ${a.w}`).join('\n')}\n`,
  'digraph.net': `*Vertices 30\r\n${actors.map((a, i) => `${i + 1} "${a}"`).join('\r\n')}\r\n*Arcs\r\n${arcs.map((a) => `${a.i + 1} ${a.j + 1} ${a.w}`).join('\r\n')}\r\n`,
  'matrix.csv': `,${actors.join(',')}\n${actors.map((a, i) => `${a},${matrix[i].join(',')}`).join('\n')}\n`,
};

function workspace(spec: string, files: Record<string, string> = FILES): string {
  const dir = mkdtempSync(join(tmpdir(), 'innograph-netfiles-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  writeFileSync(join(dir, 'spec.study'), spec);
  return join(dir, 'spec.study');
}


for (const name of Object.keys(FILES)) {
  test(`case 08 as ${name}: 30 actors (isolates kept), binary and valued density, degree centralization and betweenness as R sna gives them`, async () => {
    const results = await runSpec(workspace(`network net = file("${name}")
${CASE08_WHOLE_MEASURES}measures each = nodes(net) { betweenness }
`));
    assertCase08Whole(results);
    const betweenness = new Map(records(result(results, 'each'), 'nodes').map((n) => [n.region, n.betweenness]));
    actors.forEach((a, k) => close(betweenness.get(a), r.sna.directed.betweenness[k], `betweenness of ${a}`));
    const notes = result(results, 'net').notes.join('\n');
    assert.match(notes, /Directed: the matrix is not symmetric|Directed, as the file says/);
    assert.match(notes, /all 30 nodes of the file, isolates included/);
  });
}

test('a symmetric matrix is undirected: case 08\'s undirected view has igraph\'s density and sna\'s degree centralization', async () => {
  const sym = actors.map((_, i) => actors.map((__, j) => (matrix[i][j] || matrix[j][i] ? 1 : 0)));
  const files = { 'undirected.csv': `,${actors.join(',')}\n${actors.map((a, i) => `${a},${sym[i].join(',')}`).join('\n')}\n` };
  const results = await runSpec(workspace(`network net = file("undirected.csv")
measures m = whole(net) { nodes, density, centralization  density: binary  centralization: binary  scale: proportion }
`, files));
  const [row] = records(result(results, 'm'), 'indicators');
  assert.equal(row.nodes, 30);
  close(row.density, py.igraph.undirected.density, 'undirected density');
  close(row.centralization, r.sna.undirected.centralization_degree, 'degree centralization');
  assert.ok(result(results, 'net').notes.some((n) => /Undirected: the matrix is symmetric/.test(n)));
});

test('a file\'s mistake: the checker names its line, a run gives the file and line; `directed` cannot contradict the file', async () => {
  const files = { 'bad.dl': 'dl n=2\ndata:\n0 1\n1 x\n', 'arcs.net': '*Vertices 2\n*Arcs\n1 2\n' };
  const spec = workspace('network bad = file("bad.dl")\nnetwork gone = file("gone.net")\nnetwork c = file("arcs.net") { directed: false  where: x == 1 }\n', files);
  const messages = (await analyseSpec(spec)).diagnostics.map((d) => `${d.code}: ${d.message}`);
  assert.ok(messages.includes('unreadable-data-file: Cannot read bad.dl: line 4: row 2, column 2 must be a number, but is "x"'), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('missing-data-file: Data file not found: gone.net')), messages.join('\n'));
  assert.ok(messages.some((m) => m.startsWith('inapplicable-option: `where` applies only to')), messages.join('\n'));

  // The run reads the file again: changed since the check, its mistake is a data error at its line.
  const runPath = workspace('network bad = file("bad.dl")\nnetwork c = file("arcs.net") { directed: false }\n', { ...files, 'bad.dl': 'dl n=2\ndata:\n0 1\n1 0\n' });
  const checked = await analyseSpec(runPath);
  assert.deepEqual(checked.diagnostics.map((d) => d.message), []);
  writeFileSync(join(dirname(runPath), 'bad.dl'), files['bad.dl']);
  const ran = await runStudy(checked, { specPath: runPath });
  const bad = result(ran, 'bad').error!;
  assert.equal(bad.message, 'Cannot read bad.dl as a UCINET DL file: row 2, column 2 must be a number, but is "x".');
  assert.equal(bad.data?.line, 4);
  assert.match(result(ran, 'c').error!.message, /arcs\.net: the file's ties are directed; `directed: false` contradicts it/);
});

test('patent counts on a network read from a file: a clear error, not a missing patent column', async () => {
  const results = await runSpec(workspace(`network net = file("digraph.net")
measures counts = nodes(net) { degree, patents }
`));
  assert.equal(result(results, 'counts').error!.message, '`patents` counts patents, but net is read from a network file: it has no patents to count.');
});

test('CONCOR on network files: Krackhardt\'s advice matrix CSV (as CRAN concorR ships it) and Padgett\'s Florentine marriages as Pajek edges give the reference partitions', async () => {
  const concor = readJson(`${SNA}/02_concor/expected.json`).results;
  const families = readRecords(`${SNA}/02_concor/florentine_nodes.csv`).map((n) => n.node);
  const marriages = readRecords(`${SNA}/02_concor/florentine_edges.csv`);
  const files = {
    'advice.csv': readFileSync(`${SNA}/02_concor/krack_advice_matrix.csv`, 'utf8'),
    'florentine.net': `*Vertices ${families.length}\n${families.map((f, i) => `${i + 1} "${f}"`).join('\n')}\n*Edges\n${marriages.map((m) => `${families.indexOf(m.source) + 1} ${families.indexOf(m.target) + 1}`).join('\n')}\n`,
  };
  const results = await runSpec(workspace(`network advice = file("advice.csv")
network marriage = file("florentine.net")
blocks a = concor(advice) { convergence: 0.0000001  max_iter: 50 }
blocks f = concor(marriage) { convergence: 0.0000001  max_iter: 50 }
`, files));
  const partition = (name: string) => {
    const blocks = new Map<unknown, string[]>();
    for (const row of records(result(results, name), 'partition')) blocks.set(row.block, [...(blocks.get(row.block) ?? []), row.region as string]);
    return [...blocks.values()].map((b) => b.sort()).sort();
  };
  assert.deepEqual(partition('a'), [...concor.krack_advice.reciprocal.partition].sort());
  assert.deepEqual(partition('f'), [...concor.florentine.reciprocal.partition].sort());
  assert.equal(result(results, 'advice').network?.directed, true);
  assert.equal(result(results, 'marriage').network?.directed, false);
});

test('a changed network file changes its network\'s content key, so a re-run does not reuse the old result', async () => {
  const spec = workspace('network net = file("digraph.net")\nmeasures m = whole(net) { density }\n');
  const before = declarationKeys(await analyseSpec(spec));
  writeFileSync(join(dirname(spec), 'digraph.net'), `${FILES['digraph.net']}1 2 1\r\n`);
  const after = declarationKeys(await analyseSpec(spec));
  assert.notEqual(after.get('net'), before.get('net'));
  assert.notEqual(after.get('m'), before.get('m'));
});

test('a windowed network exported (innograph run --out) and read back from its dynamic GEXF has the same ties in each window', async () => {
  const flows = 'exporter,importer,value,year\nA,B,2,2001\nB,A,1,2001\nA,C,4,2002\nC,D,0.5,2002\nA,B,3,2002\nD,D,7,2001\n';
  const first = await runSpec(workspace(`dataset flows from "flows.csv" { year: year }
windows yrs = 2001..2002
network src = edges(flows) { from: exporter  to: importer  weight: value  directed: true  windows: yrs }
`, { 'flows.csv': flows }));
  const exported = Object.fromEntries(networkFiles(result(first, 'src')).map((f) => [f.name, f.text]));
  const back = await runSpec(workspace(`windows yrs = 2001..2002
network back = file("src.gexf") { windows: yrs  nodes: active }
network flat = file("src.gexf")
network one = file("src.2001.graphml")
`, exported));
  const ties = (name: string) => result(back, name).network!.windows.map((w) => [w.label, w.ties]);
  assert.deepEqual(ties('back'), result(first, 'src').network!.windows.map((w) => [w.label, w.ties]));
  assert.deepEqual(ties('one')[0][1], result(first, 'src').network!.windows[0].ties);
  assert.equal(result(back, 'flat').network!.windows.length, 1);
  assert.equal(records(result(back, 'flat'), 'summary')[0].total_weight, 2 + 1 + 4 + 0.5 + 3);
  const noTime = await runSpec(workspace('windows yrs = 2001..2002\nnetwork n = file("digraph.net") { windows: yrs }\n'));
  assert.equal(result(noTime, 'n').error!.message, 'Windows need years: digraph.net carries no time (of the network files only a dynamic GEXF does).');
});

// Reading network files (UCINET DL, Pajek, GraphML, GEXF, adjacency matrices). The export samples in
// test/oracles/exports read back as networkx and R igraph read them (roundtrip_*.json); what the exporters
// write reads back as the network written; each format's mistakes are reported at their line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Network } from '../../server/src/engine/networks/network.ts';
import { dynamicGexf, gexf, graphml, pajek } from '../../server/src/engine/exports/index.ts';
import { fileTies, NetworkFileError, parseAdjacencyMatrix, parseNetworkText, type NetworkFile } from '../../server/src/engine/networks/files/index.ts';
import { readJson } from '../oracles/read.ts';

const SAMPLES = resolve(import.meta.dirname, '../oracles/exports');
const networkx = readJson(`${SAMPLES}/roundtrip_networkx.json`).files;
const igraph = readJson(`${SAMPLES}/roundtrip_igraph.json`).files;

const FORMATS = { gexf: 'gexf', graphml: 'graphml', net: 'pajek' } as const;
function readSample(name: string): NetworkFile {
  return parseNetworkText(readFileSync(`${SAMPLES}/${name}`, 'utf8'), FORMATS[name.split('.')[1] as keyof typeof FORMATS]);
}

/** Ties as comparable strings: an undirected pair in a fixed order. */
function tieSet(ties: readonly { source: string; target: string; weight: number }[], directed: boolean): string[] {
  return ties.map((t) => {
    const [a, b] = directed || t.source < t.target ? [t.source, t.target] : [t.target, t.source];
    return `${a} → ${b} : ${t.weight}`;
  }).sort();
}

for (const name of ['directed.gexf', 'undirected.gexf', 'directed.graphml', 'undirected.graphml', 'directed.net', 'undirected.net']) {
  test(`${name} reads as networkx reads it: direction, nodes (by label where it has labels), ties and weights`, () => {
    const file = readSample(name);
    const want = networkx[name];
    assert.equal(file.direction, want.directed ? 'directed' : 'undirected');
    // networkx keys nodes by id; a label, where the format has one, names the node here.
    const nameOf = new Map<string, string>(want.nodes.map((n: { id: string; label?: string }) => [n.id, n.label ?? n.id]));
    assert.deepEqual(file.nodes, want.nodes.map((n: { id: string }) => nameOf.get(n.id)));
    const wanted = want.edges.map((e: { source: string; target: string; weight: number }) => ({ source: nameOf.get(e.source)!, target: nameOf.get(e.target)!, weight: e.weight }));
    assert.deepEqual(tieSet(file.ties, want.directed), tieSet(wanted, want.directed));
  });
}

for (const name of ['directed.graphml', 'undirected.graphml', 'directed.net', 'undirected.net']) {
  test(`${name} reads as R igraph reads it: vertices in order, edges by vertex number with weights`, () => {
    const file = readSample(name);
    const want = igraph[name];
    assert.equal(file.direction, want.directed ? 'directed' : 'undirected');
    // igraph names a GraphML vertex by its label key and a Pajek vertex by its name.
    const names: string[] = want.nodes.map((n: { label?: string; name?: string }) => n.label ?? n.name);
    assert.deepEqual(file.nodes, names);
    const wanted = want.edges.map(([i, j, w]: number[]) => ({ source: names[i - 1], target: names[j - 1], weight: w }));
    assert.deepEqual(tieSet(file.ties, want.directed), tieSet(wanted, want.directed));
  });
}

// ---- Export → import: a network with an isolate, fractional weights and names that need escaping.
const AMP = 'A & <B> "C"';
const network = (directed: boolean): Network => ({
  directed,
  nodes: [AMP, 'BJ', 'SH', 'TJ', 'ZZ'],
  ties: directed
    ? [{ source: AMP, target: 'BJ', weight: 2.5 }, { source: 'BJ', target: AMP, weight: 1 }, { source: 'SH', target: 'TJ', weight: 1e-3 }]
    : [{ source: AMP, target: 'BJ', weight: 2.5 }, { source: 'SH', target: 'TJ', weight: 7 }],
  intra: new Map(),
});

for (const directed of [true, false]) {
  for (const [format, write] of [['gexf', gexf], ['graphml', graphml], ['pajek', pajek]] as const) {
    test(`export → import is the identity: ${format}, ${directed ? 'directed' : 'undirected'}, isolate kept`, () => {
      const net = network(directed);
      // Pajek has no escape for a double quote: its names are written with ' instead (exports/pajek.ts).
      const expected = format === 'pajek' ? net.nodes.map((n) => n.replace(/"/g, "'")) : net.nodes;
      const rename = (n: string) => expected[net.nodes.indexOf(n)];
      const read = parseNetworkText(write({ network: net }), format);
      const settled = fileTies(read, undefined);
      assert.equal(settled.directed, directed);
      assert.deepEqual(read.nodes, expected);
      assert.deepEqual(tieSet(settled.ties, directed), tieSet(net.ties.map((t) => ({ ...t, source: rename(t.source), target: rename(t.target) })), directed));
    });
  }
}

// ---- Dynamic GEXF: ties at the years of their spells, with that time's weight.
const timed = (file: NetworkFile) => file.ties.map((t) => `${t.year} ${t.source} → ${t.target} : ${t.weight}`).sort();

test('dynamic.gexf reads as its edges\' per-time weights read with ElementTree (networkx keeps only the last)', () => {
  const file = readSample('dynamic.gexf');
  const want = networkx['dynamic.gexf'];
  const nameOf = new Map<string, string>(want.nodes.map((n: { id: string; label?: string }) => [n.id, n.label ?? n.id]));
  const wanted = want.edges.flatMap((e: { source: string; target: string }, k: number) => want.edge_weights_elementtree[k].map(([weight, start, end]: number[]) => {
    assert.equal(start, end);
    return `${start} ${nameOf.get(e.source)} → ${nameOf.get(e.target)} : ${weight}`;
  }));
  assert.equal(file.direction, 'directed');
  assert.deepEqual(timed(file), wanted.sort());
});

test('export → import is the identity for a dynamic GEXF of two windows; spells over several years are refused', () => {
  const windows = [2001, 2004].map((time, k) => ({ time, network: { ...network(true), ties: network(true).ties.map((t) => ({ ...t, weight: t.weight + k })) } }));
  const file = parseNetworkText(dynamicGexf(windows), 'gexf');
  assert.deepEqual(file.nodes, network(true).nodes);
  assert.deepEqual(timed(file), windows.flatMap((w) => w.network.ties.map((t) => `${w.time} ${t.source} → ${t.target} : ${t.weight}`)).sort());
  const spell = '<gexf><graph mode="dynamic"><nodes><node id="a"/></nodes><edges><edge source="a" target="a">\n<spells><spell start="2001" end="2003"/></spells></edge></edges></graph></gexf>';
  assert.equal(failure(() => parseNetworkText(spell, 'gexf')), '2: a spell from 2001 to 2003: a dynamic GEXF is read at points in time (start = end), one year each');
});

// ---- UCINET DL
const ties = (file: NetworkFile) => file.ties.map((t) => `${t.source}>${t.target}:${t.weight}`);

test('UCINET DL fullmatrix with labels: cells by row, values may wrap lines, `=` with spaces and commas as separators', () => {
  const file = parseNetworkText('DL N = 3, FORMAT = FULLMATRIX\nLABELS:\nann, "bo b"\ncy\nDATA:\n0 1 0\n1 0\n2 0 2 0\n', 'ucinet');
  assert.deepEqual(file.nodes, ['ann', 'bo b', 'cy']);
  assert.deepEqual(ties(file), ['ann>bo b:1', 'bo b>ann:1', 'bo b>cy:2', 'cy>bo b:2']);
  assert.deepEqual(ties({ ...file, ...fileTies(file, undefined) }), ['ann>bo b:1', 'bo b>cy:2']); // symmetric: each pair once
  assert.equal(fileTies(file, true).ties.length, 4);
});

test('UCINET DL labels embedded and edgelist1 by numbers: isolates are actors', () => {
  const embedded = parseNetworkText('dl n=3 format=fullmatrix labels embedded\ndata:\n  x y z\nx 0 1 0\ny 0 0 0\nz 0 0 0\n', 'ucinet');
  assert.deepEqual(embedded.nodes, ['x', 'y', 'z']);
  assert.deepEqual(fileTies(embedded, undefined), { directed: true, ties: embedded.ties, note: 'Directed: the matrix is not symmetric, so each cell i→j is a tie.' });
  const list = parseNetworkText('dl n=4\nformat=edgelist1\nlabels:\na b c d\ndata:\n1 2 3\n2 1\n', 'ucinet');
  assert.deepEqual(list.nodes, ['a', 'b', 'c', 'd']);
  assert.deepEqual(ties(list), ['a>b:3', 'b>a:1']);
});

/** The error a text gives, as "line: message". */
function failure(parse: () => unknown): string {
  try {
    parse();
  } catch (err) {
    assert.ok(err instanceof NetworkFileError, String(err));
    return `${err.line}: ${err.message}`;
  }
  assert.fail('no error');
}

test('UCINET DL mistakes are reported at their line', () => {
  const dl = (text: string) => failure(() => parseNetworkText(text, 'ucinet'));
  assert.equal(dl('dl n=2\ndata:\n0 1\n1 x\n'), '4: row 2, column 2 must be a number, but is "x"');
  assert.equal(dl('dl n=2\ndata:\n0 1\n1\n'), '4: the matrix ends early: row 2, column 2 is missing (n=2 gives 2×2 values)');
  assert.equal(dl('dl n=2\ndata:\n0 1\n1 0\n0\n'), '5: more values than n=2 gives (2×2)');
  assert.equal(dl('dl n=2 nm=3\ndata:\n'), '1: the file holds 3 matrices (nm=3); a network reads one matrix: save each relation in its own file');
  assert.equal(dl('dl n=2\nformat=nodelist1\ndata:\n'), '2: format=nodelist1 is not read: use fullmatrix or edgelist1');
  assert.equal(dl('dl n=3\nlabels:\na b\ndata:\n'), '3: labels: has 2 labels for n=3 actors');
  assert.equal(dl('dl n=3 format=edgelist1\ndata:\n1 2\n2 4\n'), '4: "4" is not an actor number from 1 to 3 (write `labels embedded` to give labels)');
  assert.equal(dl('dl n=3 format=edgelist1\ndata:\n1 2\n3 1\n1 2 5\n'), '5: the pair 1 2 is listed twice (lines 3 and 5)');
  assert.equal(dl('n=3\n'), '1: not a UCINET DL file: it must begin with `dl`');
});

// ---- Pajek
test('Pajek: unnamed vertices by number, *Arcslist, comments, weights; arcs and edges together are directed', () => {
  const file = parseNetworkText('% made by hand\n*Vertices 3\n1 "a b" 0.1 0.2\n2 c\n*Arcslist\n1 2 3\n*Edges\n2 3 4.5\n', 'pajek');
  assert.deepEqual(file.nodes, ['a b', 'c', '3']);
  assert.equal(file.direction, 'directed');
  assert.deepEqual(ties(file), ['a b>c:1', 'a b>3:1', 'c>3:4.5', '3>c:4.5']);
});

test('Pajek mistakes are reported at their line', () => {
  const net = (text: string) => failure(() => parseNetworkText(text, 'pajek'));
  assert.equal(net('*Vertices 2\n1 "a"\n2 "b"\n*Arcs\n1 3\n'), '5: "3" is not a vertex number from 1 to 2 (of *Vertices)');
  assert.equal(net('*Vertices 2\n*Edges\n1 2 heavy\n'), '3: the weight must be a number, but is "heavy"');
  assert.equal(net('*Vertices 2\n1 "a"\n2 "a"\n'), '3: vertices 1 and 2 are both named "a": a network\'s nodes need distinct names');
  assert.equal(net('*Vertices 2\n*Matrix\n0 1\n1 0\n'), '2: *Matrix is not read (a network file has *Vertices, then *Arcs, *Edges, *Arcslist or *Edgeslist)');
  assert.equal(net('*Arcs\n1 2\n'), '1: *Arcs before *Vertices');
});

// ---- GraphML and GEXF
test('GraphML: a named weight key, labels used only when every node has a distinct one', () => {
  const doc = (labels: string) => `<?xml version="1.0"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="l" for="node" attr.name="label" attr.type="string"/>
  <key id="s" for="edge" attr.name="strength" attr.type="double"><default>2</default></key>
  <graph edgedefault="undirected">
    <node id="n0">${labels}</node><node id="n1"/>
    <edge source="n0" target="n1"><data key="s">0.5</data></edge>
    <edge source="n1" target="n1"/>
  </graph>
</graphml>`;
  const file = parseNetworkText(doc('<data key="l">Alpha</data>'), 'graphml', { weight: 'strength' });
  assert.deepEqual(file.nodes, ['n0', 'n1']);
  assert.match(file.notes[0], /named by their GraphML ids: the file's labels cannot name them \(1 node has none\)/);
  assert.deepEqual(ties(file), ['n0>n1:0.5', 'n1>n1:2']);
  assert.equal(failure(() => parseNetworkText(doc(''), 'graphml', { weight: 'flow' })), '2: the file declares no edge key named "flow" (attr.name)');
});

test('GEXF: weights from an edge attribute by title; a time that is no year and mixed edge types are refused at their line', () => {
  const file = parseNetworkText(`<gexf version="1.3"><graph defaultedgetype="directed">
<attributes class="edge"><attribute id="0" title="flow" type="double"/></attributes>
<nodes><node id="a" label="A"/><node id="b" label="B"/></nodes>
<edges><edge source="a" target="b" weight="9"><attvalues><attvalue for="0" value="3"/></attvalues></edge></edges>
</graph></gexf>`, 'gexf', { weight: 'flow' });
  assert.deepEqual([file.nodes, ties(file)], [['A', 'B'], ['A>B:3']]);
  const gexfFailure = (text: string) => failure(() => parseNetworkText(text, 'gexf'));
  assert.equal(gexfFailure('<gexf><graph mode="dynamic" timeformat="date"><nodes><node id="a"/></nodes><edges>\n<edge source="a" target="a" start="May" end="May"/></edges></graph></gexf>'), '2: the time "May" is not a year');
  assert.equal(gexfFailure('<gexf><graph defaultedgetype="directed"><nodes><node id="a"/></nodes>\n<edges><edge source="a" target="a" type="undirected"/></edges></graph></gexf>'), '2: an edge of type "undirected" in a graph whose defaultedgetype is directed: mixed graphs are not read');
  assert.equal(gexfFailure('<gexf><graph>\n<nodes><node id="a"/></nodes>\n<edges><edge source="a" target="q"/></edges></graph></gexf>'), '3: an edge refers to node "q", which the file does not declare');
  assert.equal(gexfFailure('<gexf><graph>\n<nodes><node id="a">\n</nodes></graph></gexf>'), '3: a closing tag </nodes> that does not close <node> (line 2)');
  assert.equal(gexfFailure('<gexf><graph><nodes>\n<node id="a&b"/></nodes></graph></gexf>'), '2: a bare `&` (write `&amp;`)');
});

// ---- Adjacency matrices
test('an adjacency matrix: rows in any order, empty cells 0; symmetric is undirected, asymmetric cannot be made so', () => {
  const file = parseAdjacencyMatrix([['', 'a', 'b', 'c'], ['b', '1', '', '0'], ['a', '0', '1', '0'], ['c', '0', '0', '0']]);
  assert.deepEqual(file.nodes, ['a', 'b', 'c']);
  assert.deepEqual(fileTies(file, undefined).ties.map((t) => `${t.source}-${t.target}`), ['a-b']);
  assert.equal(fileTies(file, undefined).directed, false);
  const asymmetric = parseAdjacencyMatrix([['', 'a', 'b'], ['a', '0', '2'], ['b', '1', '0']]);
  assert.equal(failure(() => fileTies(asymmetric, false)), '2: `directed: false`, but the matrix is not symmetric: a→b is 2, b→a is 1');
  assert.equal(failure(() => parseAdjacencyMatrix([['', 'a', 'b'], ['a', '0', '1']])), '2: the first row labels 2 columns, but 1 row follows: an adjacency matrix is square');
  assert.equal(failure(() => parseAdjacencyMatrix([['', 'a', 'b'], ['a', '0', '1'], ['z', '1', '0']])), '3: row "z" is not one of the column labels');
});

// Network exports (CSV, GEXF, GraphML, Pajek). The exporters must reproduce the committed sample files in
// test/oracles/exports byte for byte, and what networkx and R igraph read from those files
// (test/oracles/scripts/exports_roundtrip.{py,R} → roundtrip_*.json) must be the fixture network again,
// with hostile strings intact. Regenerate the samples with UPDATE_EXPORT_SAMPLES=1 and rerun both scripts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Network } from '../../server/src/engine/networks/network.ts';
import { dynamicGexf, edgeCsv, gexf, graphml, nodeCsv, pajek, type NodeRow, type Snapshot, type TimedSnapshot } from '../../server/src/engine/exports/index.ts';
import { escapeXml } from '../../server/src/engine/exports/xml.ts';

const SAMPLES = resolve(import.meta.dirname, '../oracles/exports');

// ---- The fixture: a region name built to break markup, labels with line breaks, every value type.
const ZURICH = '<img src=x onerror=alert(1)> & "Zürich"';
const [BJ, SH, TJ] = ['BJ', 'SH', 'TJ'];
const nodes1: NodeRow[] = [
  { id: BJ, label: 'Beijing', attributes: { degree: 5, betweenness: 0.5, province: '北京', note: null } },
  { id: SH, label: 'Shanghai\nPudong', attributes: { degree: 2, betweenness: 1 / 3, province: 'Shanghai, "SH"', note: 'line1\r\nline2' } },
  { id: ZURICH, attributes: { degree: 3, betweenness: 0, province: "Zürich & <Schweiz> 'CH'", note: 'tab\there' } },
  { id: TJ, label: 'Tianjin', attributes: { degree: 0, betweenness: null, province: 'Tianjin', note: 'bell\u0007' } },
];
const directed: Network = {
  directed: true,
  nodes: [ZURICH, BJ, SH], // sorted: '<' comes before 'B'
  ties: [{ source: ZURICH, target: SH, weight: 1.5 }, { source: BJ, target: ZURICH, weight: 2 }, { source: BJ, target: SH, weight: 3 }, { source: SH, target: BJ, weight: 1 }],
  intra: new Map([[BJ, 4]]),
};
const undirected: Network = {
  directed: false,
  nodes: [ZURICH, BJ, SH],
  ties: [{ source: ZURICH, target: BJ, weight: 2 }, { source: BJ, target: SH, weight: 4 }],
  intra: new Map(),
};
const window2: Network = {
  directed: true,
  nodes: [BJ, SH, TJ],
  ties: [{ source: BJ, target: SH, weight: 5 }, { source: SH, target: TJ, weight: 1 }],
  intra: new Map(),
};
const nodes2: NodeRow[] = [
  { id: BJ, label: 'Beijing', attributes: { degree: 5, betweenness: 1, province: '北京', note: null } },
  { id: SH, label: 'Shanghai\nPudong', attributes: { degree: 6, betweenness: 2, province: 'Shanghai, "SH"', note: null } },
  { id: TJ, label: 'Tianjin', attributes: { degree: 1, betweenness: 0, province: 'Tianjin', note: null } },
];
const staticDirected: Snapshot = { network: directed, nodes: nodes1 };
const staticUndirected: Snapshot = { network: undirected };
const windows: TimedSnapshot[] = [
  { network: directed, nodes: nodes1, window: '2001-2005', time: 2005 },
  { network: window2, nodes: nodes2, window: '2002-2006', time: 2006 },
];

const SAMPLE_FILES: Record<string, () => string> = {
  'directed.gexf': () => gexf(staticDirected),
  'directed.graphml': () => graphml(staticDirected),
  'directed.net': () => pajek(staticDirected),
  'directed_edges.csv': () => edgeCsv(staticDirected),
  'directed_nodes.csv': () => nodeCsv(staticDirected),
  'undirected.gexf': () => gexf(staticUndirected),
  'undirected.graphml': () => graphml(staticUndirected),
  'undirected.net': () => pajek(staticUndirected),
  'dynamic.gexf': () => dynamicGexf(windows),
  'windows_edges.csv': () => edgeCsv(windows),
  'windows_nodes.csv': () => nodeCsv(windows),
};

if (process.env.UPDATE_EXPORT_SAMPLES) for (const [name, make] of Object.entries(SAMPLE_FILES)) writeFileSync(`${SAMPLES}/${name}`, make());

test('the exporters reproduce the committed sample files exactly', () => {
  for (const [name, make] of Object.entries(SAMPLE_FILES)) assert.equal(make(), readFileSync(`${SAMPLES}/${name}`, 'utf8'), name);
});

// ---- A small XML reader (no dependency): checks well-formedness and gives back unescaped values.
interface XmlNode { name: string; attributes: Record<string, string>; children: XmlNode[]; text: string }

function decodeXml(raw: string, where: string): string {
  assert.ok(!/[<]/.test(raw), `raw "<" in ${where}`);
  return raw.replace(/&([^;]*);?/g, (whole, ref: string) => {
    const named: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
    if (!whole.endsWith(';')) assert.fail(`bare "&" in ${where}`);
    if (ref in named) return named[ref];
    const code = /^#x[0-9a-fA-F]+$/.test(ref) ? parseInt(ref.slice(2), 16) : /^#[0-9]+$/.test(ref) ? Number(ref.slice(1)) : NaN;
    assert.ok(code === 9 || code === 10 || code === 13 || (code >= 0x20 && code <= 0x10ffff), `bad reference &${ref}; in ${where}`);
    return String.fromCodePoint(code);
  });
}

function parseXml(text: string): XmlNode {
  assert.ok(text.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n'), 'XML declaration');
  assert.ok(!/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/.test(text), 'characters XML 1.0 forbids');
  const root: XmlNode = { name: '', attributes: {}, children: [], text: '' };
  const stack = [root];
  const token = /<\/([\w:.-]+)\s*>|<([\w:.-]+)((?:\s+[\w:.-]+="[^"]*")*)\s*(\/?)>|([^<]+)/gy;
  token.lastIndex = text.indexOf('?>') + 2;
  let m: RegExpExecArray | null;
  while (token.lastIndex < text.length && (m = token.exec(text))) {
    const [, close, open, attrs, selfClosing, content] = m;
    const top = stack[stack.length - 1];
    if (close) {
      assert.equal(close, top.name, 'closing tag matches');
      stack.pop();
    } else if (open) {
      const node: XmlNode = { name: open, attributes: {}, children: [], text: '' };
      for (const [, k, v] of attrs.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
        assert.ok(!(k in node.attributes), `duplicate attribute ${k}`);
        node.attributes[k] = decodeXml(v, `${open}@${k}`);
      }
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    } else top.text += decodeXml(content, `text of ${top.name}`);
  }
  assert.equal(token.lastIndex, text.length, `unparsed XML at offset ${token.lastIndex}`);
  assert.equal(stack.length, 1, 'every element closed');
  assert.equal(root.children.length, 1, 'one root element');
  return root.children[0];
}

const all = (node: XmlNode, name: string): XmlNode[] => [...(node.name === name ? [node] : []), ...node.children.flatMap((c) => all(c, name))];

test('escapeXml: markup, quotes, line breaks and characters XML cannot carry', () => {
  assert.equal(escapeXml(ZURICH), '&lt;img src=x onerror=alert(1)&gt; &amp; &quot;Zürich&quot;');
  assert.equal(escapeXml("a'b\tc\nd\re"), 'a&apos;b&#9;c&#10;d&#13;e');
  assert.equal(escapeXml('bell\u0007 \uD800 ok \uD83D\uDE00'), 'bell\uFFFD \uFFFD ok \uD83D\uDE00');
});

test('GEXF and GraphML parse as XML and give back every id, label and string unchanged', () => {
  const xmlSafe = (s: string) => s.replace('\u0007', '\uFFFD');
  for (const make of [() => gexf(staticDirected), () => graphml(staticDirected)]) {
    const doc = parseXml(make());
    const ids = all(doc, 'node').map((n) => n.attributes.id);
    assert.deepEqual(ids, [ZURICH, BJ, SH, TJ]);
    const edges = all(doc, 'edge').map((e) => `${e.attributes.source}>${e.attributes.target}`);
    assert.deepEqual(edges, directed.ties.map((t) => `${t.source}>${t.target}`));
    const strings = new Set([...all(doc, 'node').flatMap((n) => Object.values(n.attributes)), ...all(doc, 'attvalue').map((a) => a.attributes.value), ...all(doc, 'data').map((d) => d.text)]);
    for (const row of nodes1) {
      assert.ok(strings.has(row.label ?? row.id), `label of ${row.id}`);
      for (const v of Object.values(row.attributes ?? {})) if (typeof v === 'string') assert.ok(strings.has(xmlSafe(v)), `value ${JSON.stringify(v)}`);
    }
  }
  parseXml(dynamicGexf(windows));
  parseXml(gexf(staticUndirected));
  parseXml(graphml(staticUndirected));
});

test('GEXF declares node attributes with their types and the default edge type', () => {
  const doc = parseXml(gexf(staticDirected));
  assert.equal(all(doc, 'graph')[0].attributes.defaultedgetype, 'directed');
  assert.deepEqual(all(doc, 'attribute').map((a) => [a.attributes.title, a.attributes.type]), [['degree', 'integer'], ['betweenness', 'double'], ['province', 'string'], ['note', 'string']]);
  assert.equal(all(parseXml(gexf(staticUndirected)), 'graph')[0].attributes.defaultedgetype, 'undirected');
});

test('dynamic GEXF: a point spell per window, weights and attribute values at their window', () => {
  const doc = parseXml(dynamicGexf(windows));
  const graph = all(doc, 'graph')[0];
  assert.deepEqual([graph.attributes.mode, graph.attributes.timeformat, graph.attributes.timerepresentation], ['dynamic', 'double', 'interval']);
  const bjsh = all(doc, 'edge').find((e) => e.attributes.source === BJ && e.attributes.target === SH)!;
  assert.deepEqual(all(bjsh, 'spell').map((s) => [s.attributes.start, s.attributes.end]), [['2005', '2005'], ['2006', '2006']]);
  assert.deepEqual(all(bjsh, 'attvalue').map((a) => [a.attributes.for, a.attributes.value, a.attributes.start]), [['weight', '3', '2005'], ['weight', '5', '2006']]);
  const tj = all(doc, 'node').find((n) => n.attributes.id === TJ)!;
  assert.deepEqual(all(tj, 'spell').map((s) => s.attributes.start), ['2005', '2006']);
  assert.throws(() => dynamicGexf([windows[0], { ...windows[1], time: 2005 }]), /distinct/);
  assert.throws(() => dynamicGexf([windows[0], { ...windows[1], network: undirected }]), /directed/);
});

test('CSV is RFC 4180: quoted fields with commas, quotes and line breaks; CRLF rows; empty missing values', () => {
  const nodes = nodeCsv(staticDirected);
  assert.ok(nodes.startsWith('id,label,degree,betweenness,province,note\r\n'));
  assert.ok(nodes.includes(`"${ZURICH.replace(/"/g, '""')}",`));
  assert.ok(nodes.includes('SH,"Shanghai\nPudong",2,0.3333333333333333,"Shanghai, ""SH""","line1\r\nline2"\r\n'));
  assert.ok(nodes.includes('TJ,Tianjin,0,,Tianjin,bell\u0007\r\n'));
  assert.equal(edgeCsv(staticUndirected), `source,target,weight\r\n"${ZURICH.replace(/"/g, '""')}",BJ,2\r\nBJ,SH,4\r\n`);
  assert.ok(edgeCsv(windows).endsWith('BJ,SH,5,2002-2006\r\nSH,TJ,1,2002-2006\r\n'));
});

test('Pajek: quoted vertex names without quotes or line breaks, *Arcs or *Edges, 1-based numbers', () => {
  assert.equal(pajek(staticUndirected), `*Vertices 3\r\n1 "<img src=x onerror=alert(1)> & 'Zürich'"\r\n2 "BJ"\r\n3 "SH"\r\n*Edges\r\n1 2 2\r\n2 3 4\r\n`);
  assert.ok(pajek(staticDirected).includes('*Vertices 4\r\n'));
  assert.ok(pajek(staticDirected).includes('*Arcs\r\n1 3 1.5\r\n2 1 2\r\n2 3 3\r\n3 2 1\r\n'));
});

test('attribute names that clash with a node\'s own fields and duplicate node rows are refused', () => {
  assert.throws(() => gexf({ network: directed, nodes: [{ id: BJ, attributes: { label: 'x' } }] }), /label/);
  assert.throws(() => nodeCsv({ network: directed, nodes: [{ id: BJ }, { id: BJ }] }), /twice/);
});

// ---- What the reference readers got back (roundtrip_*.json), against the fixture itself.
const readBack = (tool: string) => JSON.parse(readFileSync(`${SAMPLES}/roundtrip_${tool}.json`, 'utf8')).files;
const xmlSafe = (s: string) => s.replace(/\u0007/g, '\uFFFD'); // XML cannot carry U+0007: it becomes U+FFFD
const pajekSafe = (s: string) => s.replace(/"/g, "'");
const TYPE_IN_PYTHON: Record<string, string> = { number: 'float', string: 'str' };

/** The fixture's nodes in export order: the network's nodes, then table rows outside it. */
function fixtureNodes(s: Snapshot): { id: string; label: string; attributes: Record<string, string | number | null> }[] {
  const ids = [...s.network.nodes, ...(s.nodes ?? []).map((r) => r.id).filter((id) => !s.network.nodes.includes(id))];
  return ids.map((id) => {
    const row = s.nodes?.find((r) => r.id === id);
    return { id, label: row?.label ?? id, attributes: { ...row?.attributes } };
  });
}
const sortedTies = (net: Network) => net.ties.map((t) => [t.source, t.target, t.weight]);
const unordered = (edges: [string, string, number][]) => edges.map(([a, b, w]) => (a < b ? [a, b, w] : [b, a, w])).sort((x, y) => String(x).localeCompare(String(y)));

test('networkx reads the GEXF and GraphML samples back as the fixture: ids, labels, typed attributes, weights', () => {
  const files = readBack('networkx');
  for (const [name, snapshot] of [['directed', staticDirected], ['undirected', staticUndirected]] as const) {
    for (const format of ['gexf', 'graphml']) {
      const got = files[`${name}.${format}`];
      assert.equal(got.directed, snapshot.network.directed, `${name}.${format}`);
      const want = fixtureNodes(snapshot).map((n) => ({
        id: n.id,
        label: n.label,
        attributes: Object.fromEntries(Object.entries(n.attributes).filter(([, v]) => v !== null).map(([k, v]) => [k, {
          value: typeof v === 'string' ? xmlSafe(v) : v,
          // degree is declared integer, so networkx reads int; the other numbers are doubles
          type: k === 'degree' ? 'int' : TYPE_IN_PYTHON[typeof v],
        }])),
      }));
      assert.deepEqual(got.nodes, want, `${name}.${format} nodes`);
      const edges = got.edges.map((e: { source: string; target: string; weight: number }) => [e.source, e.target, e.weight]);
      if (snapshot.network.directed) assert.deepEqual(edges, sortedTies(snapshot.network), `${name}.${format} edges`);
      else assert.deepEqual(unordered(edges), unordered(sortedTies(snapshot.network) as [string, string, number][]), `${name}.${format} edges`);
    }
  }
});

test('networkx reads the dynamic GEXF back: each window at its time, with its weights and attribute values', () => {
  const got = readBack('networkx')['dynamic.gexf'];
  const times = new Map<string, number[]>();
  const values = new Map<string, Record<string, [string | number, number, number][]>>();
  for (const w of windows) {
    for (const n of fixtureNodes(w)) {
      times.set(n.id, [...(times.get(n.id) ?? []), w.time]);
      const record = values.get(n.id) ?? {};
      for (const [k, v] of Object.entries(n.attributes)) if (v !== null) (record[k] ??= []).push([typeof v === 'string' ? xmlSafe(v) : v, w.time, w.time]);
      values.set(n.id, record);
    }
  }
  assert.deepEqual(got.nodes.map((n: { id: string }) => n.id), [...times.keys()]);
  for (const n of got.nodes) {
    assert.deepEqual(n.spells, times.get(n.id)!.map((t) => [t, t]), `spells of ${n.id}`);
    assert.deepEqual(n.attributes, values.get(n.id), `values of ${n.id}`);
  }
  // Per-window weights (ElementTree: networkx keeps only a dynamic weight's last value).
  const weights = new Map<string, [number, number, number][]>();
  for (const w of windows) for (const t of w.network.ties) weights.set(`${t.source}>${t.target}`, [...(weights.get(`${t.source}>${t.target}`) ?? []), [t.weight, w.time, w.time]]);
  got.edges.forEach((e: { source: string; target: string; spells: number[][] }, i: number) => {
    const want = weights.get(`${e.source}>${e.target}`)!;
    assert.deepEqual(got.edge_weights_elementtree[String(i)], want, `weights of ${e.source}>${e.target}`);
    assert.deepEqual(e.spells, want.map(([, t]) => [t, t]));
  });
  assert.equal(got.edges.length, weights.size);
});

test('networkx reads the Pajek samples back: names (quotes become apostrophes), arcs or edges, weights', () => {
  const files = readBack('networkx');
  for (const [name, snapshot] of [['directed', staticDirected], ['undirected', staticUndirected]] as const) {
    const got = files[`${name}.net`];
    assert.equal(got.directed, snapshot.network.directed);
    assert.deepEqual(got.nodes.map((n: { id: string }) => n.id), fixtureNodes(snapshot).map((n) => pajekSafe(n.id)));
    const edges = got.edges.map((e: { source: string; target: string; weight: number }) => [e.source, e.target, e.weight]);
    assert.deepEqual(unordered(edges), unordered(snapshot.network.ties.map((t) => [pajekSafe(t.source), pajekSafe(t.target), t.weight])));
  }
});

test('Python\'s csv module reads the CSV samples back as the fixture\'s exact strings', () => {
  const files = readBack('networkx');
  const text = (v: string | number | null | undefined) => (v === null || v === undefined ? '' : String(v));
  const columns = ['degree', 'betweenness', 'province', 'note'];
  const nodeRows = (s: Snapshot) => fixtureNodes(s).map((n) => [n.id, n.label, ...columns.map((c) => text(n.attributes[c])), ...(s.window ? [s.window] : [])]);
  assert.deepEqual(files['directed_nodes.csv'], [['id', 'label', ...columns], ...nodeRows(staticDirected)]);
  assert.deepEqual(files['windows_nodes.csv'], [['id', 'label', ...columns, 'window'], ...windows.flatMap(nodeRows)]);
  assert.deepEqual(files['directed_edges.csv'], [['source', 'target', 'weight'], ...directed.ties.map((t) => [t.source, t.target, text(t.weight)])]);
  assert.deepEqual(files['windows_edges.csv'], [['source', 'target', 'weight', 'window'], ...windows.flatMap((w) => w.network.ties.map((t) => [t.source, t.target, text(t.weight), w.window!]))]);
});

test('R igraph reads the GraphML and Pajek samples back as the fixture', () => {
  const files = readBack('igraph');
  // igraph (1.3.5, C core 0.9; python-igraph 0.10 alike) hands back "&" inside an XML attribute (here the
  // node id) as the reference "&#38;"; element text (the label key) is decoded. A reader quirk, not ours.
  const igraphId = (id: string) => id.replace(/&/g, '&#38;');
  for (const [name, snapshot] of [['directed', staticDirected], ['undirected', staticUndirected]] as const) {
    const nodes = fixtureNodes(snapshot);
    const graph = files[`${name}.graphml`];
    assert.equal(graph.directed, snapshot.network.directed);
    assert.deepEqual(graph.nodes, nodes.map((n) => ({
      label: n.label,
      // igraph reads a missing number as NA (null) and a missing string as ""
      ...Object.fromEntries(Object.entries(n.attributes).map(([k, v]) => [k, typeof v === 'string' ? xmlSafe(v) : v ?? (k === 'note' ? '' : null)])),
      id: igraphId(n.id),
    })));
    const index = (id: string) => nodes.findIndex((n) => n.id === id) + 1;
    const edges = snapshot.network.ties.map((t) => [index(t.source), index(t.target), t.weight]);
    assert.deepEqual(graph.edges, edges, `${name}.graphml edges`);
    const net = files[`${name}.net`];
    assert.deepEqual(net.nodes, nodes.map((n) => ({ id: pajekSafe(n.id), name: pajekSafe(n.id) })));
    assert.deepEqual(net.edges, edges, `${name}.net edges`);
  }
  assert.deepEqual(files['directed.graphml'].vertex_attribute_types, { label: 'character', degree: 'numeric', betweenness: 'numeric', province: 'character', note: 'character', id: 'character' });
});

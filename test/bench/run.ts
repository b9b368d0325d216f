// `npm run bench`: editor latency on a generated 2,000-line spec, through the real server over stdio,
// then the engine's figures, cancellation latency, then the network panel's; `-- --full` the network engine
// at REGPAT's full size instead.
// Prints figures only; targets (issue 2): diagnostics p95 < 50 ms after a one-character edit,
// completion p95 < 10 ms.
import { performance } from 'node:perf_hooks';
import { LspClient, fixture } from '../lsp/harness.ts';
import { benchNetworks } from './networks.ts';
import { benchApplicantNetwork } from './applicantNetwork.ts';
import { benchCommunities } from './communities.ts';
import { benchHdfe } from './hdfe.ts';
import { benchPanels } from './panels.ts';
import { benchCancel } from './cancel.ts';
import { benchLanguage } from './language.ts';

/** One group of declarations over the rare-earth example data; repeated with numbered names. */
function group(i: number): string {
  return `// group ${i}
dataset applicants_${i} from "data/rare_earth/applicants.csv" {
  patent:    patent_id
  order:     seq
  region:    province, city
  where:     kind != "individual"
}
dataset provinces_${i} from "data/rare_earth/provinces_2020.csv" { key: province }
windows periods_${i} = 2001..2020 by 5
network net_${i} = coapplication(applicants_${i}) {
  ties:    first_led
  level:   province
  windows: periods_${i}
}
measures nodes_${i} = nodes(net_${i}, window: 2016..2020) {
  degree, closeness, betweenness
  tiers: jenks(4) of degree
}
panel panel_${i} = node_panel(net_${i}, years: 2001..2020) {
  attributes: provinces_${i}
  Deg = degree(net_${i})
}
model m_${i} = ols(log1p(Deg) ~ l(Deg, 1) + gdp_pc + firms | i + t, data: panel_${i}, cluster: i)
`;
}

function generatedSpec(lines: number): string {
  const parts: string[] = ['study "Benchmark"\n'];
  let count = 1;
  for (let i = 0; count < lines; i++) {
    const g = group(i);
    parts.push(g);
    count += g.split('\n').length - 1;
  }
  return parts.join('');
}

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}
const fmt = (xs: number[]) => `p50 ${percentile(xs, 50).toFixed(1)} ms, p95 ${percentile(xs, 95).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;

// `npm run bench -- --full`: the network engine alone, at REGPAT's full size (minutes, and GBs of data).
if (process.argv.includes('--full')) {
  await benchNetworks(true);
  process.exit(0);
}

const spec = generatedSpec(2000);
const lsp = await LspClient.start({ debounceMs: 0 });
const open = performance.now();
const { uri, diagnostics } = await lsp.open('bench.study', spec);
console.log(`spec: ${spec.split('\n').length} lines, ${spec.length.toLocaleString('en-US')} characters; first check with headers read: ${(performance.now() - open).toFixed(0)} ms, ${diagnostics.length} diagnostics`);

// Diagnostics after a one-character edit: insert and delete a character in a formula, alternately.
const diag: number[] = [];
const at = spec.indexOf('+ firms');
for (let k = 0; k < 60; k++) {
  const text = k % 2 ? spec : `${spec.slice(0, at)}x${spec.slice(at)}`;
  const t0 = performance.now();
  const version = await lsp.change(uri, text);
  await lsp.checkedDiagnostics(uri, version);
  if (k >= 10) diag.push(performance.now() - t0); // the first runs warm the JIT
}
console.log(`diagnostics after a one-character edit: ${fmt(diag)}  (target p95 < 50 ms)`);

// Completion in a formula near the end of the file (scope: panel variables, attributes, functions).
const completion: number[] = [];
const last = spec.lastIndexOf('+ firms');
const marked = fixture(`${spec.slice(0, last)}+ $0${spec.slice(last + 2)}`);
await lsp.change(uri, marked.text);
for (let k = 0; k < 110; k++) {
  const t0 = performance.now();
  await lsp.request('textDocument/completion', { textDocument: { uri }, position: marked.position });
  if (k >= 10) completion.push(performance.now() - t0);
}
console.log(`completion in a formula: ${fmt(completion)}  (target p95 < 10 ms)`);

await lsp.stop();

// Engine figures: HDFE estimators on the gravity panel (issue 3) and the hard panel (issue 16). Before the
// in-process language figures, whose large specs stay on the heap and tax every garbage collection after them.
await benchHdfe();

// Large and deep specs (issue 11): check, completion during a re-check, formatting, semantic tokens.
await benchLanguage();

// The network engine at REGPAT scale (1M patents, 10M citations): one line per step.
await benchNetworks();

// Node measures at scale: a 1M-patent network of ~185,000 applicants per window (exact betweenness on every
// window with `npm run bench -- --full`).
await benchApplicantNetwork();

// Communities on 10⁶ ties: one Louvain and one Leiden run.
benchCommunities();

// Cancellation: abort → answer at seeded random points of the examples' runs in the run worker (issue 11).
await benchCancel();

// The network panel at 5,000 nodes / 50,000 ties whole, and at 10⁵ and 10⁶ ties filtered, in headless Chromium (skipped without Chromium).
await benchPanels();

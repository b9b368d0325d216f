// Fuzzes the running language server over stdio, as an editor would drive it: incremental edits at random
// places (typing, deleting, pasting a piece of another spec), whole documents replaced by mutated or random
// specs and by pathological ones (deep nesting, long lists, unclosed calls), and after each edit a request of
// a random kind at a random position, sometimes several without waiting. Counts what must never happen —
// the server exiting, a request not answered, an internal exception in its log — and measures latency and
// the server's memory. Used by `npm run fuzz` (test/fuzz/main.ts) and, shortly, by `npm test`.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Rng } from '../../server/src/engine/prng.ts';
import { EXAMPLES, LspClient } from '../lsp/harness.ts';

export interface FuzzOptions {
  edits: number;
  seed: number;
  /** Called every `every` edits with the count so far. */
  progress?: (done: number, report: FuzzReport) => void;
  every?: number;
}

export interface FuzzReport {
  edits: number;
  requests: number;
  /** Requests with no answer within HANG_MS: the server blocked or lost them. */
  unanswered: string[];
  /** The document each unanswered or slow request was made on, to reproduce it (the first few). */
  cases: { what: string; text: string }[];
  /** Answers slower than SLOW_MS, by method. */
  slow: string[];
  /** Server log lines of internal exceptions (a feature threw), and anything it wrote to stderr. */
  internalErrors: string[];
  serverExited: boolean;
  latencyMs: { p50: number; p95: number; p99: number; max: number };
  /** Resident memory of the server process: after warm-up, the highest seen, and after the run settles. */
  rssMiB: { baseline: number; peak: number; final: number };
}

export const SLOW_MS = 5000;
/** A request unanswered this long counts as a hang; the fuzzer moves on (it does not wait forever). */
const HANG_MS = 60_000;

const SEEDS = readdirSync(EXAMPLES).filter((f) => f.endsWith('.study')).map((f) => readFileSync(join(EXAMPLES, f), 'utf8'));
const FRAGMENTS = ['network', 'model', 'dataset', 'panel', 'measures', 'table', '=', '(', ')', '{', '}', ':', ',', '~', '|', '..',
  '"', '"x.csv"', '12', 'by', 'rolling', 'where', '.', '^', '\n', ' ', '-', 'not', '[', ']', '×', '//', '/*', '*/', 'ols(',
  'data:', 'l(x, 2..)', 'rein', 'applicants', 'é', '\t', '#', '\r\n', '😀', '\u0000', 'in (', 'count(', '1e309', '-0', '"\\'];

/** Pathological documents: each stresses one place where work could grow with depth or length. */
const PATHOLOGICAL: ((r: Rng) => string)[] = [
  (r) => `model m = ols(${'('.repeat(r.int(50, 20_000))}x${')'.repeat(r.int(0, 50))} ~ y, data: d)\nmodel after = ols(y ~ x, data: d)\n`,
  (r) => `windows w = ${'['.repeat(r.int(50, 5000))}\nnetwork n = coapplication(a)\n`,
  (r) => `model m = ols(y ~ ${'l('.repeat(r.int(100, 3300))}x, data: d)\n`,
  (r) => `measures m = nodes(n) { ${Array.from({ length: r.int(100, 16_000) }, (_, i) => `x${i}`).join(', ')} }\n`,
  (r) => Array.from({ length: r.int(100, 4000) }, (_, i) => `model m${i} = ols(y ~ x${i}, data: d${i % 7})`).join('\n'),
  (r) => `study "${'x'.repeat(r.int(1000, 200_000))}"\n`,
  (r) => `${'{'.repeat(r.int(50, 10_000))}\n`,
  // One long line: patterns anchored at the cursor (the call's name, the word being typed) must not rescan it.
  (r) => `model m = ${'x'.repeat(r.int(10_000, 150_000))}(y ~ ${'z'.repeat(r.int(10_000, 150_000))}.w, data: d)\n`,
];

interface Position { line: number; character: number }

/** The client's copy of the document: edits are applied here and sent as incremental changes. */
class Document {
  version = 0;
  constructor(public text: string) {}

  position(offset: number): Position {
    const before = this.text.slice(0, offset);
    const line = before.split('\n').length - 1;
    return { line, character: offset - (before.lastIndexOf('\n') + 1) };
  }

  replace(start: number, end: number, insert: string) {
    const change = { range: { start: this.position(start), end: this.position(end) }, text: insert };
    this.text = this.text.slice(0, start) + insert + this.text.slice(end);
    return change;
  }
}

export async function fuzzServer(options: FuzzOptions): Promise<FuzzReport> {
  const r = new Rng(options.seed);
  const lsp = await LspClient.start({ debounceMs: 0, readRowCounts: false });
  const uri = (await lsp.open('fuzz.study', SEEDS[0])).uri;
  const doc = new Document(SEEDS[0]);
  doc.version = 1;
  const latencies: number[] = [];
  const report: FuzzReport = {
    edits: 0, requests: 0, unanswered: [], cases: [], slow: [], internalErrors: [], serverExited: false,
    latencyMs: { p50: 0, p95: 0, p99: 0, max: 0 }, rssMiB: { baseline: 0, peak: 0, final: 0 },
  };
  const pid = lsp.process.pid!;
  const warmUp = Math.min(1000, Math.floor(options.edits / 5));

  async function request(method: string, params: unknown): Promise<void> {
    report.requests++;
    const text = doc.text;
    const started = performance.now();
    let timer: NodeJS.Timeout | undefined;
    const hang = new Promise<'hang'>((resolve) => { timer = setTimeout(() => resolve('hang'), HANG_MS); });
    const outcome = await Promise.race([lsp.request(method, params).then(() => 'ok' as const, (e: Error) => e), hang]);
    clearTimeout(timer);
    const ms = performance.now() - started;
    latencies.push(ms);
    const where = `${method} at version ${doc.version} (${doc.text.length} characters)`;
    if (outcome === 'hang') report.unanswered.push(where);
    else if (ms > SLOW_MS) report.slow.push(`${where}: ${ms.toFixed(0)} ms`);
    if ((outcome === 'hang' || ms > SLOW_MS) && report.cases.length < 5) report.cases.push({ what: where, text });
    // Rename may refuse a name with an error the editor shows; any other error answer is a defect.
    if (outcome instanceof Error && method !== 'textDocument/rename') report.internalErrors.push(`${where}: ${outcome.message}`);
  }

  const positionParams = () => ({ textDocument: { uri }, position: doc.position(r.int(0, doc.text.length)) });
  const REQUESTS: Record<string, () => unknown> = {
    'textDocument/completion': positionParams,
    'textDocument/hover': positionParams,
    'textDocument/definition': positionParams,
    'textDocument/references': () => ({ ...positionParams(), context: { includeDeclaration: r.chance(0.5) } }),
    'textDocument/documentHighlight': positionParams,
    'textDocument/prepareRename': positionParams,
    'textDocument/rename': () => ({ ...positionParams(), newName: r.pick(['renamed', 'x1', 'not valid', '']) }),
    'textDocument/signatureHelp': positionParams,
    'textDocument/documentSymbol': () => ({ textDocument: { uri } }),
    'textDocument/foldingRange': () => ({ textDocument: { uri } }),
    'textDocument/semanticTokens/full': () => ({ textDocument: { uri } }),
    'textDocument/formatting': () => ({ textDocument: { uri }, options: { tabSize: r.int(1, 8), insertSpaces: r.chance(0.8) } }),
    'textDocument/codeLens': () => ({ textDocument: { uri } }),
    'textDocument/codeAction': () => {
      const at = doc.position(r.int(0, doc.text.length));
      return { textDocument: { uri }, range: { start: at, end: at }, context: { diagnostics: [] } };
    },
  };
  const methods = Object.keys(REQUESTS);

  async function edit(): Promise<void> {
    doc.version++;
    const kind = r.next();
    let changes: unknown[];
    if (kind < 0.8) changes = [randomEdit(r, doc)];
    else if (kind < 0.93) changes = [{ text: (doc.text = mutate(r, r.pick(SEEDS))) }];
    else if (kind < 0.97) changes = [{ text: (doc.text = randomSpec(r)) }];
    else changes = [{ text: (doc.text = r.pick(PATHOLOGICAL)(r)) }];
    await lsp.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: doc.version }, contentChanges: changes });
    report.edits++;
  }

  for (let i = 0; i < options.edits && !report.serverExited; i++) {
    await edit();
    // Mostly one request per edit; sometimes a burst sent together, as an editor does on a cursor move.
    const burst = r.chance(0.1) ? r.int(2, 6) : 1;
    await Promise.all(Array.from({ length: burst }, () => {
      const method = r.pick(methods);
      return request(method, REQUESTS[method]());
    }));
    report.serverExited = lsp.process.exitCode !== null || lsp.process.signalCode !== null;
    if (i === warmUp) report.rssMiB.baseline = rssMiB(pid);
    if (i % 250 === 0) report.rssMiB.peak = Math.max(report.rssMiB.peak, rssMiB(pid));
    if (options.progress && (i + 1) % (options.every ?? 1000) === 0) options.progress(i + 1, report);
  }

  if (!report.serverExited) {
    // Back to an ordinary spec: what the run left behind should be collectable now.
    await lsp.open('fuzz.study', SEEDS[0]);
    report.rssMiB.final = rssMiB(pid);
  }
  report.internalErrors.push(...lsp.logs.filter((l) => l.startsWith('innograph:')), ...(lsp.stderr ? [lsp.stderr] : []));
  const sorted = latencies.sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? 0;
  report.latencyMs = { p50: at(0.5), p95: at(0.95), p99: at(0.99), max: sorted.at(-1) ?? 0 };
  await lsp.stop();
  return report;
}

/** An editor-like change at a random place: type a fragment, delete a stretch, or paste part of a seed. */
function randomEdit(r: Rng, doc: Document) {
  const at = r.int(0, doc.text.length);
  const choice = r.next();
  if (choice < 0.45) return doc.replace(at, at, r.pick(FRAGMENTS));
  if (choice < 0.8) return doc.replace(at, Math.min(doc.text.length, at + r.int(1, 40)), '');
  const seed = r.pick(SEEDS);
  const from = r.int(0, seed.length);
  return doc.replace(at, at, seed.slice(from, from + r.int(1, 400)));
}

function mutate(r: Rng, text: string): string {
  let out = text;
  for (let i = r.int(1, 4); i > 0; i--) {
    const at = r.int(0, out.length);
    switch (r.int(0, 3)) {
      case 0: out = out.slice(0, at) + out.slice(at + r.int(1, 20)); break;
      case 1: out = out.slice(0, at) + r.pick(FRAGMENTS) + out.slice(at); break;
      case 2: { const from = r.int(0, out.length); out = out.slice(0, at) + out.slice(from, from + r.int(0, 40)) + out.slice(at); break; }
      default: out = out.slice(0, at);
    }
  }
  return out;
}

function randomSpec(r: Rng): string {
  return Array.from({ length: r.int(0, 60) }, () => r.pick(FRAGMENTS)).join(r.chance(0.5) ? ' ' : '');
}

function rssMiB(pid: number): number {
  try {
    const kb = /VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return kb ? Number(kb) / 1024 : 0;
  } catch {
    return 0;
  }
}

// The runs made from the editor, newest first: what was run, when, how long it took and how each declaration
// fared, plus the results file of each run. The index is small (it is what the Runs view lists and is kept in
// the workspace state); the results files are kept by a `RunStore` (the extension's storage folder, never next
// to the user's data) and the newest few stay in memory. At most `limit` runs are kept: adding one more deletes
// the oldest run's file. No `vscode` import, so the logic is unit-tested with node:test.
import type { DeclarationResult, ResultsFile } from '../../../server/src/results/format.js';

/** A finished editor run, as the runner reports it. */
export interface CompletedRun {
  /** The spec document's URI. */
  uri: string;
  /** The declaration run alone (with what it needs); undefined for "Run all". */
  only?: string;
  /** Epoch milliseconds. */
  startedAt: number;
  seconds: number;
  results: ResultsFile;
}

export interface RunCounts { ok: number; error: number; skipped: number; cached: number }

export interface DeclarationSummary {
  name: string;
  kind: string;
  source?: string;
  status: DeclarationResult['status'];
  cached: boolean;
  seconds: number;
  /** The error's message, for the tooltip. */
  error?: string;
}

export interface RunRecord {
  /** Unique; also the stem of the results file's name. */
  id: string;
  uri: string;
  only?: string;
  startedAt: number;
  seconds: number;
  counts: RunCounts;
  declarations: DeclarationSummary[];
  /** The results file's name in the store. */
  file: string;
}

/** Where the index and the results files live (the extension's storage; a fake in tests). */
export interface RunStore {
  loadIndex(): unknown;
  saveIndex(records: readonly RunRecord[]): PromiseLike<void>;
  write(file: string, text: string): PromiseLike<void>;
  read(file: string): PromiseLike<string>;
  /** Deleting a file that is not there is not an error. */
  remove(file: string): PromiseLike<void>;
  /** The results files present; [] where the folder is shared and files of others may be in it. */
  list(): PromiseLike<string[]>;
}

export interface RunHistoryOptions {
  /** How many runs are kept (default 20). */
  limit?: number;
  /** How many of the newest runs keep their results in memory (default 5); older ones are read back from the store. */
  inMemory?: number;
}

export const DEFAULT_LIMIT = 20;

export class RunHistory {
  private records: RunRecord[];
  private readonly memory = new Map<string, ResultsFile>();
  private readonly listeners = new Set<() => void>();
  /** Store operations one after another, so a clear never interleaves with an add's writes. */
  private queue: Promise<unknown> = Promise.resolve();
  private readonly limit: number;
  private readonly inMemory: number;

  constructor(private readonly store: RunStore, options: RunHistoryOptions = {}) {
    this.limit = Math.max(1, options.limit ?? DEFAULT_LIMIT);
    this.inMemory = Math.max(0, options.inMemory ?? 5);
    this.records = validIndex(store.loadIndex()).slice(0, this.limit);
  }

  /** Newest first. */
  get runs(): readonly RunRecord[] {
    return this.records;
  }

  get(id: string): RunRecord | undefined {
    return this.records.find((r) => r.id === id);
  }

  onDidChange(listener: () => void): { dispose(): void } {
    this.listeners.add(listener);
    return { dispose: () => this.listeners.delete(listener) };
  }

  /** Records a run: listed (and its results in memory) at once; the promise settles when the store has it. */
  add(run: CompletedRun): Promise<RunRecord> {
    const record = recordOf(run, this.uniqueId(run));
    this.records = [record, ...this.records];
    const dropped = this.records.splice(this.limit);
    this.memory.set(record.id, run.results);
    for (const old of this.records.slice(this.inMemory)) this.memory.delete(old.id);
    for (const old of dropped) this.memory.delete(old.id);
    this.changed();
    const index = [...this.records];
    return this.enqueue(async () => {
      await this.store.write(record.file, JSON.stringify(run.results, null, 1));
      await this.store.saveIndex(index);
      for (const old of dropped) await this.store.remove(old.file);
      return record;
    });
  }

  /** The run's results file: from memory, else read back from the store (undefined when it is gone or unreadable). */
  async results(id: string): Promise<ResultsFile | undefined> {
    const record = this.get(id);
    if (!record) return undefined;
    const kept = this.memory.get(id);
    if (kept) return kept;
    await this.queue.catch(() => undefined); // a file still being written
    try {
      const parsed = JSON.parse(await this.store.read(record.file)) as ResultsFile;
      return Array.isArray(parsed?.results) ? parsed : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets every run and deletes their files. */
  clear(): Promise<void> {
    const files = this.records.map((r) => r.file);
    this.records = [];
    this.memory.clear();
    this.changed();
    return this.enqueue(async () => {
      await this.store.saveIndex([]);
      for (const file of files) await this.store.remove(file);
      await this.removeOrphans();
    });
  }

  /** Deletes results files the index does not list (left by a window that closed mid-write, or an older index). */
  prune(): Promise<void> {
    return this.enqueue(() => this.removeOrphans());
  }

  private async removeOrphans(): Promise<void> {
    const listed = new Set(this.records.map((r) => r.file));
    for (const file of await this.store.list()) if (file.endsWith('.json') && !listed.has(file)) await this.store.remove(file);
  }

  private enqueue<T>(task: () => Promise<T>): Promise<T> {
    const next = this.queue.then(task, task);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private changed(): void {
    for (const listener of this.listeners) listener();
  }

  private uniqueId(run: CompletedRun): string {
    const stem = `${specName(run.uri).replace(/\.study$/, '')}${run.only ? `.${run.only}` : ''}`.replace(/[^A-Za-z0-9_.-]+/g, '_');
    const stamp = new Date(run.startedAt).toISOString().replace(/[:.]/g, '-');
    const base = `${stem}-${stamp}`;
    let id = base;
    for (let n = 2; this.records.some((r) => r.id === id); n++) id = `${base}-${n}`;
    return id;
  }
}

export function recordOf(run: CompletedRun, id: string): RunRecord {
  const declarations = run.results.results.map((r): DeclarationSummary => ({
    name: r.name,
    kind: r.kind,
    ...(r.source ? { source: r.source } : {}),
    status: r.status,
    cached: !!r.cached,
    seconds: r.seconds,
    ...(r.error ? { error: r.error.message } : {}),
  }));
  return {
    id,
    uri: run.uri,
    ...(run.only ? { only: run.only } : {}),
    startedAt: run.startedAt,
    seconds: run.seconds,
    counts: countsOf(declarations),
    declarations,
    file: `${id}.json`,
  };
}

export function countsOf(declarations: readonly Pick<DeclarationSummary, 'status' | 'cached'>[]): RunCounts {
  const counts: RunCounts = { ok: 0, error: 0, skipped: 0, cached: 0 };
  for (const d of declarations) {
    counts[d.status === 'ok' ? 'ok' : d.status === 'error' ? 'error' : 'skipped']++;
    if (d.status === 'ok' && d.cached) counts.cached++;
  }
  return counts;
}

/** Keeps the entries of a stored index that have what the view needs (an older or damaged index loses only bad entries). */
export function validIndex(value: unknown): RunRecord[] {
  if (!Array.isArray(value)) return [];
  return value.filter((r): r is RunRecord => !!r && typeof r === 'object'
    && typeof r.id === 'string' && typeof r.uri === 'string' && typeof r.file === 'string'
    && typeof r.startedAt === 'number' && typeof r.seconds === 'number'
    && !!r.counts && typeof r.counts === 'object' && Array.isArray(r.declarations));
}

// ---------------------------------------------------------------- labels (the view's text)

/** The last path segment of a URI, decoded: `rare_earth.study`. */
export function specName(uri: string): string {
  const last = uri.replace(/[?#].*$/, '').split('/').filter(Boolean).pop() ?? uri;
  try { return decodeURIComponent(last); } catch { return last; }
}

/** `3.2 s`, `12 s`, `2 min 5 s`. */
export function formatSeconds(seconds: number): string {
  if (seconds < 10) return `${seconds.toFixed(1)} s`;
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const whole = Math.round(seconds);
  return `${Math.floor(whole / 60)} min${whole % 60 ? ` ${whole % 60} s` : ''}`;
}

/** `12 ok (3 cached), 1 failed, 2 skipped`. */
export function countsText(c: RunCounts): string {
  const parts = [`${c.ok} ok${c.cached ? ` (${c.cached} cached)` : ''}`];
  if (c.error) parts.push(`${c.error} failed`);
  if (c.skipped) parts.push(`${c.skipped} skipped`);
  return parts.join(', ');
}

/** `rare_earth.study — all · 12 ok, 1 failed · 3.2 s` */
export function runLabel(r: RunRecord): string {
  return `${specName(r.uri)} — ${r.only ?? 'all'} · ${countsText(r.counts)} · ${formatSeconds(r.seconds)}`;
}

/** `just now`, `5 min ago`, `3 h ago`, `yesterday`, `4 days ago`, then the date. */
export function relativeTime(then: number, now: number): string {
  const s = Math.max(0, (now - then) / 1000);
  if (s < 45) return 'just now';
  if (s < 90) return '1 min ago';
  const min = Math.round(s / 60);
  if (min < 60) return `${min} min ago`;
  const h = Math.round(min / 60);
  if (h < 24) return `${h} h ago`;
  const days = Math.round(h / 24);
  if (days < 2) return 'yesterday';
  if (days < 7) return `${days} days ago`;
  return new Date(then).toISOString().slice(0, 10);
}

// The server's view of open specs: analyses cached per document version, data-file headers cached in a
// TableCache, diagnostics published after a debounce, and re-checks when a data file is read or changes.
import { fileURLToPath } from 'node:url';
import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { DocumentParser } from '../language/syntax/reparse.js';
import { reanalyze, type Analysis } from '../workspace/analysis.js';
import { TableCache } from '../workspace/tableCache.js';
import { toDiagnostic } from './convert.js';
import { CHECKED, type CheckedParams } from './runProtocol.js';
import { placeRunErrors, type RunErrorAnchor } from './runErrors.js';

export interface Settings { debounceMs: number; readRowCounts: boolean; codeLens: boolean }
export const DEFAULT_SETTINGS: Settings = { debounceMs: 200, readRowCounts: true, codeLens: true };

export class StudyWorkspace {
  settings: Settings = { ...DEFAULT_SETTINGS };
  /** VS Code's workspace trust (other clients: trusted). Untrusted: nothing runs, data files are read only for headers. */
  trusted = true;
  readonly tables: TableCache;
  /** Failures of the last run, shown on their declarations until these are edited. */
  private readonly runErrors = new Map<string, RunErrorAnchor[]>();
  private readonly analyses = new Map<string, { version: number; analysis: Analysis }>();
  /** Each open document's parser: a new version re-parses what changed (and moves the previous version's tree). */
  private readonly parsers = new Map<string, DocumentParser>();
  private readonly timers = new Map<string, NodeJS.Timeout>();

  constructor(private readonly connection: Connection, private readonly documents: TextDocuments<TextDocument>) {
    this.tables = new TableCache({ rowCounts: () => this.settings.readRowCounts && this.trusted, onLoaded: () => this.recheckAll() });
  }

  /** The analysis of a document's current version (computed on demand, then cached). */
  analysis(uri: string): Analysis | undefined {
    const doc = this.documents.get(uri);
    if (!doc) return undefined;
    const cached = this.analyses.get(uri);
    if (cached && cached.version === doc.version) return cached.analysis;
    let parser = this.parsers.get(uri);
    if (!parser) this.parsers.set(uri, (parser = new DocumentParser()));
    // The new version takes over the previous one's tree and symbols: its unfinished checks stop.
    cached?.analysis.checks.abandon();
    const analysis = reanalyze(doc.getText(), specPath(uri), this.tables, parser, cached?.analysis);
    this.analyses.set(uri, { version: doc.version, analysis });
    return analysis;
  }

  /** Re-checks a document after the debounce delay; each new edit restarts the delay. */
  scheduleDiagnostics(uri: string, delay = this.settings.debounceMs): void {
    clearTimeout(this.timers.get(uri));
    this.timers.set(uri, setTimeout(() => {
      this.timers.delete(uri);
      void this.publish(uri);
    }, delay));
  }

  /**
   * Publishes a document's diagnostics. The checks run in slices, so requests (completion as the user types)
   * are answered in between on a large spec; if a newer version or a re-read header replaced the analysis
   * meanwhile, the publication that follows it speaks instead.
   */
  async publish(uri: string): Promise<void> {
    const doc = this.documents.get(uri);
    const analysis = this.analysis(uri);
    if (!doc || !analysis) return;
    const { version } = doc;
    const checked = await analysis.checks.inSlices();
    if (!checked || this.documents.get(uri)?.version !== version || this.analyses.get(uri)?.analysis !== analysis) return;
    void this.connection.sendDiagnostics({
      uri, version,
      diagnostics: [...analysis.diagnostics.map((d) => toDiagnostic(analysis.lines, d)), ...placeRunErrors(analysis, this.runErrors.get(uri) ?? [])],
    });
    void this.connection.sendNotification(CHECKED, { uri, version, complete: !analysis.readingData } satisfies CheckedParams);
  }

  /** Shows a run's errors; resolves once they are published (a run's answer follows its diagnostics). */
  setRunErrors(uri: string, errors: RunErrorAnchor[]): Promise<void> {
    this.runErrors.set(uri, errors);
    return this.publish(uri);
  }

  close(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    this.analyses.delete(uri);
    this.parsers.delete(uri);
    this.runErrors.delete(uri);
    void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** A data file was read or changed: cached analyses may hold stale column lists. */
  recheckAll(): void {
    for (const { analysis } of this.analyses.values()) analysis.checks.abandon();
    this.analyses.clear();
    for (const doc of this.documents.all()) this.scheduleDiagnostics(doc.uri, 0);
  }

  fileChanged(uri: string): void {
    if (uri.startsWith('file:')) this.tables.invalidate(fileURLToPath(uri));
    this.recheckAll();
  }
}

/** A spec's path on disk; unsaved documents resolve data paths against the working directory. */
export function specPath(uri: string): string {
  if (uri.startsWith('file:')) return fileURLToPath(uri);
  // An unsaved spec that has its file's path (New Study opens one beside the data) reads its data from there.
  const untitled = /^untitled:(\/.*)$/.exec(uri);
  if (untitled) return fileURLToPath(`file://${untitled[1]}`);
  return `${process.cwd()}/untitled.study`;
}

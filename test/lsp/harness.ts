// A real LSP client for tests: starts `dist/cli.cjs lsp --stdio` and speaks JSON-RPC over its pipes.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection,
} from 'vscode-jsonrpc/node';

export const ROOT = resolve(import.meta.dirname, '../..');
export const EXAMPLES = resolve(ROOT, 'examples');

export interface Diagnostic {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string; severity: number; code?: string; data?: unknown;
}

export class LspClient {
  readonly connection: MessageConnection;
  private readonly diagnostics = new Map<string, { version?: number; diagnostics: Diagnostic[] }>();
  /** The last `innograph/checked` per document: which version its diagnostics are for, and whether they are final. */
  private readonly checked = new Map<string, { version: number; complete: boolean }>();
  private readonly waiters = new Set<() => void>();
  private version = 0;
  stderr = '';
  /** Messages the server logged (feature errors are logged here, not thrown). */
  readonly logs: string[] = [];

  private constructor(readonly process: ChildProcess) {
    this.connection = createMessageConnection(new StreamMessageReader(process.stdout!), new StreamMessageWriter(process.stdin!));
    process.stderr!.on('data', (d) => { this.stderr += String(d); });
    this.connection.onNotification('textDocument/publishDiagnostics', (p: { uri: string; version?: number; diagnostics: Diagnostic[] }) => {
      this.diagnostics.set(p.uri, p);
      this.wake();
    });
    this.connection.onNotification('innograph/checked', (p: { uri: string; version: number; complete: boolean }) => {
      this.checked.set(p.uri, p);
      this.wake();
    });
    this.connection.onNotification('window/logMessage', (p: { message: string }) => { this.logs.push(p.message); });
    process.on('exit', () => this.wake());
    // Requests the server may send to the client.
    this.connection.onRequest('workspace/configuration', () => [null]);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    this.connection.listen();
  }

  static async start(initializationOptions: Record<string, unknown> = { debounceMs: 0 }): Promise<LspClient> {
    const child = spawn(process.execPath, [resolve(ROOT, 'dist/cli.cjs'), 'lsp', '--stdio'], { stdio: 'pipe' });
    const client = new LspClient(child);
    await client.connection.sendRequest('initialize', {
      processId: process.pid, rootUri: pathToFileURL(EXAMPLES).href, initializationOptions,
      capabilities: { textDocument: { completion: { completionItem: { snippetSupport: true } } } },
    });
    await client.connection.sendNotification('initialized', {});
    return client;
  }

  /**
   * Opens (or replaces) a document (path relative to examples/, or absolute, or an `untitled:` URI) and waits
   * for its final diagnostics.
   */
  async open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
    const uri = name.startsWith('untitled:') ? name : pathToFileURL(resolve(EXAMPLES, name)).href;
    const version = ++this.version;
    if (this.diagnostics.has(uri)) {
      await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    } else {
      this.diagnostics.set(uri, { diagnostics: [] });
      await this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'study', version, text } });
    }
    return { uri, diagnostics: await this.checkedDiagnostics(uri, version) };
  }

  /** Waits until the server's diagnostics for `uri` satisfy `predicate` (e.g. after a data file changed). */
  republished(uri: string, predicate: (d: Diagnostic[]) => boolean): Promise<Diagnostic[]> {
    return this.until(`diagnostics of ${uri} matching ${predicate}`, () => {
      const current = this.diagnostics.get(uri)?.diagnostics ?? [];
      return predicate(current) ? current : undefined;
    });
  }

  async change(uri: string, text: string): Promise<number> {
    const version = ++this.version;
    await this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
    return version;
  }

  /**
   * The diagnostics of `version` once the server says they are complete (`innograph/checked`): data-file
   * headers are read asynchronously, and their column checks arrive in a later publication.
   */
  checkedDiagnostics(uri: string, version: number): Promise<Diagnostic[]> {
    return this.until(`complete diagnostics of ${uri} version ${version}`, () => {
      const checked = this.checked.get(uri);
      const published = this.diagnostics.get(uri);
      return checked?.version === version && checked.complete && published?.version === version ? published.diagnostics : undefined;
    });
  }

  /** Resolves with `probe`'s first defined answer, re-probing on every notification; fails if the server exits. */
  private async until<T>(what: string, probe: () => T | undefined): Promise<T> {
    for (;;) {
      const answer = probe();
      if (answer !== undefined) return answer;
      if (this.process.exitCode !== null || this.process.signalCode !== null) throw new Error(`the server exited while waiting for ${what}; stderr: ${this.stderr}`);
      await new Promise<void>((r) => this.waiters.add(r));
    }
  }

  private wake(): void {
    const waiting = [...this.waiters];
    this.waiters.clear();
    for (const w of waiting) w();
  }

  request<T>(method: string, params: unknown): Promise<T> {
    return this.connection.sendRequest(method, params) as Promise<T>;
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest('shutdown');
      await this.connection.sendNotification('exit');
    } catch {
      // already gone
    }
    this.connection.dispose();
    this.process.kill();
  }
}

/** Cursor-marker fixtures: `$0` marks the cursor; it is removed from the text. */
export function fixture(marked: string): { text: string; position: { line: number; character: number }; offset: number } {
  const offset = marked.indexOf('$0');
  if (offset < 0) throw new Error('fixture without $0');
  const text = marked.slice(0, offset) + marked.slice(offset + 2);
  const before = text.slice(0, offset).split('\n');
  return { text, offset, position: { line: before.length - 1, character: before.at(-1)!.length } };
}

/** The range of the n-th occurrence (0-based) of `needle` in `text`. */
export function rangeOf(text: string, needle: string, nth = 0) {
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = text.indexOf(needle, at + 1);
    if (at < 0) throw new Error(`${needle} not found`);
  }
  const pos = (o: number) => {
    const lines = text.slice(0, o).split('\n');
    return { line: lines.length - 1, character: lines.at(-1)!.length };
  };
  return { start: pos(at), end: pos(at + needle.length) };
}

/** The range of `word` inside the first occurrence of `context`. */
export function rangeIn(text: string, context: string, word: string) {
  const r = rangeOf(text, context);
  const at = context.indexOf(word);
  return { start: { line: r.start.line, character: r.start.character + at }, end: { line: r.start.line, character: r.start.character + at + word.length } };
}

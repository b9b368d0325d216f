// The language server: wires LSP requests to the feature modules. Every handler works on the cached
// analysis of the document's current version and is guarded, so a bug answers "nothing" instead of
// taking the server down.
import {
  createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocuments, TextDocumentSyncKind,
  type Connection, type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { formatStudy } from '../language/format.js';
import type { Analysis } from '../workspace/analysis.js';
import { scaffoldStudy } from '../workspace/scaffold.js';
import { codeLenses } from './codeLens.js';
import { registerRunRequests } from './runRequest.js';
import { NEW_STUDY_REQUEST, TRUST_NOTIFICATION, type NewStudyParams, type NewStudyResult, type TrustParams } from './runProtocol.js';
import { quickFixes } from './codeActions.js';
import { complete } from './completion.js';
import { hover } from './hover.js';
import { definition, highlights, prepareRename, references, rename } from './navigation.js';
import { documentSymbols, foldingRanges } from './outline.js';
import { LEGEND, semanticTokens } from './semanticTokens.js';
import { signatureHelp } from './signatureHelp.js';
import { DEFAULT_SETTINGS, StudyWorkspace, type Settings } from './workspace.js';

/** `untrusted` (`innograph lsp --untrusted`): the workspace stays untrusted whatever the client says. */
export function startLanguageServer(connection: Connection = createConnection(ProposedFeatures.all), options: { untrusted?: boolean } = {}): void {
  const documents = new TextDocuments(TextDocument);
  const workspace = new StudyWorkspace(connection, documents);
  let configurable = false;
  // Trusted unless the client says otherwise (VS Code's workspace trust) or the server was started untrusted.
  const setTrusted = (trusted: boolean) => {
    workspace.trusted = trusted && !options.untrusted;
    workspace.tables.trusted = workspace.trusted;
  };
  setTrusted(true);

  /** Runs a feature on a document's analysis; logs and returns `fallback` if anything throws. */
  function withAnalysis<T>(uri: string, fallback: T, feature: (a: Analysis) => T): T {
    try {
      const a = workspace.analysis(uri);
      return a ? feature(a) : fallback;
    } catch (err) {
      connection.console.error(`innograph: ${(err as Error).stack ?? String(err)}`);
      return fallback;
    }
  }
  const offsetOf = (a: Analysis, position: { line: number; character: number }) => a.lines.offset(position);

  connection.onInitialize((params): InitializeResult => {
    configurable = !!params.capabilities.workspace?.configuration;
    const init = params.initializationOptions as (Partial<Settings> & { trusted?: boolean }) | undefined;
    if (init) {
      const { trusted, ...settings } = init;
      workspace.settings = { ...DEFAULT_SETTINGS, ...settings };
      setTrusted(trusted ?? true);
    }
    return {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        completionProvider: { triggerCharacters: ['.', ':', '(', ',', ' ', '/', '"'] },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        documentHighlightProvider: true,
        renameProvider: { prepareProvider: true },
        documentSymbolProvider: true,
        foldingRangeProvider: true,
        semanticTokensProvider: { legend: LEGEND, full: true },
        signatureHelpProvider: { triggerCharacters: ['(', ','], retriggerCharacters: [':'] },
        documentFormattingProvider: true,
        codeLensProvider: { resolveProvider: false },
        codeActionProvider: { codeActionKinds: ['quickfix'] },
      },
      serverInfo: { name: 'innograph', version: process.env.INNOGRAPH_VERSION ?? 'dev' },
    };
  });

  connection.onInitialized(() => {
    if (configurable) {
      void connection.client.register(DidChangeConfigurationNotification.type, { section: 'innograph' });
      void loadSettings();
    }
  });

  async function loadSettings(): Promise<void> {
    try {
      const s = (await connection.workspace.getConfiguration('innograph')) as Record<string, Record<string, unknown>> | null;
      workspace.settings = {
        debounceMs: Number(s?.diagnostics?.debounceMs ?? DEFAULT_SETTINGS.debounceMs),
        readRowCounts: Boolean(s?.data?.readRowCounts ?? DEFAULT_SETTINGS.readRowCounts),
        codeLens: Boolean(s?.codeLens?.enabled ?? DEFAULT_SETTINGS.codeLens),
      };
    } catch {
      // Clients without settings keep the defaults.
    }
  }
  connection.onDidChangeConfiguration(() => { void loadSettings().then(() => workspace.recheckAll()); });

  documents.onDidOpen((e) => workspace.scheduleDiagnostics(e.document.uri, 0));
  documents.onDidChangeContent((e) => workspace.scheduleDiagnostics(e.document.uri));
  const runs = registerRunRequests(connection, documents, workspace);
  connection.onRequest(NEW_STUDY_REQUEST, async (p: NewStudyParams): Promise<NewStudyResult> => ({ text: await scaffoldStudy(p.folder, workspace.tables) }));
  connection.onShutdown(() => runs.dispose());
  // VS Code grants trust after start-up without restarting the server.
  connection.onNotification(TRUST_NOTIFICATION, (p: TrustParams) => { setTrusted(p.trusted); workspace.recheckAll(); });
  documents.onDidClose((e) => workspace.close(e.document.uri));
  connection.onDidChangeWatchedFiles((e) => { for (const c of e.changes) workspace.fileChanged(c.uri); });

  connection.onCompletion((p) => withAnalysis(p.textDocument.uri, [], (a) => complete(a, offsetOf(a, p.position))));
  connection.onHover((p) => withAnalysis(p.textDocument.uri, null, (a) => hover(a, offsetOf(a, p.position))));
  connection.onDefinition((p) => withAnalysis(p.textDocument.uri, null, (a) => definition(a, p.textDocument.uri, offsetOf(a, p.position))));
  connection.onReferences((p) => withAnalysis(p.textDocument.uri, [], (a) => references(a, p.textDocument.uri, offsetOf(a, p.position), p.context.includeDeclaration)));
  connection.onDocumentHighlight((p) => withAnalysis(p.textDocument.uri, [], (a) => highlights(a, offsetOf(a, p.position))));
  connection.onPrepareRename((p) => withAnalysis(p.textDocument.uri, null, (a) => prepareRename(a, offsetOf(a, p.position))));
  connection.onRenameRequest((p) => {
    const a = workspace.analysis(p.textDocument.uri);
    // Invalid new names are answered with an error the editor shows, hence no guard here.
    return a ? rename(a, p.textDocument.uri, offsetOf(a, p.position), p.newName) : null;
  });
  connection.onDocumentSymbol((p) => withAnalysis(p.textDocument.uri, [], (a) => documentSymbols(a.file, a.lines)));
  connection.onFoldingRanges((p) => withAnalysis(p.textDocument.uri, [], (a) => foldingRanges(a.file, a.lines)));
  connection.languages.semanticTokens.on((p) => withAnalysis(p.textDocument.uri, { data: [] }, (a) => ({ data: semanticTokens(a) })));
  connection.onSignatureHelp((p) => withAnalysis(p.textDocument.uri, null, (a) => signatureHelp(a, offsetOf(a, p.position))));
  connection.onDocumentFormatting((p) => withAnalysis(p.textDocument.uri, [], (a) => {
    const indent = p.options.insertSpaces ? ' '.repeat(p.options.tabSize) : '\t';
    const formatted = formatStudy(a.text, { indent });
    if (formatted === undefined || formatted === a.text) return [];
    return [{ range: { start: { line: 0, character: 0 }, end: a.lines.position(a.text.length) }, newText: formatted }];
  }));
  connection.onCodeLens((p) => withAnalysis(p.textDocument.uri, [], (a) => (workspace.settings.codeLens ? codeLenses(a, p.textDocument.uri) : [])));
  connection.onCodeAction((p) => quickFixes(p.textDocument.uri, p.context.diagnostics));

  documents.listen(connection);
  connection.listen();
}

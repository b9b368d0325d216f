// The VS Code side: starts the language server (the same `dist/cli.cjs` the command line uses),
// registers commands and a status bar item. Everything about the language lives in the server.
import * as vscode from 'vscode';
import {
  LanguageClient, State, TransportKind,
  type LanguageClientOptions, type ServerOptions,
} from 'vscode-languageclient/node';
import { RUNNABLE_KINDS } from '../../server/src/language/schema/declarations.js';
import { registerResultPanels } from './panels/index.js';
import { StudyRunner } from './run.js';
import { registerRuns } from './runs/index.js';
import { registerStartCommands } from './start.js';
import { CHECKED, TRUST_NOTIFICATION, type CheckedParams, type TrustParams } from '../../server/src/lsp/runProtocol.js';

let client: LanguageClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<void> {
  const output = vscode.window.createOutputChannel('Innograph', { log: true });
  const status = vscode.window.createStatusBarItem('innograph.status', vscode.StatusBarAlignment.Left, 10);
  status.name = 'Innograph';
  status.command = 'innograph.showOutput';
  context.subscriptions.push(output, status);

  client = createClient(context, output);
  // Specs whose data files the server is still reading: their column checks have not arrived yet.
  const readingData = new Set<string>();
  const refresh = () => showState(status, client?.state ?? State.Starting, readingData.has(vscode.window.activeTextEditor?.document.uri.toString() ?? ''));
  client.onDidChangeState(refresh);
  refresh();

  const updateVisibility = () => {
    if (vscode.window.activeTextEditor?.document.languageId === 'study') status.show();
    else status.hide();
    refresh();
  };
  updateVisibility();
  // Result panels, their serializers (revival after a reload) and "Open Results File…"; the returned
  // ResultPanels.showRun(results, declarationName) is what a run calls to show a result.
  const panels = registerResultPanels(context, output);
  // The "Innograph Runs" view: every run made here, kept across reloads in the extension's storage.
  const runs = registerRuns(context, panels, output);
  const runner = new StudyRunner(client, panels, output, runs);

  context.subscriptions.push(
    vscode.window.onDidChangeActiveTextEditor(updateVisibility),
    vscode.commands.registerCommand('innograph.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('innograph.restartServer', async () => {
      await client?.restart();
      void vscode.window.showInformationMessage('Innograph language server restarted.');
    }),
    vscode.commands.registerCommand('innograph.checkStudy', () => checkActiveStudy()),
    vscode.commands.registerCommand('innograph.runStudy', (uri?: string) => runner.run(uri)),
    vscode.commands.registerCommand('innograph.runDeclaration', (uri?: string, name?: string) => runner.run(uri, name ?? declarationAtCursor())),
    ...registerStartCommands(context, client),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      void client?.sendNotification(TRUST_NOTIFICATION, { trusted: true } satisfies TrustParams);
      refresh();
    }),
  );
  await client.start();
  context.subscriptions.push(client.onNotification(CHECKED, (p: CheckedParams) => {
    if (p.complete) readingData.delete(p.uri);
    else readingData.add(p.uri);
    refresh();
  }));
  context.subscriptions.push(runner.listen());
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}

function createClient(context: vscode.ExtensionContext, output: vscode.LogOutputChannel): LanguageClient {
  const module = context.asAbsolutePath('dist/cli.cjs');
  const serverOptions: ServerOptions = {
    run: { module, args: ['lsp'], transport: TransportKind.ipc },
    debug: { module, args: ['lsp'], transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const config = vscode.workspace.getConfiguration('innograph');
  const clientOptions: LanguageClientOptions = {
    documentSelector: [{ language: 'study' }],
    outputChannel: output,
    synchronize: {
      // Column checks depend on data files: tell the server when one changes.
      fileEvents: vscode.workspace.createFileSystemWatcher('**/*.{csv,tsv,tab,txt,parquet,pq,gz,dl,net,paj,graphml,gexf}'),
    },
    initializationOptions: {
      debounceMs: config.get<number>('diagnostics.debounceMs'),
      readRowCounts: config.get<boolean>('data.readRowCounts'),
      codeLens: config.get<boolean>('codeLens.enabled'),
      trusted: vscode.workspace.isTrusted,
    },
  };
  return new LanguageClient('innograph', 'Innograph Language Server', serverOptions, clientOptions);
}

function showState(status: vscode.StatusBarItem, state: State, readingData: boolean): void {
  const limited = !vscode.workspace.isTrusted;
  status.text = state === State.Running && readingData ? '$(sync~spin) Innograph: reading data'
    : state === State.Running ? `$(graph) Innograph${limited ? ' (restricted)' : ''}` : state === State.Starting ? '$(sync~spin) Innograph' : '$(error) Innograph';
  status.tooltip = state === State.Running && readingData ? 'Reading the data files this spec names: their column checks follow'
    : state === State.Running && limited ? 'Untrusted workspace: specs are checked, nothing runs and data files are read only for their headers'
    : state === State.Running ? 'Innograph language server is running — click for its output'
    : state === State.Starting ? 'Innograph language server is starting' : 'Innograph language server stopped — run "Innograph: Restart Language Server"';
}

async function checkActiveStudy(): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId !== 'study') {
    void vscode.window.showWarningMessage('Open a .study file to check it.');
    return;
  }
  const problems = vscode.languages.getDiagnostics(editor.document.uri);
  const errors = problems.filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length;
  const warnings = problems.filter((d) => d.severity === vscode.DiagnosticSeverity.Warning).length;
  if (errors || warnings) await vscode.commands.executeCommand('workbench.actions.view.problems');
  void vscode.window.showInformationMessage(`${editor.document.fileName.split('/').pop()}: ${errors} error(s), ${warnings} warning(s).`);
}

function declarationAtCursor(): string | undefined {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return undefined;
  for (let line = editor.selection.active.line; line >= 0; line--) {
    const m = /^([A-Za-z_]+)\s+([A-Za-z_][A-Za-z0-9_]*)/.exec(editor.document.lineAt(line).text);
    if (m && RUNNABLE_KINDS.has(m[1])) return m[2];
  }
  return undefined;
}

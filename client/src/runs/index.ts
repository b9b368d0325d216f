// The runs made from the editor: their history (runHistory.ts, persisted by workspaceStore.ts), the
// "Innograph Runs" view (runsView.ts) and its commands — show a declaration's result, open the results JSON,
// reveal the declaration in the spec, re-run, clear. extension.ts hands `record` to the StudyRunner.
import * as vscode from 'vscode';
import type { ResultPanels } from '../panels/index.js';
import { RunHistory, specName, type CompletedRun } from './runHistory.js';
import { RunsTree, SHOW_RESULT_COMMAND, VIEW_ID, type RunNode } from './runsView.js';
import { workspaceRunStore } from './workspaceStore.js';

export interface RunRecorder { record(run: CompletedRun): void }

export function registerRuns(context: vscode.ExtensionContext, panels: ResultPanels, log: vscode.LogOutputChannel): RunRecorder {
  const store = workspaceRunStore(context);
  const history = new RunHistory(store);
  const tree = new RunsTree(history);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  // "5 min ago" stays current while the view is open
  const timer = setInterval(() => { if (view.visible) tree.refresh(); }, 60_000);
  const failure = (what: string) => (e: unknown) => {
    const message = e instanceof Error ? e.message : String(e);
    log.error(`[runs] ${what}: ${message}`);
    void vscode.window.showErrorMessage(`Innograph: ${what}: ${message}`);
  };
  const command = (id: string, fn: (node?: RunNode) => Promise<unknown>) =>
    vscode.commands.registerCommand(id, (node?: RunNode) => fn(node).catch(failure(id.replace('innograph.runs.', ''))));

  context.subscriptions.push(
    tree, view, { dispose: () => clearInterval(timer) },
    command(SHOW_RESULT_COMMAND, async (node) => {
      if (node?.type !== 'declaration') return;
      const results = await history.results(node.run.id);
      if (!results) return missing(node);
      await panels.showResult(results, node.declaration.name);
    }),
    command('innograph.runs.openJson', async (node) => {
      if (!node) return;
      if (!(await history.results(node.run.id))) return missing(node);
      await vscode.window.showTextDocument(store.uri(node.run.file), { preview: true });
    }),
    command('innograph.runs.reveal', async (node) => {
      if (node) await revealDeclaration(node.run.uri, node.type === 'declaration' ? node.declaration.name : node.run.only);
    }),
    command('innograph.runs.rerun', async (node) => {
      if (!node) return;
      const only = node.type === 'declaration' ? node.declaration.name : node.run.only;
      await vscode.commands.executeCommand(only ? 'innograph.runDeclaration' : 'innograph.runStudy', node.run.uri, only);
    }),
    command('innograph.runs.clear', () => history.clear()),
  );
  void vscode.commands.executeCommand('setContext', 'innograph.active', true);
  history.prune().catch((e: unknown) => log.warn(`[runs] cleaning the runs folder: ${e instanceof Error ? e.message : String(e)}`));

  return {
    record(run) {
      history.add(run).then(
        (r) => log.info(`[runs] recorded ${r.id}`),
        (e: unknown) => log.warn(`[runs] could not store the results of ${specName(run.uri)}: ${e instanceof Error ? e.message : String(e)}`),
      );
    },
  };
}

function missing(node: RunNode): void {
  void vscode.window.showWarningMessage(`Innograph: the results of this run of ${specName(node.run.uri)} are no longer stored.`);
}

/** Opens the spec and selects the declaration's name (from the language server's outline; a text search while it starts). */
async function revealDeclaration(spec: string, name: string | undefined): Promise<void> {
  const uri = vscode.Uri.parse(spec);
  const column = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === spec)?.viewColumn ?? vscode.ViewColumn.One;
  const editor = await vscode.window.showTextDocument(uri, { viewColumn: column, preview: false });
  if (!name) return;
  const range = await declarationRange(editor.document, name);
  if (!range) {
    void vscode.window.showWarningMessage(`Innograph: ${specName(spec)} no longer declares \`${name}\`.`);
    return;
  }
  editor.selection = new vscode.Selection(range.start, range.end);
  editor.revealRange(range, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function declarationRange(document: vscode.TextDocument, name: string): Promise<vscode.Range | undefined> {
  const symbols = await vscode.commands.executeCommand<(vscode.DocumentSymbol | vscode.SymbolInformation)[] | undefined>(
    'vscode.executeDocumentSymbolProvider', document.uri).then((s) => s, () => undefined);
  const symbol = symbols?.find((s) => s.name === name); // declarations are the top-level symbols
  if (symbol) return 'selectionRange' in symbol ? symbol.selectionRange : symbol.location.range;
  const declaration = new RegExp(`^\\s*[A-Za-z_]+\\s+(${name.replace(/[^A-Za-z0-9_]/g, '')})\\b`);
  for (let line = 0; line < document.lineCount; line++) {
    const m = declaration.exec(document.lineAt(line).text);
    if (m) {
      const start = m[0].length - m[1].length;
      return new vscode.Range(line, start, line, start + m[1].length);
    }
  }
  return undefined;
}

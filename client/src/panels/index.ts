// The result panels' entry point for extension.ts: the panels, their serializers and "Open Results File…".
import * as vscode from 'vscode';
import { openResultsFile } from './openResults.js';
import { ResultPanels } from './resultPanels.js';

export type { ResultPanels } from './resultPanels.js';

export function registerResultPanels(context: vscode.ExtensionContext, log: vscode.LogOutputChannel): ResultPanels {
  const panels = new ResultPanels(context, log);
  context.subscriptions.push(
    panels,
    vscode.commands.registerCommand('innograph.openResults', (uri?: vscode.Uri) => openResultsFile(panels, uri).catch((e: unknown) => {
      void vscode.window.showErrorMessage(`Innograph: ${e instanceof Error ? e.message : String(e)}`);
    })),
  );
  return panels;
}

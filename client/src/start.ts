// The first steps (the "Get started with Innograph" walkthrough's commands): copy the example study somewhere to
// run it, propose a spec for a folder of data files ("New Study", the server reads the headers), and open the
// language guide shipped with the extension.
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { NEW_STUDY_REQUEST, type NewStudyParams, type NewStudyResult } from '../../server/src/lsp/runProtocol.js';

/** The example the walkthrough copies: its spec and the files it reads, relative to the extension's examples/. */
const EXAMPLE_SPEC = 'rare_earth.study';
const EXAMPLE_FILES = [EXAMPLE_SPEC, 'data/rare_earth', 'maps'];

export function registerStartCommands(context: vscode.ExtensionContext, client: LanguageClient): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('innograph.newStudy', (folder?: vscode.Uri) => newStudy(client, folder)),
    vscode.commands.registerCommand('innograph.openExample', () => openExample(context)),
    vscode.commands.registerCommand('innograph.openLanguageGuide', () =>
      vscode.commands.executeCommand('markdown.showPreview', vscode.Uri.joinPath(context.extensionUri, 'docs', 'LANGUAGE.md'))),
  ];
}

/** Asks for a folder of data files (unless the Explorer gave one) and opens the proposed spec, unsaved, beside them. */
async function newStudy(client: LanguageClient, folder?: vscode.Uri): Promise<void> {
  const chosen = folder ?? (await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false,
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri, openLabel: 'Propose a Study', title: 'New Study: the folder of your data files',
  }))?.[0];
  if (!chosen) return;
  const { text } = await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: 'Innograph: reading the data files\' headers…' },
    () => client.sendRequest<NewStudyResult>(NEW_STUDY_REQUEST, { folder: chosen.fsPath } satisfies NewStudyParams),
  );
  const target = await unusedName(chosen, 'study', '.study');
  const doc = await vscode.workspace.openTextDocument(target.with({ scheme: 'untitled' }));
  const editor = await vscode.window.showTextDocument(doc);
  await editor.edit((edit) => edit.insert(new vscode.Position(0, 0), text));
}

/** Copies the example into a folder the user picks (the workspace's by default) and opens its spec. */
async function openExample(context: vscode.ExtensionContext): Promise<void> {
  const parent = vscode.workspace.workspaceFolders?.[0]?.uri ?? (await vscode.window.showOpenDialog({
    canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: 'Copy the Example Here', title: 'Where to copy the example study',
  }))?.[0];
  if (!parent) return;
  const folder = await unusedName(parent, 'innograph-example', '');
  const examples = vscode.Uri.joinPath(context.extensionUri, 'examples');
  for (const item of EXAMPLE_FILES) await vscode.workspace.fs.copy(vscode.Uri.joinPath(examples, item), vscode.Uri.joinPath(folder, item));
  await vscode.window.showTextDocument(vscode.Uri.joinPath(folder, EXAMPLE_SPEC));
}

/** `name` + `extension` in `folder`, or `name-2`, `name-3`, … when taken: nothing is ever overwritten. */
async function unusedName(folder: vscode.Uri, name: string, extension: string): Promise<vscode.Uri> {
  for (let k = 1; ; k++) {
    const uri = vscode.Uri.joinPath(folder, `${name}${k === 1 ? '' : `-${k}`}${extension}`);
    try {
      await vscode.workspace.fs.stat(uri);
    } catch {
      return uri;
    }
  }
}

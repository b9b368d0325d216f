// The run history's store in VS Code: the index in the workspace state, the results files in the extension's
// storage folder for this workspace (or the global one in a window without a folder) — never next to the
// user's data.
import * as vscode from 'vscode';
import type { RunRecord, RunStore } from './runHistory.js';

const INDEX_KEY = 'innograph.runs.v1';

export interface WorkspaceRunStore extends RunStore {
  uri(file: string): vscode.Uri;
}

export function workspaceRunStore(context: vscode.ExtensionContext): WorkspaceRunStore {
  const shared = !context.storageUri; // the global folder serves every window without a folder
  const folder = vscode.Uri.joinPath(context.storageUri ?? context.globalStorageUri, 'runs');
  const uri = (file: string) => vscode.Uri.joinPath(folder, file);
  return {
    uri,
    loadIndex: () => context.workspaceState.get<unknown>(INDEX_KEY),
    saveIndex: (records: readonly RunRecord[]) => context.workspaceState.update(INDEX_KEY, records),
    async write(file, text) {
      await vscode.workspace.fs.createDirectory(folder);
      await vscode.workspace.fs.writeFile(uri(file), new TextEncoder().encode(text));
    },
    read: async (file) => new TextDecoder().decode(await vscode.workspace.fs.readFile(uri(file))),
    remove: async (file) => {
      await vscode.workspace.fs.delete(uri(file), { useTrash: false }).then(undefined, () => undefined);
    },
    async list() {
      if (shared) return [];
      await vscode.workspace.fs.createDirectory(folder); // reading a folder that is not there logs a warning
      const entries = await vscode.workspace.fs.readDirectory(folder);
      return entries.filter(([, type]) => type === vscode.FileType.File).map(([name]) => name);
    },
  };
}

// "Innograph: Open Results File…": a results.json written by `innograph run --json/--out`, then one of its
// declarations in the panel that suits it.
import * as vscode from 'vscode';
import { RESULTS_FORMAT, RESULTS_VERSION, type ResultsFile } from '../../../server/src/results/format.js';
import type { ResultPanels } from './resultPanels.js';

export async function openResultsFile(panels: ResultPanels, uri?: vscode.Uri): Promise<void> {
  const file = uri ?? (await vscode.window.showOpenDialog({ canSelectMany: false, filters: { 'Innograph results': ['json'] }, title: 'Open Innograph results' }))?.[0];
  if (!file) return;
  const results = parseResults(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), file.fsPath);
  const pick = await vscode.window.showQuickPick(results.results.map((r) => ({
    label: r.name,
    description: [r.kind, r.source, r.status === 'ok' ? undefined : r.status].filter(Boolean).join(' · '),
    detail: r.error?.message ?? r.notes[0],
  })), { title: results.title ?? file.fsPath, placeHolder: 'Declaration to show' });
  if (pick) await panels.showResult(results, pick.label);
}

export function parseResults(text: string, where: string): ResultsFile {
  const data = JSON.parse(text);
  if (data?.format !== RESULTS_FORMAT) throw new Error(`${where} is not an Innograph results file (no "format": "${RESULTS_FORMAT}").`);
  if (data.version !== RESULTS_VERSION) throw new Error(`${where} has results format version ${data.version}; this extension reads version ${RESULTS_VERSION}.`);
  return data as ResultsFile;
}

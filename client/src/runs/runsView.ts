// The "Innograph Runs" tree: one item per run (newest first), its declarations below it with their status.
// Clicking a declaration shows it in its result panel (the command is registered in runs/index.ts).
import * as vscode from 'vscode';
import {
  countsText, formatSeconds, relativeTime, runLabel, specName,
  type DeclarationSummary, type RunHistory, type RunRecord,
} from './runHistory.js';

export const VIEW_ID = 'innograph.runs';
export const SHOW_RESULT_COMMAND = 'innograph.runs.showResult';

export type RunNode =
  | { type: 'run'; run: RunRecord }
  | { type: 'declaration'; run: RunRecord; declaration: DeclarationSummary };

const passed = new vscode.ThemeColor('testing.iconPassed');
const failed = new vscode.ThemeColor('testing.iconFailed');
const skipped = new vscode.ThemeColor('testing.iconSkipped');

export class RunsTree implements vscode.TreeDataProvider<RunNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<RunNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly subscription: { dispose(): void };

  constructor(private readonly history: RunHistory) {
    this.subscription = history.onDidChange(() => this.refresh());
  }

  /** Redraws every item (also what keeps "5 min ago" current). */
  refresh(): void {
    this.emitter.fire(undefined);
  }

  getChildren(node?: RunNode): RunNode[] {
    if (!node) return this.history.runs.map((run) => ({ type: 'run', run }));
    if (node.type === 'run') return node.run.declarations.map((declaration) => ({ type: 'declaration', run: node.run, declaration }));
    return [];
  }

  getParent(node: RunNode): RunNode | undefined {
    return node.type === 'declaration' ? { type: 'run', run: node.run } : undefined;
  }

  getTreeItem(node: RunNode): vscode.TreeItem {
    return node.type === 'run' ? this.runItem(node.run) : declarationItem(node.run, node.declaration);
  }

  dispose(): void {
    this.subscription.dispose();
    this.emitter.dispose();
  }

  private runItem(run: RunRecord): vscode.TreeItem {
    const newest = this.history.runs[0] === run;
    const item = new vscode.TreeItem(runLabel(run), newest ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = run.id;
    item.contextValue = 'innograph.run';
    item.description = relativeTime(run.startedAt, Date.now());
    const c = run.counts;
    item.iconPath = c.error ? new vscode.ThemeIcon('error', failed)
      : c.ok ? new vscode.ThemeIcon('pass', passed) : new vscode.ThemeIcon('circle-slash', skipped);
    const tooltip = new vscode.MarkdownString();
    tooltip.appendMarkdown(`**${escape(specName(run.uri))}** — ${run.only ? `\`${escape(run.only)}\` (and what it needs)` : 'all declarations'}\n\n`);
    tooltip.appendMarkdown(`${escape(new Date(run.startedAt).toLocaleString())} · ${formatSeconds(run.seconds)}\n\n`);
    tooltip.appendMarkdown(`${countsText(c)}\n\n`);
    tooltip.appendText(vscode.Uri.parse(run.uri).fsPath);
    item.tooltip = tooltip;
    return item;
  }
}

function declarationItem(run: RunRecord, d: DeclarationSummary): vscode.TreeItem {
  const item = new vscode.TreeItem(d.name, vscode.TreeItemCollapsibleState.None);
  item.id = `${run.id}/${d.name}`;
  item.contextValue = 'innograph.declaration';
  const kind = d.source ? `${d.kind} ${d.source}` : d.kind;
  item.description = d.status !== 'ok' ? `${kind} · ${d.status === 'error' ? 'failed' : 'skipped'}`
    : d.cached ? `${kind} · cached` : `${kind} · ${formatSeconds(d.seconds)}`;
  item.iconPath = d.status === 'ok' ? new vscode.ThemeIcon('pass', passed)
    : d.status === 'error' ? new vscode.ThemeIcon('error', failed) : new vscode.ThemeIcon('circle-slash', skipped);
  const tooltip = new vscode.MarkdownString(`**${escape(d.name)}** (${escape(kind)}) — `);
  if (d.status === 'ok') tooltip.appendMarkdown(d.cached ? 'unchanged since an earlier run, reused' : `ok in ${formatSeconds(d.seconds)}`);
  else tooltip.appendMarkdown(d.status === 'error' ? 'failed' : 'skipped');
  if (d.error) tooltip.appendMarkdown('\n\n').appendText(d.error);
  item.tooltip = tooltip;
  item.command = { title: 'Show Result', command: SHOW_RESULT_COMMAND, arguments: [{ type: 'declaration', run, declaration: d } satisfies RunNode] };
  return item;
}

const escape = (text: string) => text.replace(/[\\`*_{}[\]()#+\-.!|<>]/g, '\\$&');

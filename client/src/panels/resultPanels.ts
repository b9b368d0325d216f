// One reusable webview panel per kind (never a new tab per run), unless pinned: a pinned panel stays and the
// next result of its kind opens in a new one. All are tabs of one editor group beside the spec (placement.ts).
// Panels are revived after a window reload from the state the page saved. The extension side of the typed protocol in messages.ts: it writes the files the
// pages make, formats regression exports (Word needs Node) and loads map geometry.
import * as vscode from 'vscode';
import type { ResultsFile } from '../../../server/src/results/format.js';
import { regressionCsv, regressionHtml, regressionLatex, regressionMarkdown, regressionOf, htmlPage } from '../../../server/src/engine/exports/regressionTable.js';
import { regressionDocx } from '../../../server/src/engine/exports/regressionTableDocx.js';
import { panelContent, withEarlierResults } from './content.js';
import { panelHtml } from './html.js';
import { PANEL_KINDS, type FromWebview, type MapGeometry, type NetworkViewState, type PanelContent, type PanelKind, type RegressionFormat, type ToWebview } from './messages.js';
import { networkViewKey, PanelSlots, resultColumn } from './placement.js';
import { packTies, unpackTies } from './tieColumns.js';

export const viewType = (kind: PanelKind) => `innograph.results.${kind}`;

const TITLES: Record<PanelKind, string> = { regression: 'Regression', network: 'Network', map: 'Map', charts: 'Chart', tables: 'Tables' };
const GEOMETRY_KEY = 'innograph.mapGeometry';

interface OpenPanel { panel: vscode.WebviewPanel; content?: PanelContent }

export class ResultPanels implements vscode.Disposable {
  private readonly slots = new PanelSlots<PanelKind, OpenPanel>();
  /** The editor column result panels were last seen in. */
  private column: number | undefined;
  /** The results of the editor's runs by spec, joined (withEarlierResults): what a run's panels draw on. */
  private readonly runs = new Map<string, ResultsFile>();
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: vscode.LogOutputChannel) {
    for (const kind of PANEL_KINDS) {
      this.disposables.push(vscode.window.registerWebviewPanelSerializer(viewType(kind), {
        deserializeWebviewPanel: async (panel, state?: PanelContent) => { this.adopt(kind, panel, state?.kind === kind ? state : undefined); },
      }));
    }
  }

  /** Shows a declaration of a run's results, with the earlier runs' of the same spec that it did not redo. */
  async showRun(results: ResultsFile, declarationName: string): Promise<void> {
    const joined = withEarlierResults(this.runs.get(results.spec), results);
    this.runs.set(results.spec, joined);
    await this.showResult(joined, declarationName);
  }

  /** Shows a declaration of a results file in the panel of `kind` (default: the kind that suits it best). */
  async showResult(results: ResultsFile, declarationName: string, kind?: PanelKind): Promise<void> {
    this.show(await this.withGeometry({ ...panelContent(results, declarationName, kind), spec: results.spec }));
  }

  show(shown: PanelContent): void {
    const content = this.withNetworkView(shown);
    const existing = this.slots.slot(content.kind);
    if (existing) {
      existing.content = content;
      existing.panel.title = titleOf(content);
      existing.panel.reveal(undefined, true);
      void this.post(existing.panel, { type: 'show', content });
      return;
    }
    const column = resultColumn(this.slots.all().map((p) => p.panel.viewColumn), this.column);
    const panel = vscode.window.createWebviewPanel(viewType(content.kind), titleOf(content), { viewColumn: column === 'beside' ? vscode.ViewColumn.Beside : column, preserveFocus: true }, this.options());
    this.adopt(content.kind, panel, content);
  }

  dispose(): void {
    for (const { panel } of this.slots.all()) panel.dispose();
    for (const d of this.disposables) d.dispose();
  }

  private options(): vscode.WebviewPanelOptions & vscode.WebviewOptions {
    return { enableScripts: true, localResourceRoots: [this.bundleFolder()] };
  }

  private bundleFolder(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, 'dist', 'webview');
  }

  private adopt(kind: PanelKind, panel: vscode.WebviewPanel, content: PanelContent | undefined): void {
    const entry: OpenPanel = { panel, content };
    this.slots.add(kind, entry, content?.pinned ?? false);
    this.column = panel.viewColumn ?? this.column;
    panel.webview.options = this.options();
    panel.webview.html = panelHtml({
      kind,
      title: content ? titleOf(content) : TITLES[kind],
      cspSource: panel.webview.cspSource,
      script: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.bundleFolder(), `${kind}.js`)).toString(),
      style: panel.webview.asWebviewUri(vscode.Uri.joinPath(this.bundleFolder(), `${kind}.css`)).toString(),
    });
    panel.onDidDispose(() => this.slots.remove(kind, entry));
    panel.onDidChangeViewState(({ webviewPanel }) => { if (webviewPanel.active) this.column = webviewPanel.viewColumn ?? this.column; });
    panel.webview.onDidReceiveMessage((message: FromWebview) => this.receive(entry, message).catch((e: unknown) => {
      this.log.error(`[panels] ${message.type}: ${e instanceof Error ? e.message : String(e)}`);
      void vscode.window.showErrorMessage(`Innograph: ${e instanceof Error ? e.message : String(e)}`);
    }));
  }

  private async receive(entry: OpenPanel, message: FromWebview): Promise<void> {
    const { content, panel } = entry;
    switch (message.type) {
      case 'ready':
        if (content) await this.post(panel, { type: 'show', content });
        return;
      case 'save':
        return this.save(message.fileName, message.encoding === 'base64' ? Buffer.from(message.data, 'base64') : new TextEncoder().encode(message.data));
      case 'copy':
        await vscode.env.clipboard.writeText(message.text);
        void vscode.window.setStatusBarMessage('Innograph: copied to the clipboard', 3000);
        return;
      case 'exportRegression':
        if (content) await this.exportRegression(content, message.format, message.to);
        return;
      case 'open':
        if (content) await this.openAs(content, message.kind, message.focus);
        return;
      case 'pin':
        return this.pin(entry, message.pinned);
      case 'networkView':
        return this.rememberNetworkView(entry, message.view);
      case 'pickGeometry': {
        const geometry = await this.pickGeometry();
        if (!geometry) return;
        if (content) content.geometry = geometry;
        await this.post(panel, { type: 'geometry', geometry });
      }
    }
  }

  private pin(entry: OpenPanel, pinned: boolean): void {
    if (!entry.content) return;
    entry.content = { ...entry.content, pinned };
    entry.panel.title = titleOf(entry.content);
    this.slots.pin(entry.content.kind, entry, pinned);
  }

  private async rememberNetworkView(entry: OpenPanel, view: NetworkViewState): Promise<void> {
    if (!entry.content) return;
    entry.content = { ...entry.content, networkView: view };
    const key = networkViewKey(entry.content);
    if (key) await this.context.workspaceState.update(key, view);
  }

  /** A network view as it was last left for this spec and network. */
  private withNetworkView(content: PanelContent): PanelContent {
    const key = content.kind === 'network' && !content.networkView ? networkViewKey(content) : undefined;
    const view = key ? this.context.workspaceState.get<NetworkViewState>(key) : undefined;
    return view ? { ...content, networkView: view } : content;
  }

  /** A network panel's ties go as columns (tieColumns.ts): a large network's objects are too heavy to send and keep. */
  private post(panel: vscode.WebviewPanel, message: ToWebview): Thenable<boolean> {
    return panel.webview.postMessage(message.type === 'show' ? { ...message, content: packTies(message.content) } : message);
  }

  /** `from` may be a revived network panel's state, its ties packed. */
  private async openAs(from: PanelContent, kind: PanelKind, focus: string): Promise<void> {
    const { results } = unpackTies(from);
    const content = panelContent({ title: from.study, results, labels: from.labels }, focus, kind, from.geometry);
    this.show(await this.withGeometry({ ...content, ...(from.spec ? { spec: from.spec } : {}) }));
  }

  private async exportRegression(content: PanelContent, format: RegressionFormat, to: 'file' | 'clipboard'): Promise<void> {
    const result = content.results.find((r) => r.name === content.focus);
    const table = result && regressionOf(result, content.labels);
    if (!table) return;
    if (format === 'docx') return this.save(`${content.focus}.docx`, await regressionDocx(table));
    const text = format === 'tex' ? regressionLatex(table)
      : format === 'md' ? regressionMarkdown(table)
        : format === 'csv' ? regressionCsv(table)
          : to === 'file' ? htmlPage(table.title ?? content.focus, regressionHtml(table)) : regressionHtml(table);
    if (to === 'clipboard') {
      await vscode.env.clipboard.writeText(text);
      void vscode.window.setStatusBarMessage(`Innograph: ${content.focus} copied as ${format.toUpperCase()}`, 3000);
    } else await this.save(`${content.focus}.${format}`, new TextEncoder().encode(text));
  }

  private async save(fileName: string, data: Uint8Array): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const extension = fileName.slice(fileName.lastIndexOf('.') + 1);
    const target = await vscode.window.showSaveDialog({
      defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined,
      filters: { [extension.toUpperCase()]: [extension] },
    });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, data);
    void vscode.window.setStatusBarMessage(`Innograph: saved ${vscode.workspace.asRelativePath(target)}`, 3000);
  }

  private async pickGeometry(): Promise<MapGeometry | undefined> {
    const [uri] = await vscode.window.showOpenDialog({ canSelectMany: false, filters: { TopoJSON: ['json', 'topojson'] }, title: 'Map geometry (TopoJSON)' }) ?? [];
    if (!uri) return undefined;
    const geometry = await readGeometry(uri);
    await this.context.workspaceState.update(GEOMETRY_KEY, uri.toString());
    return geometry;
  }

  /** A map's geometry: the one its network declares (`geometry:`), else the file last chosen in this workspace, if still readable. */
  private async withGeometry(content: PanelContent): Promise<PanelContent> {
    if (content.kind !== 'map' || content.geometry) return content;
    const declared = content.results.find((r) => r.network?.geometry)?.network?.geometry;
    const remembered = this.context.workspaceState.get<string>(GEOMETRY_KEY);
    const geometry = declared
      ? await readGeometry(vscode.Uri.file(declared.path), declared).catch((err: Error) => { this.log.warn(`[map] ${err.message}`); return undefined; })
      : remembered ? await readGeometry(vscode.Uri.parse(remembered)).catch(() => undefined) : undefined;
    return geometry ? { ...content, geometry } : content;
  }
}

async function readGeometry(uri: vscode.Uri, declared?: Pick<MapGeometry, 'key' | 'object' | 'aliases'>): Promise<MapGeometry> {
  const topology = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(uri)));
  if (topology?.type !== 'Topology') throw new Error(`${uri.fsPath} is not TopoJSON (its "type" is not "Topology").`);
  const { key, object, aliases } = declared ?? {};
  return { name: uri.path.split('/').pop() ?? uri.path, topology, ...(key ? { key } : {}), ...(object ? { object } : {}), ...(aliases ? { aliases } : {}) };
}

function titleOf(content: PanelContent): string {
  return `${content.pinned ? '📌 ' : ''}${content.focus} — ${TITLES[content.kind]}`;
}

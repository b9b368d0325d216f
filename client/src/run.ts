// Running specs from the editor: the request goes to the language server (which runs it in a worker), a
// cancellable progress notification follows its progress notifications, the output channel logs timings,
// and the result of the declaration asked for (or the last one that has something to show) opens in its
// panel. Failures arrive as diagnostics on the failing declarations. Every finished run goes to the recorder
// (the Runs view's history, runs/index.ts).
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { ResultsFile } from '../../server/src/results/format.js';
import { RUN_PROGRESS, RUN_REQUEST, type RunParams, type RunProgress } from '../../server/src/lsp/runProtocol.js';
import type { ResultPanels } from './panels/index.js';
import type { RunRecorder } from './runs/index.js';

export class StudyRunner {
  private progress?: { uri: string; report: (message: string, done: number, total: number) => void };

  constructor(
    private readonly client: LanguageClient, private readonly panels: ResultPanels, private readonly output: vscode.LogOutputChannel,
    private readonly recorder?: RunRecorder,
  ) {}

  /** Call once the client has started: progress notifications feed the open notification. */
  listen(): vscode.Disposable {
    return this.client.onNotification(RUN_PROGRESS, (p: RunProgress) => {
      if (this.progress?.uri === p.uri) this.progress.report(p.message, p.done, p.total);
    });
  }

  async run(uri: string | undefined, only?: string): Promise<ResultsFile | undefined> {
    const document = uri ? await vscode.workspace.openTextDocument(vscode.Uri.parse(uri)) : vscode.window.activeTextEditor?.document;
    if (document?.languageId !== 'study') {
      void vscode.window.showWarningMessage('Open a .study file to run it.');
      return undefined;
    }
    if (!vscode.workspace.isTrusted) {
      void vscode.window.showWarningMessage('Innograph runs nothing in an untrusted workspace; specs are still checked. Trust the workspace to run studies.');
      return undefined;
    }
    const target = only ? `\`${only}\`` : document.fileName.split('/').pop()!;
    const started = Date.now();
    this.output.info(`[run] ${target} …`);
    try {
      const results = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: `Innograph: running ${target}`, cancellable: true }, (progress, token) => {
        let last = 0;
        this.progress = {
          uri: document.uri.toString(),
          report: (message, done, total) => {
            const now = total ? (100 * done) / total : last;
            progress.report({ message, increment: Math.max(0, now - last) });
            last = now;
          },
        };
        return this.client.sendRequest<ResultsFile>(RUN_REQUEST, { uri: document.uri.toString(), only: only ? [only] : undefined } satisfies RunParams, token);
      });
      this.log(results, started);
      this.recorder?.record({ uri: document.uri.toString(), only, startedAt: started, seconds: (Date.now() - started) / 1000, results });
      const shown = only ?? [...results.results].reverse().find((r) => r.status === 'ok')?.name;
      if (shown) await this.panels.showRun(results, shown);
      const failed = results.results.filter((r) => r.status === 'error');
      if (failed.length) void vscode.window.showErrorMessage(`Innograph: ${failed.map((r) => r.name).join(', ')} failed — see the Problems view.`);
      return results;
    } catch (err) {
      const message = (err as Error).message ?? String(err);
      this.output.warn(`[run] ${target}: ${message}`);
      if (!/cancel/i.test(message)) void vscode.window.showErrorMessage(`Innograph: ${message}`);
      return undefined;
    } finally {
      this.progress = undefined;
    }
  }

  private log(results: ResultsFile, started: number): void {
    for (const r of results.results) {
      this.output.info(`[run]   ${r.kind} ${r.name}: ${r.status}${r.cached ? ' (unchanged, reused)' : ` in ${r.seconds.toFixed(2)} s`}${r.error ? ` — ${r.error.message}` : ''}`);
    }
    this.output.info(`[run] done in ${((Date.now() - started) / 1000).toFixed(2)} s`);
  }
}

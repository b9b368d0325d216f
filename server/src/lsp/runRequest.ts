// `innograph/run`: the editor asks to run a spec (or some of its declarations). The run happens in the
// worker thread; progress goes out as `innograph/runProgress` notifications, a cancelled request aborts
// it, and failed declarations become diagnostics on their declarations until these are edited.
import { LSPErrorCodes, ResponseError, type Connection, type TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ResultsFile } from '../results/format.js';
import { anchorRunErrors, runText } from './runErrors.js';
import { Cancelled } from '../run/context.js';
import { RunWorker } from '../run/worker.js';
import { RUN_PROGRESS, RUN_REQUEST, type RunParams, type RunProgress } from './runProtocol.js';
import { specPath, type StudyWorkspace } from './workspace.js';

export function registerRunRequests(connection: Connection, documents: TextDocuments<TextDocument>, workspace: StudyWorkspace): RunWorker {
  const worker = new RunWorker(process.argv[1]);
  connection.onRequest(RUN_REQUEST, async (params: RunParams, token): Promise<ResultsFile> => {
    if (!workspace.trusted) {
      throw new ResponseError(1, 'This workspace is not trusted: Innograph checks specs here but runs nothing and reads no data beyond file headers.');
    }
    const doc = documents.get(params.uri);
    const analysis = workspace.analysis(params.uri);
    if (!doc || !analysis) throw new ResponseError(2, `${params.uri} is not open.`);
    const errors = analysis.diagnostics.filter((d) => d.severity === 'error');
    if (errors.length) {
      const first = analysis.lines.position(errors[0].span.start);
      throw new ResponseError(3, `Fix the spec's ${errors.length} error${errors.length === 1 ? '' : 's'} first (line ${first.line + 1}: ${errors[0].message}).`);
    }
    const ranOn = runText(analysis);
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    try {
      const progress = (message: string, done: number, total: number) => void connection.sendNotification(RUN_PROGRESS, { uri: params.uri, message, done, total } satisfies RunProgress);
      // A long loop's steps show in the same notification as the declarations.
      const results = await worker.run({ text: doc.getText(), specPath: specPath(params.uri), only: params.only, headers: workspace.tables.headers() }, { signal: controller.signal, progress, steps: progress });
      await workspace.setRunErrors(params.uri, anchorRunErrors(ranOn, results));
      return results;
    } catch (err) {
      if (err instanceof Cancelled) throw new ResponseError(LSPErrorCodes.RequestCancelled, err.message);
      throw new ResponseError(4, `The run failed: ${(err as Error).message}`);
    }
  });
  return worker;
}

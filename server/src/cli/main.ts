// The `innograph` command: check specs, or serve the language over LSP for any editor.
import { basename, extname, join } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { checkCommand } from './check.js';
import { WORKER_MARKER } from '../run/worker.js';
import { DEFAULT_FORMATS, FORMATS, isFormat, type Format } from './outputs.js';

/** Each command's usage lines, as `innograph <command> --help` prints them. */
const COMMAND_USAGE: Record<string, string> = {
  check: `  innograph check [--outline] [--json] <spec.study>…   check specs; exit code 1 when any has errors`,
  run: `  innograph run <spec.study>… [--only NAME]… [--json FILE] [--out DIR [--format F,…]] [--quiet]
                                                       run specs: summary on stdout; results as JSON (--json);
                                                       --out DIR (DIR/<spec>/ for several): results.json and the
                                                       files of each format F in ${FORMATS.join(', ')}
                                                       (default ${DEFAULT_FORMATS.join(',')}: CSV tables, network
                                                       exports, report.html)`,
  new: `  innograph new <folder>                               propose a spec for the data files in a folder: each
                                                       file's columns given the roles their names suggest
                                                       (printed on stdout; nothing is written)`,
  lsp: `  innograph lsp [--stdio | --node-ipc | --socket=N] [--untrusted]
                                                       start the language server; --untrusted: check specs
                                                       (data files read for headers only), run nothing`,
};
const USAGE = `Usage:\n${Object.values(COMMAND_USAGE).join('\n')}\n  innograph --version`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  if (command in COMMAND_USAGE && (rest.includes('--help') || rest.includes('-h'))) {
    process.stdout.write(`Usage:\n${COMMAND_USAGE[command]}\n`);
    return 0;
  }
  switch (command) {
    case 'check': {
      const paths = rest.filter((a) => !a.startsWith('--'));
      const unknown = rest.filter((a) => a.startsWith('--') && a !== '--outline' && a !== '--json');
      if (!paths.length || unknown.length) {
        process.stderr.write(`${unknown.length ? `Unknown option ${unknown[0]}\n` : ''}${USAGE}\n`);
        return 2;
      }
      return checkCommand(paths, { outline: rest.includes('--outline'), json: rest.includes('--json') }, (l) => process.stdout.write(`${l}\n`));
    }
    case 'run': {
      const parsed = parseRunArgs(rest);
      if (typeof parsed === 'string') {
        process.stderr.write(`${parsed}\n${USAGE}\n`);
        return 2;
      }
      const { runCommand, stopRunWorker, INTERRUPTED } = await import('./run.js');
      // Ctrl+C stops the run (its checkpoints and DuckDB query see the signal; its temporary tables are
      // dropped); a second Ctrl+C exits at once.
      const interrupt = new AbortController();
      process.on('SIGINT', () => {
        if (interrupt.signal.aborted) process.exit(INTERRUPTED);
        interrupt.abort();
      });
      let worst = 0;
      try {
        for (const spec of parsed.specs) {
          const out = parsed.out && parsed.specs.length > 1 ? join(parsed.out, basename(spec, extname(spec))) : parsed.out;
          const code = await runCommand(spec, { ...parsed, out, signal: interrupt.signal }, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
          if (code === INTERRUPTED) {
            process.stderr.write(`innograph: interrupted; the run of ${spec} was stopped and nothing was written.\n`);
            return INTERRUPTED;
          }
          worst = Math.max(worst, code);
        }
      } finally {
        await stopRunWorker();
      }
      return worst;
    }
    case 'new': {
      const folders = rest.filter((a) => !a.startsWith('--'));
      if (folders.length !== 1 || folders.length !== rest.length) {
        process.stderr.write(`Usage:\n${COMMAND_USAGE.new}\n`);
        return 2;
      }
      const { newStudyCommand } = await import('./newStudy.js');
      return newStudyCommand(folders[0], (text) => process.stdout.write(text), (line) => process.stderr.write(`${line}\n`));
    }
    case 'lsp': {
      const { startLanguageServer } = await import('../lsp/server.js');
      startLanguageServer(undefined, { untrusted: rest.includes('--untrusted') });
      return -1; // keeps running until the client disconnects
    }
    case '--version': case '-v':
      process.stdout.write(`${process.env.INNOGRAPH_VERSION ?? 'dev'}\n`);
      return 0;
    default:
      process.stderr.write(`${command && command !== '--help' && command !== '-h' ? `Unknown command ${command}\n` : ''}${USAGE}\n`);
      return command === '--help' || command === '-h' ? 0 : 2;
  }
}

/** `run` arguments, or a message saying what is wrong with them. */
function parseRunArgs(args: string[]): { specs: string[]; only: string[]; json?: string; out?: string; formats: Set<Format>; quiet: boolean } | string {
  const parsed = { specs: [] as string[], only: [] as string[], json: undefined as string | undefined, out: undefined as string | undefined, quiet: false };
  const formats: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (a === '--quiet') parsed.quiet = true;
    else if (a === '--only' || a === '--json' || a === '--out' || a === '--format') {
      const value = args[++i];
      if (value === undefined) return `${a} needs a value`;
      if (a === '--only') parsed.only.push(...value.split(','));
      else if (a === '--format') formats.push(...value.split(','));
      else if (a === '--json') parsed.json = value;
      else parsed.out = value;
    } else if (a.startsWith('--')) return `Unknown option ${a}`;
    else parsed.specs.push(a);
  }
  if (!parsed.specs.length) return 'run needs a spec';
  if (parsed.specs.length > 1 && parsed.json) return 'with several specs, use --out DIR (one folder per spec) instead of --json';
  const unknown = formats.find((f) => !isFormat(f));
  if (unknown !== undefined) return `Unknown format ${JSON.stringify(unknown)}: formats are ${FORMATS.join(', ')}`;
  if (formats.length && !parsed.out) return '--format needs --out DIR (the folder its files go to)';
  return { ...parsed, formats: new Set(formats.length ? (formats as Format[]) : DEFAULT_FORMATS) };
}

// The language server runs specs in a worker thread started from this same file (server/src/run/worker.ts).
if (!isMainThread && (workerData as Record<string, unknown> | null)?.[WORKER_MARKER]) {
  void import('../run/workerThread.js').then((w) => w.serveRuns());
} else {
  main(process.argv.slice(2)).then((code) => {
    if (code >= 0) process.exitCode = code;
  }, (err: unknown) => {
    process.stderr.write(`innograph: ${(err as Error).stack ?? String(err)}\n`);
    process.exitCode = 1;
  });
}

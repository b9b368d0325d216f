// The `innograph` command: check specs, or serve the language over LSP for any editor.
import { basename, extname, join } from 'node:path';
import { isMainThread, workerData } from 'node:worker_threads';
import { checkCommand } from './check.js';
import { WORKER_MARKER } from '../run/worker.js';
import { DEFAULT_FORMATS, FORMATS, isFormat, type Format } from './outputs.js';
import { DEFAULT_TOLERANCE } from './package/compare.js';

/** Each command's usage lines, as `innograph <command> --help` prints them. */
const COMMAND_USAGE: Record<string, string> = {
  check: `  innograph check [--outline] [--json] <spec.study>…   check specs; exit code 1 when any has errors`,
  run: `  innograph run <spec.study>… [--only NAME]… [--json FILE] [--out DIR [--format F,…]] [--quiet]
                [--no-cache | --cache-dir DIR]
                                                       run specs: summary on stdout; results as JSON (--json);
                                                       --out DIR (DIR/<spec>/ for several): results.json and the
                                                       files of each format F in ${FORMATS.join(', ')}
                                                       (default ${DEFAULT_FORMATS.join(',')}: CSV tables, network
                                                       exports, report.html); unchanged declarations are read
                                                       from the cache, .innograph/cache/ beside the spec
                                                       (--cache-dir DIR elsewhere, --no-cache: run them all)`,
  package: `  innograph package <spec.study> --out DIR [--data copy|reference] [--no-cache | --cache-dir DIR] [--quiet]
                                                       write a replication package: the spec, the data (copied,
                                                       or referenced where they are) with a manifest of hashes,
                                                       rows, columns, provenance and licence, the environment,
                                                       the results (JSON, CSV, TeX, Markdown, SVG) and a README
                                                       in the Social Science Data Editors' template`,
  verify: `  innograph verify <DIR> [--tolerance T] [--data-root DIR] [--quiet]
                                                       re-run a replication package and compare every number
                                                       with its results (relative tolerance T, default
                                                       ${DEFAULT_TOLERANCE}) and every data file with its hash; exit
                                                       code 1 on any difference, each one listed`,
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
      if (typeof parsed === 'string') return usageError(parsed);
      const { runCommand, cacheChoice } = await import('./run.js');
      return interruptible(async (signal, stopped) => {
        let worst = 0;
        for (const spec of parsed.specs) {
          const out = parsed.out && parsed.specs.length > 1 ? join(parsed.out, basename(spec, extname(spec))) : parsed.out;
          const code = await runCommand(spec, { ...parsed, out, cache: cacheChoice(spec, parsed), signal }, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
          const stop = stopped(code, spec);
          if (stop !== undefined) return stop;
          worst = Math.max(worst, code);
        }
        return worst;
      });
    }
    case 'package': {
      const parsed = parsePackageArgs(rest);
      if (typeof parsed === 'string') return usageError(parsed, 'package');
      const [{ packageCommand }, { cacheChoice }] = await Promise.all([import('./package/package.js'), import('./run.js')]);
      return interruptible(async (signal, stopped) => {
        const code = await packageCommand(parsed.spec, { ...parsed, cache: cacheChoice(parsed.spec, parsed), signal }, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
        return stopped(code, parsed.spec) ?? code;
      });
    }
    case 'verify': {
      const parsed = parseVerifyArgs(rest);
      if (typeof parsed === 'string') return usageError(parsed, 'verify');
      const { verifyCommand } = await import('./package/verify.js');
      return interruptible(async (signal, stopped) => {
        const code = await verifyCommand(parsed.dir, { ...parsed, signal }, (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
        return stopped(code, parsed.dir) ?? code;
      });
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

function usageError(message: string, command?: string): number {
  process.stderr.write(`${message}\n${command ? `Usage:\n${COMMAND_USAGE[command]}` : USAGE}\n`);
  return 2;
}

/**
 * Runs a command that runs specs: Ctrl+C stops the run (its checkpoints and DuckDB query see the signal; its
 * temporary tables are dropped), a second Ctrl+C exits at once; the run worker is stopped at the end. The
 * command answers an exit code, or `stopped` (with what was running) when its run was interrupted.
 */
async function interruptible(command: (signal: AbortSignal, stopped: (code: number, what: string) => number | undefined) => Promise<number>): Promise<number> {
  const { stopRunWorker, INTERRUPTED } = await import('./run.js');
  const interrupt = new AbortController();
  process.on('SIGINT', () => {
    if (interrupt.signal.aborted) process.exit(INTERRUPTED);
    interrupt.abort();
  });
  const stopped = (code: number, what: string) => {
    if (code !== INTERRUPTED) return undefined;
    process.stderr.write(`innograph: interrupted; the run of ${what} was stopped and nothing was written.\n`);
    return code;
  };
  try {
    return await command(interrupt.signal, stopped);
  } finally {
    await stopRunWorker();
  }
}

/**
 * Options and operands: `flags` stand alone, `valued` take the next argument (`lists` split at commas and
 * may repeat); a message saying what is wrong, or what was given.
 */
function parseArgs(args: string[], flags: string[], valued: string[], lists: string[] = []): { operands: string[]; flags: Set<string>; values: Map<string, string[]> } | string {
  const parsed = { operands: [] as string[], flags: new Set<string>(), values: new Map<string, string[]>() };
  for (let i = 0; i < args.length; i++) {
    const a = args[i];
    if (flags.includes(a)) parsed.flags.add(a);
    else if (valued.includes(a) || lists.includes(a)) {
      const value = args[++i];
      if (value === undefined) return `${a} needs a value`;
      const values = parsed.values.get(a) ?? [];
      if (!lists.includes(a) && values.length) return `${a} is given twice`;
      parsed.values.set(a, [...values, ...(lists.includes(a) ? value.split(',') : [value])]);
    } else if (a.startsWith('--')) return `Unknown option ${a}`;
    else parsed.operands.push(a);
  }
  if (parsed.flags.has('--no-cache') && parsed.values.has('--cache-dir')) return '--no-cache and --cache-dir exclude each other';
  return parsed;
}

/** `run` arguments, or a message saying what is wrong with them. */
function parseRunArgs(args: string[]) {
  const given = parseArgs(args, ['--quiet', '--no-cache'], ['--json', '--out', '--cache-dir'], ['--only', '--format']);
  if (typeof given === 'string') return given;
  const parsed = {
    specs: given.operands, only: given.values.get('--only') ?? [], json: given.values.get('--json')?.[0], out: given.values.get('--out')?.[0],
    quiet: given.flags.has('--quiet'), noCache: given.flags.has('--no-cache'), cacheDir: given.values.get('--cache-dir')?.[0],
  };
  const formats = given.values.get('--format') ?? [];
  if (!parsed.specs.length) return 'run needs a spec';
  if (parsed.specs.length > 1 && parsed.json) return 'with several specs, use --out DIR (one folder per spec) instead of --json';
  const unknown = formats.find((f) => !isFormat(f));
  if (unknown !== undefined) return `Unknown format ${JSON.stringify(unknown)}: formats are ${FORMATS.join(', ')}`;
  if (formats.length && !parsed.out) return '--format needs --out DIR (the folder its files go to)';
  return { ...parsed, formats: new Set(formats.length ? (formats as Format[]) : DEFAULT_FORMATS) };
}

/** `package` arguments, or a message saying what is wrong with them. */
function parsePackageArgs(args: string[]) {
  const given = parseArgs(args, ['--quiet', '--no-cache'], ['--out', '--data', '--cache-dir']);
  if (typeof given === 'string') return given;
  const [spec, ...more] = given.operands;
  const out = given.values.get('--out')?.[0];
  const data = given.values.get('--data')?.[0] ?? 'copy';
  if (!spec || more.length) return 'package needs one spec';
  if (!out) return 'package needs --out DIR (the folder the package is written to)';
  if (data !== 'copy' && data !== 'reference') return `--data is copy or reference, not ${JSON.stringify(data)}`;
  return { spec, out, data: data as 'copy' | 'reference', quiet: given.flags.has('--quiet'), noCache: given.flags.has('--no-cache'), cacheDir: given.values.get('--cache-dir')?.[0] };
}

/** `verify` arguments, or a message saying what is wrong with them. */
function parseVerifyArgs(args: string[]) {
  const given = parseArgs(args, ['--quiet'], ['--tolerance', '--data-root']);
  if (typeof given === 'string') return given;
  const [dir, ...more] = given.operands;
  if (!dir || more.length) return 'verify needs one package folder';
  const tolerance = Number(given.values.get('--tolerance')?.[0] ?? DEFAULT_TOLERANCE);
  if (!(tolerance >= 0)) return '--tolerance is a number ≥ 0';
  return { dir, tolerance, dataRoot: given.values.get('--data-root')?.[0], quiet: given.flags.has('--quiet') };
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

// The `innograph` command: check specs, or serve the language over LSP for any editor.
import { checkCommand } from './check.js';

const USAGE = `Usage:
  innograph check [--outline] [--json] <spec.study>…   check specs; exit code 1 when any has errors
  innograph lsp [--stdio | --node-ipc | --socket=N]    start the language server
  innograph --version`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
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
    case 'lsp': {
      const { startLanguageServer } = await import('../lsp/server.js');
      startLanguageServer();
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

main(process.argv.slice(2)).then((code) => {
  if (code >= 0) process.exitCode = code;
}, (err: unknown) => {
  process.stderr.write(`innograph: ${(err as Error).stack ?? String(err)}\n`);
  process.exitCode = 1;
});

// The packages as users get them: each platform's .vsix (from `npm run package`) holds the bundles and exactly
// its own DuckDB binding, nothing else of node_modules, no source maps, and stays small; the npm tarball installs
// the CLI into a clean prefix, where `innograph --version` and each command's `--help` work.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { REPO, TMP } from './lib.mjs';
import { TARGETS } from '../../package.mjs';

/** The zip's entries with their uncompressed sizes (`unzip -Z -l`: permissions, …, size, …, name). */
function entries(vsix) {
  return execFileSync('unzip', ['-Z', '-l', vsix], { encoding: 'utf8', maxBuffer: 64 << 20 }).split('\n')
    .map((line) => /^[-dlrwx]{10}\s+\S+\s+\S+\s+(\d+)\s+\S+\s+\d+\s+\S+\s+\S+\s+\S+\s+(.+)$/.exec(line))
    .filter(Boolean).map(([, size, name]) => ({ name, size: Number(size) }));
}

for (const [target, binding] of Object.entries(TARGETS)) {
  test(`innograph-${target}.vsix: the bundles and only ${binding}`, () => {
    const files = entries(path.join(REPO, `innograph-${target}.vsix`));
    const names = new Set(files.map((f) => f.name));
    for (const needed of ['extension/package.json', 'extension/dist/extension.cjs', 'extension/dist/cli.cjs', 'extension/dist/server/main.mjs',
      'extension/node_modules/@duckdb/node-bindings/duckdb.js', `extension/node_modules/${binding}/duckdb.node`, 'extension/client/media/icon.png', 'extension/changelog.md',
      'extension/docs/LANGUAGE.md', 'extension/examples/rare_earth.study', 'extension/client/media/walkthrough/example.md']) {
      assert.ok(names.has(needed), `${target}: ${needed} is missing`);
    }
    const modules = new Set(files.filter((f) => f.name.startsWith('extension/node_modules/'))
      .map((f) => f.name.split('/').slice(2, f.name.split('/')[2].startsWith('@') ? 4 : 3).join('/')));
    assert.deepEqual([...modules].sort(), ['@duckdb/node-bindings', binding, 'detect-libc'].sort());
    assert.deepEqual(files.filter((f) => f.name.endsWith('.map')).map((f) => f.name), []);
    const withoutBinding = files.filter((f) => !f.name.startsWith(`extension/node_modules/${binding}/`)).reduce((s, f) => s + f.size, 0);
    assert.ok(withoutBinding < 10 * 2 ** 20, `${target}: ${(withoutBinding / 2 ** 20).toFixed(1)} MB besides the binding`);
    const manifest = JSON.parse(execFileSync('unzip', ['-p', path.join(REPO, `innograph-${target}.vsix`), 'extension/package.json'], { encoding: 'utf8' }));
    assert.deepEqual(Object.keys(manifest.dependencies), ['@duckdb/node-bindings']);
  });
}

test('the npm tarball installs the CLI into a clean prefix: --version and each command\'s --help', () => {
  const dir = fs.mkdtempSync(path.join(TMP, 'cli-'));
  const tarball = execFileSync('npm', ['pack', '--silent', '--pack-destination', dir], { cwd: REPO, encoding: 'utf8' }).trim().split('\n').at(-1);
  const prefix = path.join(dir, 'prefix');
  execFileSync('npm', ['install', '--global', '--prefix', prefix, '--no-audit', '--no-fund', path.join(dir, tarball)], { stdio: 'pipe' });
  const innograph = (...args) => execFileSync(path.join(prefix, 'bin', 'innograph'), args, { encoding: 'utf8', cwd: dir });
  const { version } = JSON.parse(fs.readFileSync(path.join(REPO, 'package.json'), 'utf8'));
  assert.equal(innograph('--version').trim(), version);
  for (const command of ['check', 'run', 'lsp']) assert.match(innograph(command, '--help'), new RegExp(`innograph ${command}`));
  // The installed CLI runs DuckDB: a spec with a data file checks clean.
  fs.writeFileSync(path.join(dir, 'd.csv'), 'y,x\n1,2\n2,3\n3,5\n');
  fs.writeFileSync(path.join(dir, 'spec.study'), 'dataset d from "d.csv"\nmodel m = ols(y ~ x, data: d)\n');
  assert.match(innograph('check', 'spec.study'), /0 errors/);
});

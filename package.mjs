// `npm run package [-- --target T …]`: one .vsix per platform (VS Code's `--target`), written as
// innograph-<target>.vsix. Each holds the bundles (dist/, no source maps; DuckDB's JavaScript API is in them),
// the grammar and snippets, and of node_modules only DuckDB's binding loader and its platform's native binding. Bindings of other
// platforms come from the npm registry (`npm pack`), cached per machine in ~/.cache/innograph-package.
// Without --target: every platform DuckDB publishes a binding for.
import { createVSIX } from '@vscode/vsce';
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** VS Code's platform targets and the DuckDB binding package each needs. */
export const TARGETS = {
  'linux-x64': '@duckdb/node-bindings-linux-x64',
  'linux-arm64': '@duckdb/node-bindings-linux-arm64',
  'darwin-x64': '@duckdb/node-bindings-darwin-x64',
  'darwin-arm64': '@duckdb/node-bindings-darwin-arm64',
  'win32-x64': '@duckdb/node-bindings-win32-x64',
  'win32-arm64': '@duckdb/node-bindings-win32-arm64',
};

const ROOT = resolve(import.meta.dirname);
const STAGE = join(ROOT, '.package');
const CACHE = join(process.env.INNOGRAPH_PACKAGE_CACHE ?? join(homedir(), '.cache'), 'innograph-package');
/** What the extension needs at run time besides its bundles: DuckDB's binding loader and its libc detection. */
const RUNTIME_MODULES = ['@duckdb/node-bindings', 'detect-libc'];
/** The files a package ships besides dist/ (.vscodeignore lists the same): the walkthrough copies the example. */
const SHIPPED = [
  'README.md', 'LICENSE', 'CHANGELOG.md', 'language-configuration.json', 'syntaxes', 'snippets', 'client/media', 'docs/LANGUAGE.md',
  'examples/rare_earth.study', 'examples/data/rare_earth', 'examples/maps', '.vscodeignore',
];

function targetsAsked(argv) {
  const asked = argv.flatMap((a, i) => (a === '--target' ? [argv[i + 1]] : a.startsWith('--target=') ? [a.slice(9)] : []));
  const unknown = asked.filter((t) => !(t in TARGETS));
  if (unknown.length) throw new Error(`Unknown target ${unknown.join(', ')}: targets are ${Object.keys(TARGETS).join(', ')}`);
  return asked.length ? asked : Object.keys(TARGETS);
}

/** A package of the registry, unpacked once per machine: its folder. */
function fetched(name, version) {
  const dir = join(CACHE, `${name.replace('/', '+')}@${version}`);
  if (existsSync(join(dir, 'package.json'))) return dir;
  const download = join(CACHE, 'download');
  mkdirSync(download, { recursive: true });
  const file = execFileSync('npm', ['pack', `${name}@${version}`, '--silent', '--pack-destination', download], { encoding: 'utf8' }).trim().split('\n').at(-1);
  mkdirSync(dir, { recursive: true });
  execFileSync('tar', ['-xzf', join(download, file), '-C', dir, '--strip-components=1']);
  rmSync(join(download, file));
  return dir;
}

/** The manifest as shipped: bundled code needs no dependency but DuckDB's binding loader, and no build scripts. */
function shippedManifest() {
  const manifest = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
  delete manifest.scripts;
  delete manifest.devDependencies;
  delete manifest.overrides;
  delete manifest.bin;
  delete manifest.files; // the npm package's list; the .vsix's is .vscodeignore
  manifest.dependencies = { '@duckdb/node-bindings': loaderVersion() };
  return manifest;
}

function loaderVersion() {
  return JSON.parse(readFileSync(join(ROOT, 'node_modules/@duckdb/node-bindings/package.json'), 'utf8')).version;
}

async function packageFor(target) {
  const stage = join(STAGE, target);
  rmSync(stage, { recursive: true, force: true });
  mkdirSync(stage, { recursive: true });
  for (const item of SHIPPED) cpSync(join(ROOT, item), join(stage, item), { recursive: true });
  cpSync(join(ROOT, 'dist'), join(stage, 'dist'), { recursive: true, filter: (source) => !source.endsWith('.map') });
  writeFileSync(join(stage, 'package.json'), `${JSON.stringify(shippedManifest(), null, 2)}\n`);
  for (const module of RUNTIME_MODULES) cpSync(join(ROOT, 'node_modules', module), join(stage, 'node_modules', module), { recursive: true });
  const binding = TARGETS[target];
  cpSync(fetched(binding, loaderVersion()), join(stage, 'node_modules', binding), { recursive: true });
  const packagePath = join(ROOT, `innograph-${target}.vsix`);
  await createVSIX({ cwd: stage, target, packagePath, allowMissingRepository: true, skipLicense: true });
  return packagePath;
}

if (import.meta.filename === resolve(process.argv[1] ?? '')) {
  for (const target of targetsAsked(process.argv.slice(2))) {
    const path = await packageFor(target);
    console.log(`${target}: ${path}`);
  }
  rmSync(STAGE, { recursive: true, force: true });
}

// `innograph verify DIR`: does a replication package still reproduce? Every data file against its hash in
// the manifest, then the packaged spec re-run from scratch (no cache) and every number compared with the
// packaged results.json (compare.ts). Each difference is listed; any makes the exit code 1.
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { ResultsFile } from '../../results/format.js';
import { sha256File } from '../../util/sha256.js';
import { runSpec } from '../run.js';
import { compareResults } from './compare.js';
import { MANIFEST_FORMAT, type Environment, type Manifest } from './manifest.js';

export interface VerifyOptions { tolerance: number; dataRoot?: string; quiet: boolean; signal?: AbortSignal }

export async function verifyCommand(packageDir: string, options: VerifyOptions, print: (line: string) => void, progress: (line: string) => void): Promise<number> {
  const dir = resolve(packageDir);
  const manifest = readJson<Manifest>(join(dir, 'manifest.json'));
  const packaged = readJson<ResultsFile>(join(dir, 'results', 'results.json'));
  if (typeof manifest === 'string' || manifest.format !== MANIFEST_FORMAT) {
    print(`${packageDir}: not a replication package (${typeof manifest === 'string' ? manifest : 'manifest.json is not an Innograph package manifest'}); \`innograph package\` writes one.`);
    return 2;
  }
  if (typeof packaged === 'string') {
    print(`${packageDir}: ${packaged}`);
    return 2;
  }
  // Numbers may legitimately move between versions (a fixed convention, a more exact algorithm): say so first.
  const packagedWith = readJson<Environment>(join(dir, 'environment.json'));
  const running = process.env.INNOGRAPH_VERSION ?? 'dev';
  if (typeof packagedWith !== 'string' && packagedWith.innograph !== running) print(`${packageDir}: note: packaged with Innograph ${packagedWith.innograph}, verified with ${running}`);
  const root = resolve(options.dataRoot ?? (manifest.data === 'copy' ? join(dir, 'study') : manifest.dataRoot ?? join(dir, 'study')));
  let problems = 0;
  for (const file of manifest.files) {
    const path = join(root, file.path);
    const now = existsSync(path) ? sha256File(path) : undefined;
    if (now === file.sha256) continue;
    problems++;
    print(now === undefined
      ? `data file ${file.path}: missing (looked for ${path})`
      : `data file ${file.path}: its SHA-256 differs from the manifest's (packaged ${file.sha256.slice(0, 16)}…, now ${now.slice(0, 16)}…): the file changed`);
  }
  const specFile = join(dir, 'study', manifest.spec);
  let text: string;
  try {
    text = readFileSync(specFile, 'utf8');
  } catch {
    print(`${packageDir}: the packaged spec study/${manifest.spec} cannot be read`);
    return 2;
  }
  // The packaged spec is run as if it sat in the data's folder, so that its relative paths find the files.
  const run = await runSpec(join(root, manifest.spec), { only: [], quiet: options.quiet, cache: 'none', signal: options.signal, text }, print, progress);
  if (typeof run === 'number') return run;
  const { differences, numbers } = compareResults(packaged, run.results, options.tolerance);
  for (const d of differences) print(`${d.where}: packaged ${d.packaged}, now ${d.now}`);
  problems += differences.length;
  const summary = `${manifest.files.length} data files checked, ${numbers} numbers compared (relative tolerance ${options.tolerance})`;
  print(problems
    ? `${packageDir}: does NOT reproduce: ${problems} difference${problems === 1 ? '' : 's'}; ${summary}`
    : `${packageDir}: reproduces: ${summary}, no difference`);
  return problems ? 1 : 0;
}

/** A JSON file's content, or what is wrong with it. */
function readJson<T>(path: string): T | string {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return `${path} is missing`;
  }
  try {
    return JSON.parse(text) as T;
  } catch (err) {
    return `${path} is not valid JSON: ${(err as Error).message}`;
  }
}

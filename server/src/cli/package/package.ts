// `innograph package spec.study --out DIR`: a replication package from one command. The spec is run (with
// the persistent cache unless `--no-cache`) and written with everything a data editor asks for:
//   DIR/study/<spec>       the spec, and with `--data copy` its data files at the paths it names
//   DIR/manifest.json      each data file: path, size, SHA-256, rows, columns, provenance, licence
//   DIR/environment.json   Innograph, DuckDB, Node, OS, CPU
//   DIR/results/           results.json, tables as CSV / TeX / Markdown, figures and maps as SVG, report.html
//   DIR/README.md          the template README (readme.ts)
// User data files are only read; nothing is written beside them.
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, resolve, sep } from 'node:path';
import type { Analysis } from '../../workspace/analysis.js';
import { TableCache } from '../../workspace/tableCache.js';
import { runSpec, writeOutputs, type CacheChoice } from '../run.js';
import type { Format } from '../outputs.js';
import { dataFiles, environment, MANIFEST_FORMAT, studyMetadata, type Manifest, type StudyMetadata } from './manifest.js';
import { replicationReadme } from './readme.js';

export interface PackageOptions { out: string; data: 'copy' | 'reference'; cache: CacheChoice; quiet: boolean; signal?: AbortSignal }

/** Every format: the package holds the tables as each journal may want them. */
const PACKAGE_FORMATS: ReadonlySet<Format> = new Set(['json', 'csv', 'tex', 'md', 'html']);

export async function packageCommand(specPath: string, options: PackageOptions, print: (line: string) => void, progress: (line: string) => void): Promise<number> {
  const dir = resolve(options.out);
  // A package is all of one run: files left from another would be taken for its own.
  if (existsSync(dir) && readdirSync(dir).length) {
    print(`${options.out}: not empty; a replication package is written into a new or empty folder.`);
    return 2;
  }
  const run = await runSpec(specPath, { ...options, only: [], tables: new TableCache({ rowCounts: () => true }) }, print, progress);
  if (typeof run === 'number') return run;
  const { analysis, results, text } = run;
  const failed = results.results.filter((r) => r.status !== 'ok');
  if (failed.length) {
    print(`${specPath}: ${failed.map((r) => `${r.kind} ${r.name}`).join(', ')} did not run; a replication package needs every declaration to run (see \`innograph run ${specPath}\`). Nothing was written.`);
    return 1;
  }
  const files = dataFiles(analysis);
  if (options.data === 'copy') {
    const outside = files.find((f) => isAbsolute(f.path) || normalize(f.path).split(sep)[0] === '..');
    if (outside) {
      print(`${specPath}:${outside.line}: ${JSON.stringify(outside.path)} is outside the spec's folder: --data copy keeps each file at the path the spec names; use --data reference, or move the file under the spec's folder.`);
      return 2;
    }
  }
  const studyDir = join(dir, 'study');
  mkdirSync(studyDir, { recursive: true });
  const specName = basename(specPath);
  writeFileSync(join(studyDir, specName), text);
  if (options.data === 'copy') {
    for (const f of files) {
      const target = join(studyDir, f.path);
      mkdirSync(dirname(target), { recursive: true });
      copyFileSync(resolve(analysis.baseDir, f.path), target);
    }
  }
  const manifest: Manifest = {
    format: MANIFEST_FORMAT, version: 1, spec: specName, data: options.data,
    ...(options.data === 'reference' ? { dataRoot: analysis.baseDir } : {}), files,
  };
  const env = await environment();
  const written = await writeOutputs(results, PACKAGE_FORMATS, join(dir, 'results'));
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 1)}\n`);
  writeFileSync(join(dir, 'environment.json'), `${JSON.stringify(env, null, 1)}\n`);
  const study = studyMetadata(analysis);
  const storageBytes = written.reduce((sum, name) => sum + statSync(join(dir, 'results', name)).size, 0)
    + (options.data === 'copy' ? files.reduce((sum, f) => sum + f.size, 0) : 0);
  writeFileSync(join(dir, 'README.md'), replicationReadme({
    study, manifest, environment: env, results, declarations: declarationPlaces(analysis), outputs: outputsByDeclaration(written), storageBytes,
  }));
  for (const missing of missingMetadata(study, manifest)) print(`${specPath}: note: ${missing}`);
  print(`${specPath}: replication package in ${dir} (${files.length} data files ${options.data === 'copy' ? 'copied' : 'referenced'}, ${written.length} result files; README.md)`);
  return 0;
}

/** Each declaration's line and the comment lines right above it, which name it as the paper does ("Table 1: …"). */
function declarationPlaces(analysis: Analysis): Map<string, { line: number; note?: string }> {
  const { text, file } = analysis;
  const places = new Map<string, { line: number; note?: string }>();
  for (const decl of file.decls) {
    if (!decl.name) continue;
    const lines: string[] = [];
    let above = decl.span.start;
    // Comments on the lines just above, each on a line of its own (not the end of a line of code), up to a blank line.
    for (const c of file.comments.filter((c) => c.span.end <= decl.span.start).reverse()) {
      const gap = text.slice(c.span.end, above);
      const lineStart = text.lastIndexOf('\n', c.span.start - 1) + 1;
      if (gap.trim() || gap.split('\n').length > 2 || text.slice(lineStart, c.span.start).trim()) break;
      lines.unshift(c.text.replace(/^\/\/\s*/, '').trim());
      above = lineStart;
    }
    places.set(decl.name.name, { line: analysis.lines.position(decl.span.start).line + 1, note: lines.join(' ') || undefined });
  }
  return places;
}

/** Result files by the declaration whose name they begin with (`rein.gexf`, `table1.indicators.csv`). */
function outputsByDeclaration(names: string[]): Map<string, string[]> {
  const byDeclaration = new Map<string, string[]>();
  for (const name of names) {
    const declaration = name.split('.')[0];
    byDeclaration.set(declaration, [...(byDeclaration.get(declaration) ?? []), name]);
  }
  return byDeclaration;
}

/** What the README marks as undeclared, said once on the command line too. */
function missingMetadata(study: StudyMetadata, manifest: Manifest): string[] {
  const ofStudy = (['availability', 'licence', 'citation'] as const).filter((o) => !study[o]).map((o) => `the study declares no \`${o}:\` for the README`);
  const ofFiles = manifest.files.filter((f) => !f.provenance || !f.licence)
    .map((f) => `${f.declarations[0]} declares no ${[!f.provenance && '`provenance:`', !f.licence && '`licence:`'].filter(Boolean).join(' or ')} for ${f.path}`);
  return [...ofStudy, ...ofFiles];
}

// A replication package's README.md in the Social Science Data Editors' template
// (https://social-science-data-editors.github.io/template_README/; test/cli/package.test.ts holds the README to
// the template's sections): every section of the template, filled
// from the spec (study metadata, each file's provenance and licence), the manifest, the environment and the
// run (each declaration's runtime and memory). What the spec does not declare is marked for the authors.
import type { DeclarationResult, ResultsFile } from '../../results/format.js';
import type { Environment, Manifest, StudyMetadata } from './manifest.js';

export interface ReadmeInput {
  study: StudyMetadata;
  manifest: Manifest;
  environment: Environment;
  results: ResultsFile;
  /** Each declaration's spec line and the comment above it (what the authors call it: "Table 1: …"). */
  declarations: Map<string, { line: number; note?: string }>;
  /** The files of `results/`, by the declaration that made them. */
  outputs: Map<string, string[]>;
  /** Bytes of the package's data and results. */
  storageBytes: number;
}

const UNDECLARED = (option: string, where = 'study') => `*Not declared in the spec: add \`${option}:\` to the \`${where}\` declaration.*`;
const cell = (text: string) => text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const megabytes = (bytes: number) => (bytes / 2 ** 20).toFixed(1);

export function replicationReadme(input: ReadmeInput): string {
  const { study, manifest, environment: env, results } = input;
  const spec = `study/${manifest.spec}`;
  const ran = results.results.filter((r) => r.status === 'ok');
  const seconds = ran.reduce((sum, r) => sum + r.seconds, 0);
  const peak = Math.max(0, ...ran.map((r) => r.peakMemory ?? 0));
  const lines = [
    `# ${study.title ?? manifest.spec}: replication package`,
    '',
    '## Overview',
    '',
    `${study.description ? `${study.description}. ` : ''}The code in this replication package is one Innograph study spec, \`${spec}\`, which declares the data, networks, measures, models, tables and figures of the study. Innograph runs it and writes every table and figure into \`results/\`. One command, \`innograph verify\`, re-runs the package and compares every number. The study ran in ${seconds.toFixed(1)} seconds on the machine described below.`,
    ...(study.authors ? ['', `Authors: ${study.authors}.`] : []),
    '',
    '## Data Availability and Provenance Statements',
    '',
    '### Statement about Rights',
    '',
    'For the authors to tick (a certification no tool can make for them):',
    '',
    '- [ ] I certify that the author(s) of the manuscript have legitimate access to and permission to use the data used in this manuscript.',
    '- [ ] I certify that the author(s) of the manuscript have documented permission to redistribute/publish the data contained within this replication package.',
    '',
    '### License for Data',
    '',
    study.licence ? `The package is distributed under ${study.licence}; each data file's own licence is stated below.` : UNDECLARED('licence'),
    '',
    '### Summary of Availability',
    '',
    study.availability ?? UNDECLARED('availability'),
    '',
    manifest.data === 'copy'
      ? `- [x] All data **are** provided in this replication package (\`study/\`, at the paths the spec names).`
      : `- [ ] The data are **not** provided in this replication package: they are referenced where they were packaged (\`${manifest.dataRoot}\`), with the hashes a replicator's copy must match.`,
    '',
    '### Details on each Data Source',
    '',
    ...manifest.files.flatMap((f) => [
      `- \`${f.path}\` (${f.declarations.join(', ')}; spec line ${f.line})`,
      `  - Provenance: ${f.provenance ?? UNDECLARED('provenance', f.declarations[0])}`,
      `  - Licence: ${f.licence ?? UNDECLARED('licence', f.declarations[0])}`,
    ]),
    '',
    '## Dataset list',
    '',
    '| Data file | Source | Rows | Columns | Size (bytes) | SHA-256 | Provided |',
    '|---|---|---:|---:|---:|---|---|',
    ...manifest.files.map((f) => `| \`${cell(f.path)}\` | ${cell(f.provenance ?? '—')} | ${f.rows ?? '—'} | ${f.columns?.length ?? '—'} | ${f.size} | \`${f.sha256}\` | ${manifest.data === 'copy' ? 'Yes' : 'No (referenced)'} |`),
    '',
    'The same list, with every column name, is `manifest.json`.',
    '',
    '## Computational requirements',
    '',
    '### Software Requirements',
    '',
    `- Innograph ${env.innograph} (the \`innograph\` command line, or the VS Code extension)`,
    `- DuckDB ${env.duckdb} (embedded in Innograph)`,
    `- Node.js ${env.node} (Innograph requires ^20.19, ^22.12 or ≥ 23)`,
    '',
    'The packaged environment is `environment.json`.',
    '',
    '### Controlled Randomness',
    '',
    study.seeds.length
      ? `- [x] Random seeds are set in the spec: ${study.seeds.map((s) => `\`seed: ${s.seed}\` (${s.where})`).join(', ')}. Every random draw of the engine (Louvain communities, permutations, bootstraps) comes from them.`
      : '- [x] No pseudo-random generator is used: no declaration of the spec sets or needs a `seed`.',
    '',
    '### Memory, Runtime, Storage Requirements',
    '',
    `The whole study ran in ${seconds.toFixed(1)} seconds, with a peak resident memory of ${megabytes(peak)} MB, on ${env.os.type} ${env.os.release} (${env.os.arch}), ${env.cpu.model}, ${env.cpu.cores} cores, ${megabytes(env.memoryBytes)} MB of memory. The package's data and results take ${megabytes(input.storageBytes)} MB. Each declaration's runtime and memory are in the list of tables and programs below.`,
    '',
    '## Description of programs/code',
    '',
    `\`${spec}\` is the program: each declaration (dataset, network, measures, model, table, figure …) is one step, run by Innograph in dependency order. \`results/\` holds what the run wrote: \`results.json\` (every number, the record \`innograph verify\` compares), each result table as CSV, LaTeX and Markdown, regression tables, network exports, figures and maps as SVG, and \`report.html\`. \`manifest.json\` lists the data files with their hashes; \`environment.json\` the software and machine.`,
    '',
    '### License for Code',
    '',
    study.licence ? `The spec and results are licensed under ${study.licence}.` : UNDECLARED('licence'),
    '',
    '## Instructions to Replicators',
    '',
    `1. Install Innograph ${env.innograph} (\`npm install -g innograph\`, or the VS Code extension).`,
    manifest.data === 'copy'
      ? '2. The data are in `study/`; nothing needs downloading.'
      : `2. Obtain the data files listed above (see each one's provenance) and place them at the same paths relative to one folder.`,
    `3. Run \`innograph verify .\` in this folder${manifest.data === 'copy' ? '' : ' (with `--data-root <that folder>`)'}: it checks every data file's hash, re-runs the spec and compares every number with \`results/results.json\`, listing each difference; it exits with 0 when the package reproduces.`,
    `4. To write the tables and figures afresh: \`innograph run ${spec} --no-cache --out results-new --format csv,tex,md,html\`.`,
    '',
    '## List of tables and programs',
    '',
    'Each result of the study and the declaration of the spec that makes it. The program is always the spec; the line is where the declaration begins.',
    '',
    '| Result | Declaration | Spec line | Output files | Runtime (s) | Peak memory (MB) | Note |',
    '|---|---|---:|---|---:|---:|---|',
    ...results.results.map((r) => resultRow(r, input, spec)),
    '',
    '## References',
    '',
    ...[
      study.citation ?? UNDECLARED('citation'),
      ...dataSources(manifest),
      `Innograph ${env.innograph}. Study specs for innovation geography.`,
      `DuckDB ${env.duckdb}. Raasveldt, M. and Mühleisen, H. (2019). DuckDB: an embeddable analytical database. SIGMOD '19.`,
    ].map((reference) => `- ${reference}`),
    '',
  ];
  return lines.join('\n');
}

/** Each declared provenance once, with the files it covers. */
function dataSources(manifest: Manifest): string[] {
  const files = new Map<string, string[]>();
  for (const f of manifest.files) if (f.provenance) files.set(f.provenance, [...(files.get(f.provenance) ?? []), `\`${f.path}\``]);
  return [...files].map(([provenance, paths]) => `${provenance} (${paths.join(', ')})`);
}

function resultRow(r: DeclarationResult, input: ReadmeInput, spec: string): string {
  const at = input.declarations.get(r.name);
  const files = (input.outputs.get(r.name) ?? []).map((f) => `\`${f}\``).join(', ') || '`results.json`';
  const runtime = r.status === 'ok' ? r.seconds.toFixed(2) : r.status;
  const memory = r.peakMemory ? megabytes(r.peakMemory) : '—';
  return `| ${cell(at?.note ?? `${r.kind} ${r.name}`)} | \`${r.kind} ${r.name}\` | [${at?.line ?? '—'}](${spec}) | ${cell(files)} | ${runtime} | ${memory} | ${r.cached ? 'runtime of the run it was cached from' : ''} |`;
}

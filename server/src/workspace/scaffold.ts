// "New Study": a first spec for a folder of data files. Each file's header is read as the checks read it, and
// its columns get the roles their names suggest — patent ids, applicant and inventor order and ids, regions,
// years (derived from dates when a column holds dates), citations, region keys. The spec says it is a proposal;
// every guess is a line the researcher reads and corrects, and the checks then take over.
import { readdirSync, statSync } from 'node:fs';
import { basename, join, relative } from 'node:path';
import type { TableInfo } from '../language/semantic/model.js';
import type { TableCache } from './tableCache.js';

const DATA_FILE = /\.(csv|tsv|txt|parquet)(\.gz)?$/i;
/** How deep below the folder data files are looked for (data/raw/x.csv is found). */
const MAX_DEPTH = 2;

/** Column-name patterns of each role, lower-cased names tested in this order. */
const PATTERNS = {
  patent: /^(patent(_?(id|number|nr|no))?|appln_id|application_id|pat_id|publn_nr|pub_nbr|docdb_family_id|family_id)$/,
  order: /^(seq|sequence|order|ord|rank|position|(app|inv|applicant|inventor)_?seq(uence)?)$/,
  applicant: /^(applicant(_?(id|name))?|app_name|assignee(_?(id|name|organization))?|firm(_?id)?|organization|organisation)$/,
  inventor: /^(inventor(_?(id|name))?|inv_name)$/,
  region: /^(region|reg_code|nuts[0-3]?(_code)?|province|prefecture|city|county|district|state|country|ctry_code|country_code|msa|cbsa)$/,
  year: /^(year|(app|appln|prio|priority|filing|grant|pub|publn|earliest)_?year)$/,
  date: /^((app|appln|prio|priority|filing|grant|pub|publn)_?date|date)$/,
  citing: /^citing(_?(id|patent|number|appln_id))?$/,
  cited: /^cited(_?(id|patent|number|appln_id))?$/,
  ipc: /^(ipc|ipcr|ipc_class|ipc_code|cpc|cpc_code)$/,
};
type Role = keyof typeof PATTERNS;

interface DataFile { path: string; relative: string; name: string; columns: string[]; info: Extract<TableInfo, { status: 'ok' }> }

/** The spec proposed for the data files under `folder` (the spec would be written there). */
export async function scaffoldStudy(folder: string, tables: TableCache): Promise<string> {
  const paths = dataFiles(folder, 0);
  for (const path of paths) tables.get(folder, relative(folder, path));
  await tables.settled();
  const files: DataFile[] = [];
  const unread: string[] = [];
  for (const path of paths) {
    const rel = relative(folder, path).split('\\').join('/');
    const info = tables.get(folder, rel);
    if (info.status === 'ok') files.push({ path, relative: rel, name: identifier(path, files), columns: info.columns, info });
    else unread.push(`${rel}${info.status === 'error' ? `: ${info.message}` : ''}`);
  }
  return specText(folder, files, unread);
}

function dataFiles(dir: string, depth: number): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir).sort()) {
    if (entry.startsWith('.') || entry === 'node_modules') continue;
    const path = join(dir, entry);
    const stat = statSync(path);
    if (stat.isDirectory() && depth < MAX_DEPTH) found.push(...dataFiles(path, depth + 1));
    else if (stat.isFile() && DATA_FILE.test(entry)) found.push(path);
  }
  return found;
}

/** A declaration name from the file's name: letters, digits and `_`, not starting with a digit, unique. */
function identifier(path: string, taken: readonly DataFile[]): string {
  const stem = basename(path).replace(DATA_FILE, '').toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^_+|_+$/g, '') || 'data';
  const base = /^[a-z_]/.test(stem) ? stem : `d_${stem}`;
  let name = base;
  for (let k = 2; taken.some((f) => f.name === name); k++) name = `${base}_${k}`;
  return name;
}

function columnsFor(file: DataFile, role: Role): string[] {
  return file.columns.filter((c) => PATTERNS[role].test(c.toLowerCase()));
}

/** Region levels from coarse to fine: a dataset lists its region columns coarse first (the default level). */
const REGION_RANK: [RegExp, number][] = [
  [/^(country|ctry_code|country_code)$/, 0],
  [/^(state|province|nuts0|nuts1(_code)?)$/, 1],
  [/^(region|reg_code|nuts2?(_code)?|prefecture|msa|cbsa)$/, 2],
];
function regionRank(column: string): number {
  return REGION_RANK.find(([pattern]) => pattern.test(column.toLowerCase()))?.[1] ?? 3;
}

/** A whole-number column whose values look like YYYYMMDD dates rather than years. */
function holdsDates(file: DataFile, column: string): boolean {
  const range = file.info.ranges?.[file.columns.indexOf(column)];
  return range !== undefined && range.min > 2100 * 100;
}

type Kind = 'patents' | 'holders' | 'citations' | 'regions' | 'other';

function kindOf(file: DataFile): Kind {
  const has = (role: Role) => columnsFor(file, role).length > 0;
  if (has('citing') && has('cited')) return 'citations';
  if (has('patent') && (has('region') || has('applicant') || has('inventor') || has('order'))) return 'holders';
  if (has('patent') && (has('year') || has('date'))) return 'patents';
  if (!has('patent') && PATTERNS.region.test(file.columns[0]?.toLowerCase() ?? '')) return 'regions';
  return has('patent') ? 'holders' : 'other';
}

function specText(folder: string, files: DataFile[], unread: string[]): string {
  const kinds = new Map(files.map((f) => [f, kindOf(f)]));
  const patents = files.find((f) => kinds.get(f) === 'patents');
  const lines: string[] = [
    `study "${basename(folder).replace(/"/g, '')}"`,
    '',
    '// Proposed by Innograph from the data files\' column names: check every role, then add windows,',
    '// networks, measures, panels and models (docs/LANGUAGE.md).',
  ];
  if (unread.length) lines.push(`// Not read: ${unread.join('; ')}`);
  const networks: string[] = [];
  for (const file of files) {
    const kind = kinds.get(file)!;
    const { entries, derived } = roles(file, kind, patents);
    lines.push('', `// ${file.relative}: ${kindNote(kind)} (${file.columns.length} columns${file.info.rowCount !== undefined ? `, ${file.info.rowCount} rows` : ''})`);
    const body = [...derived, ...entries];
    if (!body.length) lines.push(`dataset ${file.name} from "${file.relative}"`);
    else lines.push(`dataset ${file.name} from "${file.relative}" {`, ...aligned(body), '}');
    if (kind === 'holders' && columnsFor(file, 'region').length) {
      const source = /inventor|inv/i.test(file.relative) || columnsFor(file, 'inventor').length ? 'coinvention' : 'coapplication';
      networks.push(`// network ${file.name}_network = ${source}(${file.name})`);
    }
  }
  if (networks.length) lines.push('', '// Networks these tables can give (remove the // to declare one):', ...networks);
  return `${lines.join('\n')}\n`;
}

function kindNote(kind: Kind): string {
  switch (kind) {
    case 'patents': return 'patents';
    case 'holders': return 'a patent\'s applicants or inventors';
    case 'citations': return 'citations';
    case 'regions': return 'one row per region';
    case 'other': return 'no role recognised';
  }
}

/** A line of a dataset's block: a derived column (`name = expression`) or a role (`role: column`). */
interface Line { key: string; value: string; derived?: boolean }

/** The block's lines: derived columns first, then roles. */
function roles(file: DataFile, kind: Kind, patents: DataFile | undefined): { entries: Line[]; derived: Line[] } {
  const first = (role: Role) => columnsFor(file, role)[0];
  const entries: Line[] = [];
  const derived: Line[] = [];
  const role = (key: string, value: string) => entries.push({ key, value });
  /** The year column, derived from a date column (or from a `year` column that holds YYYYMMDD dates). */
  const yearOf = (): string | undefined => {
    const year = first('year');
    if (year && !holdsDates(file, year)) return year;
    const date = year ?? first('date');
    if (!date) return undefined;
    const name = date.toLowerCase() === 'date' ? 'year' : /date$/i.test(date) ? date.replace(/date$/i, 'year') : `${date}_as_year`;
    derived.push({ key: name, value: `year(${date})`, derived: true });
    return name;
  };
  switch (kind) {
    case 'patents': {
      role('id', first('patent')!);
      const year = yearOf();
      if (year) role('year', year);
      if (first('ipc')) role('ipc', first('ipc')!);
      break;
    }
    case 'holders': {
      role('patent', first('patent')!);
      for (const r of ['order', 'applicant', 'inventor'] as const) if (first(r)) role(r, first(r)!);
      const regions = columnsFor(file, 'region').sort((a, b) => regionRank(a) - regionRank(b));
      if (regions.length) role('region', regions.join(', '));
      const year = patents ? undefined : yearOf();
      if (year) role('year', year);
      if (patents && patents !== file) role('joins', patents.name);
      break;
    }
    case 'citations':
      role('citing', first('citing')!);
      role('cited', first('cited')!);
      break;
    case 'regions':
      role('key', file.columns[0]);
      break;
    case 'other':
      break;
  }
  return { entries, derived };
}

/** The lines with their values aligned, as the examples write them. */
function aligned(body: Line[]): string[] {
  const width = Math.max(...body.map((l) => l.key.length)) + 1;
  return body.map((l) => (l.derived ? `  ${l.key.padEnd(width)}= ${l.value}` : `  ${`${l.key}:`.padEnd(width)} ${l.value}`));
}

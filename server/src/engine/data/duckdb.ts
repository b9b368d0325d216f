// Embedded, in-memory DuckDB: a fresh instance per use (one per run, one per header read), confined before
// it reads anything to the data files it is meant to read. User files are only read from it; what exceeds
// its memory limit spills to a directory of its own under the OS's temporary one.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

const instances = new WeakMap<DuckDBConnection, DuckDBInstance>();

export interface DuckdbOptions {
  /** DuckDB's `memory_limit` (e.g. "4GB"); beyond it, it spills to disk. Unset: DuckDB's own, 80% of the RAM. */
  memoryLimit?: string;
}

let instanceCounter = 0;

/**
 * Where an instance spills what exceeds its memory limit (large joins, sorts, temporary tables): its own
 * directory under the OS's temporary one, which DuckDB creates when it first spills and removes on close.
 * DuckDB's default is `.tmp` in the working directory, which may be the user's data folder.
 */
function spillDirectory(): string {
  return join(tmpdir(), `innograph-duckdb-${process.pid}-${++instanceCounter}`);
}

let nodeApi: Promise<typeof import('@duckdb/node-api')> | undefined;

/**
 * DuckDB's node API, loaded on first use: the native library costs a start-up that `innograph check` of a spec
 * without data, `--version` and the language server's first answers need not pay (the bundle keeps it in its
 * own chunk). The run worker starts loading it as it starts, before its first run asks for it.
 */
export function loadDuckdb(): Promise<typeof import('@duckdb/node-api')> {
  // A CommonJS package whose exports are re-exported at run time: its `default` (module.exports) holds them.
  return (nodeApi ??= import('@duckdb/node-api').then((m) => m.default));
}

let spare: Promise<DuckDBConnection> | undefined;

/**
 * Opens an instance ahead of the next `duckdb()` without options, which takes it: the run worker opens its first
 * run's instance while the caller still checks the spec. The instance reads nothing until it is taken (and
 * confined).
 */
export function openSpareDuckdb(): void {
  if (spare) return;
  const opening = open({});
  spare = opening;
  // Failed before it was taken: the next `duckdb()` opens one of its own, and reports the failure.
  opening.catch(() => { if (spare === opening) spare = undefined; });
}

export function duckdb(options: DuckdbOptions = {}): Promise<DuckDBConnection> {
  const taken = options.memoryLimit ? undefined : spare;
  if (taken) spare = undefined;
  return taken ?? open(options);
}

async function open(options: DuckdbOptions): Promise<DuckDBConnection> {
  const { DuckDBInstance } = await loadDuckdb();
  const instance = await DuckDBInstance.create(':memory:', {
    threads: '2',
    temp_directory: spillDirectory(),
    ...(options.memoryLimit ? { memory_limit: options.memoryLimit } : {}),
  });
  const db = await instance.connect();
  instances.set(db, instance);
  return db;
}

/** The embedded DuckDB's version, for a replication package's environment. */
export async function duckdbVersion(): Promise<string> {
  return (await loadDuckdb()).version();
}

/**
 * Closes a connection from `duckdb()` and frees its instance, tables and all: its memory is native, which the
 * garbage collector neither sees nor hurries to free (a server reading headers all day would grow).
 */
export function closeDuckdb(db: DuckDBConnection): void {
  db.closeSync();
  instances.get(db)?.closeSync();
}

/**
 * Lets the instance open `files` and nothing else: no other file, no URL, no extension download, no
 * writes. DuckDB takes the allow-list only while external access is on, and the locked configuration
 * keeps SQL from widening it again, so this is done once, before the first file is read.
 */
export async function confine(db: DuckDBConnection, files: readonly string[]): Promise<void> {
  await db.run(`SET allowed_paths = [${files.map(sqlString).join(', ')}]`);
  await db.run('SET enable_external_access = false');
  await db.run('SET lock_configuration = true');
}

/** The first line of a DuckDB error message; the rest is its context dump (CSV dialect, options). */
export function firstLine(message: string): string {
  return message.split('\n').find((l) => l.trim())?.trim() ?? message;
}

// Temporary tables are named uniquely across runs (a name never meets an old one, whatever the instance).
let tempCounter = 0;

/** A fresh name for a temporary DuckDB table, `prefix` kept readable. */
export function tempTableName(prefix: string): string {
  return `ig_${prefix.replace(/\W/g, '_')}_${++tempCounter}`;
}

/** A SQL identifier, quoted. */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}

/** A SQL string literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

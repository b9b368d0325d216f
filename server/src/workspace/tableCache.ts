// Headers of the data files specs refer to, read once and kept until the file changes (size or mtime).
// Reads are asynchronous; `onLoaded` tells the owner to re-check the specs that were waiting. A geometry
// file (a dialect with `geometry`) has its features' match keys (`id` and their properties) as "columns",
// parsed in a worker thread; a network file (a dialect with `network`) is parsed for its errors. In an untrusted
// workspace a data file is read only up to a bounded prefix and a geometry or network file up to a size cap.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { SHAPE_PREFIX_BYTES } from '../engine/data/csvShape.js';
import { firstLine } from '../engine/data/duckdb.js';
import { readTableSchema } from '../engine/data/tableSchema.js';
import { NETWORK_FORMATS, NetworkFileError, networkFormatOf, readNetworkText, type NetworkFormat } from '../engine/networks/files/index.js';
import { readTopologyOffThread, topologyFeatures } from '../engine/data/topology.js';
import { featureKeys } from '../engine/data/regionMatch.js';
import type { Dialect, TableInfo } from '../language/semantic/model.js';

interface Entry { stamp: string; info: TableInfo }

/** Headers read by one cache, for another (the run worker's) to take over while their files are unchanged. */
export interface TableHeaders { trusted: boolean; entries: { key: string; stamp: string; info: TableInfo }[] }

/** How much of a data file's beginning an untrusted workspace reads for its header and types. */
export const UNTRUSTED_TABLE_BYTES = SHAPE_PREFIX_BYTES;
/** The largest geometry or network file read in an untrusted workspace. */
export const UNTRUSTED_GEOMETRY_BYTES = 16 * 2 ** 20;

export class TableCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<void>>();
  private trustedWorkspace = true;

  constructor(
    private readonly options: { rowCounts: () => boolean; onLoaded?: (path: string) => void },
  ) {}

  /** What is known now about `relative` (resolved against `baseDir`) read with `dialect`; starts a read when needed. */
  get(baseDir: string, relative: string, dialect: Dialect = {}): TableInfo {
    const path = resolve(baseDir, relative);
    const stamp = fileStamp(path);
    const key = cacheKey(path, dialect);
    if (stamp === undefined) {
      this.entries.delete(key);
      return { status: 'missing', path };
    }
    const cached = this.entries.get(key);
    if (cached && cached.stamp === stamp) return cached.info;
    // Deleted in `finally`, not by `load`: a read that fails before its first await would finish before `set`.
    if (!this.loading.has(key)) this.loading.set(key, this.load(key, path, dialect, stamp).finally(() => this.loading.delete(key)));
    return cached?.info ?? { status: 'pending', path };
  }

  /** Whether a read of the file with this dialect is under way (what `get` answered may still change). */
  reading(baseDir: string, relative: string, dialect: Dialect = {}): boolean {
    return this.loading.has(cacheKey(resolve(baseDir, relative), dialect));
  }

  /** Whether the workspace is trusted; a change forgets what was read under the other setting. */
  set trusted(trusted: boolean) {
    if (trusted !== this.trustedWorkspace) this.entries.clear();
    this.trustedWorkspace = trusted;
  }

  /** Resolves once every read started so far has finished (the CLI waits on it; the server does not). */
  async settled(): Promise<void> {
    while (this.loading.size) await Promise.all([...this.loading.values()]);
  }

  /** The headers read so far (not those being read). */
  headers(): TableHeaders {
    return { trusted: this.trustedWorkspace, entries: [...this.entries].map(([key, e]) => ({ key, ...e })) };
  }

  /**
   * Takes over headers another cache read with the same trust, each only while its file's size and mtime are
   * still those it was read at: the run worker then does not read again what the command line just read.
   */
  adopt(headers: TableHeaders): void {
    if (headers.trusted !== this.trustedWorkspace) return;
    for (const { key, stamp, info } of headers.entries) if (fileStamp(info.path) === stamp) this.entries.set(key, { stamp, info });
  }

  /** Forgets a file (read with any dialect), e.g. when the editor reports it changed. */
  invalidate(path: string): void {
    for (const key of this.entries.keys()) if (key.startsWith(`${path}\u0000`)) this.entries.delete(key);
  }

  private async load(key: string, path: string, dialect: Dialect, stamp: string): Promise<void> {
    let info: TableInfo;
    try {
      const schema = dialect.geometry
        ? await geometrySchema(path, dialect.geometry.object, this.trustedWorkspace ? Infinity : UNTRUSTED_GEOMETRY_BYTES)
        : dialect.network
          ? await networkSchema(path, dialect.network, this.trustedWorkspace)
          : await readTableSchema({ path, ...dialect }, { rowCount: this.options.rowCounts(), prefixOnly: !this.trustedWorkspace });
      info = { status: 'ok', path, ...schema };
    } catch (err) {
      info = { status: 'error', path, message: firstLine((err as Error).message) };
    }
    this.entries.set(key, { stamp, info });
    this.options.onLoaded?.(path);
  }
}

function cacheKey(path: string, dialect: Dialect): string {
  return `${path}\u0000${JSON.stringify(dialect)}`;
}

/** Throws when a file is larger than an untrusted workspace reads. */
function checkSize(path: string, maxBytes: number, what: string): void {
  const size = statSync(path).size;
  if (size > maxBytes) {
    const mb = (bytes: number) => `${Math.ceil(bytes / 2 ** 20)} MB`;
    throw new Error(`the file is ${mb(size)}; in an untrusted workspace ${what} files are read up to ${mb(maxBytes)}. Trust the workspace to check it`);
  }
}

async function geometrySchema(path: string, object: string | undefined, maxBytes: number) {
  checkSize(path, maxBytes, 'geometry');
  const features = topologyFeatures(await readTopologyOffThread(path), object);
  return { ...featureKeys(features), rowCount: features.length };
}

/**
 * A network file (`file("…")`) parsed as a run parses it, so its errors show with their line before a run; its
 * node count is the row count. A matrix is a delimited table, read as any: its header.
 */
async function networkSchema(path: string, network: NonNullable<Dialect['network']>, trusted: boolean) {
  const format = network.format ?? networkFormatOf(path);
  if (!format) throw new Error('its name does not say which format it is: state `format:` (ucinet, pajek, graphml, gexf or matrix)');
  // A stated format that is none of these is the `format:` option's own error.
  if (!(NETWORK_FORMATS as readonly string[]).includes(format)) return { columns: [], types: [] };
  if (format === 'matrix') return readTableSchema({ path }, { rowCount: false, prefixOnly: !trusted });
  if (!trusted) checkSize(path, UNTRUSTED_GEOMETRY_BYTES, 'network');
  try {
    const file = readNetworkText(path, format as Exclude<NetworkFormat, 'matrix'>, network.weight === undefined ? {} : { weight: network.weight });
    return { columns: [], types: [], rowCount: file.nodes.length };
  } catch (err) {
    throw err instanceof NetworkFileError ? new Error(`line ${err.line}: ${err.message}`) : err;
  }
}

function fileStamp(path: string): string | undefined {
  try {
    const s = statSync(path);
    return s.isFile() ? `${s.size}:${s.mtimeMs}` : undefined;
  } catch {
    return undefined;
  }
}

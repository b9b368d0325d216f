// Headers of the data files specs refer to, read once and kept until the file changes (size or mtime).
// Reads are asynchronous; `onLoaded` tells the owner to re-check the specs that were waiting.
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { readTableSchema } from '../engine/data/tableSchema.js';
import type { TableInfo } from '../language/semantic/model.js';

interface Entry { stamp: string; info: TableInfo }

export class TableCache {
  private readonly entries = new Map<string, Entry>();
  private readonly loading = new Map<string, Promise<void>>();

  constructor(
    private readonly options: { rowCounts: () => boolean; onLoaded?: (path: string) => void; allowReads?: () => boolean },
  ) {}

  /** What is known now about `relative` (resolved against `baseDir`); starts a read when needed. */
  get(baseDir: string, relative: string): TableInfo {
    const path = resolve(baseDir, relative);
    const stamp = fileStamp(path);
    if (stamp === undefined) {
      this.entries.delete(path);
      return { status: 'missing', path };
    }
    const cached = this.entries.get(path);
    if (cached && cached.stamp === stamp) return cached.info;
    if (!this.loading.has(path)) this.loading.set(path, this.load(path, stamp));
    return cached?.info ?? { status: 'pending', path };
  }

  /** Resolves once every read started so far has finished (the CLI waits on it; the server does not). */
  async settled(): Promise<void> {
    while (this.loading.size) await Promise.all([...this.loading.values()]);
  }

  /** Forgets a file, e.g. when the editor reports it changed. */
  invalidate(path: string): void {
    this.entries.delete(path);
  }

  private async load(path: string, stamp: string): Promise<void> {
    let info: TableInfo;
    try {
      const schema = await readTableSchema(path, { rowCount: this.options.rowCounts() });
      info = { status: 'ok', path, ...schema };
    } catch (err) {
      info = { status: 'error', path, message: firstLine((err as Error).message) };
    }
    this.entries.set(path, { stamp, info });
    this.loading.delete(path);
    this.options.onLoaded?.(path);
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

function firstLine(message: string): string {
  return message.split('\n').find((l) => l.trim())?.trim() ?? message;
}

// The command line's persistent run cache: each declaration's result stored as `<key>.json` under a folder
// (`.innograph/cache/` beside the spec by default), keyed by its content key (cacheKeys.ts, data files by
// their SHA-256) and kept per build of Innograph (its sources' hash, esbuild.mjs: results of other code are
// never reused), so that a re-run after editing one model recomputes that model only, as R's `targets` does.
// Nothing is written into the data files.
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DeclarationResult } from '../results/format.js';

/** Where a run finds and keeps results by content key: the editor's in-memory map, or a `ResultStore`. */
export interface ResultCache {
  get(key: string): DeclarationResult | undefined;
  set(key: string, result: DeclarationResult): void;
  /** Key data files by their content (a store outlives modification times), not by size and mtime. */
  readonly contentHashes?: boolean;
}

export class ResultStore implements ResultCache {
  readonly contentHashes = true;
  private readonly dir: string;

  constructor(cacheDir: string, build: string) {
    this.dir = join(cacheDir, build.replace(/[^\w.-]/g, '_'));
  }

  get(key: string): DeclarationResult | undefined {
    try {
      return JSON.parse(readFileSync(this.file(key), 'utf8')) as DeclarationResult;
    } catch {
      return undefined; // not stored yet, or unreadable: computed again
    }
  }

  set(key: string, result: DeclarationResult): void {
    if (result.cached) return; // read from here in the first place
    try {
      mkdirSync(this.dir, { recursive: true });
      // Written beside and renamed, so that an interrupted write never leaves half a result to be read.
      const partial = `${this.file(key)}.${process.pid}.partial`;
      writeFileSync(partial, JSON.stringify(result));
      renameSync(partial, this.file(key));
    } catch {
      // A folder that cannot be written (read-only media) runs uncached rather than failing the run.
    }
  }

  private file(key: string): string {
    return join(this.dir, `${key}.json`);
  }
}

// Content keys of declarations, so that a re-run reuses what did not change: a declaration's key hashes its
// own text, the keys of the declarations it names (transitively), the study's options (seed) and, for
// datasets and network files, the file: its path, size and modification time (the editor's session cache),
// or its content's SHA-256 (`contentHashes`: the CLI's persistent cache, which must not trust a copied file's
// mtime). Options that only describe the study for its replication package (`describes` in the schema) are
// left out. Editing one model changes that model's key (and the keys of tables listing it) only; editing a
// `labels` declaration changes the tables' keys.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { declExprs, walkExpr, type Decl } from '../language/syntax/ast.js';
import { declFile } from '../language/semantic/model.js';
import { declSpec } from '../language/schema/declarations.js';
import { sha256File } from '../util/sha256.js';
import type { Analysis } from '../workspace/analysis.js';

export function declarationKeys(analysis: Analysis, options: { contentHashes?: boolean } = {}): Map<string, string> {
  const { model, text } = analysis;
  const study = analysis.file.decls.find((d) => d.keyword.name === 'study');
  const shared = study ? keyedText(text, study) : '';
  // Tables print with the spec's labels: a table's key holds every `labels` declaration's text.
  const labels = analysis.file.decls.filter((d) => d.keyword.name === 'labels').map((d) => text.slice(d.span.start, d.span.end)).join('\u0000');
  const stamp = options.contentHashes ? contentStamp : fileStamp;
  const keys = new Map<string, string>();
  const visiting = new Set<string>();
  const keyOf = (decl: Decl): string => {
    const name = decl.name?.name ?? '';
    const known = keys.get(name);
    if (known) return known;
    const hash = createHash('sha256').update(shared).update('\u0000').update(keyedText(text, decl));
    if (decl.keyword.name === 'table') hash.update(labels);
    const file = declFile(decl);
    if (file) hash.update(stamp(resolve(analysis.baseDir, file.value)));
    visiting.add(name);
    for (const dep of dependencies(decl)) {
      if (!visiting.has(dep.name?.name ?? '')) hash.update(keyOf(dep));
    }
    visiting.delete(name);
    const key = hash.digest('hex');
    if (name) keys.set(name, key);
    return key;
  };
  for (const decl of analysis.file.decls) if (decl.name) keyOf(decl);
  return keys;

  function dependencies(decl: Decl): Decl[] {
    const out = new Set<Decl>();
    for (const expr of declExprs(decl)) {
      walkExpr(expr, (e) => {
        const symbol = e.type === 'ident' ? model.resolve(e) : undefined;
        if (symbol && symbol.decl !== decl) out.add(symbol.decl);
      });
    }
    return [...out];
  }
}

/** A declaration's text without its describing options (provenance, licence …), which change no result. */
function keyedText(text: string, decl: Decl): string {
  const describing = new Set(declSpec(decl.keyword.name)?.options.filter((o) => o.describes).map((o) => o.name));
  let out = '';
  let at = decl.span.start;
  for (const entry of decl.block?.entries ?? []) {
    if (entry.type !== 'option' || !describing.has(entry.key.name)) continue;
    out += text.slice(at, entry.span.start);
    at = entry.span.end;
  }
  return out + text.slice(at, decl.span.end);
}

function fileStamp(path: string): string {
  try {
    const s = statSync(path);
    return `${path}\u0000${s.size}\u0000${s.mtimeMs}`;
  } catch {
    return `${path}\u0000missing`;
  }
}

/** The file's SHA-256, so that a key changes with the content whatever its modification time says. */
function contentStamp(path: string): string {
  try {
    return `${path}\u0000${sha256File(path)}`;
  } catch {
    return `${path}\u0000missing`;
  }
}

// Content keys of declarations, so that a re-run reuses what did not change: a declaration's key hashes its
// own text, the keys of the declarations it names (transitively), the study's options (seed) and, for
// datasets and network files, the file's path, size and modification time. Editing one model changes that model's key
// (and the keys of tables listing it) only; editing a `labels` declaration changes the tables' keys.
import { createHash } from 'node:crypto';
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { declExprs, walkExpr, type Decl } from '../language/syntax/ast.js';
import { declFile } from '../language/semantic/model.js';
import type { Analysis } from '../workspace/analysis.js';

export function declarationKeys(analysis: Analysis): Map<string, string> {
  const { model, text } = analysis;
  const study = analysis.file.decls.find((d) => d.keyword.name === 'study');
  const shared = study ? text.slice(study.span.start, study.span.end) : '';
  // Tables print with the spec's labels: a table's key holds every `labels` declaration's text.
  const labels = analysis.file.decls.filter((d) => d.keyword.name === 'labels').map((d) => text.slice(d.span.start, d.span.end)).join('\u0000');
  const keys = new Map<string, string>();
  const visiting = new Set<string>();
  const keyOf = (decl: Decl): string => {
    const name = decl.name?.name ?? '';
    const known = keys.get(name);
    if (known) return known;
    const hash = createHash('sha256').update(shared).update('\u0000').update(text.slice(decl.span.start, decl.span.end));
    if (decl.keyword.name === 'table') hash.update(labels);
    const file = declFile(decl);
    if (file) hash.update(fileStamp(resolve(analysis.baseDir, file.value)));
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

function fileStamp(path: string): string {
  try {
    const s = statSync(path);
    return `${path}\u0000${s.size}\u0000${s.mtimeMs}`;
  } catch {
    return `${path}\u0000missing`;
  }
}

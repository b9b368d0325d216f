// `innograph check <spec…>`: prints diagnostics as file:line:col and an outline; exit code 1 on errors.
import { readFileSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { analyzeWithHeaders, type Analysis } from '../workspace/analysis.js';
import { TableCache } from '../workspace/tableCache.js';

export interface CheckOptions { outline: boolean; json: boolean }

export async function checkCommand(paths: string[], options: CheckOptions, out: (line: string) => void): Promise<number> {
  const tables = new TableCache({ rowCounts: () => options.outline });
  let errors = 0;
  let warnings = 0;
  const reports: unknown[] = [];
  for (const path of paths) {
    const abs = resolve(path);
    let text: string;
    try {
      text = readFileSync(abs, 'utf8');
    } catch (err) {
      out(`${path}: error: cannot read the spec: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
      errors++;
      continue;
    }
    const a = await analyzeWithHeaders(text, abs, tables);
    const shown = relative(process.cwd(), abs) || path;
    const diagnostics = located(shown, a);
    errors += diagnostics.filter((d) => d.severity === 'error').length;
    warnings += diagnostics.filter((d) => d.severity === 'warning').length;
    const outline = a.file.decls.map((d) => ({
      kind: d.keyword.name, name: d.name?.name ?? d.title?.value ?? '', line: a.lines.position(d.span.start).line + 1,
    }));
    if (options.json) {
      reports.push({ file: shown, diagnostics, outline });
      continue;
    }
    for (const d of diagnostics) out(diagnosticLine(d));
    if (options.outline) {
      out(`${shown}: ${outline.length} declarations`);
      for (const o of outline) out(`  ${String(o.line).padStart(4)}  ${o.kind.padEnd(9)} ${o.name}`);
    }
  }
  if (options.json) out(JSON.stringify(reports, null, 2));
  else out(`${paths.length} spec${paths.length === 1 ? '' : 's'} checked: ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return errors > 0 ? 1 : 0;
}

type Located = ReturnType<typeof located>[number];

/** Diagnostics with 1-based positions, in file order. */
export function located(file: string, a: Analysis) {
  return a.diagnostics.map((d) => {
    const p = a.lines.position(d.span.start);
    return { file, line: p.line + 1, column: p.character + 1, severity: d.severity, code: d.code, message: d.message };
  }).sort((x, y) => x.line - y.line || x.column - y.column);
}

export function diagnosticLine(d: Located): string {
  return `${d.file}:${d.line}:${d.column}: ${d.severity}: ${d.message} [${d.code}]`;
}

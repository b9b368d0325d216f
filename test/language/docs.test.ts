// docs/LANGUAGE.md against what it documents: the option tables of §7 against the schema (names, values,
// defaults, no option missing), and every excerpt of an example against that example's text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DECLARATIONS } from '../../server/src/language/schema/declarations.ts';
import type { OptionSpec } from '../../server/src/language/schema/types.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const DOC = readFileSync(resolve(ROOT, 'docs/LANGUAGE.md'), 'utf8');

/** Each `### 7.n kind` section's option rows, with the sources the table's `**Options of …:**` heading names. */
function optionRows(): { kind: string; sources?: string[]; name: string; values: string; default: string; line: number }[] {
  const rows = [];
  let kind = '';
  let sources: string[] | undefined;
  for (const [i, line] of DOC.split('\n').entries()) {
    const heading = /^##(#?) (?:7\.\d+ (\w+))?/.exec(line);
    if (heading) { kind = heading[2] ?? ''; sources = undefined; continue; }
    const options = /^\*\*Options of (.*):\*\*/.exec(line);
    if (options) { sources = [...options[1].matchAll(/`(\w+)`/g)].map((m) => m[1]); continue; }
    const row = /^\| `(\w+)`[^|]*\| (.*?) \| (.*?) \| .* \|$/.exec(line);
    if (row && kind) rows.push({ kind, sources: sources?.length ? sources : undefined, name: row[1], values: row[2], default: row[3], line: i + 1 });
  }
  return rows;
}

function schemaOptions(kind: string, sources?: string[]): OptionSpec[] {
  const decl = DECLARATIONS.find((d) => d.kind === kind)!;
  const own = (decl.sources ?? []).filter((s) => !sources || sources.includes(s.name)).flatMap((s) => s.options ?? []);
  return sources ? own : [...decl.options, ...own];
}

test('every option table row of §7 is a schema option with its values and default', () => {
  const problems: string[] = [];
  for (const row of optionRows()) {
    const where = `LANGUAGE.md:${row.line} \`${row.name}\` of ${row.sources?.join('/') ?? row.kind}`;
    if (!DECLARATIONS.some((d) => d.kind === row.kind)) continue;
    const option = schemaOptions(row.kind, row.sources).find((o) => o.name === row.name);
    if (!option) { problems.push(`${where}: not in the schema`); continue; }
    if (option.value.type === 'enum') {
      const documented = [...row.values.matchAll(/`([^`]+)`/g)].map((m) => m[1]).filter((w) => !(option.value.type === 'enum' && option.value.conjunction && w === 'and'));
      const values = option.value.values.map((v) => v.name);
      if (documented.sort().join() !== values.sort().join()) problems.push(`${where}: values ${documented.join(', ')}, schema ${values.join(', ')}`);
    }
    const documentedDefault = /^`([^`]+)`$/.exec(row.default)?.[1];
    // A default the schema leaves unset may be described in words (`the coarsest \`region\` level`).
    if (option.default !== undefined ? documentedDefault !== option.default : documentedDefault !== undefined) problems.push(`${where}: default ${row.default}, schema ${option.default ?? 'none'}`);
  }
  assert.deepEqual(problems, []);
});

test('every schema option has a row in its declaration\'s section of §7', () => {
  const rows = optionRows();
  const missing = DECLARATIONS.flatMap((d) => [...d.options, ...(d.sources ?? []).flatMap((s) => s.options ?? [])]
    .filter((o) => !rows.some((r) => r.kind === d.kind && r.name === o.name))
    .map((o) => `${d.kind}: ${o.name}`));
  assert.deepEqual([...new Set(missing)], []);
});

test('every excerpt of an example in the docs is in that example, line by line and in order', () => {
  const docs = ['README.md', 'docs/LANGUAGE.md', 'docs/RESULTS.md', 'docs/exports.md'];
  const excerpts = docs.flatMap((doc) => [...readFileSync(resolve(ROOT, doc), 'utf8').matchAll(/```study\n\/\/ Excerpt of (\S+)\n([\s\S]*?)```/g)].map((m) => ({ doc, example: m[1], lines: m[2].split('\n').map((l) => l.trim()).filter(Boolean) })));
  assert.ok(excerpts.length >= 5);
  for (const { doc, example, lines } of excerpts) {
    const text = readFileSync(resolve(ROOT, example), 'utf8').split('\n').map((l) => l.trim());
    let at = 0;
    for (const line of lines) {
      const found = text.indexOf(line, at);
      assert.ok(found >= 0, `${doc} quotes ${example} with a line that is not there (after line ${at}): ${line}`);
      at = found + 1;
    }
  }
});

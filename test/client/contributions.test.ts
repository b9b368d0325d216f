// The extension's static contributions agree with the language: every declaration kind has a snippet
// and is highlighted, snippet bodies are valid specs, and the grammar file is valid JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DECLARATIONS } from '../../server/src/language/schema/declarations.ts';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const json = (path: string) => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));

test('every declaration kind has a snippet whose body parses without errors', () => {
  const snippets = Object.values(json('snippets/study.json')) as { prefix: string; body: string[] }[];
  for (const d of DECLARATIONS) assert.ok(snippets.some((s) => s.prefix.split(' ')[0] === d.kind), `no snippet for ${d.kind}`);
  for (const s of snippets) {
    // Replace tab stops by their defaults (choices: the first).
    const body = s.body.join('\n').replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1');
    assert.deepEqual(parseStudy(body).errors, [], `${s.prefix}: ${body}`);
  }
});

test('the TextMate grammar highlights every declaration kind', () => {
  const grammar = json('syntaxes/study.tmLanguage.json');
  const pattern = new RegExp(grammar.repository.declaration.match);
  for (const d of DECLARATIONS) assert.ok(pattern.test(`${d.kind} name`), d.kind);
});

test('package.json wires the language, grammar, snippets and commands', () => {
  const pkg = json('package.json');
  assert.equal(pkg.contributes.languages[0].id, 'study');
  assert.deepEqual(pkg.contributes.languages[0].extensions, ['.study']);
  assert.equal(pkg.contributes.grammars[0].path, './syntaxes/study.tmLanguage.json');
  assert.ok(pkg.contributes.commands.every((c: { category: string }) => c.category === 'Innograph'));
  assert.ok(pkg.engines.vscode.startsWith('^1.100'), 'must install in code-server 4.100.3');
});

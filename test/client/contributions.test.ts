// The extension's static contributions agree with the language: every declaration kind has a snippet
// and is highlighted, snippet bodies are valid specs, and the grammar file is valid JSON.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { DECLARATIONS } from '../../server/src/language/schema/declarations.ts';
import { parseStudy } from '../../server/src/language/syntax/parse.ts';

const ROOT = resolve(import.meta.dirname, '../..');
const json = (path: string) => JSON.parse(readFileSync(resolve(ROOT, path), 'utf8'));

const SNIPPETS = Object.values(json('snippets/study.json')) as { prefix: string; body: string[] }[];
/** A snippet's text with its tab stops at their defaults (choices: the first). */
const defaults = (s: { body: string[] }) => s.body.join('\n').replace(/\$\{\d+\|([^,|]+)[^}]*\}/g, '$1').replace(/\$\{\d+:([^}]*)\}/g, '$1');

test('every declaration kind has a snippet whose body parses without errors', () => {
  for (const d of DECLARATIONS) assert.ok(SNIPPETS.some((s) => s.prefix.split(' ')[0] === d.kind), `no snippet for ${d.kind}`);
  for (const s of SNIPPETS) assert.deepEqual(parseStudy(defaults(s)).errors, [], `${s.prefix}: ${defaults(s)}`);
});

test('each layout\'s snippet is the datasets of its docs page, whose spec the layout tests run', () => {
  const layouts = readdirSync(resolve(ROOT, 'docs/layouts')).map((f) => f.replace(/\.md$/, ''));
  assert.ok(layouts.length > 0);
  for (const layout of layouts) {
    const snippet = SNIPPETS.find((s) => s.prefix === `dataset ${layout}`);
    assert.ok(snippet, `no snippet for ${layout}`);
    const page = readFileSync(resolve(ROOT, `docs/layouts/${layout}.md`), 'utf8');
    assert.ok(/```study\n([\s\S]*?)```/.exec(page)![1]!.includes(defaults(snippet)), `${layout}: the snippet differs from the page's spec`);
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

test('.study files do not box `×`, en dashes or the other look-alikes the examples use as ambiguous characters', () => {
  const allowed = json('package.json').contributes.configurationDefaults['[study]']['editor.unicodeHighlight.allowedCharacters'];
  // Characters VS Code's confusables table maps to ASCII (x, -, '), as they occur in specs.
  const lookAlikes = new Set(['×', '–', '—', '−', '′', '‘', '’']);
  const examples = readdirSync(resolve(ROOT, 'examples')).filter((f) => f.endsWith('.study'))
    .map((f) => readFileSync(resolve(ROOT, 'examples', f), 'utf8')).join('');
  const used = new Set([...examples].filter((c) => lookAlikes.has(c)));
  for (const c of ['×', '–', ...used]) assert.equal(allowed[c], true, `${c} is boxed`);
});

test('every contributed command is registered by the extension, and menus and views name contributed ones', () => {
  const pkg = json('package.json');
  const contributed = new Set<string>(pkg.contributes.commands.map((c: { command: string }) => c.command));
  const sources = readdirSync(resolve(ROOT, 'client/src'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts')).map((f) => readFileSync(resolve(ROOT, 'client/src', f), 'utf8')).join('\n');
  for (const command of contributed) assert.ok(sources.includes(`'${command}'`), `${command} is contributed but never registered`);
  for (const [menu, items] of Object.entries(pkg.contributes.menus ?? {}) as [string, { command: string }[]][]) {
    for (const item of items) assert.ok(contributed.has(item.command), `${menu}: ${item.command} is not a contributed command`);
  }
  const views = Object.values(pkg.contributes.views ?? {}).flat() as { id: string }[];
  assert.ok(views.some((v) => v.id === 'innograph.runs'), 'the Runs view');
  for (const welcome of pkg.contributes.viewsWelcome ?? []) assert.ok(views.some((v) => v.id === welcome.view), welcome.view);
});

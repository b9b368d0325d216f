// The extension's manifest holds together: every setting is in the README's table with its default, every
// command link of the walkthrough names a contributed command, its media and the icon exist, and the package
// ships what the walkthrough copies and opens.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const manifest = JSON.parse(readFileSync(resolve(ROOT, 'package.json'), 'utf8'));
const contributes = manifest.contributes;

test('every setting is in the README with its default', () => {
  const readme = readFileSync(resolve(ROOT, 'README.md'), 'utf8');
  for (const [key, spec] of Object.entries(contributes.configuration.properties as Record<string, { default?: unknown }>)) {
    assert.ok(readme.includes(`| \`${key}\` | \`${JSON.stringify(spec.default)}\` |`), `README: no row for ${key} with its default`);
  }
});

test('the walkthrough\'s steps link contributed commands, and their media exist', () => {
  const commands = new Set((contributes.commands as { command: string }[]).map((c) => c.command));
  const views = new Set(Object.values(contributes.views as Record<string, { id: string }[]>).flat().map((v) => v.id));
  for (const walkthrough of contributes.walkthroughs) {
    for (const step of walkthrough.steps) {
      for (const [, command] of (step.description as string).matchAll(/\(command:([\w.]+)\)/g)) {
        assert.ok(commands.has(command) || views.has(command.replace(/\.focus$/, '')), `${step.id}: ${command} is not contributed`);
      }
      assert.ok(existsSync(resolve(ROOT, step.media.markdown)), `${step.id}: ${step.media.markdown} is missing`);
    }
  }
  assert.ok(existsSync(resolve(ROOT, manifest.icon)));
});

test('the package ships the walkthrough\'s media, the language guide and the example it copies', () => {
  const shipped = readFileSync(resolve(ROOT, '.vscodeignore'), 'utf8').split('\n').filter((l) => l.startsWith('!')).map((l) => l.slice(1));
  for (const needed of ['client/media/**', 'docs/LANGUAGE.md', 'examples/rare_earth.study', 'examples/data/rare_earth/**', 'examples/maps/**']) {
    assert.ok(shipped.includes(needed), `.vscodeignore does not ship ${needed}`);
  }
  const start = readFileSync(resolve(ROOT, 'client/src/start.ts'), 'utf8');
  assert.match(start, /const EXAMPLE_FILES = \[EXAMPLE_SPEC, 'data\/rare_earth', 'maps'\]/);
});

// Runs every unit and LSP test (test/**/*.test.ts, except the real-editor tests in test/e2e) with
// node's test runner; its summary ends the output.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function find(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'e2e' || name === 'bench' ? [] : find(path);
    return name.endsWith('.test.ts') ? [path] : [];
  });
}

const files = find('test').sort();
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-timeout=600000', '--test-reporter=spec', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);

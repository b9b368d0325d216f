// `innograph new <folder>`: the spec "New Study" proposes for a folder of data files, printed.
import { existsSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { scaffoldStudy } from '../workspace/scaffold.js';
import { TableCache } from '../workspace/tableCache.js';

export async function newStudyCommand(folder: string, out: (text: string) => void, err: (line: string) => void): Promise<number> {
  const dir = resolve(folder);
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    err(`innograph new: ${folder} is not a folder`);
    return 2;
  }
  out(await scaffoldStudy(dir, new TableCache({ rowCounts: () => true })));
  return 0;
}

// EPO PATSTAT's tables as distributed, end to end: docs/layouts/patstat.md's spec on the generator's patents
// in the PATSTAT layout (quoted CSV, ISO dates, persons and publications linked by id), against the
// generator's own rows.
import { test } from 'node:test';
import { checkLayout } from './layoutRuns.ts';

test('the PATSTAT page\'s spec reads the PATSTAT tables as they come: networks and counts as the generator\'s rows give them', async () => {
  await checkLayout('patstat', (h) => h.region, (h) => h.country);
});

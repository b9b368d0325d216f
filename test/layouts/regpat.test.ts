// OECD REGPAT as distributed, end to end: docs/layouts/regpat.md's spec on the generator's patents in the
// REGPAT layout (pipe-delimited, shares per inventor), against the generator's own rows.
import { test } from 'node:test';
import { checkLayout } from './layoutRuns.ts';

test('the REGPAT page\'s spec reads the REGPAT files as they come: networks and counts as the generator\'s rows give them', async () => {
  await checkLayout('regpat', (h) => h.region, (h) => h.country);
});

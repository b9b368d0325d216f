// PatentsView's bulk tables as published, end to end: docs/layouts/patentsview.md's spec on the generator's
// patents in the PatentsView layout (quoted TSV, ISO dates, places through location_id), against the
// generator's own rows.
import { test } from 'node:test';
import { usState } from '../../server/src/engine/synth/layouts/index.ts';
import { checkLayout } from './layoutRuns.ts';

test('the PatentsView page\'s spec reads the bulk tables as they come: networks and counts as the generator\'s rows give them', async () => {
  await checkLayout('patentsview', (h) => (h.country === 'US' ? `US-${usState(h.region)}` : h.country), (h) => h.country);
});

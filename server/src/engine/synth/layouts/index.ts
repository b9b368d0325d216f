// The layouts the generator writes, by the name the command line takes.
import type { Layout } from './layout.js';
import { REGPAT_LAYOUT } from './regpatLayout.js';
import { PATENTSVIEW_LAYOUT } from './patentsViewLayout.js';
import { PATSTAT_LAYOUT } from './patstatLayout.js';

export const LAYOUTS: Readonly<Record<string, Layout>> = { regpat: REGPAT_LAYOUT, patstat: PATSTAT_LAYOUT, patentsview: PATENTSVIEW_LAYOUT };
export { writeLayout, type Layout } from './layout.js';
export { generatePatentRecords, type PatentRecord, type Holder } from './patentRecords.js';
export { usState } from './patentsViewLayout.js';

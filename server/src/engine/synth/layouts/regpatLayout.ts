// OECD REGPAT as distributed (July 2023 edition, "REGPAT database" documentation of the OECD's
// Directorate for Science, Technology and Innovation): pipe-delimited text files with a header line, no
// quotes, one file per table and edition prefix. The inventor and applicant region files have a row per
// person with its region (`reg_code`, NUTS3 / TL3), the region's and the person's share of the application;
// EPO_IPC has the priority and application years (one row per IPC class; one here, the model's).
// Citations follow the OECD Citations database (EP_Citations), the columns a study uses.
import { INTERNAL_ID_BASE } from '../regpat.js';
import type { Dialect, RowSink } from '../csvSink.js';
import { shares, type Holder, type PatentRecord } from './patentRecords.js';
import type { Layout } from './layout.js';

const PIPES: Dialect = { delimiter: '|', quoteText: false };
const EDITION = '202307';
const PERSON_COLUMNS = ['appln_id', 'pub_nbr', 'person_id', '{name}', 'address', 'city', 'postal_code', 'reg_code', 'ctry_code', 'reg_share', '{share}'];
const personColumns = (name: string, share: string) => PERSON_COLUMNS.map((c) => c.replace('{name}', name).replace('{share}', share));

export const REGPAT_LAYOUT: Layout = {
  source: 'OECD REGPAT database, July 2023 edition',
  tables: {
    ipc: { file: `${EDITION}_EPO_IPC.txt`, columns: ['appln_id', 'prio_year', 'app_year', 'IPC'], dialect: PIPES },
    inventors: { file: `${EDITION}_EPO_Inv_reg.txt`, columns: personColumns('inv_name', 'inv_share'), dialect: PIPES },
    applicants: { file: `${EDITION}_EPO_App_reg.txt`, columns: personColumns('app_name', 'app_share'), dialect: PIPES },
    citations: { file: `${EDITION}_EP_Citations.txt`, columns: ['Citing_pub_nbr', 'Citing_appln_id', 'Cited_pub_nbr', 'Cited_Appln_id', 'Citn_origin'], dialect: PIPES },
  },
  writer: (sinks) => async (p) => {
    // EP filings claim their priority within the twelve months the Paris Convention allows: filed a year on.
    await sinks.ipc!.writeRow([p.applnId, p.prioYear, p.prioYear + 1, p.ipc]);
    await writePersons(sinks.inventors!, p, p.inventors, 'INVENTOR', 0);
    await writePersons(sinks.applicants!, p, p.applicants, 'APPLICANT', 50);
    for (const cited of p.cited) await sinks.citations!.writeRow([pubNbr(p.applnId), p.applnId, pubNbr(cited), cited, 'SEA']);
  },
};

/** EP publication numbers in the range of the model's applications. */
const pubNbr = (applnId: number) => `EP${1_000_000 + applnId - INTERNAL_ID_BASE}`;

async function writePersons(sink: RowSink, p: PatentRecord, persons: Holder[], kind: string, idOffset: number): Promise<void> {
  const share = shares(persons);
  for (const h of persons) {
    const personId = p.applnId * 100 + idOffset + h.seq;
    await sink.writeRow([p.applnId, pubNbr(p.applnId), personId, `${kind} ${personId}`, '', '', '', h.region, h.country, round(share.region(h)), round(share.holder)]);
  }
}

/** Shares as REGPAT prints them: a few decimals. */
const round = (x: number) => Number(x.toFixed(6));

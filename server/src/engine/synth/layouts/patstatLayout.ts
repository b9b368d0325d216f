// EPO PATSTAT Global as its bulk CSV files come (Data Catalog, 2023 editions): comma-separated, text
// quoted, dates as YYYY-MM-DD, one file per table (the columns a study uses, in the catalog's order).
// Applications (tls201) and persons (tls206) are linked by tls207, a row per person and application with
// the applicant's and the inventor's order (0 when the person is not one); citations (tls212) link
// publications (tls211), not applications. A person's region is its `nuts` code (here the generator's).
import { EXTERNAL_ID_BASE, INTERNAL_ID_BASE } from '../regpat.js';
import type { Dialect } from '../csvSink.js';
import { dayOf, isoDate } from './patentRecords.js';
import type { Layout } from './layout.js';

const CSV_QUOTED: Dialect = { delimiter: ',', quoteText: true };
const PUBLICATION_OFFSET = 400_000_000;
const publication = (applnId: number) => applnId + PUBLICATION_OFFSET;

export const PATSTAT_LAYOUT: Layout = {
  source: 'EPO PATSTAT Global, Data Catalog, 2023 editions',
  tables: {
    applications: { file: 'tls201_appln.csv', columns: ['appln_id', 'appln_auth', 'appln_nr', 'appln_kind', 'appln_filing_date', 'appln_filing_year', 'earliest_filing_date', 'earliest_filing_year', 'granted', 'docdb_family_id', 'nb_applicants', 'nb_inventors'], dialect: CSV_QUOTED },
    persons: { file: 'tls206_person.csv', columns: ['person_id', 'person_name', 'person_address', 'person_ctry_code', 'nuts', 'nuts_level', 'psn_sector'], dialect: CSV_QUOTED },
    personApplications: { file: 'tls207_pers_appln.csv', columns: ['person_id', 'appln_id', 'applt_seq_nr', 'invt_seq_nr'], dialect: CSV_QUOTED },
    publications: { file: 'tls211_pat_publn.csv', columns: ['pat_publn_id', 'publn_auth', 'publn_nr', 'publn_kind', 'appln_id', 'publn_date', 'publn_first_grant'], dialect: CSV_QUOTED },
    citations: { file: 'tls212_citation.csv', columns: ['pat_publn_id', 'citn_replenished', 'citn_id', 'citn_origin', 'cited_pat_publn_id', 'cited_appln_id', 'pat_citn_seq_nr', 'cited_npl_publn_id', 'npl_citn_seq_nr', 'citn_gener_auth'], dialect: CSV_QUOTED },
  },
  writer: (sinks) => async (p) => {
    const number = String(p.applnId - INTERNAL_ID_BASE + 1_000_000);
    // The priority filing in the generator's year; the EP filing within the Paris Convention's twelve months.
    const priority = dayOf(p.prioYear, p.applnId);
    const filed = new Date(priority.getTime() + 360 * 86_400_000);
    await sinks.applications!.writeRow([p.applnId, 'EP', number, 'A', isoDate(filed), filed.getUTCFullYear(), isoDate(priority), p.prioYear, 'N', p.applnId, p.applicants.length, p.inventors.length]);
    const published = new Date(priority.getTime() + 548 * 86_400_000); // 18 months after priority
    await sinks.publications!.writeRow([publication(p.applnId), 'EP', number, 'A1', p.applnId, isoDate(published), 'N']);
    for (const [role, people, offset] of [['inventor', p.inventors, 0], ['applicant', p.applicants, 50]] as const) {
      for (const h of people) {
        const personId = p.applnId * 100 + offset + h.seq;
        await sinks.persons!.writeRow([personId, `${role.toUpperCase()} ${personId}`, '', h.country, h.region, 2, role === 'applicant' ? 'COMPANY' : 'INDIVIDUAL']);
        await sinks.personApplications!.writeRow([personId, p.applnId, role === 'applicant' ? h.seq : 0, role === 'inventor' ? h.seq : 0]);
      }
    }
    for (const [i, cited] of p.cited.entries()) {
      // Prior art outside the set has no application of it here: PATSTAT's 0.
      const citedAppln = cited >= EXTERNAL_ID_BASE ? 0 : cited;
      await sinks.citations!.writeRow([publication(p.applnId), 0, i + 1, 'SEA', publication(cited), citedAppln, i + 1, 0, 0, 'EP']);
    }
  },
};

// PatentsView's bulk downloads of granted patents (the `g_` tables, data dictionary of 2023,
// patentsview.org/download/data-download-tables): tab-separated, text quoted, dates as YYYY-MM-DD, one file
// per table. Inventors point at disambiguated locations by `location_id`; a location has a US state
// (postal code) or only a country. Patent numbers are text (`7000123`); inventor_sequence counts from 0.
import { EXTERNAL_ID_BASE, INTERNAL_ID_BASE } from '../regpat.js';
import type { Dialect } from '../csvSink.js';
import { dayOf, isoDate, type Holder } from './patentRecords.js';
import type { Layout } from './layout.js';

const TSV: Dialect = { delimiter: '\t', quoteText: true };

// The generator's US regions are FIPS state codes (US06); PatentsView names states by postal code.
const POSTAL: Readonly<Record<string, string>> = {
  '04': 'AZ', '06': 'CA', '08': 'CO', '13': 'GA', '17': 'IL', '25': 'MA', '26': 'MI', '27': 'MN',
  '34': 'NJ', '36': 'NY', '37': 'NC', '41': 'OR', '42': 'PA', '48': 'TX', '53': 'WA',
};

/** The US state's postal code of a generator region (its code after `US` when not a state it knows). */
export function usState(region: string): string {
  const fips = region.slice(2);
  return POSTAL[fips] ?? fips;
}

const patentId = (applnId: number) => String(applnId >= EXTERNAL_ID_BASE ? 4_000_000 + applnId - EXTERNAL_ID_BASE : 7_000_000 + applnId - INTERNAL_ID_BASE);
const locationId = (region: string) => `loc-${region.toLowerCase()}`;
const GRANT_LAG_DAYS = 2 * 365 + 120;

export const PATENTSVIEW_LAYOUT: Layout = {
  source: 'PatentsView bulk download tables (g_ tables), data dictionary 2023',
  tables: {
    patents: { file: 'g_patent.tsv', columns: ['patent_id', 'patent_type', 'patent_date', 'patent_title', 'patent_abstract', 'wipo_kind', 'num_claims', 'withdrawn', 'filename'], dialect: TSV },
    applications: { file: 'g_application.tsv', columns: ['application_id', 'patent_id', 'patent_application_type', 'filing_date', 'series_code', 'rule_47_flag'], dialect: TSV },
    inventors: { file: 'g_inventor_disambiguated.tsv', columns: ['patent_id', 'inventor_sequence', 'inventor_id', 'disambig_inventor_name_first', 'disambig_inventor_name_last', 'gender_code', 'location_id'], dialect: TSV },
    locations: { file: 'g_location_disambiguated.tsv', columns: ['location_id', 'disambig_city', 'disambig_state', 'disambig_country', 'latitude', 'longitude', 'county', 'state_fips', 'county_fips'], dialect: TSV },
    citations: { file: 'g_us_patent_citation.tsv', columns: ['patent_id', 'citation_sequence', 'citation_patent_id', 'citation_date', 'record_name', 'wipo_kind', 'citation_category'], dialect: TSV },
  },
  writer: (sinks) => {
    // Each location once, the first time an inventor is placed there.
    const located = new Set<string>();
    return async (p) => {
      const id = patentId(p.applnId);
      // Filed in the generator's year; granted about two and a third years on.
      const filed = dayOf(p.prioYear, p.applnId);
      const granted = new Date(filed.getTime() + GRANT_LAG_DAYS * 86_400_000);
      await sinks.patents!.writeRow([id, 'utility', isoDate(granted), `Synthetic invention ${id}`, '', 'B2', 10, 0, `ipg${isoDate(granted).replace(/-/g, '').slice(2)}.xml`]);
      await sinks.applications!.writeRow([`${String(p.prioYear).slice(2)}/${id.slice(1)}`, id, 'utility', isoDate(filed), '', 'FALSE']);
      for (const [i, h] of p.inventors.entries()) {
        await sinks.inventors!.writeRow([id, i, `inv-${id}-${i}`, 'Alex', `Inventor${i}`, 'U', locationId(h.region)]);
        if (!located.has(h.region)) {
          located.add(h.region);
          await sinks.locations!.writeRow(locationRow(h));
        }
      }
      for (const [i, cited] of p.cited.entries()) {
        // The generator cites older years only; the cited document's own date is not kept, its year before is.
        await sinks.citations!.writeRow([id, i, patentId(cited), `${p.prioYear - 1}-01-01`, 'cited by examiner', 'B2', 'cited by examiner']);
      }
    };
  },
};

function locationRow(h: Holder): (string | number)[] {
  const us = h.country === 'US';
  return [locationId(h.region), h.region, us ? usState(h.region) : '', h.country, 0, 0, '', us ? h.region.slice(2) : '', ''];
}
